import CordonCore
import Foundation
import Hummingbird

/// An incident followed live by commanders, planners and admins: its alerts, their answers,
/// cordon changes and closing, as Server-Sent Events with replay after Last-Event-ID.
struct IncidentStreamRoutes: Sendable {
    let registry: Registry
    let signal: FeedSignal
    let pollInterval: Duration
    var keepAliveEvery = 15

    func register(on router: Router<CordonRequestContext>, table: inout RouteTable) {
        router.get("/incidents/{incidentId}/events") { request, context in
            let parameters = try QueryParameters(request, allowed: ["after", "limit"])
            let events = try await registry.incidentEvents(
                try IncidentRoutes.id(context, "incidentId", kind: "incident"),
                after: try parameters.integer("after", default: 0, range: 0...Int(Int32.max)),
                limit: try parameters.integer("limit", default: Registry.incidentEventPageLimit, range: 1...Registry.incidentEventPageLimit),
                actor: try context.requireActor())
            return Response.text(EventStream.page(events.map { $0.json() }, lastEventID: events.last?.id), contentType: MediaTypes.json)
        }
        table.add(.get, "/incidents/{incidentId}/events")
        router.get("/incidents/{incidentId}/stream") { request, context in
            let actor = try context.requireActor()
            let incident = try IncidentRoutes.id(context, "incidentId", kind: "incident")
            let parameters = try QueryParameters(request, allowed: ["after"])
            let after = try FeedRoutes.lastEventID(request, parameters)
            // Refused (403, 404) before the stream starts, not inside it.
            _ = try await registry.incident(incident, actor: actor)
            let registry = self.registry
            return EventStream(registry: registry, signal: signal, pollInterval: pollInterval, keepAliveEvery: keepAliveEvery)
                .response(after: after, actor: actor) { last in
                    try await registry.incidentEvents(incident, after: last, actor: actor).map {
                        EventStream.Event(id: $0.id, name: $0.kind, data: $0.json())
                    }
                }
        }
        table.add(.get, "/incidents/{incidentId}/stream")
    }
}
