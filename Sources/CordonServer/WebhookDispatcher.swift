import AsyncHTTPClient
import CordonCore
import Foundation
import Logging
import NIOCore
import ServiceLifecycle
import Synchronization

/// Works through the webhook outbox: POSTs each due delivery to its firm's webhook with an
/// Idempotency-Key and an HMAC signature, and records the outcome. The outbox is in the
/// database, so deliveries survive a restart and are made at least once.
///
/// Each firm with due work gets its own worker, which makes that firm's deliveries one after
/// another, in order, and ends when none is due; so a slow or unreachable receiver delays
/// only its own firm's alerts.
struct WebhookDispatcher: Service {
    let registry: Registry
    let policy: WebhookRetryPolicy
    let addresses: WebhookAddressPolicy
    let pollInterval: Duration
    let signal: FeedSignal
    let logger: Logger

    func run() async throws {
        let (wakes, cancel) = signal.listen(every: pollInterval)
        defer { cancel() }
        let working = FirmsAtWork()
        await withGracefulShutdownHandler {
            await withDiscardingTaskGroup { group in
                for await _ in wakes {
                    do {
                        for firm in try await registry.firmsWithDueDeliveries() where working.start(firm) {
                            group.addTask {
                                await work(for: firm)
                                working.finish(firm)
                            }
                        }
                    } catch is CancellationError {
                        // Shutting down.
                    } catch {
                        logger.error("webhook outbox", metadata: ["error": "\(String(reflecting: error))"])
                    }
                }
                // Shutting down: an attempt cut short stays due and is made after the restart.
                group.cancelAll()
            }
        } onGracefulShutdown: {
            cancel()
        }
    }

    /// One firm's due deliveries, oldest first, until none is due.
    private func work(for firm: String) async {
        do {
            while !Task.isCancelled {
                let due = try await registry.dueDeliveries(firm: firm, limit: 20)
                if due.isEmpty { return }
                for delivery in due {
                    let outcome = await attempt(delivery)
                    try Task.checkCancellation()
                    try await registry.record(outcome, of: delivery, policy: policy)
                }
            }
        } catch is CancellationError {
            // Shutting down: the delivery in hand stays due.
        } catch {
            logger.error("webhook outbox", metadata: ["firm": "\(firm)", "error": "\(String(reflecting: error))"])
        }
    }

    /// One POST. The host is resolved and every address checked now, and the connection goes
    /// to the checked address, so a name cannot be re-pointed at an internal one between the
    /// check and the connection. Redirects are not followed. What is recorded for the firm
    /// says only "HTTP <status>", "could not connect" or "timed out"; the server log has the rest.
    private func attempt(_ delivery: WebhookDelivery) async -> DeliveryOutcome {
        guard let url = delivery.url else { return .failed("the firm has no webhook any more") }
        let host: String
        let checked: WebhookAddress
        do {
            host = try Registry.webhookHost(url)
            switch try await addresses.check(host: host) {
            case .allowed(let found):
                guard let first = found.first else { return .failed("could not connect") }
                checked = first
            case .unresolved:
                logger.warning("webhook host does not resolve", metadata: ["firm": "\(delivery.firmID)", "host": "\(host)"])
                return .failed("could not connect")
            case .refused(let address, let kind):
                logger.warning("webhook address refused", metadata: [
                    "firm": "\(delivery.firmID)", "host": "\(host)", "address": "\(address)", "kind": "\(kind.rawValue)",
                ])
                return .failed("the webhook's address is not public")
            }
        } catch {
            logger.warning("webhook address check failed", metadata: ["firm": "\(delivery.firmID)", "error": "\(error)"])
            return .failed("could not connect")
        }

        var configuration = HTTPClient.Configuration(redirectConfiguration: .disallow)
        // Keyed both ways AsyncHTTPClient may spell the host (IPv6 in brackets); TLS still
        // checks the certificate against the name, and Host still carries it.
        configuration.dnsOverride = [host: checked.description, "[\(host)]": checked.description]
        let client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
        let outcome = await post(delivery, to: url, with: client)
        do {
            try await client.shutdown()
        } catch {
            logger.debug("webhook client shutdown", metadata: ["error": "\(error)"])
        }
        return outcome
    }

    private func post(_ delivery: WebhookDelivery, to url: String, with client: HTTPClient) async -> DeliveryOutcome {
        var request = HTTPClientRequest(url: url)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        request.headers.add(name: "Idempotency-Key", value: delivery.idempotencyKey)
        request.headers.add(name: "Cordon-Event-Id", value: String(delivery.eventID))
        request.headers.add(name: "Cordon-Event-Kind", value: delivery.kind.rawValue)
        if let signature = delivery.signature() { request.headers.add(name: "Cordon-Signature", value: signature) }
        request.body = .bytes(ByteBuffer(string: delivery.payload))
        do {
            // The deadline bounds connecting too: the client retries a refused connection until then.
            let response = try await client.execute(request, timeout: .milliseconds(Int64(policy.timeout * 1_000)))
            _ = try? await response.body.collect(upTo: 64 * 1024)
            guard (200..<300).contains(response.status.code) else {
                logger.warning("webhook refused", metadata: ["firm": "\(delivery.firmID)", "status": "\(response.status.code)"])
                return .failed("HTTP \(response.status.code)")
            }
            logger.info("webhook delivered", metadata: ["firm": "\(delivery.firmID)", "kind": "\(delivery.kind.rawValue)", "event": "\(delivery.eventID)"])
            return .delivered
        } catch {
            if !Task.isCancelled {
                logger.warning("webhook unreachable", metadata: ["firm": "\(delivery.firmID)", "error": "\(String(reflecting: error))"])
            }
            return .failed(Self.isTimeout(error) ? "timed out" : "could not connect")
        }
    }

    /// The firms that have a worker now; a firm gets a new one only once its last has finished.
    private final class FirmsAtWork: Sendable {
        private let firms = Mutex<Set<String>>([])
        func start(_ firm: String) -> Bool { firms.withLock { $0.insert(firm).inserted } }
        func finish(_ firm: String) { firms.withLock { _ = $0.remove(firm) } }
    }

    static func isTimeout(_ error: any Error) -> Bool {
        guard let error = error as? HTTPClientError else { return false }
        return [HTTPClientError.deadlineExceeded, .connectTimeout, .readTimeout, .getConnectionFromPoolTimeout].contains(error)
    }
}
