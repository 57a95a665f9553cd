import Foundation
import Logging
import Synchronization

/// The query service's in-memory copy of what radius lookups read, kept current.
///
/// A lookup may use the copy only when it is known to match the database:
/// - no write through this process has finished since the copy was last checked, and
/// - it was checked against `lookup_revision` (which triggers move on every change to
///   buildings or figures, whoever makes it) within `recheckInterval`.
/// Otherwise the lookup reads the revision (one row); if the copy is behind, that lookup
/// runs in SQL and a new copy is read in the background. So a write through the server is
/// seen by the very next lookup, and a write by another process (the command line on the
/// same file) within `recheckInterval`.
public final class RadiusIndex: Sendable {
    public static let defaultRecheckInterval: Duration = .milliseconds(10)

    private struct State {
        var snapshot: RadiusSnapshot?
        var checkedAt: ContinuousClock.Instant
        var checkedWrites: UInt64
        var loading = false
        var loads = 0
        /// After a failed read, the next is not tried before this: lookups keep to SQL.
        var retryAt: ContinuousClock.Instant?
    }

    /// How long lookups keep to SQL after reading a copy failed, before trying again.
    static let retryDelay: Duration = .seconds(1)

    private let database: RegistryDatabase
    private let recheckInterval: Duration
    private let logger: Logger
    private let state: Mutex<State>
    private let answered = Atomic<Int>(0)

    /// Reads the first copy before returning, so that the first lookups are fast.
    public init(database: RegistryDatabase, recheckInterval: Duration, logger: Logger) async throws {
        self.database = database
        self.recheckInterval = recheckInterval
        self.logger = logger
        self.state = Mutex(State(snapshot: nil, checkedAt: .now, checkedWrites: 0))
        try await load()
    }

    /// How many copies have been read (the first included): for tests and diagnostics.
    public var loads: Int { state.withLock { $0.loads } }
    /// Lookups answered from memory rather than SQL.
    public var lookupsAnswered: Int { answered.load(ordering: .relaxed) }

    /// The copy, if it matches the database; nil when the caller must use SQL.
    func current() async throws -> RadiusSnapshot? {
        let writes = database.completedWrites.load(ordering: .acquiring)
        let now = ContinuousClock.now
        let (fresh, snapshot, loading) = state.withLock { state in
            (state.checkedWrites == writes && now - state.checkedAt < recheckInterval, state.snapshot, state.loading)
        }
        guard let snapshot else { startLoading(); return nil }
        if fresh {
            answered.add(1, ordering: .relaxed)
            return snapshot
        }
        // A new copy is on its way because this one is behind: no need to ask again.
        if loading { return nil }
        let revision = try await database.read { db in try Int64.fetchOne(db.cachedStatement(sql: Query.lookupRevision.sql)) }
        guard revision == snapshot.revision else {
            startLoading()
            return nil
        }
        // Everything counted in `writes` had finished before the revision was read.
        state.withLock { state in
            guard state.snapshot === snapshot else { return }
            if now > state.checkedAt { state.checkedAt = now }
            if writes > state.checkedWrites { state.checkedWrites = writes }
        }
        answered.add(1, ordering: .relaxed)
        return snapshot
    }

    /// Reads a new copy unless one is being read already; lookups use SQL meanwhile.
    private func startLoading() {
        let now = ContinuousClock.now
        let start = state.withLock { state in
            if state.loading || state.retryAt.map({ now < $0 }) == true { return false }
            state.loading = true
            return true
        }
        guard start else { return }
        Task {
            do {
                try await self.load()
            } catch {
                self.logger.error("reading the in-memory radius copy failed; radius lookups use SQL until it succeeds: \(error)")
            }
        }
    }

    private func load() async throws {
        let writes = database.completedWrites.load(ordering: .acquiring)
        let now = ContinuousClock.now
        do {
            let snapshot = try await database.read { db in try RadiusSnapshot.load(db) }
            state.withLock { state in
                state.snapshot = snapshot
                state.checkedAt = now
                state.checkedWrites = writes
                state.loading = false
                state.loads += 1
                state.retryAt = nil
            }
        } catch {
            state.withLock { state in
                state.loading = false
                state.retryAt = .now + Self.retryDelay
            }
            throw error
        }
    }
}
