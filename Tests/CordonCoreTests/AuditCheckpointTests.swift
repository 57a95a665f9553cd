import CordonCore
import CordonTestSupport
import Foundation
import GRDB
import Testing

/// Tampering by someone who holds the database file (and so can drop the guard triggers),
/// but not the signing key.
@Suite struct AuditCheckpointTests {
    let local = Actor.localOperator(user: "test")
    let key = AuditSigningKey.generate()

    struct Signed {
        let registry: Registry
        let raw: DatabaseQueue
        let checkpoints: String
        let rows: Int
    }

    /// The fixture's 14 access and site rows unsigned, then 21 figures writes through a
    /// registry that signs a checkpoint after each: 35 rows, checkpoints of rows 15-35.
    func signedRegistry(_ directory: TemporaryDirectory) async throws -> Signed {
        _ = try await AccessFixture.make(try await GridFixture.registry(in: directory))
        let checkpoints = directory.path("checkpoints.jsonl")
        let database = try await RegistryDatabase.open(
            path: directory.path("fixture.sqlite"), checkpointer: AuditCheckpointer(key: key, file: checkpoints))
        let registry = Registry(database: database)
        for value in 10...30 {
            let version = try await registry.figures(of: "fixture/centre", actor: local)?.version ?? 0
            _ = try await registry.writeFigures(of: "fixture/centre", change: try FiguresChange(values: [.guardsDay: value]),
                                                expectedVersion: version, actor: local)
        }
        return Signed(registry: registry, raw: try DatabaseQueue(path: directory.path("fixture.sqlite")),
                      checkpoints: checkpoints, rows: 35)
    }

    func verify(_ signed: Signed) async throws -> AuditVerification {
        try await signed.registry.verifyAudit(
            checkpoints: try AuditCheckpointSet.read(path: signed.checkpoints, publicKey: key.publicKey))
    }

    func checkpoint(_ signed: Signed, seq: Int) throws -> AuditCheckpoint {
        let set = try AuditCheckpointSet.read(path: signed.checkpoints, publicKey: key.publicKey)
        return try #require(set.valid.first { $0.seq == seq })
    }

    @Test func anIntactSignedLogVerifiesWithNoFindings() async throws {
        let directory = try TemporaryDirectory()
        let signed = try await signedRegistry(directory)
        let verification = try await verify(signed)
        #expect(verification.findings == [])
        #expect(verification.rows == 35)
        #expect(verification.checkpoints == 21)
        #expect(verification.latestCheckpoint?.seq == 35)
        #expect(verification.latestCheckpoint?.rows == 35)
        #expect(verification.rowsAfterLatestCheckpoint == 0)
        // The four fixture buildings with figures: one audited, three seeded.
        #expect(verification.buildingsChecked == 4)
        let lines = try String(contentsOfFile: signed.checkpoints, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 21)
    }

    @Test func theNewest25RowsDeletedAreReportedAgainstTheCheckpoint() async throws {
        let directory = try TemporaryDirectory()
        let signed = try await signedRegistry(directory)
        try await signed.raw.write { db in
            try db.execute(sql: "DROP TRIGGER audit_log_no_delete")
            try db.execute(sql: "DELETE FROM audit_log WHERE seq > 10")
        }
        let latest = try checkpoint(signed, seq: 35)
        let verification = try await verify(signed)
        #expect(verification.rows == 10)
        // The remaining chain is intact in itself: only the checkpoint shows what is gone.
        #expect(verification.findings.filter { $0.area == .chain } == [])
        #expect(verification.findings.filter { $0.area == .checkpoint } == [
            AuditFinding(.checkpoint, seq: 35, subject: "rows 11-35",
                         reason: "rows 11-35 are missing since the checkpoint of \(latest.at), which signed row 35; the log ends at row 10"),
        ])
        // The figures written by the deleted rows are now unexplained too.
        #expect(verification.findings.contains { $0.area == .figures && $0.subject == "building fixture/centre" })
    }

    @Test func anEditedRowWithItsLaterHashesRecomputedIsReportedAsRechained() async throws {
        let directory = try TemporaryDirectory()
        let signed = try await signedRegistry(directory)
        try await signed.raw.write { db in
            try db.execute(sql: "DROP TRIGGER audit_log_no_update")
            try db.execute(sql: "UPDATE audit_log SET actor = 'mallory' WHERE seq = 20")
            // Rewrite the chain from row 20 on, as an attacker with the file can.
            var previous = try String.fetchOne(db, sql: "SELECT hash FROM audit_log WHERE seq = 19") ?? ""
            for row in try Row.fetchAll(db, sql: "SELECT * FROM audit_log WHERE seq >= 20 ORDER BY seq") {
                let hash = AuditEntry.chainHash(
                    seq: row["seq"], at: row["at"], actor: row["actor"], keyID: row["key_id"], channel: row["channel"],
                    action: row["action"], targetType: row["target_type"], targetID: row["target_id"],
                    buildingID: row["building_id"], organisationID: row["organisation_id"],
                    before: row["before"], after: row["after"], prevHash: previous)
                try db.execute(sql: "UPDATE audit_log SET prev_hash = ?, hash = ? WHERE seq = ?",
                               arguments: [previous, hash, row["seq"] as Int])
                previous = hash
            }
        }
        let verification = try await verify(signed)
        #expect(verification.findings.filter { $0.area == .chain } == [])
        // Every checkpoint from row 20 on no longer matches; those before it still do.
        #expect(verification.findings.map(\.seq) == Array(20...35))
        let first = try checkpoint(signed, seq: 20)
        #expect(verification.findings.first == AuditFinding(
            .checkpoint, seq: 20, subject: "row 20",
            reason: "its hash is not the one signed in the checkpoint of \(first.at): rows up to 20 were rewritten and their hashes recomputed"))
    }

    @Test func twoSeparateEditsAreBothReported() async throws {
        let directory = try TemporaryDirectory()
        let signed = try await signedRegistry(directory)
        try await signed.raw.write { db in
            try db.execute(sql: "DROP TRIGGER audit_log_no_update")
            try db.execute(sql: "UPDATE audit_log SET actor = 'mallory' WHERE seq = 3")
            try db.execute(sql: "UPDATE audit_log SET at = '2020-01-01T00:00:00Z' WHERE seq = 27")
        }
        let verification = try await verify(signed)
        let altered = "its content does not match its hash: the row was altered"
        #expect(verification.findings == [
            AuditFinding(.chain, seq: 3, subject: "row 3", reason: altered),
            AuditFinding(.chain, seq: 27, subject: "row 27", reason: altered),
        ])
    }

    @Test func aFigureChangedInTheFileIsReportedNamingTheBuilding() async throws {
        let directory = try TemporaryDirectory()
        let signed = try await signedRegistry(directory)
        try await signed.raw.write { db in
            // The history trigger is dropped too, so only the figure itself changes.
            try db.execute(sql: "DROP TRIGGER site_figures_history_update")
            try db.execute(sql: "UPDATE site_figures SET guards_day = 99 WHERE building_id = 'fixture/centre'")
            try db.execute(sql: "UPDATE site_figures SET defibrillators = 7 WHERE building_id = 'fixture/half-in'")
        }
        let verification = try await verify(signed)
        #expect(verification.findings == [
            AuditFinding(.figures, seq: 35, subject: "building fixture/centre",
                         reason: "site_figures differs from what audit row 35 recorded: guards_day is 99, the audit recorded 30"),
            AuditFinding(.figures, seq: nil, subject: "building fixture/half-in",
                         reason: "site_figures differs from its seeded figures with no audit row for the change: defibrillators is 7, first recorded as 0"),
        ])
        #expect(verification.findings[0].description
            == "figures BROKEN for building fixture/centre: site_figures differs from what audit row 35 recorded: guards_day is 99, the audit recorded 30")
    }

    @Test func aFigureChangedWithItsHistoryTriggerInPlaceIsReportedTwice() async throws {
        let directory = try TemporaryDirectory()
        let signed = try await signedRegistry(directory)
        try await signed.raw.write { db in
            try db.execute(sql: "UPDATE site_figures SET guards_day = 99 WHERE building_id = 'fixture/centre'")
        }
        let history = try signed.raw.read { db in
            try Row.fetchOne(db, sql: "SELECT seq, changed_at FROM figures_history ORDER BY seq DESC LIMIT 1")
        }
        let seq: Int = try #require(history)["seq"]
        let at: String = try #require(history)["changed_at"]
        let verification = try await verify(signed)
        #expect(verification.findings.map(\.reason) == [
            "figures_history row \(seq) (guards_day 30 -> 99 at \(at) by local:test) matches no audit row: the history was altered or the figures changed without audit",
            "site_figures differs from what audit row 35 recorded: guards_day is 99, the audit recorded 30",
        ])
    }

    @Test func aDeletedHistoryRowIsReported() async throws {
        let directory = try TemporaryDirectory()
        let signed = try await signedRegistry(directory)
        try await signed.raw.write { db in
            try db.execute(sql: "DROP TRIGGER figures_history_no_delete")
            try db.execute(sql: """
                DELETE FROM figures_history WHERE seq = (SELECT max(seq) FROM figures_history WHERE building_id = 'fixture/centre')
                """)
        }
        let verification = try await verify(signed)
        #expect(verification.findings == [
            AuditFinding(.figures, seq: 35, subject: "building fixture/centre",
                         reason: "audit row 35 records guards_day 29 -> 30, but figures_history has no such row: it was deleted or altered"),
        ])
    }

    @Test func checkpointLinesWithBadSignaturesAreReported() async throws {
        let directory = try TemporaryDirectory()
        let signed = try await signedRegistry(directory)
        var lines = try String(contentsOfFile: signed.checkpoints, encoding: .utf8).split(separator: "\n").map(String.init)
        // Line 3 claims a different row count; line 22 is signed by another key.
        lines[2] = lines[2].replacingOccurrences(of: "\"rows\":17", with: "\"rows\":16")
        let stranger = AuditCheckpointer(key: AuditSigningKey.generate(), file: directory.path("other.jsonl"))
        _ = try await signed.registry.checkpointAudit(with: stranger)
        lines.append(try String(contentsOfFile: directory.path("other.jsonl"), encoding: .utf8).trimmingCharacters(in: .newlines))
        lines.append("{\"seq\": \"not a checkpoint\"}")
        try (lines.joined(separator: "\n") + "\n").write(toFile: signed.checkpoints, atomically: true, encoding: .utf8)
        let verification = try await verify(signed)
        let forged = try #require(AuditCheckpointSet.parse(lines[21], source: "x", publicKey: key.publicKey).rejected.first)
        #expect(forged.reason.hasSuffix(": its signature does not verify with the public key \(key.publicKey.hex.prefix(16))…: forged or altered"))
        #expect(verification.findings.map(\.subject) == ["checkpoints.jsonl line 3", "checkpoints.jsonl line 22", "checkpoints.jsonl line 23"])
        #expect(verification.findings.allSatisfy { $0.area == .checkpoint })
        #expect(verification.findings[0].reason.hasPrefix("checkpoint of row 17 at "))
        #expect(verification.findings[2].reason == "is not a well-formed checkpoint (seq, hash, at, rows, signature)")
        #expect(verification.checkpoints == 20)
    }

    @Test func aLogWrittenBeforeCheckpointsStillVerifies() async throws {
        let directory = try TemporaryDirectory()
        let registry = try await GridFixture.registry(in: directory)
        _ = try await AccessFixture.make(registry)
        let verification = try await registry.verifyAudit()
        #expect(verification.findings == [])
        #expect(verification.rows == 14)
        #expect(verification.checkpoints == 0)
        // A first checkpoint signed later covers every earlier row.
        let checkpointer = AuditCheckpointer(key: key, file: directory.path("checkpoints.jsonl"))
        let made = try await registry.checkpointAudit(with: checkpointer)
        #expect(made.seq == 14 && made.rows == 14)
        let checked = try await registry.verifyAudit(
            checkpoints: try AuditCheckpointSet.read(path: directory.path("checkpoints.jsonl"), publicKey: key.publicKey))
        #expect(checked.findings == [])
        #expect(checked.latestCheckpoint == made)
    }
}
