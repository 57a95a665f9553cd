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

    /// Every file in queries/ is named in `Query`, once, and every name is used by the code:
    /// a statement no code runs is a statement nobody maintains.
    @Test func everyQueryFileIsNamedAndEveryNameIsUsed() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let sources = root.appendingPathComponent("Sources")
        let declarations = try String(contentsOf: sources.appendingPathComponent("CordonCore/Storage/Query.swift"), encoding: .utf8)
        let pattern = try Regex(#"static let (\w+) = Query\("([^"]+)"\)"#)
        var members: [String: String] = [:]
        for match in declarations.matches(of: pattern) {
            let member = String(match.output[1].substring ?? ""), name = String(match.output[2].substring ?? "")
            #expect(members[name] == nil, "queries/\(name).sql is named twice")
            members[name] = member
        }
        #expect(Set(members.keys) == Set(Query.all.map(\.name)), "files without a name, or names without a file")
        var code = ""
        let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)
        while let file = files?.nextObject() as? URL {
            guard file.pathExtension == "swift", file.lastPathComponent != "Query.swift" else { continue }
            code += try String(contentsOf: file, encoding: .utf8)
        }
        // As the code names a statement: `Query.name`, `.name.sql`, or in a tuple of queries.
        let unused = members.filter { _, member in
            !["Query.\(member)", ".\(member).sql", "(.\(member),", ", .\(member))"].contains { code.contains($0) }
        }
        #expect(unused.isEmpty, "named but never used: \(unused.keys.sorted())")
    }

    @Test func migrationsAreRecordedAndApplyOnce() async throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("m.sqlite")
        _ = try await RegistryDatabase.open(path: path)
        let reopened = try await RegistryDatabase.open(path: path)
        let applied = try await reopened.read { db in try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY identifier") }
        #expect(applied == ["schema/0001_spatial_metadata", "schema/0002_buildings", "schema/0003_site_figures", "schema/0004_reference_areas",
                           "schema/0005_organisations", "schema/0006_audit_log", "schema/0007_incidents",
                           "schema/0008_lookup_revision", "schema/0009_retired_buildings", "schema/0010_checkpoint_outbox",
                           "schema/0011_search", "schema/0012_weekend_figures", "schema/0013_sessions"])
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
