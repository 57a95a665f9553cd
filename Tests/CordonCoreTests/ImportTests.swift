import Foundation
import Testing
@testable import CordonCore
import CordonTestSupport

@Suite struct ImportTests {
    static let x = 533_500.0, y = 180_800.0

    static func good(_ id: String, dx: Double = 0, name: String = "Good") -> [String: Any] {
        GridFixture.feature(id: id, rings: [GridFixture.square(minX: x + dx, minY: y)], properties: ["name": name])
    }

    /// One feature for every rejection reason, plus two good ones and a bow-tie to repair.
    static func mixedFeatures() -> [[String: Any]] {
        let square = GridFixture.square(minX: x, minY: y)
        let bowTie = GridFixture.geoRing([(x, y), (x + 20, y + 20), (x + 20, y), (x, y + 20)])
        return [
            good("way/1"),                                                                      // 0
            ["type": "Feature", "id": "way/2", "properties": [:] as [String: Any],
             "geometry": ["type": "Point", "coordinates": [-0.08, 51.51]]],                     // 1 not polygonal
            ["type": "Feature", "id": "way/3", "properties": [:] as [String: Any],
             "geometry": ["type": "Polygon", "coordinates": [Array(square.dropLast())]]],       // 2 not closed
            ["type": "Feature", "id": "way/4", "properties": [:] as [String: Any],
             "geometry": ["type": "Polygon", "coordinates": [[square[0], square[1], square[0]]]]], // 3 too short
            ["type": "Feature", "id": "way/5", "properties": [:] as [String: Any],
             "geometry": ["type": "Polygon", "coordinates": [[[-0.08, 91.0], [-0.07, 51.5], [-0.07, 51.6], [-0.08, 91.0]]]]], // 4 range
            ["type": "Feature", "properties": ["name": "no id"],
             "geometry": ["type": "Polygon", "coordinates": [square]]],                         // 5 missing id
            good("way/1", dx: 50),                                                              // 6 duplicate id
            ["type": "Feature", "properties": ["osm_type": "way", "osm_id": 77],
             "geometry": ["type": "Polygon", "coordinates": [GridFixture.square(minX: x + 100, minY: y)]]], // 7 id from properties
            GridFixture.feature(id: "way/8", rings: [bowTie]),                                   // 8 repaired
            ["type": "Point"],                                                                  // 9 not a feature
        ]
    }

    @Test func reportsEveryRejectionWithItsIndexAndReason() async throws {
        let directory = try TemporaryDirectory()
        let registry = Registry(database: try await RegistryDatabase.open(path: directory.path("r.sqlite")))
        let features = FeatureSource.read(try GridFixture.collection(Self.mixedFeatures()), name: "mixed.geojson")
        let report = try await registry.importFeatures(features)
        #expect(report.added == 3)
        #expect(report.repaired == ["way/8"])
        #expect(report.rejected.map(\.index) == [1, 2, 3, 4, 5, 6, 9])
        #expect(report.rejected.map(\.reason) == [
            .geometry(.notPolygonal(found: "Point")),
            .geometry(.ringNotClosed(polygon: 0, ring: 0)),
            .geometry(.ringTooShort(polygon: 0, ring: 0, positions: 3)),
            .geometry(.outOfRange(longitude: -0.08, latitude: 91)),
            .missingID,
            .duplicateID("way/1", firstAt: "mixed.geojson features[0]"),
            .notFeature,
        ])
        #expect(report.rejected[0].description == "mixed.geojson features[1]: geometry is not a Polygon or MultiPolygon (got Point)")
        let ids = try await registry.database.read { db in try String.fetchAll(db, sql: "SELECT id FROM buildings ORDER BY id") }
        #expect(ids == ["way/1", "way/77", "way/8"])
        // The repaired bow-tie is stored as two valid triangles of 100 m² each.
        let repaired = try await registry.building(id: "way/8")
        #expect(abs(repaired.footprintArea - 200) < 0.01)
        #expect(repaired.footprintGeoJSON.hasPrefix("{\"type\":\"MultiPolygon\""))
    }

    @Test func strictImportWritesNothingWhenAnythingIsRejected() async throws {
        let directory = try TemporaryDirectory()
        let registry = try await GridFixture.registry(in: directory)
        let before = try await fingerprint(registry.database)
        let features = FeatureSource.read(try GridFixture.collection(Self.mixedFeatures()), name: "mixed.geojson")
        let failure = await #expect(throws: StrictImportFailure.self) {
            try await registry.importFeatures(features, options: ImportOptions(strict: true, demonstrationFigures: true))
        }
        #expect(failure?.report.rejected.count == 7)
        #expect(failure?.report.written == false)
        #expect(try await fingerprint(registry.database) == before)
    }

    @Test func reimportUpdatesByIDAndNeverDuplicates() async throws {
        let directory = try TemporaryDirectory()
        let registry = Registry(database: try await RegistryDatabase.open(path: directory.path("r.sqlite")))
        let first = FeatureSource.read(try GridFixture.collection([Self.good("way/1"), Self.good("way/2", dx: 30)]), name: "a.geojson")
        let added = try await registry.importFeatures(first, options: ImportOptions(demonstrationFigures: true))
        #expect((added.added, added.updated, added.unchanged, added.figuresAdded) == (2, 0, 0, 2))
        let figuresBefore = try await registry.building(id: "way/1").figures

        let again = try await registry.importFeatures(first, options: ImportOptions(demonstrationFigures: true))
        #expect((again.added, again.updated, again.unchanged, again.figuresAdded) == (0, 0, 2, 0))

        let renamed = FeatureSource.read(try GridFixture.collection([Self.good("way/1", name: "Renamed")]), name: "b.geojson")
        let updated = try await registry.importFeatures(renamed, options: ImportOptions(demonstrationFigures: true))
        #expect((updated.added, updated.updated, updated.unchanged) == (0, 1, 0))
        let record = try await registry.building(id: "way/1")
        #expect(record.name == "Renamed")
        // Figures already held are never overwritten by an import.
        #expect(record.figures == figuresBefore)
        let count = try await registry.database.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM buildings") }
        #expect(count == 2)
    }

    @Test func newlineDelimitedFeaturesAreRead() async throws {
        let lines = try [Self.good("way/1"), Self.good("way/2", dx: 30)].map {
            String(decoding: try JSONSerialization.data(withJSONObject: $0), as: UTF8.self)
        }
        let text = lines.joined(separator: "\n") + "\n{broken\n"
        let features = FeatureSource.read(Data(text.utf8), name: "sites.ndjson")
        #expect(features.map(\.location) == ["sites.ndjson line 1", "sites.ndjson line 2", "sites.ndjson line 3"])
        let directory = try TemporaryDirectory()
        let registry = Registry(database: try await RegistryDatabase.open(path: directory.path("r.sqlite")))
        let report = try await registry.importFeatures(features)
        #expect(report.added == 2)
        #expect(report.rejected.map(\.reason) == [.notJSON])
        #expect(report.rejected.first?.location == "sites.ndjson line 3")
    }

    @Test func storedGeoJSONFollowsRFC7946Winding() async throws {
        let directory = try TemporaryDirectory()
        let registry = Registry(database: try await RegistryDatabase.open(path: directory.path("r.sqlite")))
        // A clockwise outer ring with a counter-clockwise hole: both must come out reversed.
        let outer = Array(GridFixture.geoRing([(Self.x, Self.y), (Self.x, Self.y + 30), (Self.x + 30, Self.y + 30), (Self.x + 30, Self.y)]))
        let hole = GridFixture.geoRing([(Self.x + 10, Self.y + 10), (Self.x + 20, Self.y + 10), (Self.x + 20, Self.y + 20), (Self.x + 10, Self.y + 20)])
        let features = FeatureSource.read(try GridFixture.collection([GridFixture.feature(id: "way/9", rings: [outer, hole])]), name: "w.geojson")
        _ = try await registry.importFeatures(features)
        let stored = try JSONValue.parse(Data(try await registry.building(id: "way/9").footprintGeoJSON.utf8))
        let rings = try #require(stored["coordinates"]?.array)
        func signedArea(_ ring: JSONValue) -> Double {
            let points = ring.array!.map { GeoPosition(longitude: $0.array![0].number!, latitude: $0.array![1].number!) }
            return GeoJSONText.signedArea(points)
        }
        #expect(signedArea(rings[0]) > 0)
        #expect(signedArea(rings[1]) < 0)
        #expect(abs(try await registry.building(id: "way/9").footprintArea - 800) < 0.01)
    }

    @Test func historyRecordsFiguresAndRefusesRewrites() async throws {
        let directory = try TemporaryDirectory()
        let registry = try await GridFixture.registry(in: directory)
        let rows = try await registry.database.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM figures_history WHERE building_id = 'fixture/centre'")
        }
        #expect(rows == 8)
        await #expect(throws: (any Error).self) {
            try await registry.database.write { db in try db.execute(sql: "UPDATE figures_history SET new_value = 0") }
        }
        await #expect(throws: (any Error).self) {
            try await registry.database.write { db in try db.execute(sql: "DELETE FROM figures_history") }
        }
        await #expect(throws: (any Error).self) {
            try await registry.database.write { db in
                try db.execute(sql: "UPDATE site_figures SET guards_day = -1 WHERE building_id = 'fixture/centre'")
            }
        }
    }
}
