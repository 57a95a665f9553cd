import AsyncHTTPClient
import CordonCore
import Foundation
import Logging
import NIOCore
import ServiceLifecycle

/// Works through the webhook outbox: POSTs each due delivery to its firm's webhook with an
/// Idempotency-Key and an HMAC signature, and records the outcome. The outbox is in the
/// database, so deliveries survive a restart and are made at least once.
struct WebhookDispatcher: Service {
    let registry: Registry
    let policy: WebhookRetryPolicy
    let pollInterval: Duration
    let signal: FeedSignal
    let logger: Logger

    func run() async throws {
        let (wakes, cancel) = signal.listen(every: pollInterval)
        defer { cancel() }
        await withGracefulShutdownHandler {
            for await _ in wakes {
                do {
                    // One slow or unreachable firm must not hold up the others' alerts.
                    try await withThrowingTaskGroup(of: Void.self) { group in
                        for delivery in try await registry.dueDeliveries() {
                            group.addTask {
                                let outcome = await attempt(delivery)
                                try Task.checkCancellation()
                                try await registry.record(outcome, of: delivery, policy: policy)
                            }
                        }
                        try await group.waitForAll()
                    }
                } catch is CancellationError {
                    // Shutting down: an attempt cut short stays due and is made after the restart.
                } catch {
                    logger.error("webhook outbox", metadata: ["error": "\(String(reflecting: error))"])
                }
            }
        } onGracefulShutdown: {
            cancel()
        }
    }

    private func attempt(_ delivery: WebhookDelivery) async -> DeliveryOutcome {
        guard let url = delivery.url else { return .failed("the firm has no webhook any more") }
        var request = HTTPClientRequest(url: url)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        request.headers.add(name: "Idempotency-Key", value: delivery.idempotencyKey)
        request.headers.add(name: "Cordon-Event-Id", value: String(delivery.feedID))
        if let signature = delivery.signature() { request.headers.add(name: "Cordon-Signature", value: signature) }
        request.body = .bytes(ByteBuffer(string: delivery.payload))
        do {
            // The deadline bounds connecting too: the client retries a refused connection until then.
            let response = try await HTTPClient.shared.execute(request, timeout: .milliseconds(Int64(policy.timeout * 1_000)))
            _ = try? await response.body.collect(upTo: 64 * 1024)
            guard (200..<300).contains(response.status.code) else {
                logger.warning("webhook refused", metadata: ["firm": "\(delivery.firmID)", "status": "\(response.status.code)"])
                return .failed("HTTP \(response.status.code)")
            }
            logger.info("webhook delivered", metadata: ["firm": "\(delivery.firmID)", "event": "\(delivery.feedID)"])
            return .delivered
        } catch {
            logger.warning("webhook unreachable", metadata: ["firm": "\(delivery.firmID)", "error": "\(error)"])
            return .failed("\(error)")
        }
    }
}
