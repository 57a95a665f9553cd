import Foundation
import Testing

/// CSV exports opened in a spreadsheet: names from OpenStreetMap must not run as formulas.
@Suite struct CSVExportTests {
    let cli: CommandLineTests

    init() throws { cli = try CommandLineTests() }

    @Test func aBuildingNamedLikeAFormulaIsWrittenAsText() throws {
        let file = cli.directory.appendingPathComponent("formulas.geojson")
        func square(_ id: String, _ name: String, west: Double) -> String {
            let east = west + 0.0002
            return #"{"type":"Feature","id":"\#(id)","properties":{"name":\#(name)},"geometry":{"type":"Polygon","coordinates":[[[\#(west),51.5100],[\#(east),51.5100],[\#(east),51.5101],[\#(west),51.5101],[\#(west),51.5100]]]}}"#
        }
        let features = [square("way/900000001", #""=HYPERLINK(\"http://x\",\"y\")""#, west: -0.0850),
                        square("way/900000002", #""@SUM(1+1)""#, west: -0.0846)]
        try "{\"type\":\"FeatureCollection\",\"features\":[\(features.joined(separator: ","))]}".write(to: file, atomically: true, encoding: .utf8)
        let imported = try cli.cordon(["import", "--db", cli.db, file.path])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(try cli.sqlite("SELECT name FROM buildings WHERE id = 'way/900000001'") == #"=HYPERLINK("http://x","y")"#)

        let run = try cli.cordon(["near", "--db", cli.db, "--lat", "51.51005", "--lon", "-0.0847", "--radius", "40",
                                  "--format", "csv", "--at", "2026-03-10T12:00:00Z"])
        #expect(run.status == 0, "\(run.stderr)")
        let lines = run.stdout.components(separatedBy: "\r\n")
        let hyperlink = try #require(lines.first { $0.hasPrefix("way/900000001,") })
        #expect(hyperlink.hasPrefix(#"way/900000001,"'=HYPERLINK(""http://x"",""y"")","#), "\(hyperlink)")
        let sum = try #require(lines.first { $0.hasPrefix("way/900000002,") })
        #expect(sum.hasPrefix(#"way/900000002,"'@SUM(1+1)","#), "\(sum)")
        // Numbers stay numbers: the distance column is written as it was.
        #expect(sum.range(of: #",\d+(\.\d+)?,day,"#, options: .regularExpression) != nil, "\(sum)")
    }

    /// `cordon plan reception --format csv --table T` writes the HTTP API's table T: a
    /// byte-order mark first; an unknown table is refused with the choices.
    @Test func aPlansTablesAreWrittenForSpreadsheets() throws {
        let plan = ["plan", "reception", "--db", cli.db, "--lat", "51.514431", "--lon", "-0.080334", "--radius", "100",
                    "--at", "2026-11-23T22:00:00Z", "--format", "csv"]
        let totals = try cli.cordon(plan + ["--table", "totals"])
        #expect(totals.status == 0, "\(totals.stderr)")
        #expect(totals.stdout.hasPrefix("\u{FEFF}cordon,period,at,walking_distance_m,buildings_inside,buildings_without_figures,displaced,"))
        #expect(totals.stdout.contains("\r\n\"100 m around 51.514431, -0.080334\",night,2026-11-23T22:00:00Z,1000,28,"))
        let refused = try cli.cordon(plan + ["--table", "wards"])
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("--table: is not a table of this answer (got 'wards'). Give --table centres, buildings, allocations, totals."), "\(refused.stderr)")
        let coverage = try cli.cordon(["plan", "coverage", "--db", cli.db, "--radius", "200", "--spacing", "400", "--format", "csv", "--table", "wards"])
        #expect(coverage.status == 0, "\(coverage.stderr)")
        #expect(coverage.stdout.hasPrefix("\u{FEFF}ward,points,points_short,points_lower_bound,maximum_shortfall,mean_shortfall\r\n"))
    }
}
