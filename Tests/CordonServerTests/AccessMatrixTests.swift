import CordonCore
import CordonTestSupport
import Foundation
import Testing

/// Every role against every endpoint: allowed or refused, with the status and a body that
/// reveals nothing about another firm's building.
@Suite struct AccessMatrixTests {
    enum Who: String, CaseIterable, Sendable { case none, admin, commander, planner, firmA, firmB }

    struct Endpoint: Sendable {
        let method: String
        let path: String
        var body: String? = nil
        var contentType: String? = nil
        /// Send If-Match with the building's current version.
        var ifMatchOf: String? = nil
        let expected: [Who: Int]
    }

    static let centre = "fixture%2Fcentre"
    static let polygon = #"{"type":"Polygon","coordinates":[[[-0.08,51.51],[-0.07,51.51],[-0.07,51.52],[-0.08,51.52],[-0.08,51.51]]]}"#

    static func all(_ status: Int, except overrides: [Who: Int] = [:]) -> [Who: Int] {
        var map: [Who: Int] = [:]
        for who in Who.allCases { map[who] = overrides[who] ?? (who == .none ? 401 : status) }
        return map
    }

    static let endpoints: [Endpoint] = [
        .init(method: "GET", path: "/healthz", expected: all(200, except: [.none: 200])),
        .init(method: "GET", path: "/", expected: all(200)),
        .init(method: "GET", path: "/openapi.json", expected: all(200)),
        .init(method: "GET", path: "/console", expected: all(200, except: [.none: 200])),
        .init(method: "GET", path: "/console/js/main.js", expected: all(200, except: [.none: 200])),
        .init(method: "GET", path: "/session", expected: all(200, except: [.none: 200])),
        .init(method: "POST", path: "/session", expected: all(201)),
        // With a key and no cookie there is no session to end.
        .init(method: "DELETE", path: "/session", expected: all(400)),
        .init(method: "GET", path: "/map", expected: all(200, except: [.firmA: 403, .firmB: 403])),
        .init(method: "GET", path: "/lookup/radius?lat=51.515&lon=-0.076&radius=100", expected: all(200, except: [.firmA: 403, .firmB: 403])),
        .init(method: "POST", path: "/lookup/polygon", body: polygon, contentType: "application/geo+json", expected: all(200, except: [.firmA: 403, .firmB: 403])),
        .init(method: "POST", path: "/lookup/corridor", body: #"{"route": {"type": "LineString", "coordinates": [[-0.077, 51.515], [-0.075, 51.515]]}, "width_m": 50}"#,
              contentType: "application/json", expected: all(200, except: [.firmA: 403, .firmB: 403])),
        .init(method: "GET", path: "/collections/buildings/items?limit=2", expected: all(200, except: [.firmA: 403, .firmB: 403])),
        .init(method: "GET", path: "/buildings/\(centre)/figures", expected: all(200, except: [.firmB: 403])),
        .init(method: "PATCH", path: "/buildings/\(centre)/figures", body: #"{"guards_day": 5}"#, contentType: "application/json",
              ifMatchOf: "fixture/centre", expected: all(403, except: [.admin: 200, .firmA: 200])),
        .init(method: "POST", path: "/buildings/\(centre)/figures/confirm", ifMatchOf: "fixture/centre",
              expected: all(403, except: [.admin: 200, .firmA: 200])),
        .init(method: "GET", path: "/buildings/\(centre)/history", expected: all(200, except: [.firmB: 403])),
        .init(method: "GET", path: "/buildings/\(centre)/site", expected: all(403, except: [.commander: 200, .firmA: 200])),
        .init(method: "PUT", path: "/buildings/\(centre)/site", body: #"{"email": "desk@firm-a.example"}"#, contentType: "application/json",
              expected: all(403, except: [.firmA: 200])),
        .init(method: "GET", path: "/reports/stale", expected: all(200)),
        .init(method: "POST", path: "/figures/bulk", body: "building_id,guards_day\nfixture/centre,6\n", contentType: "text/csv",
              expected: all(403, except: [.admin: 200, .firmA: 200, .firmB: 422])),
        .init(method: "GET", path: "/organisations", expected: all(403, except: [.admin: 200])),
        .init(method: "POST", path: "/organisations", body: #"{"id": "new-org", "name": "New", "role": "planner"}"#, contentType: "application/json",
              expected: all(403, except: [.admin: 201])),
        .init(method: "GET", path: "/audit?building=fixture/centre", expected: all(403, except: [.admin: 200])),
        .init(method: "POST", path: "/plan/reception", body: #"{"cordon": {"type": "radius", "lat": 51.515, "lon": -0.076, "radius_m": 100}}"#,
              contentType: "application/json", expected: all(200, except: [.firmA: 403, .firmB: 403])),
        // Searching answers names and points only: every key may.
        .init(method: "GET", path: "/search?q=fixture%20centre", expected: all(200)),
        .init(method: "GET", path: "/lookup/radius?place=fixture/centre&radius=100", expected: all(200, except: [.firmA: 403, .firmB: 403])),
        .init(method: "GET", path: "/me", expected: all(200)),
        .init(method: "GET", path: "/me/buildings", expected: all(200)),
        .init(method: "GET", path: "/me/buildings.csv", expected: all(200)),
        .init(method: "POST", path: "/me/buildings/confirm", body: #"{"buildings": ["fixture/centre"]}"#, contentType: "application/json",
              expected: all(403, except: [.admin: 200, .firmA: 200, .firmB: 422])),
        // The grid fixture has no City boundary: coverage is refused as a 400, never a 500.
        .init(method: "GET", path: "/plan/coverage?radius=200", expected: all(400, except: [.firmA: 403, .firmB: 403])),
    ]

    @Test func everyRoleAgainstEveryEndpoint() async throws {
        let directory = try TemporaryDirectory()
        let registry = try await GridFixture.registry(in: directory)
        let access = try await AccessFixture.make(registry)
        let keys: [Who: String] = [.admin: access.admin, .commander: access.commander, .planner: access.planner,
                                   .firmA: access.firmA, .firmB: access.firmB]
        try await withServer(databasePath: directory.path("fixture.sqlite")) { server in
            for endpoint in Self.endpoints {
                for who in Who.allCases {
                    var headers: [String: String] = [:]
                    if let id = endpoint.ifMatchOf {
                        let version = try await registry.figures(of: id, actor: .localOperator(user: "test"))?.version ?? 0
                        headers["If-Match"] = "\"\(version)\""
                    }
                    let path = endpoint.path
                    let body = endpoint.body.map { Data($0.replacingOccurrences(of: "new-org", with: "new-\(who.rawValue.lowercased())").utf8) }
                    let reply = try await server.request(endpoint.method, path, body: body, contentType: endpoint.contentType,
                                                         key: .some(keys[who]), headers: headers)
                    let expected = endpoint.expected[who] ?? 0
                    #expect(reply.status == expected, "\(who) \(endpoint.method) \(endpoint.path): \(reply.text.prefix(300))")
                    if reply.status == 403 || reply.status == 401 {
                        #expect(reply.contentType == "application/problem+json")
                        // A refusal reveals neither figures nor contact details.
                        #expect(!reply.text.contains("+44 20 7946 0001"), "\(who) \(endpoint.path)")
                        #expect(!reply.text.contains("\"value\""), "\(who) \(endpoint.path)")
                    }
                    if reply.status == 401 { #expect(reply.headers["Www-Authenticate"] ?? reply.headers["WWW-Authenticate"] != nil) }
                }
            }
        }
    }

    @Test func unknownRevokedAndExpiredKeysAre401() async throws {
        let directory = try TemporaryDirectory()
        let registry = try await GridFixture.registry(in: directory)
        let access = try await AccessFixture.make(registry)
        let local = Actor.localOperator(user: "test")
        let expiring = try await registry.createKey(for: "police", expiresAt: Date().addingTimeInterval(1), actor: local)
        // The registry honours the expiry to the second (the HTTP check below can only wait it out).
        let issuedAt = Date()
        #expect(try await registry.authenticate(secret: expiring.secret, now: issuedAt.addingTimeInterval(-60)) != nil)
        #expect(try await registry.authenticate(secret: expiring.secret, now: issuedAt.addingTimeInterval(2)) == nil)
        try await withServer(databasePath: directory.path("fixture.sqlite")) { server in
            let path = "/lookup/radius?lat=51.515&lon=-0.076&radius=100&totals_only=true"
            #expect(try await server.request("GET", path, key: .some("cordon_" + String(repeating: "0", count: 64))).status == 401)
            #expect(try await server.request("GET", path, key: .some(access.commander), headers: ["Authorization": "Basic abc"]).status == 401)
            try await Task.sleep(for: .seconds(1.5))
            #expect(try await server.request("GET", path, key: .some(expiring.secret)).status == 401)

            // Revoked over HTTP by an admin: refused at once.
            let issued = try await server.request("POST", "/organisations/resilience/keys", body: Data("{}".utf8),
                                                  contentType: "application/json", key: .some(access.admin))
            #expect(issued.status == 201)
            let secret = try #require(issued.json["key"] as? String)
            let keyID = try #require(issued.json["id"] as? String)
            #expect(try await server.request("GET", path, key: .some(secret)).status == 200)
            #expect(try await server.request("DELETE", "/keys/\(keyID)", key: .some(access.admin)).status == 204)
            #expect(try await server.request("GET", path, key: .some(secret)).status == 401)
        }
        // Only the hash is stored.
        let stored = try await fingerprintOfKeys(directory)
        #expect(!stored.contains(access.firmA))
    }

    /// The database's bytes, write-ahead log included, as text.
    func fingerprintOfKeys(_ directory: TemporaryDirectory) async throws -> String {
        let files = ["fixture.sqlite", "fixture.sqlite-wal"].map(directory.path)
        let text = files.compactMap { try? String(contentsOfFile: $0, encoding: .isoLatin1) }.joined()
        #expect(text.contains(KeyHashProbe.prefix), "the key table should be readable in the file")
        return text
    }
}

enum KeyHashProbe {
    /// Every stored key row carries its id; the secrets themselves must not appear.
    static let prefix = "key_"
}
