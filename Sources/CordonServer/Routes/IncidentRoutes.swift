import CordonCore
import Foundation
import Hummingbird

/// Incidents, their cordons and zones, and the alerts sent for them: commanders run them,
/// planners and admins follow them, firms see their alerts through the feed.
struct IncidentRoutes: Sendable {
    let registry: Registry
    let presets: CordonPresets
    let signal: FeedSignal

    static let example = #"{"name": "Suspect package", "location": {"lat": 51.5178, "lon": -0.0823}, "inner": {"preset": "suitcase"}}"#

    func register(on router: Router<CordonRequestContext>, table: inout RouteTable) {
        router.post("/incidents") { request, context in
            try QueryParameters.none(request)
            let actor = try context.requireActor()
            try actor.mayCommand()
            let given = try await RequestBody.json(request, limit: 1024 * 1024, example: Self.example)
            // A place ("30 St Mary Axe", "TQ 33238 81305") may stand for any point.
            let body = try await registry.resolvingPlaces(in: given, at: ["location", "inner", "outer", "advisory"],
                                                          describing: ["location"])
            let (location, description) = try IncidentDraft.location(body["location"])
            let draft = try IncidentDraft(name: try AdminRoutes.text(body, "name"), location: location, locationDescription: description,
                                          cordons: try IncidentCordons.parse(body, location: location, presets: presets))
            let incident = try await registry.openIncident(draft, actor: actor)
            signal.notify()
            var headers = HTTPFields()
            headers[.location] = "/incidents/\(incident.id)"
            return Response.text(incident.json(), contentType: MediaTypes.json, status: .created, headers: headers)
        }
        table.add(.post, "/incidents")
        router.get("/incidents") { request, context in
            let parameters = try QueryParameters(request, allowed: ["status", "limit"])
            let status = try parameters["status"].map { text throws(InputError) in try IncidentStatus.parse(text) }
            let incidents = try await registry.incidents(status: status, limit: try parameters.integer("limit", default: 100, range: 1...1_000),
                                                         actor: try context.requireActor())
            return Response.text("{\"incidents\":[" + incidents.map { $0.json() }.joined(separator: ",") + "]}", contentType: MediaTypes.json)
        }
        table.add(.get, "/incidents")
        router.get("/incidents/{incidentId}") { request, context in
            try QueryParameters.none(request)
            let incident = try await registry.incident(try Self.id(context, "incidentId", kind: "incident"), actor: try context.requireActor())
            return Response.text(incident.json(), contentType: MediaTypes.json)
        }
        table.add(.get, "/incidents/{incidentId}")
        router.get("/incidents/{incidentId}/cordons") { request, context in
            try QueryParameters.none(request)
            let versions = try await registry.cordonHistory(of: try Self.id(context, "incidentId", kind: "incident"),
                                                            actor: try context.requireActor())
            return Response.text("{\"versions\":[" + versions.map { $0.json() }.joined(separator: ",") + "]}", contentType: MediaTypes.json)
        }
        table.add(.get, "/incidents/{incidentId}/cordons")
        router.post("/incidents/{incidentId}/cordons") { request, context in
            try QueryParameters.none(request)
            let body = try await RequestBody.json(request, limit: 1024 * 1024, example: #"{"inner": {"type": "radius", "radius_m": 309}, "reason": "device larger than first reported"}"#)
            if let given = body["reason"], given.string == nil {
                throw InputError(field: "reason", value: given.typeName, problem: "is not text",
                                 fix: "Say why the cordons change, e.g. \"reason\": \"device larger than first reported\".")
            }
            let incident = try await registry.changeCordons(of: try Self.id(context, "incidentId", kind: "incident"), change: body,
                                                            reason: body["reason"]?.string, presets: presets,
                                                            actor: try context.requireActor())
            signal.notify()
            return Response.text(incident.json(), contentType: MediaTypes.json)
        }
        table.add(.post, "/incidents/{incidentId}/cordons")
        router.post("/incidents/{incidentId}/close") { request, context in
            try QueryParameters.none(request)
            let incident = try await registry.closeIncident(try Self.id(context, "incidentId", kind: "incident"), actor: try context.requireActor())
            signal.notify()
            return Response.text(incident.json(), contentType: MediaTypes.json)
        }
        table.add(.post, "/incidents/{incidentId}/close")
        router.get("/incidents/{incidentId}/buildings") { request, context in
            let parameters = try QueryParameters(request, allowed: ["at", "format"])
            let zones = try await registry.zones(of: try Self.id(context, "incidentId", kind: "incident"), at: try parameters.instant(),
                                                 actor: try context.requireActor())
            switch parameters["format"] ?? "json" {
            case "json": return Response.text(zones.json(), contentType: MediaTypes.json)
            case "geojson": return Response.text(zones.geoJSON(), contentType: MediaTypes.geoJSON)
            case let other:
                throw InputError(field: "format", value: "'\(other)'", problem: "is not a known format", fix: "Give format=json or geojson.")
            }
        }
        table.add(.get, "/incidents/{incidentId}/buildings")
        router.post("/incidents/{incidentId}/alerts") { request, context in
            try QueryParameters.none(request)
            let body = try await RequestBody.json(request, example: #"{"priority": "red", "message": "Evacuate now", "target": {"zones": ["inner"]}}"#)
            let status = try await registry.sendAlert(incident: try Self.id(context, "incidentId", kind: "incident"),
                                                      try AlertDraft.parse(body), actor: try context.requireActor())
            signal.notify()
            return AlertRoutes.created(status)
        }
        table.add(.post, "/incidents/{incidentId}/alerts")
        router.post("/incidents/{incidentId}/alerts/preview") { request, context in
            try QueryParameters.none(request)
            let body = try await RequestBody.json(request, example: #"{"priority": "red", "message": "Evacuate now", "target": {"zones": ["inner"]}}"#)
            let preview = try await registry.previewAlert(incident: try Self.id(context, "incidentId", kind: "incident"),
                                                          try AlertDraft.parse(body), actor: try context.requireActor())
            return Response.text(preview.json(), contentType: MediaTypes.json)
        }
        table.add(.post, "/incidents/{incidentId}/alerts/preview")
        router.get("/incidents/{incidentId}/alerts") { request, context in
            try QueryParameters.none(request)
            let alerts = try await registry.alerts(ofIncident: try Self.id(context, "incidentId", kind: "incident"), actor: try context.requireActor())
            return Response.text("{\"alerts\":[" + alerts.map { $0.json() }.joined(separator: ",") + "]}", contentType: MediaTypes.json)
        }
        table.add(.get, "/incidents/{incidentId}/alerts")
        router.get("/cordon-presets") { request, context in
            try QueryParameters.none(request)
            _ = try context.requireActor()
            let rows = presets.presets.map { preset in
                JSONText.object([("name", JSONText.quoted(preset.name)), ("radius_m", JSONText.number(preset.radius)),
                                 ("description", JSONText.quoted(preset.description))])
            }
            return Response.text("{\"presets\":[" + rows.joined(separator: ",") + "]}", contentType: MediaTypes.json)
        }
        table.add(.get, "/cordon-presets")
    }

    /// A numeric id from the path; anything else names no record.
    static func id(_ context: CordonRequestContext, _ name: String, kind: String) throws -> Int {
        let text = context.parameters.get(name) ?? ""
        guard let id = Int(text), id > 0 else { throw NotFoundError(kind: kind, id: text) }
        return id
    }
}
