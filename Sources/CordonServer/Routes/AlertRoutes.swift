import CordonCore
import Foundation
import Hummingbird

/// One alert: its progress (commanders) or a firm's own part of it, its CAP 1.2 form, the
/// acknowledgements, and updates and cancellations that reference it.
struct AlertRoutes: Sendable {
    let registry: Registry
    let signal: FeedSignal

    func register(on router: Router<CordonRequestContext>, table: inout RouteTable) {
        // `{alertId}.cap` is the same segment with a suffix: one route serves both.
        router.get("/alerts/{alertId}") { request, context in
            try QueryParameters.none(request)
            let segment = context.parameters.get("alertId") ?? ""
            if segment.hasSuffix(".cap") {
                let id = Int(segment.dropLast(4)) ?? 0
                guard id > 0 else { throw NotFoundError(kind: "alert", id: segment) }
                let status = try await registry.alertStatus(id, actor: try context.requireActor())
                return Response.text(CAPMessage.xml(status.alert), contentType: "application/cap+xml; charset=utf-8")
            }
            let status = try await registry.alertStatus(try IncidentRoutes.id(context, "alertId", kind: "alert"), actor: try context.requireActor())
            return Response.text(status.json(), contentType: MediaTypes.json)
        }
        table.add(.get, "/alerts/{alertId}")
        table.add(.get, "/alerts/{alertId}.cap")
        router.post("/alerts/{alertId}/ack") { request, context in
            try QueryParameters.none(request)
            let body = try await RequestBody.json(request, example: #"{"building_id": "way/4959489", "status": "sheltering", "people": 120, "note": "staff in the basement"}"#)
            let acks = try await registry.acknowledge(try IncidentRoutes.id(context, "alertId", kind: "alert"), try AckDraft.parse(body),
                                                      actor: try context.requireActor())
            signal.notify()
            return Response.text("{\"acks\":[" + acks.map { $0.json() }.joined(separator: ",") + "]}", contentType: MediaTypes.json, status: .created)
        }
        table.add(.post, "/alerts/{alertId}/ack")
        router.get("/alerts/{alertId}/acks") { request, context in
            try QueryParameters.none(request)
            let acks = try await registry.acknowledgements(of: try IncidentRoutes.id(context, "alertId", kind: "alert"), actor: try context.requireActor())
            return Response.text("{\"acks\":[" + acks.map { $0.json() }.joined(separator: ",") + "]}", contentType: MediaTypes.json)
        }
        table.add(.get, "/alerts/{alertId}/acks")
        router.post("/alerts/{alertId}/update") { request, context in
            try QueryParameters.none(request)
            let body = try await RequestBody.json(request, example: #"{"message": "The cordon is now 309 m", "target": {"zones": ["inner"]}}"#)
            let status = try await registry.updateAlert(try IncidentRoutes.id(context, "alertId", kind: "alert"), try AlertDraft.parse(body),
                                                        actor: try context.requireActor())
            signal.notify()
            return Self.created(status)
        }
        table.add(.post, "/alerts/{alertId}/update")
        router.post("/alerts/{alertId}/cancel") { request, context in
            try QueryParameters.none(request)
            let body = request.headers[.contentType] == nil ? JSONValue.object([:])
                : try await RequestBody.json(request, example: #"{"message": "All clear: the package was harmless"}"#)
            let status = try await registry.cancelAlert(try IncidentRoutes.id(context, "alertId", kind: "alert"), message: body["message"]?.string,
                                                        actor: try context.requireActor())
            signal.notify()
            return Self.created(status)
        }
        table.add(.post, "/alerts/{alertId}/cancel")
    }

    static func created(_ status: AlertStatus) -> Response {
        var headers = HTTPFields()
        headers[.location] = "/alerts/\(status.alert.id)"
        return Response.text(status.json(), contentType: MediaTypes.json, status: .created, headers: headers)
    }
}
