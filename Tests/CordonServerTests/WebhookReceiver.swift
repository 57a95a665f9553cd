import Foundation
import Hummingbird
import Logging
import Synchronization

/// A firm's webhook endpoint on 127.0.0.1: records every POST and answers 500 to the first
/// `failures` of them, or, given `redirectTo`, 307 to every one.
final class WebhookReceiver: Sendable {
    struct Received: Sendable {
        let idempotencyKey: String?
        let signature: String?
        let body: String
    }

    let port: Int
    private let log: Log
    private let task: Task<Void, any Error>

    var received: [Received] { log.entries.withLock { $0 } }

    private init(port: Int, log: Log, task: Task<Void, any Error>) {
        self.port = port
        self.log = log
        self.task = task
    }

    static func start(port: Int = 0, failures: Int = 0, redirectTo: String? = nil) async throws -> WebhookReceiver {
        let log = Log()
        let router = Router()
        router.post("/hook") { request, _ -> Response in
            var request = request
            let body = String(buffer: try await request.collectBody(upTo: 1 << 20))
            let header = { (name: String) in request.headers.first { $0.name.canonicalName == name }?.value }
            let count = log.entries.withLock { entries in
                entries.append(Received(idempotencyKey: header("idempotency-key"), signature: header("cordon-signature"), body: body))
                return entries.count
            }
            if let redirectTo {
                var headers = HTTPFields()
                headers[.location] = redirectTo
                return Response(status: .temporaryRedirect, headers: headers)
            }
            return Response(status: count <= failures ? .internalServerError : .ok)
        }
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: port)),
                              onServerRunning: { channel in continuation.yield(channel.localAddress?.port ?? 0) },
                              logger: Logger(label: "webhook-receiver", factory: { _ in SwiftLogNoOpLogHandler() }))
        let task = Task { try await app.run() }
        var iterator = ports.makeAsyncIterator()
        guard let bound = await iterator.next() else { throw CancellationError() }
        return WebhookReceiver(port: bound, log: log, task: task)
    }

    func stop() async {
        task.cancel()
        _ = try? await task.value
    }

    private final class Log: Sendable {
        let entries = Mutex<[Received]>([])
    }
}
