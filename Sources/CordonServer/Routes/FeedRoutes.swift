import CordonCore
import Foundation
import Hummingbird
import NIOCore
import ServiceLifecycle

/// A firm's alerts: the feed, its live Server-Sent Events stream, and the firm's webhook
/// (which an admin organisation sets too, to receive signed audit checkpoints).
struct FeedRoutes: Sendable {
    let registry: Registry
    let signal: FeedSignal
    let pollInterval: Duration
    /// Which addresses a webhook may reach.
    let webhookAddresses: WebhookAddressPolicy
    /// A comment line this often keeps proxies from closing a quiet stream.
    var keepAliveEvery = 15

    func register(on router: Router<CordonRequestContext>, table: inout RouteTable) {
        router.get("/feed") { request, context in
            let parameters = try QueryParameters(request, allowed: ["after", "limit"])
            let events = try await registry.feed(after: try parameters.integer("after", default: 0, range: 0...Int(Int32.max)),
                                                 limit: try parameters.integer("limit", default: Registry.feedPageLimit, range: 1...Registry.feedPageLimit),
                                                 actor: try context.requireActor())
            return Response.text(EventStream.page(events.map { $0.json() }, lastEventID: events.last?.id), contentType: MediaTypes.json)
        }
        table.add(.get, "/feed")
        router.get("/feed/stream") { request, context in
            let actor = try context.requireActor()
            _ = try actor.feedOwner()
            let parameters = try QueryParameters(request, allowed: ["after"])
            let lastEventID = try Self.lastEventID(request, parameters)
            return stream(after: lastEventID, actor: actor)
        }
        table.add(.get, "/feed/stream")
        router.get("/feed/webhook") { request, context in
            try QueryParameters.none(request)
            guard let webhook = try await registry.webhook(actor: try context.requireActor()) else {
                throw Problem(status: .notFound,
                              detail: #"This firm has no webhook set. Set one with PUT /feed/webhook {"url": "https://..."}."#)
            }
            let deliveries = try await registry.webhookDeliveries(actor: try context.requireActor())
            return Response.text(Self.json(webhook, secret: nil, deliveries: deliveries), contentType: MediaTypes.json)
        }
        table.add(.get, "/feed/webhook")
        router.put("/feed/webhook") { request, context in
            try QueryParameters.none(request)
            let body = try await RequestBody.json(request, example: #"{"url": "https://alerts.example.com/cordon"}"#)
            let (webhook, secret) = try await registry.setWebhook(url: try AdminRoutes.text(body, "url"), addresses: webhookAddresses,
                                                                  actor: try context.requireActor())
            return Response.text(Self.json(webhook, secret: secret), contentType: MediaTypes.json)
        }
        table.add(.put, "/feed/webhook")
        router.delete("/feed/webhook") { request, context in
            try QueryParameters.none(request)
            try await registry.removeWebhook(actor: try context.requireActor())
            return Response(status: .noContent)
        }
        table.add(.delete, "/feed/webhook")
    }

    /// Replays the firm's events after `after`, then sends each new one as it is written.
    private func stream(after: Int, actor: Actor) -> Response {
        let registry = self.registry
        return EventStream(registry: registry, signal: signal, pollInterval: pollInterval, keepAliveEvery: keepAliveEvery)
            .response(after: after, actor: actor) { last in
                try await registry.feed(after: last, actor: actor).map {
                    EventStream.Event(id: $0.id, name: $0.status.alert.kind.rawValue, data: $0.json())
                }
            }
    }

    static func lastEventID(_ request: Request, _ parameters: QueryParameters) throws(InputError) -> Int {
        let header = request.headers.first { $0.name.canonicalName == "last-event-id" }?.value
        guard let text = header ?? parameters["after"] else { return 0 }
        guard let id = Int(text.trimmingCharacters(in: .whitespaces)), id >= 0 else {
            throw InputError(field: header != nil ? "Last-Event-ID" : "after", value: "'\(text)'", problem: "is not an event id",
                             fix: "Send the id of the last event received (a whole number), or nothing to receive every event.")
        }
        return id
    }

    private static func json(_ delivery: DeliveryRecord) -> String {
        JSONText.object([
            ("event_id", "\(delivery.eventID)"), ("idempotency_key", JSONText.quoted(delivery.idempotencyKey)),
            ("attempts", "\(delivery.attempts)"), ("delivered_at", JSONText.string(delivery.deliveredAt)),
            ("gave_up_at", JSONText.string(delivery.gaveUpAt)), ("next_attempt_at", JSONText.string(delivery.nextAttemptAt)),
            ("last_error", JSONText.string(delivery.lastError)),
        ])
    }

    private static func json(_ webhook: Webhook, secret: String?, deliveries: [DeliveryRecord]? = nil) -> String {
        JSONText.object([
            ("firm_id", JSONText.quoted(webhook.firmID)), ("url", JSONText.quoted(webhook.url)),
            ("set_at", JSONText.quoted(webhook.setAt)), ("set_by", JSONText.quoted(webhook.setBy)),
            ("secret", secret.map(JSONText.quoted)),
            ("deliveries", deliveries.map { "[" + $0.map(json).joined(separator: ",") + "]" }),
            ("note", secret.map { _ in "\"Deliveries carry Cordon-Signature: sha256=HMAC-SHA256(body, secret) and an Idempotency-Key. The secret is shown only now.\"" }),
        ])
    }
}
