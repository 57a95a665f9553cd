import CordonCore
import Hummingbird

/// Place search: names, addresses, postcodes, wards and ids to buildings with a point.
struct PlaceRoutes: Sendable {
    let registry: Registry

    func register(on router: Router<CordonRequestContext>, table: inout RouteTable) {
        router.get("/search") { request, context in
            try context.requireActor().maySearchPlaces()
            let parameters = try QueryParameters(request, allowed: ["q", "limit"])
            guard let text = parameters["q"] else {
                throw InputError(field: "q", value: "nothing", problem: "is missing",
                                 fix: "Give q=, e.g. q=30 St Mary Axe, q=EC3A 8EP or q=liverpool st.")
            }
            let limit = try parameters.integer("limit", default: PlaceSearchLimits.defaultResults,
                                               range: 1...PlaceSearchLimits.maximumResults)
            let found = try await registry.search(text, limit: limit)
            let body = JSONText.object([
                ("query", JSONText.quoted(text)),
                ("results", "[" + found.map { $0.json() }.joined(separator: ",") + "]"),
            ])
            return Response.text(body, contentType: MediaTypes.json)
        }
        table.add(.get, "/search")
    }
}
