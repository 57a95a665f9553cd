import Foundation
import Testing

/// A commander's incident at Liverpool Street through the built binary: cordons, the
/// buildings in each zone, an alert to the inner zone, answers, CAP, and the refusals.
@Suite struct IncidentCommandTests {
    let cli: CommandLineTests

    init() throws { cli = try CommandLineTests() }

    static let liverpoolStreet = ["--lat", "51.5178", "--lon", "-0.0823"]
    /// The three buildings nearest the incident, all inside the 200 m inner cordon.
    static let managed = ["way/4959629", "way/30806422", "way/30805758"]

    func json(_ run: CommandLineTests.Run) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any], "\(run.stderr)")
    }

    @Test func anIncidentItsZonesAnAlertAndItsAnswers() throws {
        let db = cli.db
        let opened = try cli.cordon(["incident", "open", "--name", "Suspect package", "--description", "Liverpool Street station"]
                                    + Self.liverpoolStreet + ["--preset", "suitcase", "--outer-preset", "van", "--format", "json", "--db", db])
        #expect(opened.status == 0, "\(opened.stderr)")
        let incident = try json(opened)
        #expect(incident["id"] as? Int == 1)
        #expect(incident["status"] as? String == "open")
        let cordons = try #require(incident["cordons"] as? [String: Any])
        #expect(cordons["version"] as? Int == 1)
        let inner = try #require(cordons["inner"] as? [String: Any])
        #expect(inner["type"] as? String == "radius")
        #expect(inner["radius_m"] as? Double == 200)
        #expect(inner["preset"] as? String == "suitcase")
        let outer = try #require(cordons["outer"] as? [String: Any])
        #expect(outer["radius_m"] as? Double == 400)
        #expect(outer["preset"] as? String == "van")
        #expect(cordons["advisory"] is NSNull)

        // Demonstration figures are deterministic: these are the bundled data's numbers at noon.
        let shown = try json(try cli.cordon(["incident", "show", "1", "--at", "2026-03-10T12:00:00Z", "--format", "json", "--db", db]))
        let zones = try #require(shown["zones"] as? [[String: Any]])
        #expect(zones.map { $0["zone"] as? String } == ["inner", "outer"])
        let innerTotals = try #require(zones[0]["totals"] as? [String: Any])
        #expect(innerTotals["buildings"] as? Int == 39)
        #expect(innerTotals["occupancy"] as? Int == 43265)
        #expect(innerTotals["guards"] as? Int == 128)
        #expect((zones[0]["buildings"] as? [Any])?.count == 39)
        let outerTotals = try #require(zones[1]["totals"] as? [String: Any])
        #expect(outerTotals["buildings"] as? Int == 116)
        #expect(outerTotals["occupancy"] as? Int == 64975)
        #expect((zones[1]["buildings"] as? [Any])?.count == 116)
        let innerIDs = (zones[0]["buildings"] as? [[String: Any]])?.compactMap { $0["id"] as? String } ?? []
        #expect(Array(innerIDs.prefix(3)) == Self.managed)

        let table = try cli.cordon(["incident", "show", "1", "--at", "2026-03-10T12:00:00Z", "--db", db]).stdout
        #expect(table.contains("DEMONSTRATION FIGURES"))
        #expect(table.contains("== Inner cordon: 200 m around 51.5178, -0.0823 (preset suitcase) =="))
        #expect(table.contains("Total: 39 buildings (39 with figures), 43265 people, 128 guards"))
        // The 400 m outer cordon reaches beyond the City: its totals are a lower bound.
        #expect(table.contains("Total (a lower bound): 116 buildings (116 with figures), 64975 people"))

        // Reception planning for the incident displaces exactly the inner zone's people.
        let plan = try json(try cli.cordon(["plan", "reception", "--incident", "1", "--at", "2026-03-10T12:00:00Z", "--format", "json", "--db", db]))
        let planTotals = try #require(plan["totals"] as? [String: Any])
        #expect(planTotals["displaced"] as? Int == 43265)
        #expect(planTotals["buildings_inside"] as? Int == 39)

        // No firm manages any of the 39 yet: the alert would reach nobody, so it is refused
        // unless asked for, and the preview says so first, writing nothing.
        let auditRows = try cli.sqlite("SELECT count(*) FROM audit_log")
        let dryRun = try cli.cordon(["alert", "send", "--incident", "1", "--priority", "red", "--message", "Evacuate now",
                                     "--zone", "inner", "--dry-run", "--db", db])
        #expect(dryRun.status == 0, "\(dryRun.stderr)")
        #expect(dryRun.stdout.hasPrefix("Preview (nothing sent or written) for incident 1"), "\(dryRun.stdout)")
        #expect(dryRun.stdout.contains("WOULD BE REFUSED: the target {\"zones\":[\"inner\"]} reaches none of its 39 building(s)"))
        #expect(dryRun.stdout.contains("Reached 0 of 39 building(s) through 0 firm(s); NOT REACHED: 39 (no managing firm: reach them by phone or radio)"))
        let unreachable = try cli.cordon(["alert", "send", "--incident", "1", "--priority", "red", "--message", "Evacuate now",
                                          "--zone", "inner", "--db", db])
        #expect(unreachable.status == 2)
        #expect(unreachable.stderr.contains("reaches none of its 39 building(s): no firm manages them"), "\(unreachable.stderr)")
        #expect(try cli.sqlite("SELECT count(*) FROM audit_log") == auditRows)
        #expect(try cli.sqlite("SELECT count(*) FROM alerts") == "0")

        #expect(try cli.cordon(["org", "create", "acme", "--name", "Acme", "--role", "firm", "--db", db]).status == 0)
        let assigned = try cli.cordon(["org", "assign", "--org", "acme", "--building"] + Self.managed + ["--db", db])
        #expect(assigned.stdout == "acme now manages 3 more building(s)\n", "\(assigned.stderr)")

        let sent = try cli.cordon(["alert", "send", "--incident", "1", "--priority", "red", "--message", "Evacuate now",
                                   "--instruction", "Leave by the north exits", "--zone", "inner", "--format", "json", "--db", db])
        #expect(sent.status == 0, "\(sent.stderr)")
        let status = try json(sent)
        let counts = try #require(status["counts"] as? [String: Any])
        #expect(counts["recipients"] as? Int == 39)
        #expect(counts["reachable"] as? Int == 3)
        #expect(counts["unreachable"] as? Int == 36)
        #expect(counts["firms"] as? Int == 1)
        let recipients = (status["recipients"] as? [[String: Any]])?.compactMap { $0["building_id"] as? String }
        #expect(recipients == Self.managed)
        #expect((status["unreachable"] as? [Any])?.count == 36)
        // The answer says how much of the zone has building data, as the zone itself does.
        let sentZones = try #require(status["zones"] as? [[String: Any]])
        #expect(sentZones.map { $0["zone"] as? String } == ["inner"])
        let sentCoverage = try #require(sentZones[0]["data_coverage"] as? [String: Any])
        let zoneCoverage = try #require(zones[0]["data_coverage"] as? [String: Any])
        #expect(sentCoverage["known"] as? Bool == true)
        #expect(NSDictionary(dictionary: sentCoverage) == NSDictionary(dictionary: zoneCoverage))
        #expect(status["warnings"] as? [String] == (zones[0]["warnings"] as? [String])?.map { "Inner zone: " + $0 })

        let ack = try cli.cordon(["alert", "ack", "1", "--building", "way/4959629", "--status", "sheltering", "--people", "120",
                                  "--note", "staff in the basement", "--db", db])
        #expect(ack.status == 0, "\(ack.stderr)")
        #expect(ack.stdout.hasPrefix("alert 1: way/4959629 sheltering, 120 people at "))
        let followed = try json(try cli.cordon(["alert", "status", "1", "--format", "json", "--db", db]))
        let after = try #require(followed["counts"] as? [String: Any])
        #expect(after["acknowledged"] as? Int == 1)
        #expect(after["not_acknowledged"] as? Int == 38)
        #expect(after["people_sheltering"] as? Int == 120)
        let statusTable = try cli.cordon(["alert", "status", "1", "--db", db]).stdout
        #expect(statusTable.hasPrefix("Reached 3 of 39 building(s) through 1 firm(s); NOT REACHED: 36 (no managing firm: reach them by phone or radio)\n"))
        #expect(statusTable.contains("Answers: 1 acknowledged, 38 not; 0 need assistance; 120 people sheltering\n"))
        #expect(statusTable.contains("Unreachable (no managing firm): 36\n"))
        #expect(statusTable.split(separator: "\n").contains { $0.hasPrefix("way/4959629") && $0.contains("acme  sheltering") && $0.contains("120") })

        let cap = try cli.cordon(["alert", "status", "1", "--format", "cap", "--db", db])
        #expect(cap.stdout.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\">"))
        let schema = CommandLineTests.root.appendingPathComponent("Tests/CordonServerTests/Standards/CAP-v1.2.xsd").path
        let validation = try CommandLineTests.run(URL(fileURLWithPath: "/usr/bin/env"), ["xmllint", "--noout", "--schema", schema, "-"], stdin: cap.stdout)
        #expect(validation.status == 0, "\(validation.stderr)")
        #expect(validation.stderr.contains("- validates"))

        let advisory = try cli.cordon(["alert", "send", "--incident", "1", "--priority", "amber", "--message", "Prepare",
                                       "--zone", "advisory", "--db", db])
        #expect(advisory.status == 2)
        #expect(advisory.stderr.contains("target.zones: is not set for incident 1 (got 'advisory')"))
        let nobody = try cli.cordon(["alert", "send", "--incident", "1", "--priority", "red", "--message", "Evacuate", "--db", db])
        #expect(nobody.status == 2)
        #expect(nobody.stderr.contains("target: is missing"))

        let changed = try cli.cordon(["incident", "cordon", "1", "--radius", "300", "--no-outer", "--reason", "device larger than first reported",
                                      "--format", "json", "--db", db])
        #expect(changed.status == 0, "\(changed.stderr)")
        let next = try #require(try json(changed)["cordons"] as? [String: Any])
        #expect(next["version"] as? Int == 2)
        #expect((next["inner"] as? [String: Any])?["radius_m"] as? Double == 300)
        #expect(next["outer"] is NSNull)
        #expect(next["reason"] as? String == "device larger than first reported")

        #expect(try cli.cordon(["incident", "close", "1", "--db", db]).stdout.hasPrefix("closed incident 1 (Suspect package) at "))
        let refused = try cli.cordon(["incident", "cordon", "1", "--radius", "250", "--reason", "smaller", "--db", db])
        #expect(refused.status == 2)
        #expect(refused.stderr.hasPrefix("error: incident 1 was closed at "))
        #expect(refused.stderr.contains("open a new incident instead"))
        #expect(try cli.sqlite("SELECT max(version) FROM incident_cordons WHERE incident_id = 1") == "2")

        // A cancellation still reaches the original recipients after the incident closed.
        let cancelled = try json(try cli.cordon(["alert", "cancel", "1", "--format", "json", "--db", db]))
        #expect((cancelled["alert"] as? [String: Any])?["msg_type"] as? String == "cancel")
        #expect((cancelled["counts"] as? [String: Any])?["recipients"] as? Int == 39)
        let again = try cli.cordon(["alert", "cancel", "1", "--db", db])
        #expect(again.status == 2)
        #expect(again.stderr.contains("alert 1 was cancelled by alert 2"))

        let verify = try cli.cordon(["audit", "verify", "--db", db])
        let buildings = try cli.sqlite("SELECT count(*) FROM site_figures")
        #expect(verify.stdout == "audit log intact: 10 rows, every hash and link verified\n"
                + "figures: \(buildings) buildings agree with the audit log and their history\n", "\(verify.stderr)")
    }

    @Test func badCordonsAndTargetsAreRefusedNamingTheField() throws {
        let db = cli.db
        let open = ["incident", "open", "--name", "Suspect package"] + Self.liverpoolStreet
        let unknown = try cli.cordon(open + ["--preset", "bogus", "--db", db])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("inner.preset: is not a cordon preset (got 'bogus')"))
        let noShape = try cli.cordon(open + ["--db", db])
        #expect(noShape.status == 2)
        #expect(noShape.stderr.contains("inner: is missing"))
        let twoShapes = try cli.cordon(open + ["--preset", "van", "--radius", "50", "--db", db])
        #expect(twoShapes.status == 2)
        #expect(twoShapes.stderr.contains("inner: names more than one shape (got --preset and --radius)"))
        let badRadius = try cli.cordon(open + ["--radius", "wide", "--db", db])
        #expect(badRadius.status == 2)
        #expect(badRadius.stderr.contains("inner.radius_m: is not a number (got 'wide')"))
        let noWidth = try cli.cordon(open + ["--corridor", "-", "--db", db], stdin: Self.route)
        #expect(noWidth.status == 2)
        #expect(noWidth.stderr.contains("--width: is missing for a corridor"))
        // Refused before the registry is even opened.
        #expect(!FileManager.default.fileExists(atPath: db))

        // A deployment's own table replaces the standard radii.
        let presets = cli.directory.appendingPathComponent("presets.json")
        try #"{"suitcase": 250, "van": {"radius_m": 500, "description": "van or lorry"}}"#.write(to: presets, atomically: true, encoding: .utf8)
        let replaced = try json(try cli.cordon(open + ["--preset", "suitcase", "--outer-preset", "van", "--format", "json", "--db", db],
                                               environment: ["CORDON_PRESETS": presets.path]))
        let cordons = try #require(replaced["cordons"] as? [String: Any])
        #expect((cordons["inner"] as? [String: Any])?["radius_m"] as? Double == 250)
        #expect((cordons["outer"] as? [String: Any])?["radius_m"] as? Double == 500)
        let gone = try cli.cordon(open + ["--preset", "car", "--presets", presets.path, "--db", db])
        #expect(gone.status == 2)
        #expect(gone.stderr.contains("inner.preset: is not a cordon preset (got 'car'). Use one of suitcase (250 m), van (500 m)"))

        let corridor = try json(try cli.cordon(open + ["--corridor", "-", "--width", "40", "--advisory-radius", "900", "--format", "json", "--db", db],
                                               stdin: Self.route))
        let corridorCordons = try #require(corridor["cordons"] as? [String: Any])
        #expect((corridorCordons["inner"] as? [String: Any])?["type"] as? String == "corridor")
        #expect((corridorCordons["inner"] as? [String: Any])?["width_m"] as? Double == 40)
        #expect((corridorCordons["advisory"] as? [String: Any])?["radius_m"] as? Double == 900)
        let corridorID = try #require(corridor["id"] as? Int)
        let mixed = try cli.cordon(["alert", "send", "--incident", "\(corridorID)", "--priority", "red", "--message", "Go",
                                    "--city", "--zone", "inner", "--db", db])
        #expect(mixed.status == 2)
        #expect(mixed.stderr.contains("target: names more than one kind of target"))
        let outerUnset = try cli.cordon(["alert", "send", "--incident", "\(corridorID)", "--priority", "red", "--message", "Go",
                                         "--zone", "outer", "--db", db])
        #expect(outerUnset.status == 2)
        #expect(outerUnset.stderr.contains("target.zones: is not set for incident \(corridorID) (got 'outer')"))
        let unchanged = try cli.cordon(["incident", "cordon", "\(corridorID)", "--reason", "none", "--db", db])
        #expect(unchanged.status == 2)
        #expect(unchanged.stderr.contains("cordons: change nothing"))

        let listed = try cli.cordon(["incident", "list", "--status", "open", "--db", db])
        #expect(listed.stdout.split(separator: "\n").count == 4, "\(listed.stdout)")
        #expect(try cli.cordon(["incident", "list", "--status", "ajar", "--db", db]).status == 2)
        #expect(try cli.cordon(["incident", "show", "99", "--db", db]).stderr.contains("no incident with id '99'"))
        #expect(try cli.cordon(["audit", "verify", "--db", db]).status == 0)
    }

    static let route = #"{"type": "LineString", "coordinates": [[-0.0823, 51.5178], [-0.0800, 51.5180]]}"#
}
