import CordonCore
import Foundation
import Hummingbird
import NIOCore

/// Bulk figures from spreadsheets, and the report of figures that need refreshing.
struct FirmRoutes: Sendable {
    /// 10,000 rows of figures fit in well under 1 MiB; more is refused with 413.
    static let maximumUpload = 4 * 1024 * 1024
    let registry: Registry
    let costly: CostlyRequests

    func register(on router: Router<CordonRequestContext>, table: inout RouteTable) {
        router.post("/figures/bulk") { request, context in
            let actor = try context.requireActor()
            try QueryParameters.none(request)
            return try await costly.run(request, what: "upload") { request in
                let body = try await RequestBody.data(request, accepting: ["text/csv"], as: "the spreadsheet", limit: Self.maximumUpload)
                let report = try await registry.importFiguresCSV(body, actor: actor.via(.bulk))
                return Response.text(report.json(), contentType: MediaTypes.json)
            }
        }
        table.add(.post, "/figures/bulk")
        router.get("/reports/stale") { request, context in
            let actor = try context.requireActor()
            let parameters = try QueryParameters(request, allowed: ["organisation"])
            let stale = try await registry.staleBuildings(organisationID: parameters["organisation"], actor: actor)
            let body = JSONText.object([
                ("live_maximum_age_hours", JSONText.number(registry.staleness.liveMaximumAge / 3_600)),
                ("equipment_maximum_age_days", JSONText.number(registry.staleness.equipmentMaximumAge / 86_400)),
                ("buildings", "[" + stale.map { $0.json() }.joined(separator: ",") + "]"),
            ])
            return Response.text(body, contentType: MediaTypes.json)
        }
        table.add(.get, "/reports/stale")
    }
}
