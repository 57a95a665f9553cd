import CordonCore
import CordonServer
import CordonTestSupport
import Foundation
import Testing

/// Every route refuses a query parameter it does not take, so a typo is never silently
/// ignored: the route table is walked, so a new route is covered as soon as it is added.
@Suite struct UnknownParameterTests {
    @Test func everyRouteRefusesAnUnknownQueryParameterNamingIt() async throws {
        let directory = try TemporaryDirectory()
        let registry = try await GridFixture.registry(in: directory)
        let access = try await AccessFixture.make(registry)
        let spareKey = try await registry.createKey(for: "firm-b", expiresAt: nil, actor: .localOperator(user: "test"))
        let (_, table) = buildRouter(registry: registry)
        let values = ["incidentId": "1", "alertId": "1", "buildingId": "fixture%2Fcentre", "featureId": "fixture%2Fcentre",
                      "organisationId": "firm-a", "keyId": spareKey.id, "asset": "js/main.js"]
        try await withServer(databasePath: directory.path("fixture.sqlite"), key: access.commander) { server in
            let opened = try await server.request("POST", "/incidents", body: Data("""
                {"name": "Rucksack at the centre", "location": \(IncidentLocation.centre), "inner": {"preset": "rucksack"}}
                """.utf8), contentType: "application/json")
            #expect(opened.status == 201, "\(opened.text)")
            let alert = try await server.request("POST", "/incidents/1/alerts", body: Data(#"{"priority": "red", "message": "Keep away from glass", "target": {"zones": ["inner"]}}"#.utf8),
                                                 contentType: "application/json")
            #expect(alert.status == 201, "\(alert.text)")

            #expect(table.routes.count > 40)
            for route in table.routes {
                var path = route.path
                if path.hasSuffix("{featureId}/{idNumber}") {
                    path = path.replacingOccurrences(of: "{featureId}/{idNumber}", with: "fixture/centre")
                }
                for (name, value) in values { path = path.replacingOccurrences(of: "{\(name)}", with: value) }
                #expect(!path.contains("{"), "no fixture value for a parameter of \(route.path)")
                let key: String = switch route.path {
                case let p where p.hasPrefix("/organisations") || p.hasPrefix("/keys") || p.hasPrefix("/audit"): access.admin
                case let p where p.hasPrefix("/feed"): access.firmA
                case let p where p.hasPrefix("/buildings") && route.method != .get: access.admin
                default: access.commander
                }
                let reply = try await server.request(route.method.rawValue, path + "?bogus=1", key: .some(key))
                let where_ = "\(route.method) \(path)?bogus=1: \(reply.status) \(reply.text.prefix(300))"
                #expect(reply.status == 400, "\(where_)")
                #expect(reply.contentType == "application/problem+json", "\(where_)")
                #expect(reply.json["parameter"] as? String == "bogus", "\(where_)")
                #expect((reply.json["detail"] as? String ?? "").hasPrefix("bogus: is not a parameter of "), "\(where_)")
            }
            // Nothing was done by a refused request: the key is still active, the incident open.
            #expect(try await registry.keyIsActive(of: Actor(organisationID: "firm-b", role: .firm, keyID: spareKey.id, channel: .http)))
            #expect(try await server.get("/incidents/1").json["status"] as? String == "open")
        }
    }

    @Test func theFeaturesRoutesTakeTheOGCFormatParameterAndOnlyJSON() async throws {
        let directory = try TemporaryDirectory()
        let registry = try await GridFixture.registry(in: directory)
        let access = try await AccessFixture.make(registry)
        try await withServer(databasePath: directory.path("fixture.sqlite"), key: access.commander) { server in
            for path in ["/?f=json", "/conformance?f=json", "/collections?f=json", "/collections/buildings?f=json",
                         "/collections/buildings/items?f=geojson&limit=1", "/collections/buildings/items/fixture%2Fcentre?f=json"] {
                let reply = try await server.get(path)
                #expect(reply.status == 200, "\(path): \(reply.text.prefix(200))")
            }
            let html = try await server.get("/?f=html")
            #expect(html.status == 400)
            #expect(html.json["parameter"] as? String == "f")
            #expect(html.json["detail"] as? String
                == "f: is not a format this server writes (got 'html'). Give f=json (or f=geojson for features), or leave f out.")
            let none = try await server.get("/healthz?verbose=1")
            #expect(none.json["detail"] as? String
                == "verbose: is not a parameter of /healthz (got '1'). Remove it: /healthz takes no query parameters.")
        }
    }
}
