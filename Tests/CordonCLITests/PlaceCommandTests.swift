import Foundation
import Testing

/// `cordon find`, `--place` on lookups, incidents and plans, and the firm's spreadsheet and
/// bulk confirmation, through the built binary.
@Suite struct PlaceCommandTests {
    let cli: CommandLineTests

    init() throws { cli = try CommandLineTests() }

    @Test func findListsBuildingsWithAPoint() throws {
        let found = try cli.cordon(["find", "mary axe", "--db", cli.db])
        #expect(found.status == 0, "\(found.stderr)")
        let lines = found.stdout.split(separator: "\n")
        #expect(lines.first?.hasPrefix("id ") == true)
        #expect(lines.dropFirst(2).first?.hasPrefix("way/4959489 ") == true && lines.dropFirst(2).first?.contains(" 30 St Mary Axe ") == true, "\(found.stdout)")
        #expect(lines.count == 2 + 6)
        let json = try cli.cordon(["find", "EC3A 8EP", "--format", "json", "--db", cli.db])
        #expect(json.stdout.hasPrefix(#"{"query":"EC3A 8EP","results":[{"id":"way/4959489","label":"30 St Mary Axe""#), "\(json.stdout)")
        let bad = try cli.cordon(["find", "...", "--db", cli.db])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("TEXT: has no letters or digits to search for (got '...')."))
    }

    @Test func nearTakesAPlaceAndRefusesAnAmbiguousOne() throws {
        let at = ["--at", "2026-11-23T10:00:00Z", "--db", cli.db]
        let byName = try cli.cordon(["near", "--place", "30 St Mary Axe", "--radius", "60"] + at)
        #expect(byName.status == 0, "\(byName.stderr)")
        #expect(byName.stdout.hasPrefix("Buildings within 60 m of 30 St Mary Axe (way/4959489), 51.51"), "\(byName.stdout)")
        let ambiguous = try cli.cordon(["near", "--place", "mary axe", "--radius", "60"] + at)
        #expect(ambiguous.status == 2)
        #expect(ambiguous.stdout.isEmpty)
        #expect(ambiguous.stderr.hasPrefix("error: --place: 'mary axe' names 6 buildings."), "\(ambiguous.stderr)")
        #expect(ambiguous.stderr.contains("\n  30 St Mary Axe (way/4959489), EC3A 8EP, Aldgate\n"), "\(ambiguous.stderr)")
        #expect(ambiguous.stderr.split(separator: "\n").count == 7)

        // A grid reference and its latitude and longitude give the same table.
        let byGrid = try cli.cordon(["near", "--place", "TQ 33238 81305", "--radius", "100", "--format", "csv"] + at)
        #expect(byGrid.status == 0, "\(byGrid.stderr)")
        #expect(byGrid.stdout.split(whereSeparator: \.isNewline).count > 10, "\(byGrid.stdout.prefix(300))")
        let both = try cli.cordon(["near", "--place", "TQ 33238 81305", "--lat", "51.5", "--radius", "100"] + at)
        #expect(both.status == 2)
        #expect(both.stderr.contains("--place: is given together with coordinates"))
    }

    @Test func incidentsAndPlansTakeAPlace() throws {
        let opened = try cli.cordon(["incident", "open", "--name", "Suspect bag", "--place", "Liverpool Street", "--preset", "rucksack", "--db", cli.db])
        #expect(opened.status == 0, "\(opened.stderr)")
        #expect(opened.stdout.contains("Location: 51.51"), "\(opened.stdout)")
        #expect(try cli.sqlite("SELECT location_description FROM incidents") == "Liverpool Street")
        let plan = try cli.cordon(["plan", "reception", "--place", "TQ 33238 81305", "--radius", "100", "--format", "json", "--db", cli.db])
        #expect(plan.status == 0, "\(plan.stderr)")
        #expect(plan.stdout.contains("\"label\":"))
        let ambiguous = try cli.cordon(["plan", "reception", "--place", "greggs", "--radius", "100", "--db", cli.db])
        #expect(ambiguous.status == 2)
        #expect(ambiguous.stderr.contains("Greggs ("))
    }

    @Test func theFirmsSpreadsheetRoundTripsAndConfirmsInBulk() throws {
        let db = cli.db
        _ = try cli.cordon(["org", "create", "acme", "--name", "Acme Security", "--role", "firm", "--db", db])
        _ = try cli.cordon(["org", "assign", "--org", "acme", "--building", "way/4959489", "way/150335040", "--db", db])
        let file = cli.directory.appendingPathComponent("acme.csv").path
        let export = try cli.cordon(["figures", "export", "--org", "acme", "-o", file, "--db", db])
        #expect(export.status == 0, "\(export.stderr)")
        let text = try String(contentsOfFile: file, encoding: .utf8)
        #expect(text.hasPrefix("building_id,occupancy_day,occupancy_night,guards_day,guards_night,trauma_packs,first_aid_kits,defibrillators,reception_capacity,occupancy_weekend,guards_weekend,label\r\n"))
        #expect(text.split(separator: "\r\n").count == 3)
        let history = try cli.sqlite("SELECT count(*) FROM figures_history")
        let versions = try cli.sqlite("SELECT group_concat(version) FROM site_figures")
        let back = try cli.cordon(["figures", "import", file, "--db", db])
        #expect(back.stdout == "2 rows: figures updated for 0 buildings, 2 unchanged\n", "\(back.stderr)")
        #expect(try cli.sqlite("SELECT count(*) FROM figures_history") == history)
        #expect(try cli.sqlite("SELECT group_concat(version) FROM site_figures") == versions)

        let refused = try cli.cordon(["figures", "confirm", "way/4959489", "way/0", "--db", db])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("way/0: there is no building way/0"))
        #expect(try cli.sqlite("SELECT group_concat(version) FROM site_figures") == versions)
        let confirmed = try cli.cordon(["figures", "confirm", "--org", "acme", "--db", db])
        #expect(confirmed.stdout.hasPrefix("confirmed the figures of 2 buildings at "), "\(confirmed.stderr)")
        #expect(try cli.sqlite("SELECT count(*) FROM figures_history") == history)
        #expect(try cli.sqlite("SELECT count(*) FROM audit_log WHERE action = 'figures.confirm'") == "2")
    }
}
