import CordonCore
import CordonTestSupport
import Foundation
import Testing

/// Weekend figures written over HTTP are what a Saturday or bank-holiday lookup answers.
@Suite struct WeekendEndpointTests {
    @Test func aFirmPatchesWeekendFiguresAndSaturdayAndChristmasLookupsUseThem() async throws {
        let directory = try TemporaryDirectory()
        let access = try await AccessFixture.make(try await GridFixture.registry(in: directory))
        try await withServer(databasePath: directory.path("fixture.sqlite"), key: access.commander) { server in
            let path = LookupEndpointTests.radiusPath(100, at: "2026-11-28T12:00:00Z", extra: "&totals_only=true")
            let before = try await server.get(path)
            #expect((before.json["totals"] as? [String: Any])?["period"] as? String == "weekend")
            #expect((before.json["totals"] as? [String: Any])?["occupancy"] as? Int == 150)
            #expect((before.json["warnings"] as? [String])?.last?.hasPrefix("3 of the 3 buildings with figures have no weekend figures") == true)

            let refused = try await server.request("PATCH", "/buildings/fixture%2Fcentre/figures", body: Data(#"{"occupancy_weekend": 50001}"#.utf8),
                                                   contentType: "application/json", key: access.firmA, headers: ["If-Match": "\"1\""])
            #expect(refused.status == 400)
            #expect(refused.json["parameter"] as? String == "occupancy_weekend")
            let patch = try await server.request("PATCH", "/buildings/fixture%2Fcentre/figures",
                                                 body: Data(#"{"occupancy_weekend": 7, "guards_weekend": 1}"#.utf8),
                                                 contentType: "application/json", key: access.firmA, headers: ["If-Match": "\"1\""])
            #expect(patch.status == 200, "\(patch.text)")
            for at in ["2026-11-28T12:00:00Z", "2026-12-25T12:00:00Z"] {
                let after = try await server.get(LookupEndpointTests.radiusPath(100, at: at, extra: "&format=json"))
                let totals = try #require(after.json["totals"] as? [String: Any])
                #expect(totals["occupancy"] as? Int == 57 && totals["weekday_figures"] as? Int == 2, "\(at)")
                let centre = (after.json["buildings"] as? [[String: Any]])?.first { $0["id"] as? String == "fixture/centre" }
                #expect(centre?["occupancy"] as? Int == 7 && centre?["weekday_figures"] as? Bool == false)
            }
        }
    }
}
