import CordonCore
import CordonTestSupport
import Foundation
import Testing

/// POST /lookup/corridor: the buildings along a route, within half the corridor's width of it.
@Suite struct CorridorEndpointTests {
    /// A route along the middle of the grid's bottom row, from the centre of grid/0-0 to the
    /// centre of grid/2-0 (80 m), as GeoJSON positions.
    static var route: [[Double]] {
        let g = GridFixture.gridOrigin
        return [GridFixture.geo(g.easting + 5, g.northing + 5), GridFixture.geo(g.easting + 85, g.northing + 5)]
            .map { [$0.longitude, $0.latitude] }
    }

    static func body(width: Double, route: Any = route, feature: Bool = false) throws -> Data {
        let line: [String: Any] = ["type": "LineString", "coordinates": route]
        let wrapped: Any = feature ? ["type": "Feature", "properties": [:] as [String: Any], "geometry": line] : line
        return try JSONSerialization.data(withJSONObject: ["route": wrapped, "width_m": width])
    }

    @Test func aCorridorMarksFullAndPartialAndTotalsThem() async throws {
        let directory = try TemporaryDirectory()
        let access = try await AccessFixture.make(try await GridFixture.registry(in: directory))
        try await withServer(databasePath: directory.path("fixture.sqlite"), key: access.commander) { server in
            // 80 m wide: 40 m either side of the route and beyond its ends. The bottom row's
            // first three squares lie wholly inside; the row above (from 35 m off the route)
            // and grid/3-0 (from 35 m beyond its end) are cut by the edge; nothing else is
            // within 40 m (grid/3-1's nearest corner is 49.5 m from the route's end).
            let reply = try await server.post("/lookup/corridor?format=json", try Self.body(width: 80), contentType: "application/json")
            #expect(reply.status == 200, "\(reply.text)")
            let buildings = try #require(reply.json["buildings"] as? [[String: Any]])
            let inside = Dictionary(uniqueKeysWithValues: buildings.map { ($0["id"] as? String ?? "", $0["inside"] as? String ?? "") })
            #expect(inside == ["grid/0-0": "full", "grid/1-0": "full", "grid/2-0": "full",
                               "grid/0-1": "partial", "grid/1-1": "partial", "grid/2-1": "partial", "grid/3-0": "partial"])
            let query = try #require(reply.json["query"] as? [String: Any])
            #expect(query["type"] as? String == "corridor")
            #expect(query["width_m"] as? Double == 80)
            #expect(query["route_positions"] as? Int == 2)
            #expect(reply.json["data_coverage"] is [String: Any])

            // Narrower, in a Feature, totals only: the bottom row's three squares and no more.
            let narrow = try await server.post("/lookup/corridor?totals_only=true", try Self.body(width: 20, feature: true), contentType: "application/json")
            #expect(narrow.status == 200, "\(narrow.text)")
            #expect((narrow.json["totals"] as? [String: Any])?["buildings"] as? Int == 3)

            // GeoJSON by default, each feature a building of the answer.
            let geojson = try await server.post("/lookup/corridor", try Self.body(width: 80), contentType: "application/json")
            #expect(geojson.contentType == "application/geo+json")
            #expect(Set((geojson.json["features"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }) == Set(inside.keys))
        }
    }

    @Test func aRoutePastTheFigureHoldingBuildingsTotalsTheirFigures() async throws {
        let directory = try TemporaryDirectory()
        let access = try await AccessFixture.make(try await GridFixture.registry(in: directory))
        try await withServer(databasePath: directory.path("fixture.sqlite"), key: access.commander) { server in
            // From the centre square north through fixture/half-in: those two, 10 m wide.
            let c = GridFixture.centre
            let route = [GridFixture.geo(c.easting, c.northing), GridFixture.geo(c.easting, c.northing + 105)].map { [$0.longitude, $0.latitude] }
            let reply = try await server.post("/lookup/corridor?format=json&at=\(LookupEndpointTests.day)", try Self.body(width: 10, route: route),
                                              contentType: "application/json")
            #expect(reply.status == 200, "\(reply.text)")
            #expect(Set((reply.json["buildings"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }) == ["fixture/centre", "fixture/half-in"])
            let totals = try #require(reply.json["totals"] as? [String: Any])
            // Day figures of the two: 100 + 40 people, 3 + 2 guards, 2 + 1 trauma packs.
            #expect(totals["occupancy"] as? Int == 140)
            #expect(totals["guards"] as? Int == 5)
            #expect(totals["trauma_packs"] as? Int == 3)
        }
    }

    @Test func everyBadCorridorIsAProblemNamingTheFieldAndNothingChanges() async throws {
        let directory = try TemporaryDirectory()
        let access = try await AccessFixture.make(try await GridFixture.registry(in: directory))
        let before = try await fingerprint(try await RegistryDatabase.open(path: directory.path("fixture.sqlite")))
        let tooMany = (0...PlanCordon.maximumRoutePositions).map { [-0.09 + Double($0) * 0.00001, 51.515] }
        // About 50 km at 2 km wide: 100 km², more than the largest circle's 78.54 km².
        let tooLong = [[-0.08, 51.51], [0.64, 51.51]]
        let cases: [(Data, String, Int, String, String)] = [
            (try Self.body(width: 0), "application/json", 400, "width_m", "width_m: is out of range"),
            (try Self.body(width: 0.5), "application/json", 400, "width_m", "width_m: is out of range (got 0.5). Give the corridor's whole width in metres, from 1 to 2000"),
            (try Self.body(width: 2_001), "application/json", 400, "width_m", "width_m: is out of range"),
            (Data(#"{"route": {"type": "LineString", "coordinates": [[-0.08, 51.51], [-0.07, 51.51]]}}"#.utf8), "application/json", 400, "width_m", "width_m: is missing"),
            (Data(#"{"route": {"type": "LineString", "coordinates": [[-0.08, 51.51], [-0.07, 51.51]]}, "width_m": "50"}"#.utf8), "application/json", 400, "width_m", "width_m: is not a number (got '50')"),
            (Data(#"{"route": {"type": "Point", "coordinates": [-0.08, 51.51]}, "width_m": 50}"#.utf8), "application/json", 422, "route", "route: is not a LineString of at least 2 positions"),
            (Data(#"{"route": {"type": "LineString", "coordinates": [[-0.08, 51.51]]}, "width_m": 50}"#.utf8), "application/json", 422, "route", "is not a LineString of at least 2 positions"),
            (Data(#"{"route": {"type": "LineString", "coordinates": [[51.51, -0.08], [51.52, -0.08]]}, "width_m": 50}"#.utf8), "application/json", 422, "route", "is not [longitude, latitude] in Great Britain"),
            (Data(#"{"route": {"type": "LineString", "coordinates": [[-0.08, 51.51], [-0.08, 51.51]]}, "width_m": 50}"#.utf8), "application/json", 422, "route", "route: has no length"),
            (try Self.body(width: 50, route: tooMany), "application/json", 400, "route", "route: has more positions than a corridor allows"),
            (try Self.body(width: 2_000, route: tooLong), "application/json", 400, "route", "route: covers more than a cordon may"),
            (Data(#"{"route": {"type": "LineString", "coordinates": [[-0.08, 51.51], [-0.07, 51.51]]}, "width_m": 50, "radius": 3}"#.utf8), "application/json", 400, "radius", "radius: is not a corridor field"),
            (Data(#"{"type": "polygon", "route": {"type": "LineString", "coordinates": [[-0.08, 51.51], [-0.07, 51.51]]}, "width_m": 50}"#.utf8), "application/json", 400, "type", "type: is not corridor"),
            (Data("[1, 2]".utf8), "application/json", 400, "body", "body: is not an object"),
            (Data("{nope".utf8), "application/json", 400, "body", "body: is not valid JSON"),
            (try Self.body(width: 50), "text/plain", 415, "Content-Type", "Content-Type 'text/plain' is not accepted"),
        ]
        try await withServer(databasePath: directory.path("fixture.sqlite"), key: access.commander) { server in
            for (body, contentType, status, parameter, detail) in cases {
                let reply = try await server.post("/lookup/corridor", body, contentType: contentType)
                #expect(reply.status == status, "\(detail): \(reply.text)")
                #expect(reply.contentType == "application/problem+json")
                #expect(reply.json["parameter"] as? String == parameter, "\(detail): \(reply.text)")
                #expect((reply.json["detail"] as? String)?.contains(detail) == true, "\(reply.text)")
            }
            let wrongMethod = try await server.get("/lookup/corridor")
            #expect(wrongMethod.status == 405)
        }
        #expect(try await fingerprint(try await RegistryDatabase.open(path: directory.path("fixture.sqlite"))) == before)
    }
}
