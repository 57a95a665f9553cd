import CordonCore
import Foundation
import Hummingbird
import NIOCore
import ServiceLifecycle

/// A Server-Sent Events answer over a source of numbered events: replays what came after
/// the client's Last-Event-ID, then sends each new event as it is written, until the client
/// goes, the server shuts down, or the key is revoked or expires. The source is read again
/// on every wake: at once when this server writes (the signal), and at least once a second
/// for writes made by other processes; the key is checked on every wake too.
struct EventStream: Sendable {
    struct Event: Sendable {
        let id: Int
        let name: String
        let data: String
    }

    let registry: Registry
    let signal: FeedSignal
    let pollInterval: Duration
    /// A comment line after this many quiet wakes keeps proxies from closing the stream.
    let keepAliveEvery: Int

    /// The same events as a page of JSON, `{"events": [...], "last_event_id"}`, for clients
    /// that poll (`?after=` the last id they saw) instead of keeping a stream open.
    static func page(_ events: [String], lastEventID: Int?) -> String {
        "{\"events\":[" + events.joined(separator: ",") + "],\"last_event_id\":" + (lastEventID.map { "\($0)" } ?? "null") + "}"
    }

    func response(after: Int, actor: Actor, next: @escaping @Sendable (_ after: Int) async throws -> [Event]) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/event-stream; charset=utf-8"
        headers[.cacheControl] = "no-cache"
        let registry = self.registry, signal = self.signal, pollInterval = self.pollInterval, keepAliveEvery = self.keepAliveEvery
        return Response(status: .ok, headers: headers, body: ResponseBody { writer in
            let (wakes, cancel) = signal.listen(every: min(pollInterval, .seconds(1)))
            defer { cancel() }
            try await writer.write(ByteBuffer(string: "retry: 2000\n: connected\n\n"))
            var last = after
            var quiet = 0
            // Shutting down ends the stream; the client reconnects elsewhere with Last-Event-ID.
            try await withGracefulShutdownHandler {
                for await _ in wakes {
                    guard try await registry.keyIsActive(of: actor) else {
                        try await writer.write(ByteBuffer(string: ": the key is revoked or has expired\n\n"))
                        break
                    }
                    let events = try await next(last)
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
                        text += "id: \(event.id)\nevent: \(event.name)\ndata: \(event.data)\n\n"
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
}
