import Foundation
import Testing
@testable import CordonCore
import CordonTestSupport

/// Lookups on the bundled real data around City landmarks, compared with recorded results.
/// Re-record only deliberately: CORDON_RECORD_GOLDEN=1 swift test --filter GoldenLandmarkTests
@Suite struct GoldenLandmarkTests {
    struct Landmark: Sendable, CustomTestStringConvertible {
        let name: String, lat: Double, lon: Double, radius: Double
        var testDescription: String { name }
    }

    static let landmarks: [Landmark] = [
        .init(name: "30-st-mary-axe", lat: 51.514431, lon: -0.080334, radius: 200),
        .init(name: "bank-junction", lat: 51.513347, lon: -0.088954, radius: 200),
        .init(name: "st-pauls", lat: 51.513845, lon: -0.098351, radius: 200),
        .init(name: "leadenhall-market", lat: 51.512757, lon: -0.083520, radius: 100),
        .init(name: "guildhall-no-data-gap", lat: 51.515710, lon: -0.091940, radius: 50),
        .init(name: "monument", lat: 51.510137, lon: -0.085954, radius: 400),
    ]

    static let at = try! LookupTime.parse("2026-03-10T12:00:00Z")
    static let goldenDirectory = packageRoot.appendingPathComponent("Tests/CordonCoreTests/Golden")

    static func record(_ result: LookupResult) -> String {
        let t = result.totals
        var lines = ["buildings \(t.buildings) occupancy \(t.occupancy) guards \(t.guards) trauma_packs \(t.traumaPacks) "
                     + "first_aid_kits \(t.firstAidKits) defibrillators \(t.defibrillators) reception_capacity \(t.receptionCapacity)"]
        lines += result.matches.map { match in
            "\(match.id) \(match.distance.map { JSONText.number($0, decimals: 1) } ?? match.inside?.rawValue ?? "")"
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func compare(_ name: String, _ actual: String) throws {
        let file = goldenDirectory.appendingPathComponent(name + ".txt")
        if ProcessInfo.processInfo.environment["CORDON_RECORD_GOLDEN"] == "1" {
            try actual.write(to: file, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: file, encoding: .utf8)
        #expect(actual == expected, "golden \(name) differs; re-record deliberately with CORDON_RECORD_GOLDEN=1")
    }

    @Test(arguments: landmarks)
    func radiusAroundLandmark(_ landmark: Landmark) async throws {
        let directory = try TemporaryDirectory()
        let registry = try await bundledRegistry(in: directory)
        let query = try RadiusQuery(latitude: landmark.lat, longitude: landmark.lon, radius: landmark.radius)
        let result = try await registry.near(query, at: Self.at)
        try Self.compare("radius-" + landmark.name, Self.record(result))
    }

    @Test(arguments: landmarks)
    func totalsOnlyAgreesWithTheFullLookupByDayAndNight(_ landmark: Landmark) async throws {
        let directory = try TemporaryDirectory()
        let registry = try await bundledRegistry(in: directory)
        let query = try RadiusQuery(latitude: landmark.lat, longitude: landmark.lon, radius: landmark.radius)
        for at in [Self.at, try LookupTime.parse("2026-03-10T23:00:00Z")] {
            let full = try await registry.near(query, at: at)
            let totals = try await registry.nearTotals(query, at: at)
            #expect(totals.totals == full.totals)
            #expect(totals.matches.isEmpty)
            let square = "{\"type\":\"Polygon\",\"coordinates\":[[[\(landmark.lon - 0.002),\(landmark.lat - 0.001)],[\(landmark.lon + 0.002),\(landmark.lat - 0.001)],[\(landmark.lon + 0.002),\(landmark.lat + 0.001)],[\(landmark.lon - 0.002),\(landmark.lat + 0.001)],[\(landmark.lon - 0.002),\(landmark.lat - 0.001)]]]}"
            let area = try AreaQuery.parse(Data(square.utf8))
            let fullArea = try await registry.within(area, at: at)
            #expect(try await registry.withinTotals(area, at: at).totals == fullArea.totals)
        }
    }

    @Test func polygonAroundLeadenhallBlock() async throws {
        let directory = try TemporaryDirectory()
        let registry = try await bundledRegistry(in: directory)
        let body = #"{"type":"Polygon","coordinates":[[[-0.0845,51.5122],[-0.0815,51.5122],[-0.0815,51.5138],[-0.0845,51.5138],[-0.0845,51.5122]]]}"#
        let result = try await registry.within(AreaQuery.parse(Data(body.utf8)), at: Self.at)
        try Self.compare("polygon-leadenhall-block", Self.record(result))
    }

    @Test func thirtyStMaryAxeIsFoundAtDistanceZeroWithItsOwnFigures() async throws {
        let directory = try TemporaryDirectory()
        let registry = try await bundledRegistry(in: directory)
        let result = try await registry.near(RadiusQuery(latitude: 51.514431, longitude: -0.080334, radius: 10), at: Self.at)
        #expect(result.matches.map(\.id) == ["way/4959489"])
        #expect(result.matches[0].name == "30 St Mary Axe")
        #expect(result.matches[0].distance == 0)
        #expect(result.totals.demonstration)
    }

    @Test func statsCountTheWholeBundledData() async throws {
        let directory = try TemporaryDirectory()
        let registry = try await bundledRegistry(in: directory)
        let stats = try await registry.stats()
        #expect(stats.buildings == 1322)
        #expect(stats.buildingsWithFigures == 1322)
        #expect(stats.demonstrationFigures == 1322)
        #expect(stats.buildingsWithoutWard == 15)
        #expect(stats.sources.map(\.buildings) == [633, 482, 150, 57])
        #expect(abs(stats.coveredShare - 0.8023) < 0.0001)
        // Ten demonstration figures a building, the two weekend ones included.
        #expect(stats.historyRows == 1322 * 10)
    }
}
