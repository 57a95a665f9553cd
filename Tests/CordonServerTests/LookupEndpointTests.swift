import CordonCore
import CordonTestSupport
import Foundation
import Testing

@Suite struct LookupEndpointTests {
    static let day = "2026-06-01T12:00:00%2B01:00"
    static let night = "2026-06-01T23:30:00%2B01:00"

    static var centre: GeoPosition { GridFixture.geo(GridFixture.centre.easting, GridFixture.centre.northing) }

    static func radiusPath(_ radius: Double, at: String = day, extra: String = "") -> String {
        "/lookup/radius?lat=\(centre.latitude)&lon=\(centre.longitude)&radius=\(radius)&at=\(at)\(extra)"
    }

    /// The same answers from the in-memory copy (the default) and from SQL.
    @Test(arguments: [true, false])
    func radiusLookupGivesExactIDsDistancesAndTotals(radiusIndex: Bool) async throws {
        let directory = try TemporaryDirectory()
        let access = try await AccessFixture.make(try await GridFixture.registry(in: directory))
        try await withServer(databasePath: directory.path("fixture.sqlite"), key: access.commander,
                             configure: { $0.radiusIndex = radiusIndex }) { server in
            let reply = try await server.get(Self.radiusPath(100))
            #expect(reply.status == 200)
            #expect(reply.contentType == "application/geo+json")
            let json = reply.json
            #expect(json["type"] as? String == "FeatureCollection")
            let features = try #require(json["features"] as? [[String: Any]])
            #expect(features.map { $0["id"] as? String } == ["fixture/centre", "fixture/half-in", "fixture/at-radius"])
            let distances = features.map { ($0["properties"] as? [String: Any])?["distance_m"] as? Double }
            #expect(distances == [0, 99.5, 100])
            for feature in features {
                #expect(rfc7946Problems(feature["geometry"] as? [String: Any] ?? [:]) == [])
            }
            let totals = try #require(json["totals"] as? [String: Any])
            #expect(totals["buildings"] as? Int == 3)
            #expect(totals["occupancy"] as? Int == 150)
            #expect(totals["guards"] as? Int == 6)
            #expect(totals["trauma_packs"] as? Int == 3)
            #expect(totals["first_aid_kits"] as? Int == 8)
            #expect(totals["reception_capacity"] as? Int == 50)
            #expect(totals["period"] as? String == "day")

            let night = try await server.get(Self.radiusPath(100, at: Self.night, extra: "&totals_only=true"))
            #expect(night.status == 200)
            #expect(night.json["features"] == nil)
            let nightTotals = try #require(night.json["totals"] as? [String: Any])
            #expect(nightTotals["occupancy"] as? Int == 14)
            #expect(nightTotals["guards"] as? Int == 2)
            #expect(nightTotals["period"] as? String == "night")

            let index = try await server.get("/healthz").json["radius_index"] as? [String: Any]
            if radiusIndex {
                #expect(index?["copies_read"] as? Int == 1)
                #expect(index?["lookups_answered"] as? Int == 2)
            } else {
                #expect(index == nil)
            }
        }
    }

    /// Radius answers come from the server's in-memory copy; a figure changed through the
    /// server, or by another process on the same file, is in the next answer all the same.
    @Test func aChangedFigureIsInTheNextRadiusAnswerWhoeverWroteIt() async throws {
        let directory = try TemporaryDirectory()
        let access = try await AccessFixture.make(try await GridFixture.registry(in: directory))
        try await withServer(databasePath: directory.path("fixture.sqlite"), key: access.commander) { server in
            let totalsPath = Self.radiusPath(100, extra: "&totals_only=true")
            #expect(try await server.get(totalsPath).json["totals"].flatMap { ($0 as? [String: Any])?["occupancy"] as? Int } == 150)
            let patch = try await server.request("PATCH", "/buildings/fixture%2Fcentre/figures", body: Data(#"{"occupancy_day": 900}"#.utf8),
                                                 contentType: "application/json", key: access.firmA, headers: ["If-Match": "\"1\""])
            #expect(patch.status == 200, "\(patch.text)")
            #expect(try await server.get(totalsPath).json["totals"].flatMap { ($0 as? [String: Any])?["occupancy"] as? Int } == 950)
            let feature = try #require((try await server.get(Self.radiusPath(100)).json["features"] as? [[String: Any]])?.first)
            #expect((feature["properties"] as? [String: Any])?["occupancy"] as? Int == 900)

            // Other connections to the same file, as the command line would open while the
            // server runs: the server hears nothing of this write.
            let other = Registry(database: try await RegistryDatabase.open(path: directory.path("fixture.sqlite")))
            _ = try await other.writeFigures(of: "fixture/centre", change: try FiguresChange(values: [.occupancyDay: 400]),
                                             expectedVersion: 2, actor: .localOperator(user: "test"))
            try await Task.sleep(for: RadiusIndex.defaultRecheckInterval * 3)
            #expect(try await server.get(totalsPath).json["totals"].flatMap { ($0 as? [String: Any])?["occupancy"] as? Int } == 450)
        }
    }

    @Test func csvForm() async throws {
        let directory = try TemporaryDirectory()
        let access = try await AccessFixture.make(try await GridFixture.registry(in: directory))
        try await withServer(databasePath: directory.path("fixture.sqlite"), key: access.commander) { server in
            let reply = try await server.get(Self.radiusPath(100, extra: "&format=csv"))
            #expect(reply.status == 200)
            #expect(reply.contentType.hasPrefix("text/csv"))
            let lines = reply.text.split(separator: "\r\n").map(String.init)
            #expect(lines.count == 6)
            #expect(lines[1].hasPrefix("fixture/centre,fixture/centre,,,,fixture/centre,0,day,100,3,2,5,1,50,"))
            #expect(lines[3].hasPrefix("fixture/at-radius,fixture/at-radius,,,,fixture/at-radius,100,day,10,1,0,1,0,0,"))
            #expect(lines[4] == "TOTAL,3 buildings,,,,,,day,150,6,3,8,1,50,,false")
            // The fixture holds no coverage zones: below the totals, the warning that says so.
            #expect(lines[5].hasPrefix("WARNING,\"This registry holds no data-coverage zones, so it cannot tell"))
        }
    }

    @Test func polygonLookupMarksFullAndPartial() async throws {
        let directory = try TemporaryDirectory()
        let access = try await AccessFixture.make(try await GridFixture.registry(in: directory))
        let g = GridFixture.gridOrigin
        let (x, y) = (g.easting, g.northing)
        let ring = GridFixture.geoRing([
            (x - 5, y - 5), (x + 175, y - 5), (x + 175, y + 175), (x + 135, y + 175),
            (x + 135, y + 85), (x + 35, y + 85), (x + 35, y + 175), (x - 5, y + 175),
        ])
        let feature = try JSONSerialization.data(withJSONObject: [
            "type": "Feature", "properties": [:] as [String: Any], "geometry": ["type": "Polygon", "coordinates": [ring]],
        ])
        try await withServer(databasePath: directory.path("fixture.sqlite"), key: access.commander) { server in
            let reply = try await server.post("/lookup/polygon?at=\(Self.day)", feature)
            #expect(reply.status == 200, "\(reply.text)")
            let features = try #require(reply.json["features"] as? [[String: Any]])
            let partial = features.filter { ($0["properties"] as? [String: Any])?["inside"] as? String == "partial" }.compactMap { $0["id"] as? String }
            #expect(partial == ["grid/1-2", "grid/2-2", "grid/3-2"])
            #expect(features.count == 19)
            let asJSON = try await server.post("/lookup/polygon?totals_only=true", feature, contentType: "application/json; charset=utf-8")
            #expect((asJSON.json["totals"] as? [String: Any])?["buildings"] as? Int == 19)
        }
    }

    @Test func everyErrorIsAProblemNamingTheParameter() async throws {
        let directory = try TemporaryDirectory()
        let access = try await AccessFixture.make(try await GridFixture.registry(in: directory))
        let before = try await fingerprint(try await RegistryDatabase.open(path: directory.path("fixture.sqlite")))
        let bowTie = Data(#"{"type":"Polygon","coordinates":[[[-0.08,51.51],[-0.07,51.52],[-0.07,51.51],[-0.08,51.52],[-0.08,51.51]]]}"#.utf8)
        let square = Data(#"{"type":"Polygon","coordinates":[[[-0.08,51.51],[-0.07,51.51],[-0.07,51.52],[-0.08,51.52],[-0.08,51.51]]]}"#.utf8)
        var huge = Data("{\"type\":\"Polygon\",\"coordinates\":[[".utf8)
        huge.append(Data(String(repeating: "[-0.0800000000,51.5100000000],", count: 40_000).utf8))
        huge.append(Data("[-0.08,51.51]]]}".utf8))
        try await withServer(databasePath: directory.path("fixture.sqlite"), key: access.commander) { server in
            let cases: [(String, String, Data?, String?, Int, String?, String)] = [
                ("GET", "/lookup/radius?lat=51.51&lon=-0.08&radius=0", nil, nil, 400, "radius", "radius: is out of range (got 0)"),
                ("GET", "/lookup/radius?lat=51.51&lon=-0.08&radius=-3", nil, nil, 400, "radius", "radius: is out of range (got -3)"),
                ("GET", "/lookup/radius?lat=51.51&lon=-0.08&radius=5001", nil, nil, 400, "radius", "radius: is out of range (got 5001)"),
                ("GET", "/lookup/radius?lat=51.51&lon=-0.08&radius=abc", nil, nil, 400, "radius", "radius: is not a number (got 'abc')"),
                ("GET", "/lookup/radius?lon=-0.08&radius=100", nil, nil, 400, "lat", "lat: is missing"),
                ("GET", "/lookup/radius?lat=91&lon=-0.08&radius=100", nil, nil, 400, "lat", "lat: is not a latitude"),
                ("GET", "/lookup/radius?lat=-0.08&lon=51.51&radius=100", nil, nil, 400, "lat/lon", "lies outside Great Britain"),
                ("GET", "/lookup/radius?lat=51.51&lon=-0.08&radious=100", nil, nil, 400, "radious", "radious: is not a parameter of /lookup/radius"),
                ("GET", "/lookup/radius?lat=51.51&lon=-0.08&radius=100&format=xml", nil, nil, 400, "format", "format: is not a known format"),
                ("GET", "/lookup/radius?lat=51.51&lon=-0.08&radius=100&at=soon", nil, nil, 400, "at", "at: is not an ISO 8601 time"),
                ("GET", "/lookup/radius?lat=51.51&lon=-0.08&radius=100&totals_only=maybe", nil, nil, 400, "totals_only", "totals_only: is not true or false"),
                ("POST", "/lookup/polygon", bowTie, "application/geo+json", 422, "polygon", "polygon: is self-intersecting"),
                ("POST", "/lookup/polygon", Data(#"{"type":"Point","coordinates":[-0.08,51.51]}"#.utf8), "application/geo+json", 422, "polygon", "is not a Polygon or MultiPolygon (got Point)"),
                ("POST", "/lookup/polygon", Data(#"{"type":"Polygon","coordinates":[[[-0.08,51.51],[-0.07,51.51],[-0.07,51.52]]]}"#.utf8), "application/geo+json", 422, "polygon", "has 3 positions"),
                ("POST", "/lookup/polygon", Data("{nope".utf8), "application/json", 400, "polygon", "polygon: is not valid JSON"),
                ("POST", "/lookup/polygon", Data(), "application/json", 400, "polygon", "polygon: is empty"),
                ("POST", "/lookup/polygon", square, "text/plain", 415, "Content-Type", "Content-Type 'text/plain' is not accepted"),
                ("POST", "/lookup/polygon", huge, "application/geo+json", 413, nil, "over the limit of 1 MiB"),
                ("DELETE", "/lookup/radius", nil, nil, 405, nil, "DELETE is not allowed on /lookup/radius. Use GET."),
                ("GET", "/lookup/polygon", nil, nil, 405, nil, "GET is not allowed on /lookup/polygon. Use POST."),
                ("GET", "/no/such/path", nil, nil, 404, nil, "There is no resource at /no/such/path"),
                ("GET", "/collections/buildings/items/way%2F999", nil, nil, 404, nil, "no building with id 'way/999'"),
                ("GET", "/collections/buildings/items?limit=0", nil, nil, 400, "limit", "limit: is not a whole number from 1 to 10000"),
                ("GET", "/collections/buildings/items?limit=10001", nil, nil, 400, "limit", "limit: is not a whole number from 1 to 10000"),
                ("GET", "/collections/buildings/items?bbox=1,2,3", nil, nil, 400, "bbox", "bbox: is not four numbers"),
            ]
            for (method, path, body, contentType, status, parameter, detail) in cases {
                let reply = try await server.request(method, path, body: body, contentType: contentType)
                #expect(reply.status == status, "\(method) \(path): \(reply.text)")
                #expect(reply.contentType == "application/problem+json", "\(method) \(path)")
                let json = reply.json
                #expect(json["status"] as? Int == status)
                #expect((json["title"] as? String)?.isEmpty == false)
                #expect((json["detail"] as? String)?.contains(detail) == true, "\(method) \(path): \(reply.text)")
                #expect(json["parameter"] as? String == parameter, "\(method) \(path)")
                if status == 405 { #expect(reply.headers["Allow"] != nil) }
            }
        }
        #expect(try await fingerprint(try await RegistryDatabase.open(path: directory.path("fixture.sqlite"))) == before)
    }

    @Test func healthz() async throws {
        let directory = try TemporaryDirectory()
        let access = try await AccessFixture.make(try await GridFixture.registry(in: directory))
        try await withServer(databasePath: directory.path("fixture.sqlite"), key: access.commander) { server in
            let reply = try await server.get("/healthz")
            #expect(reply.status == 200)
            #expect(reply.json["status"] as? String == "ok")
            #expect(reply.json["buildings"] as? Int == 30)
        }
    }
}
