import Foundation
import Testing
@testable import CordonCore
import CordonTestSupport

@Suite struct PolygonLookupTests {
    let g = GridFixture.gridOrigin

    func ids(_ result: LookupResult, _ inside: Containment) -> [String] {
        result.matches.filter { $0.inside == inside }.map(\.id)
    }

    func grid(_ pairs: [(Int, Int)]) -> [String] {
        pairs.map { "grid/\($0.0)-\($0.1)" }.sorted()
    }

    func all(except excluded: Set<String>) -> [String] {
        GridFixture.gridSquares.map(\.id).filter { !excluded.contains($0) }.sorted()
    }

    @Test func concavePolygonLeavesItsNotchOut() async throws {
        let directory = try TemporaryDirectory()
        let registry = try await GridFixture.registry(in: directory)
        // A U: the notch spans x 35..135 from y 85 up, so columns 1-3 of rows 3-4 are out and
        // row 2 (y 80..90) of those columns is cut by the notch's floor.
        let (x, y) = (g.easting, g.northing)
        let ring = GridFixture.geoRing([
            (x - 5, y - 5), (x + 175, y - 5), (x + 175, y + 175), (x + 135, y + 175),
            (x + 135, y + 85), (x + 35, y + 85), (x + 35, y + 175), (x - 5, y + 175),
        ])
        let result = try await registry.within(AreaQuery.parse(GridFixture.polygonJSON([ring])))
        let partial = grid([(1, 2), (2, 2), (3, 2)])
        let out = Set(grid([(1, 3), (2, 3), (3, 3), (1, 4), (2, 4), (3, 4)]))
        #expect(ids(result, .partial) == partial)
        #expect(ids(result, .full) == all(except: out.union(partial)))
        #expect(result.matches.count == 19)
        #expect(result.matches.map(\.id) == result.matches.map(\.id).sorted())
    }

    @Test func holesAreHonoured() async throws {
        let directory = try TemporaryDirectory()
        let registry = try await GridFixture.registry(in: directory)
        let (x, y) = (g.easting, g.northing)
        let outer = GridFixture.geoRing([(x - 5, y - 5), (x + 175, y - 5), (x + 175, y + 175), (x - 5, y + 175)])
        // The hole's east edge at x+125 cuts column 3 (x 120..130).
        let hole = GridFixture.geoRing([(x + 35, y + 35), (x + 35, y + 135), (x + 125, y + 135), (x + 125, y + 35)])
        let result = try await registry.within(AreaQuery.parse(GridFixture.polygonJSON([outer, hole])))
        let partial = grid([(3, 1), (3, 2), (3, 3)])
        let out = Set(grid([(1, 1), (1, 2), (1, 3), (2, 1), (2, 2), (2, 3)]))
        #expect(ids(result, .partial) == partial)
        #expect(ids(result, .full) == all(except: out.union(partial)))
    }

    @Test func multiPolygonFindsBothParts() async throws {
        let directory = try TemporaryDirectory()
        let registry = try await GridFixture.registry(in: directory)
        let (x, y) = (g.easting, g.northing)
        let first = GridFixture.geoRing([(x - 5, y - 5), (x + 15, y - 5), (x + 15, y + 15), (x - 5, y + 15)])
        let second = GridFixture.geoRing([(x + 155, y + 155), (x + 175, y + 155), (x + 175, y + 175), (x + 155, y + 175)])
        let json = try JSONSerialization.data(withJSONObject: ["type": "MultiPolygon", "coordinates": [[first], [second]]])
        let result = try await registry.within(AreaQuery.parse(json))
        #expect(result.matches.map(\.id) == ["grid/0-0", "grid/4-4"])
        #expect(result.matches.allSatisfy { $0.inside == .full })
    }

    @Test func featureAndSingleFeatureCollectionAreAccepted() async throws {
        let directory = try TemporaryDirectory()
        let registry = try await GridFixture.registry(in: directory)
        let (x, y) = (g.easting, g.northing)
        let ring = GridFixture.geoRing([(x - 5, y - 5), (x + 15, y - 5), (x + 15, y + 15), (x - 5, y + 15)])
        let feature: [String: Any] = ["type": "Feature", "properties": [:] as [String: Any],
                                      "geometry": ["type": "Polygon", "coordinates": [ring]]]
        for body in [feature, ["type": "FeatureCollection", "features": [feature]]] {
            let result = try await registry.within(AreaQuery.parse(JSONSerialization.data(withJSONObject: body)))
            #expect(result.matches.map(\.id) == ["grid/0-0"])
        }
    }

    @Test func thePolygonQueryGoesThroughTheSpatialIndex() async throws {
        let directory = try TemporaryDirectory()
        let registry = try await GridFixture.registry(in: directory)
        let plan = try await registry.database.queryPlan(.polygon, arguments: [
            "wkt": "MULTIPOLYGON(((534000 181000,534100 181000,534100 181100,534000 181000)))",
            "min_x": 534_000.0, "min_y": 181_000.0, "max_x": 534_100.0, "max_y": 181_100.0,
        ])
        #expect(plan.contains { $0.contains("SCAN idx_buildings_footprint VIRTUAL TABLE INDEX") }, "\(plan)")
    }
}
