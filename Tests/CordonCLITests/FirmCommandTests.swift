import Foundation
import Testing
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The firms' workflow through the built binary, and crash safety of a bulk upload.
@Suite struct FirmCommandTests {
    let cli: CommandLineTests

    init() throws { cli = try CommandLineTests() }

    @Test func organisationsKeysFiguresStaleAndAudit() throws {
        let db = cli.db
        #expect(try cli.cordon(["org", "create", "acme", "--name", "Acme Security", "--role", "firm", "--db", db]).stdout
                == "created organisation acme (firm): Acme Security\n")
        let badRole = try cli.cordon(["org", "create", "x1", "--name", "X", "--role", "boss", "--db", db])
        #expect(badRole.status == 2)
        #expect(badRole.stderr.contains("--role: is not a role (got 'boss'). Use admin, commander, planner or firm."))
        #expect(try cli.cordon(["org", "assign", "--org", "acme", "--building", "way/4959489", "way/150335040", "--db", db]).status == 0)
        let key = try cli.cordon(["key", "create", "--org", "acme", "--expires", "2099-01-01", "--db", db])
        #expect(key.status == 0)
        #expect(key.stdout.hasPrefix("cordon_") && key.stdout.count == "cordon_".count + 64 + 1)
        #expect(key.stderr.contains("expires 2099-01-01T00:00:00Z: shown once"))

        let set = try cli.cordon(["figures", "set", "way/4959489", "--guards-day", "21", "--db", db])
        #expect(set.stdout == "way/4959489: figures version 2\n", "\(set.stderr)")
        let tooMany = try cli.cordon(["figures", "set", "way/4959489", "--guards-day", "501", "--db", db])
        #expect(tooMany.status == 2)
        #expect(tooMany.stderr.contains("guards_day: is out of range (got 501). Give a whole number from 0 to 500."))

        let csv = cli.directory.appendingPathComponent("sites.csv")
        try "building_id,guards_night,trauma_packs\r\nway/4959489,9,\r\nway/150335040,,3\r\n".write(to: csv, atomically: true, encoding: .utf8)
        #expect(try cli.cordon(["figures", "import", csv.path, "--db", db]).stdout == "2 rows: figures updated for 2 buildings\n")
        let bad = cli.directory.appendingPathComponent("bad.csv")
        try "building_id,guards_night\nway/4959489,nine\nway/150335040,1,2\n".write(to: bad, atomically: true, encoding: .utf8)
        let refused = try cli.cordon(["figures", "import", bad.path, "--db", db])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("bad.csv: line 2, column guards_night: 'nine' is not a whole number"))
        #expect(refused.stderr.contains("bad.csv: line 3: has 3 fields; the header has 2"))
        #expect(try cli.sqlite("SELECT guards_night FROM site_figures WHERE building_id = 'way/4959489'") == "9")

        // Every bundled building's figures were confirmed when the file was created: none is stale yet.
        #expect(try cli.cordon(["stale", "--org", "acme", "--db", db]).stdout.hasPrefix("0 buildings with stale figures"))
        // Confirmation times are kept to the second: wait past it, then use a very short limit.
        Thread.sleep(forTimeInterval: 1.2)
        let later = try cli.cordon(["stale", "--org", "acme", "--stale-live-hours", "0.0001", "--db", db])
        #expect(later.stdout.hasPrefix("2 buildings with stale figures"), "\(later.stdout)")

        let verify = try cli.cordon(["audit", "verify", "--db", db])
        let buildings = try cli.sqlite("SELECT count(*) FROM site_figures")
        #expect(verify.stdout == "audit log intact: 7 rows, every hash and link verified\n"
                + "figures: \(buildings) buildings agree with the audit log and their history\n")
        let list = try cli.cordon(["audit", "list", "--building", "way/4959489", "--db", db])
        #expect(list.stdout.contains("figures.update"))
        #expect(list.stdout.contains("building.assign"))

        // Tampering in the file is detected and named.
        _ = try cli.sqlite("DROP TRIGGER audit_log_no_update; UPDATE audit_log SET actor = 'mallory' WHERE seq = 5;")
        let broken = try cli.cordon(["audit", "verify", "--db", db])
        #expect(broken.status == 1)
        #expect(broken.stderr == "audit log BROKEN at row 5: its content does not match its hash: the row was altered\n"
                + "note: no signed checkpoints given, so rows removed from the end or a recomputed chain cannot be detected; see --audit-checkpoints\n")
    }

    @Test func aBulkUploadKilledMidwayIsWhollyThereOrWhollyAbsent() async throws {
        let db = cli.db
        _ = try cli.cordon(["org", "create", "ops", "--name", "Operators", "--role", "admin", "--db", db])
        let key = try cli.cordon(["key", "create", "--org", "ops", "--db", db]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let ids = try cli.sqlite("SELECT id FROM buildings ORDER BY id").split(separator: "\n")
        #expect(ids.count == 1322)
        let csv = "building_id,guards_day,first_aid_kits\n" + ids.map { "\($0),77,33\n" }.joined()

        let (server, listening) = try CommandLineTests.startServer(database: db)
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(listening)/figures/bulk")!)
        request.httpMethod = "POST"
        request.setValue("text/csv", forHTTPHeaderField: "Content-Type")
        request.setValue("Bearer \(key)", forHTTPHeaderField: "Authorization")
        request.httpBody = Data(csv.utf8)
        let upload = Task { try? await URLSession.shared.data(for: request) }
        // Kill the server without warning while the upload is being applied.
        try await Task.sleep(for: .milliseconds(150))
        kill(server.processIdentifier, SIGKILL)
        server.waitUntilExit()
        _ = await upload.value
        #expect(server.terminationReason == .uncaughtSignal)

        #expect(try cli.sqlite("PRAGMA integrity_check") == "ok")
        let verify = try cli.cordon(["audit", "verify", "--db", db])
        #expect(verify.status == 0, "\(verify.stderr)")
        let updated = try cli.sqlite("SELECT count(*) FROM site_figures WHERE guards_day = 77 AND first_aid_kits = 33")
        #expect(updated == "0" || updated == "1322", "a partial upload: \(updated) of 1322 buildings")
        let audited = try cli.sqlite("SELECT count(*) FROM audit_log WHERE action = 'figures.update'")
        #expect(audited == updated)
    }
}
