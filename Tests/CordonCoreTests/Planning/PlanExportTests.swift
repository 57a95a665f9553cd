import CordonCore
import CordonTestSupport
import Foundation
import Testing

/// The plan's and the coverage's CSV tables as a spreadsheet opens them: a byte-order mark,
/// one value a cell, numbers only in number columns, positions of every centre and building.
/// The night plan of `ReceptionPlanTests`: 210 displaced, 140 placed (D1 -> S 100, D2 -> H
/// 40), 70 short, F the further centre; S is named "Société Générale" here.
@Suite struct PlanExportTests {
    static func nightPlan(_ directory: TemporaryDirectory) async throws -> ReceptionPlan {
        let registry = try await ReceptionPlanTests.registry(directory, names: ["plan/s": "Société Générale"])
        return try await registry.receptionPlan(for: try ReceptionPlanTests.cordon(), at: ReceptionPlanTests.night)
    }

    static func rows(_ csv: String) -> [[String]] { CSVRows.parse(csv) }

    static func position(_ x: Double, _ y: Double) -> (lat: Double, lon: Double) {
        let geo = GridFixture.geo(x, y)
        return (geo.latitude, geo.longitude)
    }

    @Test func everyPlanTableStartsWithAByteOrderMarkAndKeepsOneValueACell() async throws {
        let directory = try TemporaryDirectory()
        let plan = try await Self.nightPlan(directory)
        for table in ReceptionPlan.CSVTable.allCases {
            let csv = plan.csv(table)
            #expect(Array(csv.utf8.prefix(3)) == [0xEF, 0xBB, 0xBF], "\(table)")
            #expect(csv.hasSuffix("\r\n"))
            let rows = Self.rows(csv)
            #expect(rows.allSatisfy { $0.count == rows[0].count }, "\(table): \(rows)")
        }
    }

    @Test func theCentresTableHasEachCentresPositionAndAnAccentedName() async throws {
        let directory = try TemporaryDirectory()
        let rows = Self.rows(try await Self.nightPlan(directory).csv(.centres))
        #expect(rows[0] == ["centre_id", "name", "label", "role", "lat", "lon", "distance_from_cordon_m", "capacity", "assigned",
                            "guards", "trauma_packs", "first_aid_kits", "demonstration_figures"])
        let centres: [[String]] = rows.dropFirst().map { (row: [String]) -> [String] in Array(row[0...3]) + Array(row[6...]) }
        let expected: [[String]] = [
            ["plan/h", "plan/h", "plan/h", "centre", "55", "40", "40", "1", "1", "1", "false"],
            ["plan/s", "Société Générale", "Société Générale", "centre", "155", "100", "100", "1", "1", "1", "false"],
            ["plan/f", "plan/f", "plan/f", "further_centre", "1455", "1000", "0", "1", "1", "1", "false"],
        ]
        #expect(centres == expected)
        let cx = ReceptionPlanTests.cx, cy = ReceptionPlanTests.cy
        for (row, x) in zip(rows.dropFirst(), [cx + 100, cx - 200, cx + 1_500]) {
            let expected = Self.position(x, cy)
            #expect(abs((Double(row[4]) ?? 0) - expected.lat) < 1e-6 && abs((Double(row[5]) ?? 0) - expected.lon) < 1e-6, "\(row)")
        }
    }

    @Test func theBuildingsAllocationsAndTotalsTablesAddUp() async throws {
        let directory = try TemporaryDirectory()
        let plan = try await Self.nightPlan(directory)
        let buildings = Self.rows(plan.csv(.buildings))
        #expect(buildings[0] == ["building_id", "name", "label", "lat", "lon", "people", "figures_reported", "placed", "unplaced"])
        let people: [[String]] = buildings.dropFirst().map { (row: [String]) -> [String] in [row[0]] + Array(row[5...]) }
            .sorted { $0[0] < $1[0] }
        let expectedPeople: [[String]] = [
            ["plan/d1", "100", "true", "100", "0"], ["plan/d2", "100", "true", "40", "60"], ["plan/i", "10", "true", "0", "10"],
        ]
        #expect(people == expectedPeople)
        let d1 = try #require(buildings.first { $0[0] == "plan/d1" })
        let expected = Self.position(ReceptionPlanTests.cx, ReceptionPlanTests.cy)
        #expect(abs((Double(d1[3]) ?? 0) - expected.lat) < 1e-6 && abs((Double(d1[4]) ?? 0) - expected.lon) < 1e-6)

        let allocations = Self.rows(plan.csv(.allocations))
        #expect(allocations[0] == ["building_id", "building_label", "building_lat", "building_lon", "centre_id", "centre_label",
                                   "centre_lat", "centre_lon", "people", "distance_m"])
        let flows: [[String]] = allocations.dropFirst().map { (row: [String]) -> [String] in [row[0], row[4], row[5], row[8], row[9]] }
            .sorted { $0[0] < $1[0] }
        let expectedFlows: [[String]] = [["plan/d1", "plan/s", "Société Générale", "100", "200"], ["plan/d2", "plan/h", "plan/h", "40", "80"]]
        #expect(flows == expectedFlows)

        let totals = Self.rows(plan.csv(.totals))
        #expect(totals.count == 2)
        let row = Dictionary(uniqueKeysWithValues: zip(totals[0], totals[1]))
        #expect(row["displaced"] == "210" && row["assigned"] == "140" && row["shortfall"] == "70")
        #expect(row["buildings_inside"] == "3" && row["centres"] == "2" && row["capacity_within_walk"] == "140")
        #expect(row["further_centres"] == "1" && row["further_capacity"] == "1000" && row["person_metres"] == "23200")
        #expect(row["period"] == "night" && row["walking_distance_m"] == "1000")
    }

    @Test func theReceptionMapDrawsEveryCentreBuildingAndAllocation() async throws {
        let directory = try TemporaryDirectory()
        let registry = try await ReceptionPlanTests.registry(directory, names: ["plan/s": "Société Générale"])
        let plan = try await registry.receptionPlan(for: try ReceptionPlanTests.cordon(), at: ReceptionPlanTests.night)
        let svg = ReceptionMap.svg(plan, footprints: try await registry.footprintOutlines())
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(svg.contains("Displaced 210 in 3 buildings; placed 140; shortfall 70; 2 centres within 1000 m (capacity 140); 1 further centres"))
        // The cordon, 3 centres (one further), 3 displaced buildings, and 3 in the legend.
        #expect(svg.components(separatedBy: "<circle cx=").count - 1 == 1 + 3 + 3 + 3)
        #expect(svg.contains("<title>Société Générale: capacity 100, assigned 100</title>"))
        #expect(svg.contains("<title>plan/f: capacity 1000, assigned 0 (further centre)</title>"))
        // Two allocation lines, each labelled with its people.
        #expect(svg.components(separatedBy: "stroke-opacity=\"0.6\"><title>").count - 1 == 2)
        #expect(svg.contains(">100</text>") && svg.contains(">40</text>"))
    }

    @Test func coverageTablesStartWithAByteOrderMarkAndMatchTheJSON() async throws {
        let directory = try TemporaryDirectory()
        let registry = try await bundledRegistry(in: directory)
        let coverage = try await registry.coverage(radius: 200, spacing: 200, at: ReceptionPlanTests.day)
        for table in Coverage.CSVTable.allCases {
            let csv = coverage.csv(table)
            #expect(Array(csv.utf8.prefix(3)) == [0xEF, 0xBB, 0xBF], "\(table)")
        }
        let points = Self.rows(coverage.csv(.points))
        #expect(points.count == 81 && points[0][2] == "lon" && points[0][3] == "lat")
        let wards = Self.rows(coverage.csv(.wards))
        #expect(wards[0] == ["ward", "points", "points_short", "points_lower_bound", "maximum_shortfall", "mean_shortfall"])
        #expect(wards.dropFirst().map { $0[0] } == coverage.wards.map(\.ward))
        #expect(wards.dropFirst().map { Int($0[1]) ?? -1 }.reduce(0, +) == 80)
        let summary = Self.rows(coverage.csv(.summary))
        #expect(summary.count == 2 && summary[1][5] == "80")
        // The GeoJSON carries the same ward table as the JSON, for a map and the table beside it.
        let geojson = try #require(try JSONSerialization.jsonObject(with: Data(coverage.geoJSON().utf8)) as? [String: Any])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(coverage.json().utf8)) as? [String: Any])
        #expect((geojson["wards"] as? [[String: Any]])?.map { $0["ward"] as? String } == (json["wards"] as? [[String: Any]])?.map { $0["ward"] as? String })
    }
}
