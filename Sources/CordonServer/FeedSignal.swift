import Synchronization

/// Wakes the live streams and the webhook outbox when this server sends an alert, so a firm
/// hears of it at once rather than at the next poll.
public final class FeedSignal: Sendable {
    private let listeners = Mutex<[Int: AsyncStream<Void>.Continuation]>([:])
    private let nextID = Atomic<Int>(0)

    public init() {}

    /// A stream that yields on every `notify()` and every `interval`, until `cancel` is called.
    /// Yields once at once, so a listener starts by looking for work.
    func listen(every interval: Duration) -> (wakes: AsyncStream<Void>, cancel: @Sendable () -> Void) {
        let (stream, continuation) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
        let id = nextID.add(1, ordering: .relaxed).newValue
        listeners.withLock { $0[id] = continuation }
        continuation.yield()
        let ticker = Task {
            while !Task.isCancelled {
                try? await Task.sleep(for: interval)
                continuation.yield()
            }
        }
        let cancel: @Sendable () -> Void = { [weak self] in
            ticker.cancel()
            continuation.finish()
            self?.listeners.withLock { _ = $0.removeValue(forKey: id) }
        }
        return (stream, cancel)
    }

    func notify() {
        listeners.withLock { listeners in
            for continuation in listeners.values { continuation.yield() }
        }
    }
}
