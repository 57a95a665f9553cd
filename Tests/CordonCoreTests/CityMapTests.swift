@testable import CordonCore
import CordonTestSupport
import Foundation
import Testing

/// The console's map answer: every footprint once, areas before buildings, positions rounded.
@Suite struct CityMapTests {
    @Test func positionsAreRoundedToFiveDecimalsAndNothingElseChanges() {
        var out = ""
        GeoJSONRounding.append(#"{"type":"Polygon","coordinates":[[[-0.0803349999,51.51443149],[-0.08,51.5],[0.000004,-1.23456789],[-0.0803349999,51.51443149]]]}"#,
                               decimals: 5, to: &out)
        #expect(out == #"{"type":"Polygon","coordinates":[[[-0.08033,51.51443],[-0.08,51.5],[0,-1.23457],[-0.08033,51.51443]]]}"#)
        #expect(GeoJSONRounding.fixed(-0.000004, decimals: 5) == "0")
        #expect(GeoJSONRounding.fixed(-0.10001, decimals: 5) == "-0.10001")
    }

    @Test func theMapHoldsEveryBuildingAndTheReferenceAreas() async throws {
        let directory = try TemporaryDirectory()
        let registry = try await bundledRegistry(in: directory)
        let map = try await registry.cityMap(at: try LookupTime.parse("2026-11-23T22:00:00Z"))
        #expect(map.buildings.count == 1322)
        #expect(map.period == .night)
        #expect(map.areas.filter(\.isNoData).count == 1)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(map.geoJSON().utf8)) as? [String: Any])
        let features = try #require(json["features"] as? [[String: Any]])
        #expect(features.count == map.areas.count + 1322)
        let gherkin = try #require(features.first { $0["id"] as? String == "way/4959489" }?["properties"] as? [String: Any])
        // Night figures, as `cordon near` gives them for 22:00.
        #expect(gherkin["occupancy"] as? Int == 205)
        #expect(gherkin["guards"] as? Int == 6)
        #expect(gherkin["stale"] as? Int != nil)
    }
}
