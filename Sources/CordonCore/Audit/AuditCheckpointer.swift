import Foundation
import GRDB
import Logging
import Synchronization

/// Signs a checkpoint of the audit log's head after every write transaction that moved it,
/// in a process configured with the signing key. Each checkpoint is appended to the
/// operator's checkpoints file (one JSON line; the file is only ever appended to), written
/// to the log as a notice, and POSTed to every admin organisation's webhook, so copies
/// leave the machine with the logs and reach a second party.
///
/// Signing after each commit keeps the unprotected tail (rows newer than the latest
/// checkpoint) to the writes of the last moment; one signature costs about 50 µs.
public final class AuditCheckpointer: Sendable {
    public let key: AuditSigningKey
    public let file: String?
    let logger: Logger
    /// The newest row this process has signed, so that writes not touching the log (and
    /// concurrent writes finishing out of order) sign nothing twice or backwards.
    private let signedSeq = Mutex<Int>(0)

    public init(key: AuditSigningKey, file: String?, logger: Logger = Logger(label: "cordon.audit")) {
        self.key = key
        self.file = file
        self.logger = logger
    }

    struct Head: Sendable {
        let seq: Int
        let hash: String
        let rows: Int

        static func read(in db: Database) throws -> Head? {
            guard let row = try Row.fetchOne(db.cachedStatement(sql: Query.auditHead.sql)) else { return nil }
            return Head(seq: row["seq"], hash: row["hash"], rows: row["rows"])
        }
    }

    /// Inside a write transaction, after its work: signs the head when the write moved it
    /// past what this process signed last, and owes the checkpoint to every admin webhook in
    /// the same transaction, so the delivery exists exactly when the rows it signs do.
    func sign(_ head: Head?, now: Date = Date(), in db: Database) throws -> AuditCheckpoint? {
        guard let head, head.seq > signedSeq.withLock({ $0 }) else { return nil }
        let checkpoint = try AuditCheckpoint.signed(seq: head.seq, hash: head.hash, at: LookupTime.text(now),
                                                    rows: head.rows, key: key)
        try Self.owe(checkpoint, now: now, in: db)
        return checkpoint
    }

    /// After the transaction committed: the file and the log. A checkpoint already written
    /// (two writes racing past `sign`) is not written twice.
    func committed(_ checkpoint: AuditCheckpoint?) {
        guard let checkpoint else { return }
        let isNew = signedSeq.withLock { signed in
            guard checkpoint.seq > signed else { return false }
            signed = checkpoint.seq
            return true
        }
        guard isNew else { return }
        do {
            try publish(checkpoint)
        } catch {
            // The write itself has committed; the next one signs a checkpoint covering it.
            signedSeq.withLock { $0 = min($0, checkpoint.seq - 1) }
            logger.error("audit checkpoint of row \(checkpoint.seq) not written: \(error)")
        }
    }

    /// Signs a checkpoint of `head` unconditionally, owes it to the admins' webhooks and
    /// publishes it once the transaction commits (`cordon audit checkpoint`).
    func record(_ head: Head, now: Date = Date(), in db: Database) throws -> AuditCheckpoint {
        let checkpoint = try AuditCheckpoint.signed(seq: head.seq, hash: head.hash, at: LookupTime.text(now),
                                                    rows: head.rows, key: key)
        try Self.owe(checkpoint, now: now, in: db)
        return checkpoint
    }

    func publish(_ checkpoint: AuditCheckpoint) throws {
        if let file { try Self.append(checkpoint.json() + "\n", to: file) }
        logger.notice("\(AuditCheckpoint.logPrefix)\(checkpoint.json())")
    }

    static func owe(_ checkpoint: AuditCheckpoint, now: Date, in db: Database) throws {
        try db.cachedStatement(sql: Query.checkpointOutboxInsert.sql).execute(arguments: [
            "seq": checkpoint.seq, "payload": checkpoint.webhookPayload(), "now": now.timeIntervalSince1970,
        ])
    }

    /// O_APPEND: each line lands whole at the end, even with several processes writing.
    static func append(_ line: String, to path: String) throws {
        let descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw InputError(field: "--audit-checkpoints", value: path, problem: "cannot be opened for appending (\(String(cString: strerror(errno))))",
                             fix: "Give a file in a directory this process can write to.")
        }
        defer { close(descriptor) }
        let bytes = Array(line.utf8)
        let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        guard written == bytes.count else {
            throw StorageError("checkpoint line to \(path) written short: \(written) of \(bytes.count) bytes")
        }
        fsync(descriptor)
    }
}

extension Registry {
    /// Signs a checkpoint of the log's current head now (`cordon audit checkpoint`).
    public func checkpointAudit(with checkpointer: AuditCheckpointer, now: Date = Date()) async throws -> AuditCheckpoint {
        let checkpoint = try await database.writeUnsigned { db in
            guard let head = try AuditCheckpointer.Head.read(in: db) else {
                throw InputError(field: "audit log", value: "0 rows", problem: "is empty: there is nothing to sign",
                                 fix: "Make a checkpoint after the first audited write.")
            }
            return try checkpointer.record(head, now: now, in: db)
        }
        try checkpointer.publish(checkpoint)
        return checkpoint
    }
}
