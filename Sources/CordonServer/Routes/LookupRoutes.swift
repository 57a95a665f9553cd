import CordonCore
import Foundation
import Hummingbird
import NIOCore

/// Radius, polygon and corridor lookups: the same semantics and output as the command line's.
struct LookupRoutes: Sendable {
    static let maximumBody = 1 << 20
    /// A route of the most positions a corridor allows takes about 40 KB.
    static let maximumCorridorBody = 256 * 1024
    let registry: Registry
    let costly: CostlyRequests

    enum Format: String {
        case geojson, csv, json
    }

    func register(on router: Router<CordonRequestContext>, table: inout RouteTable) {
        router.get("/lookup/radius") { request, context in
            try context.requireActor().mayLookUp()
            let parameters = try QueryParameters(request, allowed: ["lat", "lon", "place", "radius", "at", "format", "totals_only"])
            let (query, place) = try await registry.radiusQuery(latitude: parameters["lat"], longitude: parameters["lon"],
                                                                place: parameters["place"], radius: parameters["radius"])
            // Totals are cheap at any radius; a long list of buildings is not.
            guard query.radius > costly.limits.largeRadius, !(try parameters.bool("totals_only")) else {
                return try await radius(query, place: place, parameters)
            }
            return try await costly.run(request, what: "radius lookup") { _ in try await radius(query, place: place, parameters) }
        }
        table.add(.get, "/lookup/radius")
        router.post("/lookup/polygon") { request, context in
            try context.requireActor().mayLookUp()
            let parameters = try QueryParameters(request, allowed: ["at", "format", "totals_only"])
            _ = try options(parameters)
            let body = try await RequestBody.data(request, accepting: [MediaTypes.geoJSON, MediaTypes.json],
                                                  as: "the polygon", limit: Self.maximumBody)
            let query = try AreaQuery.parse(body)
            // A cordon drawn over a few streets is as cheap as a radius lookup; a detailed or
            // large area runs in a costly slot, under the deadline.
            guard query.work > costly.limits.largePolygon else { return try await polygon(query, parameters) }
            return try await costly.run(request, what: "polygon lookup", watchingClient: false) { _ in
                try await polygon(query, parameters)
            }
        }
        table.add(.post, "/lookup/polygon")
        router.post("/lookup/corridor") { request, context in
            try context.requireActor().mayLookUp()
            let parameters = try QueryParameters(request, allowed: ["at", "format", "totals_only"])
            _ = try options(parameters)
            let body = try await RequestBody.json(request, limit: Self.maximumCorridorBody, example: Self.corridorExample)
            let corridor = try Self.corridor(body)
            // Measured as a polygon is: a route along a few streets is cheap, a long or wide one
            // runs in a costly slot, under the deadline.
            guard corridor.work > costly.limits.largePolygon else { return try await cordon(corridor, parameters) }
            return try await costly.run(request, what: "corridor lookup", watchingClient: false) { _ in
                try await cordon(corridor, parameters)
            }
        }
        table.add(.post, "/lookup/corridor")
    }

    static let corridorExample = #"{"route": {"type": "LineString", "coordinates": [[-0.0835, 51.5155], [-0.0790, 51.5140]]}, "width_m": 100}"#

    /// {"route": LineString (bare or in a Feature), "width_m": metres}, as an incident's
    /// corridor cordon is given ("type": "corridor" may be sent too).
    static func corridor(_ body: JSONValue) throws(InputError) -> PlanCordon {
        guard case .object(let members) = body else {
            throw InputError(field: "body", value: body.typeName, problem: "is not an object", fix: "Send \(corridorExample).")
        }
        if let unknown = members.keys.sorted().first(where: { !["type", "route", "width_m"].contains($0) }) {
            throw InputError(field: unknown, value: members[unknown]?.text ?? members[unknown]?.typeName ?? "", problem: "is not a corridor field", fix: "Send only route and width_m, as in \(corridorExample).")
        }
        if let type = members["type"], type.string != "corridor" {
            throw InputError(field: "type", value: type.text.map { "'\($0)'" } ?? type.typeName, problem: "is not corridor",
                             fix: "Leave type out or give \"corridor\"; circles are GET /lookup/radius, polygons POST /lookup/polygon.")
        }
        guard let given = members["width_m"], given != .null else {
            throw InputError(field: "width_m", value: "nothing", problem: "is missing",
                             fix: "Give the corridor's whole width in metres, e.g. \"width_m\": 100.")
        }
        guard let width = given.number else {
            throw InputError(field: "width_m", value: given.text.map { "'\($0)'" } ?? given.typeName, problem: "is not a number",
                             fix: "Give the corridor's whole width in metres as a JSON number, e.g. \"width_m\": 100.")
        }
        return try PlanCordon.corridor(route: members["route"] ?? .null, width: width, field: "")
    }

    func radius(_ query: RadiusQuery, place: ResolvedPlace?, _ parameters: QueryParameters) async throws -> Response {
        let (format, totalsOnly, instant) = try options(parameters)
        var result = totalsOnly ? try await registry.nearTotals(query, at: instant) : try await registry.near(query, at: instant)
        result.place = place
        return respond(result, format: format, totalsOnly: totalsOnly)
    }

    func polygon(_ query: AreaQuery, _ parameters: QueryParameters) async throws -> Response {
        let (format, totalsOnly, instant) = try options(parameters)
        let result = totalsOnly ? try await registry.withinTotals(query, at: instant) : try await registry.within(query, at: instant)
        return respond(result, format: format, totalsOnly: totalsOnly)
    }

    func cordon(_ cordon: PlanCordon, _ parameters: QueryParameters) async throws -> Response {
        let (format, totalsOnly, instant) = try options(parameters)
        return respond(try await registry.inside(cordon, at: instant), format: format, totalsOnly: totalsOnly)
    }

    private func options(_ parameters: QueryParameters) throws -> (Format, Bool, Date) {
        let text = parameters["format"] ?? "geojson"
        guard let format = Format(rawValue: text.lowercased()) else {
            throw InputError(field: "format", value: "'\(text)'", problem: "is not a known format",
                             fix: "Give format=geojson (the default), format=json or format=csv.")
        }
        return (format, try parameters.bool("totals_only"), try parameters.instant())
    }

    private func respond(_ result: LookupResult, format: Format, totalsOnly: Bool) -> Response {
        if totalsOnly { return .text(result.totalsOnlyJSON(), contentType: MediaTypes.json) }
        switch format {
        case .geojson: return .text(result.geoJSON(), contentType: MediaTypes.geoJSON)
        case .json: return .text(result.json(), contentType: MediaTypes.json)
        case .csv: return .text(result.csv(), contentType: MediaTypes.csv)
        }
    }
}
