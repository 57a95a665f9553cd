import CordonCore
import Foundation
import Hummingbird
import NIOCore
import ServiceLifecycle

/// A firm's alerts: the feed, its live Server-Sent Events stream, and the firm's webhook.
struct FeedRoutes: Sendable {
    let registry: Registry
    let signal: FeedSignal
    let pollInterval: Duration
    /// A comment line this often keeps proxies from closing a quiet stream.
    var keepAliveEvery = 15

    func register(on router: Router<CordonRequestContext>, table: inout RouteTable) {
        router.get("/feed") { request, context in
            let parameters = try QueryParameters(request, allowed: ["after", "limit"])
            let events = try await registry.feed(after: try parameters.integer("after", default: 0, range: 0...Int(Int32.max)),
                                                 limit: try parameters.integer("limit", default: Registry.feedPageLimit, range: 1...Registry.feedPageLimit),
                                                 actor: try context.requireActor())
            let json = "{\"events\":[" + events.map { $0.json() }.joined(separator: ",") + "],\"last_event_id\":"
                + (events.last.map { "\($0.id)" } ?? "null") + "}"
            return Response.text(json, contentType: MediaTypes.json)
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
        router.get("/feed/webhook") { _, context in
            guard let webhook = try await registry.webhook(actor: try context.requireActor()) else {
                throw NotFoundError(kind: "webhook", id: context.actor?.name ?? "")
            }
            let deliveries = try await registry.webhookDeliveries(actor: try context.requireActor())
            return Response.text(Self.json(webhook, secret: nil, deliveries: deliveries), contentType: MediaTypes.json)
        }
        table.add(.get, "/feed/webhook")
        router.put("/feed/webhook") { request, context in
            let body = try await RequestBody.json(request, example: #"{"url": "https://alerts.example.com/cordon"}"#)
            let (webhook, secret) = try await registry.setWebhook(url: try AdminRoutes.text(body, "url"), actor: try context.requireActor())
            return Response.text(Self.json(webhook, secret: secret), contentType: MediaTypes.json)
        }
        table.add(.put, "/feed/webhook")
        router.delete("/feed/webhook") { _, context in
            try await registry.removeWebhook(actor: try context.requireActor())
            return Response(status: .noContent)
        }
        table.add(.delete, "/feed/webhook")
    }

    /// Replays the firm's events after `after`, then sends each new one as it is written,
    /// until the client goes or the server shuts down.
    private func stream(after: Int, actor: Actor) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/event-stream; charset=utf-8"
        headers[.cacheControl] = "no-cache"
        let registry = self.registry, signal = self.signal, pollInterval = self.pollInterval, keepAliveEvery = self.keepAliveEvery
        return Response(status: .ok, headers: headers, body: ResponseBody { writer in
            let (wakes, cancel) = signal.listen(every: pollInterval)
            defer { cancel() }
            try await writer.write(ByteBuffer(string: "retry: 2000\n: connected\n\n"))
            var last = after
            var quiet = 0
            // Shutting down ends the stream; the client reconnects elsewhere with Last-Event-ID.
            try await withGracefulShutdownHandler {
                for await _ in wakes {
                    let events = try await registry.feed(after: last, actor: actor)
                    if events.isEmpty {
                        quiet += 1
                        guard quiet >= keepAliveEvery else { continue }
                        quiet = 0
                        try await writer.write(ByteBuffer(string: ": keep-alive\n\n"))
                        continue
                    }
                    quiet = 0
                    var text = ""
                    for event in events {
                        text += "id: \(event.id)\nevent: \(event.status.alert.kind.rawValue)\ndata: \(event.json())\n\n"
                        last = event.id
                    }
                    try await writer.write(ByteBuffer(string: text))
                }
            } onGracefulShutdown: {
                cancel()
            }
            try await writer.finish(nil)
        })
    }

    private static func lastEventID(_ request: Request, _ parameters: QueryParameters) throws(InputError) -> Int {
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
