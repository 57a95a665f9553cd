import CordonTestSupport
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
    private let service: RunningService

    var received: [Received] { log.entries.withLock { $0 } }

    private init(port: Int, log: Log, service: RunningService) {
        self.port = port
        self.log = log
        self.service = service
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
        let service = RunningService(app)
        var iterator = ports.makeAsyncIterator()
        guard let bound = await iterator.next() else { throw CancellationError() }
        return WebhookReceiver(port: bound, log: log, service: service)
    }

    func stop() async {
        await service.stop()
    }

    private final class Log: Sendable {
        let entries = Mutex<[Received]>([])
    }
}
