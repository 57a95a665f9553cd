import CordonCore
import Foundation
import Hummingbird
import NIOCore

/// Radius and polygon lookups: the same semantics and output as the command line's.
struct LookupRoutes: Sendable {
    static let maximumBody = 1 << 20
    let registry: Registry

    enum Format: String {
        case geojson, csv, json
    }

    func register(on router: Router<CordonRequestContext>, table: inout RouteTable) {
        router.get("/lookup/radius") { request, context in
            try context.requireActor().mayLookUp()
            return try await radius(request)
        }
        table.add(.get, "/lookup/radius")
        router.post("/lookup/polygon") { request, context in
            try context.requireActor().mayLookUp()
            return try await polygon(request)
        }
        table.add(.post, "/lookup/polygon")
    }

    func radius(_ request: Request) async throws -> Response {
        let parameters = try QueryParameters(request, allowed: ["lat", "lon", "radius", "at", "format", "totals_only"])
        let query = try RadiusQuery.parse(latitude: parameters["lat"], longitude: parameters["lon"], radius: parameters["radius"])
        let (format, totalsOnly, instant) = try options(parameters)
        let result = totalsOnly ? try await registry.nearTotals(query, at: instant) : try await registry.near(query, at: instant)
        return respond(result, format: format, totalsOnly: totalsOnly)
    }

    func polygon(_ request: Request) async throws -> Response {
        let parameters = try QueryParameters(request, allowed: ["at", "format", "totals_only"])
        let (format, totalsOnly, instant) = try options(parameters)
        let body = try await RequestBody.data(request, accepting: [MediaTypes.geoJSON, MediaTypes.json],
                                              as: "the polygon", limit: Self.maximumBody)
        let query = try AreaQuery.parse(body)
        let result = totalsOnly ? try await registry.withinTotals(query, at: instant) : try await registry.within(query, at: instant)
        return respond(result, format: format, totalsOnly: totalsOnly)
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
