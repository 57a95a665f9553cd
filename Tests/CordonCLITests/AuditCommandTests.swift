import Foundation
import Testing
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Signing checkpoints and verifying the record through the built binary, with tampering
/// done by sqlite3 on the file.
@Suite struct AuditCommandTests {
    let cli: CommandLineTests

    init() throws { cli = try CommandLineTests() }

    var keyFile: String { cli.directory.appendingPathComponent("audit.key").path }
    var checkpoints: String { cli.directory.appendingPathComponent("checkpoints.jsonl").path }

    func lastCheckpoint() throws -> [String: Any] {
        let text = try String(contentsOfFile: checkpoints, encoding: .utf8)
        let line = try #require(text.split(separator: "\n").last)
        return try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
    }

    @Test func theServerSignsACheckpointAfterEachWriteMadeThroughIt() async throws {
        let db = cli.db
        #expect(try cli.cordon(["audit", "keygen", "--out", keyFile]).status == 0)
        #expect(try cli.cordon(["org", "create", "ops", "--name", "Operations", "--role", "admin", "--db", db]).status == 0)
        let key = try cli.cordon(["key", "create", "--org", "ops", "--db", db]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let (server, port) = try CommandLineTests.startServer(database: db, arguments: ["--audit-key", keyFile, "--audit-checkpoints", checkpoints])
        defer { server.terminate() }
        for id in ["acme", "bravo"] {
            var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)/organisations")!)
            request.httpMethod = "POST"
            request.setValue("Bearer \(key)", forHTTPHeaderField: "Authorization")
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
            request.httpBody = Data(#"{"id": "\#(id)", "name": "\#(id.capitalized)", "role": "firm"}"#.utf8)
            let (_, response) = try await URLSession.shared.data(for: request)
            #expect((response as? HTTPURLResponse)?.statusCode == 201)
        }
        // The rows written before the server had the key (the admin and its key) are covered
        // by the first checkpoint the server signs: it signs the head, and the head's hash fixes
        // every row before it.
        let head = try cli.sqlite("SELECT max(seq) FROM audit_log")
        let lines = try String(contentsOfFile: checkpoints, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 2, "\(lines)")
        #expect(try lastCheckpoint()["seq"] as? Int == Int(head))
        let verified = try cli.cordon(["audit", "verify", "--db", db, "--audit-public-key", keyFile + ".pub", "--audit-checkpoints", checkpoints])
        #expect(verified.status == 0, "\(verified.stderr)")
        #expect(verified.stdout.contains("checkpoints: 2 signed and matching"), "\(verified.stdout)")
        #expect(verified.stdout.contains("signed row \(head); 0 rows since"), "\(verified.stdout)")
    }

    @Test func signedWritesVerifyAndTamperingIsReported() throws {
        let db = cli.db
        let keygen = try cli.cordon(["audit", "keygen", "--out", keyFile])
        #expect(keygen.status == 0, "\(keygen.stderr)")
        let publicKey = keygen.stdout.trimmingCharacters(in: .newlines)
        #expect(publicKey.count == 64 && publicKey.allSatisfy(\.isHexDigit))
        #expect(keygen.stderr == "wrote the signing key to \(keyFile) (readable by you only) and its public key to \(keyFile).pub\n")
        let attributes = try FileManager.default.attributesOfItem(atPath: keyFile)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        #expect(try String(contentsOfFile: keyFile + ".pub", encoding: .utf8) == publicKey + "\n")
        let again = try cli.cordon(["audit", "keygen", "--out", keyFile])
        #expect(again.status == 2)
        #expect(again.stderr == "error: --out: already exists (got \(keyFile)). Choose a new file name; an existing key is never overwritten.\n")

        // A key without a file for the checkpoints is refused before anything is written.
        let noFile = try cli.cordon(["org", "create", "acme", "--name", "Acme", "--role", "firm", "--db", db, "--audit-key", keyFile])
        #expect(noFile.status == 2)
        #expect(noFile.stderr.contains("--audit-checkpoints: is needed with --audit-key (got nothing)."))

        // Each audited write signs a checkpoint: one line in the file, one notice in the log.
        let signing = ["--db", db, "--audit-key", keyFile, "--audit-checkpoints", checkpoints]
        let created = try cli.cordon(["org", "create", "acme", "--name", "Acme", "--role", "firm"] + signing)
        #expect(created.status == 0, "\(created.stderr)")
        #expect(created.stderr.contains("audit checkpoint {\"seq\":1,"))
        let set = try cli.cordon(["figures", "set", "way/4959489", "--guards-day", "21"],
                                 environment: ["CORDON_DB": db, "CORDON_AUDIT_KEY": keyFile, "CORDON_AUDIT_CHECKPOINTS": checkpoints])
        #expect(set.status == 0, "\(set.stderr)")
        #expect(try String(contentsOfFile: checkpoints, encoding: .utf8).split(separator: "\n").count == 2)
        let latest = try lastCheckpoint()
        #expect(latest["seq"] as? Int == 2 && latest["rows"] as? Int == 2)
        let at = try #require(latest["at"] as? String)

        let buildings = try cli.sqlite("SELECT count(*) FROM site_figures")
        let intact = try cli.cordon(["audit", "verify", "--db", db, "--audit-public-key", keyFile + ".pub", "--audit-checkpoints", checkpoints])
        #expect(intact.status == 0, "\(intact.stderr)")
        #expect(intact.stdout == """
            audit log intact: 2 rows, every hash and link verified
            checkpoints: 2 signed and matching; the latest, of \(at), signed row 2; 0 rows since
            figures: \(buildings) buildings agree with the audit log and their history

            """)
        #expect(intact.stderr == "")
        // The private key serves as well: the public key is derived from it.
        #expect(try cli.cordon(["audit", "verify"] + signing).stdout == intact.stdout)

        // `audit checkpoint` signs on demand.
        let manual = try cli.cordon(["audit", "checkpoint"] + signing)
        #expect(manual.status == 0, "\(manual.stderr)")
        #expect(manual.stdout.hasPrefix("checkpoint of row 2 (2 rows, hash "))
        #expect(manual.stdout.hasSuffix(" appended to \(checkpoints)\n"))

        // Remove the newest row and the figures it explains.
        _ = try cli.sqlite("DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log WHERE seq = 2;")
        let broken = try cli.cordon(["audit", "verify"] + signing)
        #expect(broken.status == 1)
        let lines = broken.stderr.split(separator: "\n").map(String.init)
        let signedAt = try #require(try lastCheckpoint()["at"] as? String)
        #expect(lines.first == "audit log BROKEN at row 2: row 2 is missing since the checkpoint of \(signedAt), which signed row 2; the log ends at row 1")
        #expect(lines.count == 3)
        #expect(lines[1].hasPrefix("figures BROKEN for building way/4959489: figures_history row "))
        #expect(lines[1].contains("(guards_day "))
        #expect(lines[2].hasPrefix("figures BROKEN for building way/4959489: site_figures differs from its seeded figures with no audit row for the change: guards_day is 21, first recorded as "))
        #expect(lines[2].hasSuffix("; version is 2 though no audited write changed it"))
        #expect(broken.stdout == "")

        let json = try cli.cordon(["audit", "verify", "--format", "json"] + signing)
        #expect(json.status == 1)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(report["intact"] as? Bool == false)
        #expect(report["rows"] as? Int == 1)
        let findings = try #require(report["findings"] as? [[String: Any]])
        #expect(findings.map { $0["area"] as? String } == ["checkpoint", "figures", "figures"])
        #expect(findings.first?["subject"] as? String == "row 2")
    }

    @Test func aForgedCheckpointFileIsReported() throws {
        let db = cli.db
        #expect(try cli.cordon(["audit", "keygen", "--out", keyFile]).status == 0)
        let signing = ["--db", db, "--audit-key", keyFile, "--audit-checkpoints", checkpoints]
        #expect(try cli.cordon(["org", "create", "acme", "--name", "Acme", "--role", "firm"] + signing).status == 0)
        let text = try String(contentsOfFile: checkpoints, encoding: .utf8)
        try text.replacingOccurrences(of: "\"rows\":1,", with: "\"rows\":7,").write(toFile: checkpoints, atomically: true, encoding: .utf8)
        let verify = try cli.cordon(["audit", "verify"] + signing)
        #expect(verify.status == 1)
        #expect(verify.stderr.hasPrefix("audit log BROKEN at checkpoints.jsonl line 1: checkpoint of row 1 at "))
        #expect(verify.stderr.hasSuffix(": its signature does not verify with the public key \(try String(contentsOfFile: keyFile + ".pub", encoding: .utf8).prefix(16))…: forged or altered\n"))
    }
}
