import Foundation
import Testing

/// The command line's tables put what the numbers cannot show above the totals.
@Suite struct DataCoverageCommandTests {
    @Test func aBarbicanCordonPrintsItsWarningsAboveTheTotals() throws {
        let cli = try CommandLineTests()
        let run = try cli.cordon(["near", "--db", cli.db, "--lat", "51.52", "--lon", "-0.0935", "--radius", "200",
                                  "--at", "2026-11-23T10:00:00Z"])
        #expect(run.status == 0, "\(run.stderr)")
        let lines = run.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(Array(lines.suffix(4)) == [
            "WARNING: 84 % of this area (105246 m²) lies in the part of the City with no building data: the totals are a lower bound.",
            "WARNING: 7 % of this area (8654 m²) lies outside the City of London, where the registry holds no buildings: the totals are a lower bound.",
            "Total (a lower bound): 0 buildings (0 with figures), 0 people, 0 guards, 0 trauma packs, 0 first-aid kits, 0 defibrillators, reception for 0",
            "",
        ])

        let outside = try cli.cordon(["near", "--db", cli.db, "--lat", "51.5007", "--lon", "-0.1246", "--radius", "200", "--format", "json"])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(outside.stdout.utf8)) as? [String: Any])
        #expect((json["warnings"] as? [String])?.first == "No building data here: these zeros mean unknown, not empty.")
        #expect(((json["data_coverage"] as? [String: Any])?["outside_city"] as? [String: Any])?["share"] as? Double == 1)
    }
}
