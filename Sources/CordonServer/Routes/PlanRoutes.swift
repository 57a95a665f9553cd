import CordonCore
import Foundation
import Hummingbird
import NIOCore

/// Survivor reception planning: for commanders, planners and admins (not firms: a plan shows
/// every building's figures).
struct PlanRoutes: Sendable {
    let registry: Registry
    let costly: CostlyRequests

    func register(on router: Router<CordonRequestContext>, table: inout RouteTable) {
        router.post("/plan/reception") { request, context in
            try context.requireActor().mayLookUp()
            return try await costly.run(request, what: "reception plan") { request in try await reception(request, context) }
        }
        table.add(.post, "/plan/reception")
        router.get("/plan/coverage") { request, context in
            try context.requireActor().mayLookUp()
            let parameters = try QueryParameters(request, allowed: ["radius", "spacing", "walk", "at", "format", "table"])
            if let radius = parameters["radius"].flatMap(Double.init) {
                try await registry.checkCoverageWork(radius: radius, spacing: parameters["spacing"].flatMap(Double.init) ?? 50,
                                                     walkingDistance: parameters["walk"].flatMap(Double.init) ?? Registry.defaultWalkingDistance)
            }
            return try await costly.run(request, what: "coverage grid") { request in try await coverage(request) }
        }
        table.add(.get, "/plan/coverage")
    }

    private func reception(_ request: Request, _ context: CordonRequestContext) async throws -> Response {
        let parameters = try QueryParameters(request, allowed: ["format", "table"])
        let format = parameters["format"] ?? "json"
        let table = try csvTable(ReceptionPlan.CSVTable.self, parameters, format: format)
        let given = try await RequestBody.json(request, example: #"{"cordon": {"type": "radius", "lat": 51.5144, "lon": -0.0803, "radius_m": 200}}"#)
        // A radius cordon may be centred on a place ("30 St Mary Axe", "TQ 33238 81305").
        let body = try await registry.resolvingPlaces(in: given, at: ["cordon", "outer"])
        let cordon: PlanCordon
        var outer = try body["outer"].map { json throws(InputError) in try PlanCordon.parse(json, field: "outer") }
        if let incident = body["incident"] {
            // An incident's current inner cordon, and its outer cordon unless one is given.
            guard let number = incident.number, number == number.rounded(), number >= 1, number < 1e12 else {
                throw InputError(field: "incident", value: incident.text ?? incident.typeName, problem: "is not an incident number",
                                 fix: "Give \"incident\": 3, or a cordon.")
            }
            let current = try await registry.incident(Int(number), actor: try context.requireActor()).cordons.cordons
            cordon = current.inner.cordon
            outer = outer ?? current.outer?.cordon
        } else {
            cordon = try PlanCordon.parse(body["cordon"] ?? .null)
        }
        let walk = try body["walk_m"].map { json throws(InputError) in
            try RadiusQuery.number(json.text, field: "walk_m", example: "1000")
        } ?? Registry.defaultWalkingDistance
        let instant = try body["at"]?.string.map { text throws(InputError) in try LookupTime.parse(text) } ?? Date()
        let plan = try await registry.receptionPlan(for: cordon, outer: outer, walkingDistance: walk, at: instant)
        switch format {
        case "json": return Response.text(plan.json(), contentType: MediaTypes.json)
        case "geojson": return Response.text(plan.geoJSON(), contentType: MediaTypes.geoJSON)
        case "csv": return Response.text(plan.csv(table ?? .centres), contentType: MediaTypes.csv)
        case "svg": return Response.text(ReceptionMap.svg(plan, footprints: try await registry.footprintOutlines()), contentType: MediaTypes.svg)
        case let other:
            throw InputError(field: "format", value: "'\(other)'", problem: "is not a known format", fix: "Give format=json, geojson, csv or svg.")
        }
    }

    private func coverage(_ request: Request) async throws -> Response {
        let parameters = try QueryParameters(request, allowed: ["radius", "spacing", "walk", "at", "format", "table"])
        let format = parameters["format"] ?? "json"
        let table = try csvTable(Coverage.CSVTable.self, parameters, format: format)
        let radius = try RadiusQuery.number(parameters["radius"], field: "radius", example: "200")
        let spacing = try parameters["spacing"].map { text throws(InputError) in try RadiusQuery.number(text, field: "spacing", example: "50") } ?? 50
        let walk = try parameters["walk"].map { text throws(InputError) in try RadiusQuery.number(text, field: "walk", example: "1000") }
            ?? Registry.defaultWalkingDistance
        let coverage = try await registry.coverage(radius: radius, spacing: spacing, walkingDistance: walk, at: try parameters.instant())
        switch format {
        case "json": return Response.text(coverage.json(), contentType: MediaTypes.json)
        case "geojson": return Response.text(coverage.geoJSON(), contentType: MediaTypes.geoJSON)
        case "csv": return Response.text(coverage.csv(table ?? .points), contentType: MediaTypes.csv)
        case "svg":
            return Response.text(CoverageMap.svg(coverage, footprints: try await registry.footprintOutlines()), contentType: MediaTypes.svg)
        case let other:
            throw InputError(field: "format", value: "'\(other)'", problem: "is not a known format", fix: "Give format=json, geojson, csv or svg.")
        }
    }

    /// Which table of a CSV answer: `table` only means something with format=csv, so it is
    /// refused with any other format rather than silently ignored.
    private func csvTable<Table: RawRepresentable & CaseIterable>(_: Table.Type, _ parameters: QueryParameters,
                                                                  format: String) throws(InputError) -> Table? where Table.RawValue == String {
        guard let text = parameters["table"] else { return nil }
        let names = Table.allCases.map(\.rawValue)
        guard format == "csv" else {
            throw InputError(field: "table", value: "'\(text)'", problem: "applies only to format=csv",
                             fix: "Give format=csv with table=\(names.joined(separator: ", ")), or leave table out.")
        }
        guard let table = Table(rawValue: text) else {
            throw InputError(field: "table", value: "'\(text)'", problem: "is not a table of this answer",
                             fix: "Give table=\(names.joined(separator: ", ")).")
        }
        return table
    }
}
