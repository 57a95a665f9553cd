import CordonCore
import CordonTestSupport
import Foundation
import Testing

/// Display labels: the name, else the address, else a description from the nearest building
/// with a name or address, its compass point and the ward, kept up to date by imports.
@Suite struct LabelTests {
    static func square(_ id: String, _ x: Double, _ y: Double, _ properties: [String: Any]) -> [String: Any] {
        GridFixture.feature(id: id, rings: [GridFixture.square(minX: x, minY: y)], properties: properties)
    }

    /// 10 m squares; each label is measured between the squares' centres.
    static var features: [[String: Any]] { [
        square("way/1", 533_000, 181_000, ["name": "Alpha House", "ward": "Aldgate"]),
        square("way/2", 533_020, 181_020, ["ward": "Aldgate"]),                                   // 28.3 m NE of Alpha House
        square("way/3", 533_000, 180_970, ["addr:housenumber": "100", "addr:street": "Leadenhall Street"]),
        square("way/4", 533_000, 180_940, [:]),                                                   // 30 m S of 100 Leadenhall Street
        square("way/5", 535_000, 181_000, ["ward": "Bishopsgate"]),                              // nothing named within 500 m
        square("way/6", 534_000, 182_000, [:]),                                                   // nor here, and no ward
    ] }

    func labels(_ registry: Registry) async throws -> [String: String] {
        let query = try RadiusQuery(latitude: GridFixture.geo(534_000, 181_000).latitude,
                                    longitude: GridFixture.geo(534_000, 181_000).longitude, radius: 2_000)
        return Dictionary(uniqueKeysWithValues: try await registry.near(query).matches.map { ($0.id, $0.label) })
    }

    @Test func unnamedBuildingsAreDescribedFromTheirSurroundings() async throws {
        let directory = try TemporaryDirectory()
        let registry = Registry(database: try await RegistryDatabase.open(path: directory.path("labels.sqlite")))
        _ = try await registry.importFeatures(FeatureSource.read(try GridFixture.collection(Self.features), name: "labels.geojson"))
        let found = try await labels(registry)
        #expect(found["way/1"] == "Alpha House")
        #expect(found["way/2"] == "unnamed building 30 m NE of Alpha House, Aldgate ward")
        #expect(found["way/3"] == "100 Leadenhall Street")
        #expect(found["way/4"] == "unnamed building 30 m S of 100 Leadenhall Street")
        #expect(found["way/5"] == "unnamed building in Bishopsgate ward")
        // The centre of the square lies at E 534005, N 182005, to within the centimetre the
        // lon/lat positions of the fixture carry.
        let square = try #require(found["way/6"])
        #expect(square.hasPrefix("unnamed building at TQ 3400") && square.contains(" 8200"), "\(square)")
        #expect(found.count == 6)
        // The same labels whatever order the buildings arrive in.
        let other = try TemporaryDirectory()
        let reversed = Registry(database: try await RegistryDatabase.open(path: other.path("labels.sqlite")))
        _ = try await reversed.importFeatures(FeatureSource.read(try GridFixture.collection(Self.features.reversed()), name: "labels.geojson"))
        #expect(try await labels(reversed) == labels(registry))
    }

    @Test func anImportThatAddsANamedBuildingUpdatesItsNeighboursLabels() async throws {
        let directory = try TemporaryDirectory()
        let registry = Registry(database: try await RegistryDatabase.open(path: directory.path("labels.sqlite")))
        _ = try await registry.importFeatures(FeatureSource.read(try GridFixture.collection(Self.features), name: "labels.geojson"))
        let beta = Self.square("way/7", 533_030, 181_030, ["name": "Beta Court"])
        _ = try await registry.importFeatures(FeatureSource.read(try GridFixture.collection([beta]), name: "more.geojson"))
        let labels = try await labels(registry)
        #expect(labels["way/2"] == "unnamed building 15 m SW of Beta Court, Aldgate ward")
        #expect(try await registry.search("beta").first?.id == "way/7")
        // A refresh that retires Beta Court brings the old description back.
        let refresh = ImportOptions(refresh: try RefreshArea.parse("all"))
        _ = try await registry.importFeatures(FeatureSource.read(try GridFixture.collection(Self.features), name: "labels.geojson"),
                                              options: refresh)
        #expect(try await self.labels(registry)["way/2"] == "unnamed building 30 m NE of Alpha House, Aldgate ward")
        #expect(try await registry.search("beta").isEmpty)
    }

    @Test func bundledBuildingsWithoutNamesAreDescribed() async throws {
        let directory = try TemporaryDirectory()
        let registry = try await bundledRegistry(in: directory)
        let query = try RadiusQuery(latitude: 51.514431, longitude: -0.080334, radius: 60)
        let labels = Dictionary(uniqueKeysWithValues: try await registry.near(query).matches.map { ($0.id, $0.label) })
        #expect(labels["way/4959489"] == "30 St Mary Axe")
        #expect(labels["way/150335040"]?.hasPrefix("unnamed building ") == true, "\(labels)")
        #expect(labels.values.allSatisfy { !$0.isEmpty && !$0.hasPrefix("way/") })
    }
}
