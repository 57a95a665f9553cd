import Foundation
import GRDB
import Testing
@testable import CordonCore
import CordonTestSupport

@Suite struct SchemaTests {
    @Test func everyNamedQueryPreparesAgainstAMigratedDatabase() async throws {
        let directory = try TemporaryDirectory()
        let database = try await RegistryDatabase.open(path: directory.path("s.sqlite"))
        let failures = try await database.read { db in
            Query.all.compactMap { query -> String? in
                do { _ = try db.makeStatement(sql: query.sql); return nil } catch { return "\(query.name): \(error)" }
            }
        }
        #expect(failures == [])
        #expect(Query.all.count >= 15)
    }

    @Test func migrationsAreRecordedAndApplyOnce() async throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("m.sqlite")
        _ = try await RegistryDatabase.open(path: path)
        let reopened = try await RegistryDatabase.open(path: path)
        let applied = try await reopened.read { db in try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY identifier") }
        #expect(applied == ["schema/0001_spatial_metadata", "schema/0002_buildings", "schema/0003_site_figures", "schema/0004_reference_areas",
                           "schema/0005_organisations", "schema/0006_audit_log", "schema/0007_incidents",
                           "schema/0008_lookup_revision"])
    }

    @Test func theFileIsAStandardSpatiaLiteLayerThatGDALReads() async throws {
        let directory = try TemporaryDirectory()
        let registry = try await bundledRegistry(in: directory)
        try await registry.database.checkpoint()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["ogrinfo", "-ro", "-so", registry.database.path, "buildings"]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = Pipe()
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "ogrinfo (Debian's gdal-bin) must be installed: \(output)")
        #expect(output.contains("Layer name: buildings"))
        #expect(output.contains("Geometry: Multi Polygon"))
        #expect(output.contains("Feature Count: 1322"))
        #expect(output.contains("ID[\"EPSG\",27700]"), "\(output)")
    }
}
