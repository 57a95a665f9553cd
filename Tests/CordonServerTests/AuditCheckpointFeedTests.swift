import CordonCore
import CordonServer
import CordonTestSupport
import Crypto
import Foundation
import Testing

/// A server given the signing key signs a checkpoint after each audited write and POSTs it to
/// the admins' webhooks, so a second party holds copies of the log's head.
@Suite struct AuditCheckpointFeedTests {
    @Test func anAdminsWebhookReceivesEachSignedCheckpointThatVerifiesTheLog() async throws {
        let directory = try TemporaryDirectory()
        let registry = try await GridFixture.registry(in: directory)
        let access = try await AccessFixture.make(registry)
        let key = AuditSigningKey.generate()
        let file = directory.path("checkpoints.jsonl")
        let receiver = try await WebhookReceiver.start()
        try await withServer(databasePath: directory.path("fixture.sqlite"), key: access.firmA, configure: {
            AlertDeliveryTests.fast(&$0)
            $0.auditCheckpointer = AuditCheckpointer(key: key, file: file)
        }) { server in
            // Firms cannot see checkpoints; commanders have no webhook at all.
            let commander = try await server.request("PUT", "/feed/webhook", body: AlertDeliveryTests.json(#"{"url": "http://127.0.0.1:\#(receiver.port)/hook"}"#),
                                                     contentType: "application/json", key: access.commander)
            #expect(commander.status == 403, "\(commander.text)")
            let set = try await server.request("PUT", "/feed/webhook", body: AlertDeliveryTests.json(#"{"url": "http://127.0.0.1:\#(receiver.port)/hook"}"#),
                                               contentType: "application/json", key: access.admin)
            #expect(set.status == 200, "\(set.text)")
            let secret = try #require(set.json["secret"] as? String)

            // Setting the webhook was itself an audited write: its checkpoint was owed in the same
            // transaction, to the webhook just set. A figures change adds one more.
            let patch = try await server.request("PATCH", "/buildings/fixture%2Fcentre/figures", body: AlertDeliveryTests.json(#"{"guards_day": 7}"#),
                                                 contentType: "application/json", headers: ["If-Match": "\"1\""])
            #expect(patch.status == 200, "\(patch.text)")
            #expect(try await eventually(within: patience) { receiver.received.count >= 2 })

            let head = try #require(try await registry.auditEntries(limit: 1).first)
            let received = receiver.received
            #expect(received.count == 2, "\(received.map(\.body))")
            let bodies = received.map(\.body)
            let set2 = AuditCheckpointSet.parse(bodies.joined(separator: "\n"), source: "webhook", publicKey: key.publicKey)
            #expect(set2.rejected.isEmpty)
            #expect(set2.valid.map(\.seq) == [head.seq - 1, head.seq], "the webhook's row, then the figures change's")
            #expect(bodies.allSatisfy { $0.hasPrefix(#"{"type":"audit.checkpoint","seq":"#) })
            for delivery in received {
                let mac = HMAC<SHA256>.authenticationCode(for: Data(delivery.body.utf8), using: SymmetricKey(data: Data(secret.utf8)))
                #expect(delivery.signature == "sha256=" + mac.map { String(format: "%02x", $0) }.joined())
                #expect(delivery.idempotencyKey?.count == 32)
            }
            // The same checkpoints are in the operator's file, and either copy verifies the log.
            let fromFile = try AuditCheckpointSet.read(path: file, publicKey: key.publicKey)
            #expect(fromFile.valid.map(\.seq) == set2.valid.map(\.seq))
            #expect(fromFile.valid.map(\.hash) == set2.valid.map(\.hash))
            let verification = try await registry.verifyAudit(checkpoints: set2)
            #expect(verification.isIntact, "\(verification.findings)")
            #expect(verification.rowsAfterLatestCheckpoint == 0)

            // The admin sees its deliveries; a firm's webhook never receives a checkpoint.
            let shown = try await server.request("GET", "/feed/webhook", key: access.admin)
            #expect(shown.status == 200, "\(shown.text)")
            #expect((shown.json["deliveries"] as? [[String: Any]])?.count == 2, "\(shown.text)")
        }
    }
}
