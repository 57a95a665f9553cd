import Foundation
import CordonCore
import Hummingbird

/// The caller's own organisation and buildings: what a firm keeps, as a list, a spreadsheet
/// in the bulk-upload format, and a confirmation of many buildings at once.
struct MeRoutes: Sendable {
    /// 10,000 building ids fit well under this.
    static let maximumConfirmation = 1024 * 1024
    let registry: Registry

    func register(on router: Router<CordonRequestContext>, table: inout RouteTable) {
        router.get("/me") { request, context in
            try QueryParameters.none(request)
            let actor = try context.requireActor()
            let organisation = try await registry.organisation(of: actor)
            let body = JSONText.object([
                ("organisation_id", JSONText.string(actor.organisationID)),
                ("name", JSONText.string(organisation?.name)),
                ("role", JSONText.quoted(actor.role.rawValue)),
                ("key_id", JSONText.string(actor.keyID)),
                ("buildings", actor.ownBuildingsScope == nil ? "\"all\"" : "\"managed\""),
            ])
            return Response.text(body, contentType: MediaTypes.json)
        }
        table.add(.get, "/me")
        router.get("/me/buildings") { request, context in
            let parameters = try QueryParameters(request, allowed: ["format", "f"])
            let format = parameters["format"] ?? parameters["f"] ?? "json"
            guard format == "json" || format == "csv" else {
                throw InputError(field: parameters["format"] == nil ? "f" : "format", value: "'\(format)'", problem: "is not a known format",
                                 fix: "Give format=json (the default) or format=csv (the bulk-upload spreadsheet).")
            }
            return try await buildings(try context.requireActor(), csv: format == "csv")
        }
        table.add(.get, "/me/buildings")
        router.get("/me/buildings.csv") { request, context in
            try QueryParameters.none(request)
            return try await buildings(try context.requireActor(), csv: true)
        }
        table.add(.get, "/me/buildings.csv")
        router.post("/me/buildings/confirm") { request, context in
            try QueryParameters.none(request)
            let actor = try context.requireActor()
            let body = try await RequestBody.json(request, limit: Self.maximumConfirmation,
                                                  example: #"{"buildings": ["way/4959489"]} or {"all": true}"#)
            let confirmation = try await registry.confirmFigures(try ConfirmationTarget.parse(body), actor: actor.via(.http))
            return Response.text(confirmation.json(), contentType: MediaTypes.json)
        }
        table.add(.post, "/me/buildings/confirm")
    }

    private func buildings(_ actor: Actor, csv: Bool) async throws -> Response {
        let list = try await registry.ownBuildings(actor: actor)
        if csv {
            var headers = HTTPFields()
            headers[.contentDisposition] = "attachment; filename=\"\(actor.organisationID ?? "cordon")-figures.csv\""
            return Response.text(ManagedBuilding.csv(list), contentType: MediaTypes.csv, headers: headers)
        }
        let now = Date()
        let cutoffs = registry.staleness.cutoffs(at: now)
        let body = JSONText.object([
            ("organisation_id", JSONText.string(actor.organisationID)),
            ("scope", actor.ownBuildingsScope == nil ? "\"all\"" : "\"managed\""),
            ("count", "\(list.count)"),
            ("stale", "\(list.filter { !$0.staleFigures(cutoffs).isEmpty }.count)"),
            ("live_maximum_age_hours", JSONText.number(registry.staleness.liveMaximumAge / 3_600)),
            ("equipment_maximum_age_days", JSONText.number(registry.staleness.equipmentMaximumAge / 86_400)),
            ("demonstration_figures", JSONText.bool(list.contains { $0.figures?.demonstration ?? false })),
            ("buildings", "[" + list.map { $0.json(policy: registry.staleness, now: now) }.joined(separator: ",") + "]"),
        ])
        return Response.text(body, contentType: MediaTypes.json)
    }
}
