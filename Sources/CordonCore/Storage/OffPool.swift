import Dispatch

/// Runs blocking work (opening files, migrating, PROJ set-up) on a Dispatch queue so that it
/// never occupies one of the few threads of Swift's cooperative pool.
func offPool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        DispatchQueue.global(qos: .userInitiated).async {
            continuation.resume(with: Result { try work() })
        }
    }
}
