import CordonCore
import CordonTestSupport
import Foundation
import Testing

/// The console's files and its map answer, over real HTTP.
@Suite struct ConsoleEndpointTests {
    @Test func theConsoleIsServedWithTypesAndTags() async throws {
        let directory = try TemporaryDirectory()
        _ = try await GridFixture.registry(in: directory)
        try await withServer(databasePath: directory.path("fixture.sqlite")) { server in
            let page = try await server.request("GET", "/console")
            #expect(page.status == 200)
            #expect(page.contentType == "text/html; charset=utf-8")
            #expect(page.text.contains("<script type=\"module\" src=\"/console/js/main.js\"></script>"))
            #expect((page.headers["Content-Security-Policy"] ?? "").contains("script-src 'self'"))
            let tag = try #require(page.headers["Etag"] ?? page.headers["ETag"])
            let again = try await server.request("GET", "/console", headers: ["If-None-Match": tag])
            #expect(again.status == 304)
            let module = try await server.request("GET", "/console/js/main.js")
            #expect(module.contentType == "text/javascript; charset=utf-8")
            #expect(try await server.request("GET", "/console/css/console.css").contentType == "text/css; charset=utf-8")
            let missing = try await server.request("GET", "/console/js/nothing.js")
            #expect(missing.status == 404)
            #expect(missing.contentType == "application/problem+json")
            let settings = try await server.request("GET", "/console/settings.json")
            #expect(settings.json["tile_url"] is NSNull)
            #expect(settings.json["session_hours"] as? Double == 8)
            #expect((settings.json["figure_maximums"] as? [String: Int])?["guards_day"] == 500)
            #expect((settings.json["figures"] as? [String])?.count == Figure.allCases.count)
            if FileManager.default.fileExists(atPath: "/usr/share/javascript/leaflet/leaflet.js") {
                let leaflet = try await server.request("GET", "/console/vendor/leaflet/leaflet.js")
                #expect(leaflet.status == 200)
                #expect(leaflet.contentType == "text/javascript; charset=utf-8")
                #expect(settings.json["map_library"] as? Bool == true)
            }
        }
    }

    @Test func aBrowserAskingForTheRootIsSentToTheConsole() async throws {
        let directory = try TemporaryDirectory()
        let registry = try await GridFixture.registry(in: directory)
        let access = try await AccessFixture.make(registry)
        try await withServer(databasePath: directory.path("fixture.sqlite")) { server in
            let browser = try await server.request("GET", "/", key: .some(nil), headers: ["Accept": "text/html,application/xhtml+xml"])
            // URLSession follows the 303 to the console's page.
            #expect(browser.status == 200)
            #expect(browser.contentType == "text/html; charset=utf-8")
            let program = try await server.request("GET", "/", key: .some(access.commander), headers: ["Accept": "application/json"])
            #expect(program.status == 200)
            #expect(program.json["links"] != nil)
        }
    }

    @Test func withoutLeafletTheAPIIsServedAndTheSettingsSaySo() async throws {
        let directory = try TemporaryDirectory()
        let registry = try await GridFixture.registry(in: directory)
        let access = try await AccessFixture.make(registry)
        try await withServer(databasePath: directory.path("fixture.sqlite"), configure: { $0.leafletDirectory = directory.path("none") }) { server in
            let settings = try await server.request("GET", "/console/settings.json")
            #expect(settings.json["map_library"] as? Bool == false)
            #expect(try await server.request("GET", "/console/vendor/leaflet/leaflet.js").status == 404)
            #expect(try await server.request("GET", "/lookup/radius?lat=51.515&lon=-0.076&radius=100", key: .some(access.commander)).status == 200)
        }
    }

    @Test func theMapIsOneCompactCachedAnswer() async throws {
        let directory = try TemporaryDirectory()
        let registry = try await bundledRegistry(in: directory)
        let local = Actor.localOperator(user: "test")
        _ = try await registry.createOrganisation(id: "police", name: "Police", role: .commander, actor: local)
        let key = try await registry.createKey(for: "police", expiresAt: nil, actor: local).secret
        try await withServer(databasePath: directory.path("bundled.sqlite"), key: key) { server in
            let reply = try await server.request("GET", "/map?at=2026-11-23T10:00:00Z")
            #expect(reply.status == 200)
            #expect(reply.contentType == "application/geo+json")
            let features = try #require(reply.json["features"] as? [[String: Any]])
            let layers = features.compactMap { ($0["properties"] as? [String: Any])?["layer"] as? String }
            #expect(layers.filter { $0 == "building" }.count == 1322)
            #expect(layers.filter { $0 == "boundary" }.count == 1)
            #expect(layers.filter { $0 == "ward" }.count == 25)
            #expect(layers.filter { $0 == "no_data" }.count == 1)
            let gherkin = try #require(features.first { $0["id"] as? String == "way/4959489" }?["properties"] as? [String: Any])
            #expect(gherkin["label"] as? String == "30 St Mary Axe")
            #expect(gherkin["occupancy"] as? Int == 6859)
            #expect(reply.json["period"] as? String == "day")
            for feature in features.prefix(40) {
                #expect(rfc7946Problems(try #require(feature["geometry"] as? [String: Any])).isEmpty)
            }
            // Under 300 KB compressed, and answered from its tag without a body.
            let compressed = try await server.request("GET", "/map?at=2026-11-23T10:00:00Z", headers: ["Accept-Encoding": "gzip"])
            let tag = try #require(compressed.headers["Etag"] ?? compressed.headers["ETag"])
            let raw = try await rawLength(server.base + "/map?at=2026-11-23T10:00:00Z", key: key)
            #expect(raw < 300_000, "the map answer is \(raw) bytes compressed")
            let again = try await server.request("GET", "/map?at=2026-11-23T10:00:00Z", headers: ["If-None-Match": tag])
            #expect(again.status == 304)
        }
    }

    /// The compressed size on the wire, read with curl (URLSession decompresses unasked).
    func rawLength(_ url: String, key: String) async throws -> Int {
        let (status, output) = try await run(["curl", "-s", "-o", "/dev/null", "-w", "%{size_download}", "-H", "Accept-Encoding: gzip",
                                              "-H", "Authorization: Bearer \(key)", url])
        #expect(status == 0)
        return Int(output.trimmingCharacters(in: .whitespacesAndNewlines)) ?? .max
    }
}
