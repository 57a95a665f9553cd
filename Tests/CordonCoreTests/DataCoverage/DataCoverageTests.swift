import Foundation
import GRDB
import Testing
@testable import CordonCore
import CordonTestSupport

/// How much of an answer's area has building data, on the bundled Square Mile: exact shares
/// at places checked by hand against the coverage zones, the same figures from SQL and from
/// the server's in-memory copy, and a registry that holds no zones.
@Suite struct DataCoverageTests {
    let day = try! LookupTime.parse("2026-11-23T10:00:00Z")

    static let barbican = (lat: 51.5200, lon: -0.0935)
    static let westminster = (lat: 51.5007, lon: -0.1246)
    /// On the eastern edge of the gap by Guildhall: a 100 m circle about half in it.
    static let gapEdge = (lat: 51.5170, lon: -0.0916)

    func near(_ registry: Registry, _ place: (lat: Double, lon: Double), _ radius: Double) async throws -> LookupResult {
        try await registry.near(RadiusQuery(latitude: place.lat, longitude: place.lon, radius: radius), at: day)
    }

    @Test func aBarbicanCordonInTheGapSaysHowMuchHasNoDataAndThatItsZerosAreALowerBound() async throws {
        let directory = try TemporaryDirectory()
        let registry = try await bundledRegistry(in: directory)
        let result = try await near(registry, Self.barbican, 200)
        #expect(result.totals.buildings == 0)
        let coverage = try #require(result.coverage)
        #expect(coverage.json() == """
            {"known":true,"area_m2":125664,"with_data":{"share":0.094,"area_m2":11763},\
            "no_data":{"share":0.838,"area_m2":105246},"outside_city":{"share":0.069,"area_m2":8654},\
            "sources":[{"name":"osm_vizicities_2013-11","date":"2013-11"}]}
            """)
        #expect(result.lowerBound)
        #expect(result.warnings == [
            "84 % of this area (105246 m²) lies in the part of the City with no building data: the totals are a lower bound.",
            "7 % of this area (8654 m²) lies outside the City of London, where the registry holds no buildings: the totals are a lower bound.",
        ])
        #expect(result.totalsOnlyJSON().contains(#""stale_figures":0,"lower_bound":true}"#))

        let inner = try await near(registry, Self.barbican, 100)
        #expect(inner.coverage?.withData == 0)
        #expect(inner.warnings == ["No building data here: these zeros mean unknown, not empty.",
                                   "The whole area lies in the part of the City with no building data."])
    }

    @Test func aCordonHalfInTheGapGivesTheDocumentedSharesAndWarning() async throws {
        let directory = try TemporaryDirectory()
        let registry = try await bundledRegistry(in: directory)
        let result = try await near(registry, Self.gapEdge, 100)
        let coverage = try #require(result.coverage)
        #expect(coverage.json() == """
            {"known":true,"area_m2":31416,"with_data":{"share":0.504,"area_m2":15842},\
            "no_data":{"share":0.496,"area_m2":15573},"outside_city":{"share":0,"area_m2":0},\
            "sources":[{"name":"osm_vizicities_2013-11","date":"2013-11"}]}
            """)
        #expect(result.warnings == ["50 % of this area (15573 m²) lies in the part of the City with no building data: the totals are a lower bound."])
        #expect(result.lowerBound)
    }

    @Test func aCordonInWestminsterSaysItLiesWhollyOutsideTheCity() async throws {
        let directory = try TemporaryDirectory()
        let registry = try await bundledRegistry(in: directory)
        let result = try await near(registry, Self.westminster, 200)
        #expect(result.totals.buildings == 0)
        #expect(result.coverage?.json() == """
            {"known":true,"area_m2":125664,"with_data":{"share":0,"area_m2":0},"no_data":{"share":0,"area_m2":0},\
            "outside_city":{"share":1,"area_m2":125664},"sources":[]}
            """)
        #expect(result.warnings == [
            "No building data here: these zeros mean unknown, not empty.",
            "The whole area lies outside the City of London; the registry holds buildings only inside the City.",
        ])
    }

    @Test func aCordonWhollyWithDataHasNoWarningsAndExactTotals() async throws {
        let directory = try TemporaryDirectory()
        let registry = try await bundledRegistry(in: directory)
        let result = try await near(registry, (51.514431, -0.080334), 200)
        #expect(result.warnings == [])
        #expect(!result.lowerBound)
        #expect(result.coverage?.json() == """
            {"known":true,"area_m2":125664,"with_data":{"share":1,"area_m2":125664},"no_data":{"share":0,"area_m2":0},\
            "outside_city":{"share":0,"area_m2":0},"sources":[{"name":"osm_overpass_2022-07-05","date":"2022-07-05"},\
            {"name":"osm_vizicities_2013-11","date":"2013-11"}]}
            """)
        let polygon = try AreaQuery.parse(Data(contentsOf: packageRoot.appendingPathComponent("data/examples/leadenhall.geojson")))
        let within = try await registry.within(polygon, at: day)
        #expect(within.warnings == [] && within.coverage?.known == true && within.coverage?.share(within.coverage?.withData) == 1)
    }

    @Test func aRegistryWithoutCoverageZonesSaysItCannotTell() async throws {
        let directory = try TemporaryDirectory()
        let registry = try await bundledRegistry(in: directory)
        try await registry.database.write { db in try db.execute(sql: "DELETE FROM reference_areas WHERE kind = 'coverage'") }
        for registry in [registry, try await registry.withRadiusIndex()] {
            let result = try await near(registry, (51.514431, -0.080334), 200)
            #expect(result.coverage?.json() == """
                {"known":false,"area_m2":125664,"with_data":null,"no_data":null,"outside_city":null,"sources":[]}
                """)
            #expect(result.lowerBound)
            #expect(result.warnings == ["This registry holds no data-coverage zones, so it cannot tell whether this area has building data: "
                                        + "treat zeros as unknown and the totals as a lower bound."])
        }
        // The hand-made grid fixture has no reference areas at all.
        let fixture = try await GridFixture.registry(in: directory)
        #expect(try await fixture.near(GridFixture.centreQuery(100), at: day).coverage?.known == false)
    }

    /// The server's in-memory measure (exact circle arithmetic over zones GEOS clipped once)
    /// against GEOS measuring each circle: random circles over the City and beyond its edge.
    @Test func theInMemoryMeasureAgreesWithSpatiaLite() async throws {
        let directory = try TemporaryDirectory()
        let registry = try await bundledRegistry(in: directory)
        let snapshot = try await registry.database.read { db in try RadiusSnapshot.load(db) }
        var random = SplitMix64(seed: 0xC0FE)
        var partial = 0
        for radius in [10.0, 100, 200, 400, 1_000] {
            for _ in 0..<40 {
                let query = try RadiusQuery(latitude: Double.random(in: 51.5060...51.5240, using: &random),
                                            longitude: Double.random(in: -0.1160 ... -0.0700, using: &random), radius: radius)
                let sql = try await registry.database.read { db in try Registry.coverage(of: query, in: db) }
                let memory = snapshot.zones.coverage(of: query)
                // GEOS measures a 512-sided polygon, scaled to the circle's area: within 2e-5 of it.
                let tolerance = 1 + 2e-5 * sql.area
                for (a, b) in [(memory.withData, sql.withData), (memory.noData, sql.noData), (memory.outsideCity, sql.outsideCity)] {
                    #expect(abs((a ?? -1) - (b ?? -2)) < tolerance, "\(query): \(memory) vs \(sql)")
                }
                #expect(Set(memory.sources.map(\.name)) == Set(sql.sources.map(\.name)), "\(query)")
                if sql.lowerBound, (sql.withData ?? 0) > 0 { partial += 1 }
            }
        }
        #expect(partial > 20, "the random circles should cross the gap's or the City's edge: \(partial)")
    }

    @Test func circleOverlapIsExactForHandCheckedShapes() {
        // A 100 m square centred on the circle's centre, radius 50: the inscribed circle.
        let square = OverlapPolygon(polygons: [[[GridPoint(easting: -50, northing: -50), GridPoint(easting: 50, northing: -50),
                                                 GridPoint(easting: 50, northing: 50), GridPoint(easting: -50, northing: 50),
                                                 GridPoint(easting: -50, northing: -50)]]])
        #expect(abs(square.overlap(cx: 0, cy: 0, r: 50) - Double.pi * 2_500) < 1e-6)
        // Half-plane: the circle centred on the square's edge covers half of itself.
        #expect(abs(square.overlap(cx: 50, cy: 0, r: 10) - Double.pi * 50) < 1e-6)
        // Corner: a quarter.
        #expect(abs(square.overlap(cx: 50, cy: 50, r: 10) - Double.pi * 25) < 1e-6)
        // The whole square inside a large circle, given clockwise: its area all the same.
        let clockwise = OverlapPolygon(polygons: [[[GridPoint(easting: -50, northing: -50), GridPoint(easting: -50, northing: 50),
                                                    GridPoint(easting: 50, northing: 50), GridPoint(easting: 50, northing: -50),
                                                    GridPoint(easting: -50, northing: -50)]]])
        #expect(abs(clockwise.overlap(cx: 0, cy: 0, r: 500) - 10_000) < 1e-6)
        #expect(abs(clockwise.overlap(cx: 0, cy: 0, r: 50) - Double.pi * 2_500) < 1e-6)
        #expect(square.overlap(cx: 500, cy: 0, r: 10) == 0)
    }
}
