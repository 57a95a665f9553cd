import CordonCore
import CordonTestSupport
import Foundation
import GRDB
import Testing

@Suite struct AuditTests {
    let local = Actor.localOperator(user: "test")

    func registryWithWrites(_ directory: TemporaryDirectory) async throws -> Registry {
        let registry = try await GridFixture.registry(in: directory)
        _ = try await AccessFixture.make(registry)
        let current = try await registry.figures(of: "fixture/centre", actor: local)
        _ = try await registry.writeFigures(of: "fixture/centre", change: try FiguresChange(values: [.guardsDay: 9]),
                                            expectedVersion: current?.version ?? 0, actor: local)
        return registry
    }

    @Test func everyWriteIsAuditedAndTheChainVerifies() async throws {
        let directory = try TemporaryDirectory()
        let registry = try await registryWithWrites(directory)
        let verification = try await registry.verifyAudit()
        #expect(verification.findings == [])
        // 5 organisations, 5 keys, 3 assignments, 1 site update, 1 figures update.
        #expect(verification.rows == 15)
        let entries = try await registry.auditEntries(buildingID: "fixture/centre")
        #expect(entries.map(\.action) == ["figures.update", "site.update", "building.assign"])
        let update = try #require(entries.first)
        #expect(update.actor == "local:test")
        #expect(update.channel == "cli")
        #expect(update.before?.contains("\"guards_day\":{\"value\":3") == true)
        #expect(update.after?.contains("\"guards_day\":{\"value\":9") == true)
    }

    @Test func theSchemaRefusesToRewriteTheLog() async throws {
        let directory = try TemporaryDirectory()
        _ = try await registryWithWrites(directory)
        let raw = try DatabaseQueue(path: directory.path("fixture.sqlite"))
        #expect(throws: DatabaseError.self) { try raw.write { try $0.execute(sql: "UPDATE audit_log SET actor = 'someone else'") } }
        #expect(throws: DatabaseError.self) { try raw.write { try $0.execute(sql: "DELETE FROM audit_log WHERE seq = 3") } }
    }

    @Test func aRowAlteredInTheFileIsNamedByVerify() async throws {
        let directory = try TemporaryDirectory()
        let registry = try await registryWithWrites(directory)
        // Tampering directly in the file: drop the guard trigger, then edit row 7.
        let raw = try DatabaseQueue(path: directory.path("fixture.sqlite"))
        try await raw.write { db in
            try db.execute(sql: "DROP TRIGGER audit_log_no_update")
            try db.execute(sql: "UPDATE audit_log SET actor = 'mallory' WHERE seq = 7")
        }
        let verification = try await registry.verifyAudit()
        #expect(verification.findings == [AuditFinding(.chain, seq: 7, subject: "row 7",
                                                       reason: "its content does not match its hash: the row was altered")])
    }

    @Test func aDeletedRowIsNamedByVerify() async throws {
        let directory = try TemporaryDirectory()
        let registry = try await registryWithWrites(directory)
        let raw = try DatabaseQueue(path: directory.path("fixture.sqlite"))
        try await raw.write { db in
            try db.execute(sql: "DROP TRIGGER audit_log_no_delete")
            try db.execute(sql: "DELETE FROM audit_log WHERE seq = 4")
        }
        let verification = try await registry.verifyAudit()
        #expect(verification.findings == [AuditFinding(.chain, seq: 5, subject: "row 5",
                                                       reason: "expected row 4 here: row 4 is missing")])
    }

    @Test func aRecomputedRowStillBreaksTheLinkOfTheNext() async throws {
        let directory = try TemporaryDirectory()
        let registry = try await registryWithWrites(directory)
        let raw = try DatabaseQueue(path: directory.path("fixture.sqlite"))
        try await raw.write { db in
            try db.execute(sql: "DROP TRIGGER audit_log_no_update")
            try db.execute(sql: "UPDATE audit_log SET hash = '\(String(repeating: "a", count: 64))' WHERE seq = 2")
        }
        let verification = try await registry.verifyAudit()
        #expect(verification.findings == [
            AuditFinding(.chain, seq: 2, subject: "row 2", reason: "its content does not match its hash: the row was altered"),
            AuditFinding(.chain, seq: 3, subject: "row 3", reason: "its link to row 2 does not match that row's hash"),
        ])
    }
}
