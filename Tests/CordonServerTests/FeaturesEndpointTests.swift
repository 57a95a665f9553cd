import CordonCore
import CordonServer
import CordonTestSupport
import Foundation
import Testing

@Suite struct FeaturesEndpointTests {
    @Test func landingConformanceAndCollections() async throws {
        let directory = try TemporaryDirectory()
        let access = try await AccessFixture.make(try await GridFixture.registry(in: directory))
        try await withServer(databasePath: directory.path("fixture.sqlite"), key: access.commander) { server in
            let landing = try await server.get("/")
            let rels = (landing.json["links"] as? [[String: Any]])?.compactMap { $0["rel"] as? String }
            #expect(rels == ["self", "service-desc", "conformance", "data"])
            let conformance = try await server.get("/conformance")
            #expect((conformance.json["conformsTo"] as? [String])?.contains("http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core") == true)
            let collections = try await server.get("/collections")
            #expect((collections.json["collections"] as? [[String: Any]])?.map { $0["id"] as? String } == ["buildings"])
            let collection = try await server.get("/collections/buildings")
            #expect(collection.json["itemType"] as? String == "feature")
        }
    }

    @Test func itemsArePagedWithCountsAndLinks() async throws {
        let directory = try TemporaryDirectory()
        let access = try await AccessFixture.make(try await GridFixture.registry(in: directory))
        try await withServer(databasePath: directory.path("fixture.sqlite"), key: access.commander) { server in
            let first = try await server.get("/collections/buildings/items?limit=12")
            #expect(first.status == 200)
            #expect(first.contentType == "application/geo+json")
            #expect(first.json["numberMatched"] as? Int == 30)
            #expect(first.json["numberReturned"] as? Int == 12)
            let links = try #require(first.json["links"] as? [[String: Any]])
            let next = try #require(links.first { $0["rel"] as? String == "next" }?["href"] as? String)
            #expect(next == server.base + "/collections/buildings/items?limit=12&offset=12")
            #expect(!links.contains { $0["rel"] as? String == "prev" })

            let last = try await server.get("/collections/buildings/items?limit=12&offset=24")
            #expect(last.json["numberReturned"] as? Int == 6)
            let lastLinks = try #require(last.json["links"] as? [[String: Any]])
            #expect(!lastLinks.contains { $0["rel"] as? String == "next" })
            #expect(lastLinks.first { $0["rel"] as? String == "prev" }?["href"] as? String == server.base + "/collections/buildings/items?limit=12&offset=12")

            var seen: [String] = []
            for offset in stride(from: 0, to: 30, by: 12) {
                let page = try await server.get("/collections/buildings/items?limit=12&offset=\(offset)")
                for feature in page.json["features"] as? [[String: Any]] ?? [] {
                    seen.append(feature["id"] as? String ?? "")
                    #expect(rfc7946Problems(feature["geometry"] as? [String: Any] ?? [:]) == [])
                }
            }
            #expect(seen == (GridFixture.radiusSquares + GridFixture.gridSquares).map(\.id).sorted())
        }
    }

    @Test func bboxSelectsExactlyTheIntersectingBuildings() async throws {
        let directory = try TemporaryDirectory()
        let access = try await AccessFixture.make(try await GridFixture.registry(in: directory))
        // A box around the first column of the grid (x from G-5 to G+15): grid/0-0 .. grid/0-4.
        let g = GridFixture.gridOrigin
        let southWest = GridFixture.geo(g.easting - 5, g.northing - 5)
        let northEast = GridFixture.geo(g.easting + 15, g.northing + 175)
        try await withServer(databasePath: directory.path("fixture.sqlite"), key: access.commander) { server in
            let reply = try await server.get("/collections/buildings/items?bbox=\(southWest.longitude),\(southWest.latitude),\(northEast.longitude),\(northEast.latitude)")
            #expect(reply.status == 200, "\(reply.text)")
            #expect(reply.json["numberMatched"] as? Int == 5)
            let ids = (reply.json["features"] as? [[String: Any]])?.compactMap { $0["id"] as? String }
            #expect(ids == ["grid/0-0", "grid/0-1", "grid/0-2", "grid/0-3", "grid/0-4"])
        }
    }

    @Test func aBuildingRoundTripsWithEitherIDEncoding() async throws {
        let directory = try TemporaryDirectory()
        let access = try await AccessFixture.make(try await GridFixture.registry(in: directory))
        try await withServer(databasePath: directory.path("fixture.sqlite"), key: access.commander) { server in
            for path in ["/collections/buildings/items/fixture%2Fcentre", "/collections/buildings/items/fixture/centre"] {
                let reply = try await server.get(path)
                #expect(reply.status == 200, "\(path)")
                #expect(reply.json["id"] as? String == "fixture/centre")
                let properties = try #require(reply.json["properties"] as? [String: Any])
                #expect(properties["occupancy_day"] as? Int == 100)
                #expect(properties["occupancy_night"] as? Int == 10)
                let selfLink = (reply.json["links"] as? [[String: Any]])?.first { $0["rel"] as? String == "self" }?["href"] as? String
                #expect(selfLink == server.base + "/collections/buildings/items/fixture%2Fcentre")
            }
        }
    }

    @Test func gdalReadsTheCollectionAsAGISClient() async throws {
        let directory = try TemporaryDirectory()
        let access = try await AccessFixture.make(try await GridFixture.registry(in: directory))
        try await withServer(databasePath: directory.path("fixture.sqlite"), key: access.commander) { server in
            // GIS clients send the key as a header: GDAL_HTTP_HEADERS, as the README shows.
            let header = "GDAL_HTTP_HEADERS=Authorization: Bearer \(access.planner)"
            let summary = try await run([header, "ogrinfo", "-ro", "-al", "-so", "OAPIF:\(server.base)/", "buildings"])
            #expect(summary.status == 0, "ogrinfo (Debian's gdal-bin) must be installed: \(summary.output)")
            #expect(summary.output.contains("Layer name: buildings"))
            #expect(summary.output.contains("Feature Count: 30"), "\(summary.output)")
            let file = directory.path("copy.geojson")
            let copy = try await run([header, "ogr2ogr", "-f", "GeoJSON", file, "OAPIF:\(server.base)/", "buildings"])
            #expect(copy.status == 0, "\(copy.output)")
            let written = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: file))) as? [String: Any]
            let features = written?["features"] as? [[String: Any]] ?? []
            #expect(features.count == 30)
            #expect(Set(features.compactMap { ($0["properties"] as? [String: Any])?["id"] as? String })
                    == Set((GridFixture.radiusSquares + GridFixture.gridSquares).map(\.id)))
        }
    }

    @Test func theOpenAPIDocumentValidatesAndCoversEveryRoute() async throws {
        let directory = try TemporaryDirectory()
        let registry = try await GridFixture.registry(in: directory)
        let access = try await AccessFixture.make(registry)
        let (_, table) = buildRouter(registry: registry)
        try await withServer(databasePath: directory.path("fixture.sqlite"), key: access.commander) { server in
            let reply = try await server.get("/openapi.json")
            #expect(reply.status == 200)
            let paths = try #require(reply.json["paths"] as? [String: [String: Any]])
            for route in table.routes {
                #expect(paths[route.path]?[route.method.rawValue.lowercased()] != nil, "\(route.method) \(route.path) is not documented")
            }
            #expect(paths.values.reduce(0) { $0 + $1.count } == table.routes.count)
            let file = directory.path("openapi.json")
            try reply.body.write(to: URL(fileURLWithPath: file))
            let validation = try await run(["python3", "-m", "openapi_spec_validator", file])
            #expect(validation.status == 0, "openapi-spec-validator (PyPI) must be installed: \(validation.output)")
        }
    }
}

/// Runs a command off the cooperative pool and returns its status and combined output.
func run(_ arguments: [String]) async throws -> (status: Int32, output: String) {
    try await withCheckedThrowingContinuation { continuation in
        DispatchQueue.global().async {
            do {
                let process = Process()
                process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
                process.arguments = arguments
                let pipe = Pipe()
                process.standardOutput = pipe
                process.standardError = pipe
                try process.run()
                let data = pipe.fileHandleForReading.readDataToEndOfFile()
                process.waitUntilExit()
                continuation.resume(returning: (process.terminationStatus, String(decoding: data, as: UTF8.self)))
            } catch {
                continuation.resume(throwing: error)
            }
        }
    }
}
