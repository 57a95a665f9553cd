import Logging
import ServiceLifecycle

/// A service (the server, or a test's own receiver) run as `cordon serve` runs it and stopped
/// the same way: by graceful shutdown, not by cancelling its task. Cancelling can leave a
/// connection accepted and never served, on which NIO traps ("Deinited NIOAsyncWriter without
/// calling finish()", apple/swift-nio#3481), taking every suite of the test process down.
public final class RunningService: Sendable {
    private let group: ServiceGroup
    private let task: Task<Void, any Error>

    public init(_ service: some Service) {
        let group = ServiceGroup(configuration: .init(services: [service], logger: Logger(label: "cordon.tests")))
        self.group = group
        task = Task { try await group.run() }
    }

    /// Graceful shutdown: no new connections, the open ones finished (live streams end on it).
    /// Should anything still hold the service after `grace`, its task is cancelled, which is
    /// safe once it no longer accepts connections.
    public func stop(grace: Duration = .seconds(20)) async {
        await group.triggerGracefulShutdown()
        let task = self.task
        let watchdog = Task {
            try await Task.sleep(for: grace)
            task.cancel()
        }
        _ = try? await task.value
        watchdog.cancel()
    }
}
