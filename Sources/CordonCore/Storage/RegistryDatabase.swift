import Foundation
import GRDB
import Synchronization

/// The SpatiaLite file: one writer connection and a pool of readers (WAL), every connection
/// with SpatiaLite loaded. GRDB runs each access on the connection's own Dispatch queue, so
/// SQLite work never blocks Swift's cooperative thread pool.
public final class RegistryDatabase: Sendable {
    public let path: String
    let pool: DatabasePool
    /// Writes through this object that have finished (committed or rolled back): what an
    /// in-memory copy of the data compares to know that this process has written since.
    let completedWrites = Atomic<UInt64>(0)
    /// Signs the audit log's head after each write that moved it; nil without a key.
    public let checkpointer: AuditCheckpointer?

    private init(path: String, pool: DatabasePool, checkpointer: AuditCheckpointer?) {
        self.path = path
        self.pool = pool
        self.checkpointer = checkpointer
    }

    /// Opens (creating if needed) the file at `path` and applies pending migrations.
    public static func open(path: String, readers: Int = 8, checkpointer: AuditCheckpointer? = nil) async throws -> RegistryDatabase {
        try await offPool {
            var configuration = Configuration()
            configuration.maximumReaderCount = readers
            configuration.busyMode = .timeout(10)
            configuration.label = "cordon"
            configuration.prepareDatabase { db in
                guard let connection = db.sqliteConnection else {
                    throw StorageError("SQLite connection is closed")
                }
                try SpatiaLite.load(into: connection)
            }
            let pool: DatabasePool
            do {
                pool = try DatabasePool(path: path, configuration: configuration)
            } catch {
                throw StorageError("cannot open the database at \(path): \(error)")
            }
            try Migrations.migrator().migrate(pool)
            return RegistryDatabase(path: path, pool: pool, checkpointer: checkpointer)
        }
    }

    func read<T: Sendable>(_ work: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await pool.read(work)
    }

    func write<T: Sendable>(_ work: @escaping @Sendable (Database) throws -> T) async throws -> T {
        defer { completedWrites.add(1, ordering: .releasing) }
        guard let checkpointer else { return try await pool.write(work) }
        // The head is read inside the transaction, so the checkpoint signs exactly what committed.
        let (value, checkpoint) = try await pool.write { db in
            let value = try work(db)
            return (value, try checkpointer.sign(AuditCheckpointer.Head.read(in: db), in: db))
        }
        checkpointer.committed(checkpoint)
        return value
    }

    /// Runs `work` as a write and rolls it back: what a write would do, with nothing kept
    /// (no rows, no audit entry, no checkpoint, no delivery).
    func rehearse<T: Sendable>(_ work: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await pool.writeWithoutTransaction { db in
            var result: T?
            try db.inTransaction {
                result = try work(db)
                return .rollback
            }
            guard let result else { throw StorageError("a rehearsed write returned nothing") }
            return result
        }
    }

    /// A write that signs no checkpoint of its own: the one that makes a checkpoint on demand.
    func writeUnsigned<T: Sendable>(_ work: @escaping @Sendable (Database) throws -> T) async throws -> T {
        defer { completedWrites.add(1, ordering: .releasing) }
        return try await pool.write(work)
    }

    /// Opens every reader connection once, so the first real requests do not pay for
    /// loading SpatiaLite (2-4 ms per connection).
    public func warmUp(readers: Int) async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<readers {
                group.addTask {
                    try await self.read { db in
                        _ = try Int.fetchOne(db, sql: "SELECT count(*) FROM buildings WHERE rowid < 2")
                        Thread.sleep(forTimeInterval: 0.005)
                    }
                }
            }
            try await group.waitForAll()
        }
    }

    /// The query plan SQLite chooses for a named statement, one line per step.
    public func queryPlan(_ query: Query, arguments: [String: (any DatabaseValueConvertible)?]) async throws -> [String] {
        let sql = "EXPLAIN QUERY PLAN " + query.sql
        let args = StatementArguments(arguments)
        return try await read { db in
            try Row.fetchAll(db, sql: sql, arguments: args).map { $0["detail"] as String }
        }
    }
}

extension RegistryDatabase {
    /// Folds the write-ahead log into the main file, so that the file alone is complete
    /// (for copying, or for tools that open it read-only).
    public func checkpoint() async throws {
        _ = try await pool.writeWithoutTransaction { db in
            try db.checkpoint(.truncate)
        }
    }
}
