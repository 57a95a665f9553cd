import CordonCore
import CordonTestSupport
import Foundation
import Testing

@Suite struct PlanEndpointTests {
    @Test func receptionPlanAndCoverageOverHTTP() async throws {
        let directory = try TemporaryDirectory()
        let registry = try await bundledRegistry(in: directory)
        let local = Actor.localOperator(user: "test")
        _ = try await registry.createOrganisation(id: "resilience", name: "Resilience", role: .planner, actor: local)
        let key = try await registry.createKey(for: "resilience", expiresAt: nil, actor: local).secret
        try await withServer(databasePath: directory.path("bundled.sqlite"), key: key) { server in
            let body = Data(#"{"cordon": {"type": "radius", "lat": 51.514431, "lon": -0.080334, "radius_m": 200}, "at": "2026-03-10T12:00:00Z"}"#.utf8)
            let plan = try await server.post("/plan/reception", body, contentType: "application/json")
            #expect(plan.status == 200, "\(plan.text.prefix(300))")
            let totals = try #require(plan.json["totals"] as? [String: Any])
            #expect(totals["displaced"] as? Int == 78_727)
            #expect(totals["buildings_inside"] as? Int == 105)
            let assigned = try #require(totals["assigned"] as? Int)
            let capacity = try #require(totals["capacity_within_walk"] as? Int)
            #expect(assigned == min(78_727, capacity))
            #expect(totals["shortfall"] as? Int == 78_727 - assigned)
            let centres = try #require(plan.json["centres"] as? [[String: Any]])
            #expect(centres.allSatisfy { ($0["assigned"] as? Int ?? 0) <= ($0["capacity"] as? Int ?? 0) })

            let geojson = try await server.post("/plan/reception?format=geojson", body, contentType: "application/json")
            #expect(geojson.contentType == "application/geo+json")
            let features = try #require(geojson.json["features"] as? [[String: Any]])
            #expect(features.contains { ($0["properties"] as? [String: Any])?["role"] as? String == "flow" })

            let csv = try await server.post("/plan/reception?format=csv", body, contentType: "application/json")
            #expect(csv.text.hasPrefix("centre_id,name,role,distance_from_cordon_m,capacity,assigned"))

            // The same cordon taken from an incident gives the same plan.
            let incident = try await registry.openIncident(
                try IncidentDraft(name: "Suspect car", location: GeoPosition(longitude: -0.080334, latitude: 51.514431), locationDescription: nil,
                                  cordons: IncidentCordons(inner: ZoneCordon(cordon: .radius(try RadiusQuery(latitude: 51.514431, longitude: -0.080334, radius: 200))))),
                actor: local)
            let fromIncident = try await server.post("/plan/reception", Data(#"{"incident": \#(incident.id), "at": "2026-03-10T12:00:00Z"}"#.utf8),
                                                     contentType: "application/json")
            #expect(fromIncident.status == 200, "\(fromIncident.text.prefix(300))")
            #expect((fromIncident.json["totals"] as? [String: Any])?["displaced"] as? Int == 78_727)
            #expect(try await server.post("/plan/reception", Data(#"{"incident": 99}"#.utf8), contentType: "application/json").status == 404)

            let bad = try await server.post("/plan/reception", Data(#"{"cordon": {"type": "radius", "lat": 51.5, "lon": -0.08, "radius_m": 0}}"#.utf8),
                                            contentType: "application/json")
            #expect(bad.status == 400)
            #expect(bad.json["parameter"] as? String == "radius")

            let coverage = try await server.get("/plan/coverage?radius=200&spacing=200&at=2026-03-10T12:00:00Z")
            #expect(coverage.status == 200)
            #expect((coverage.json["summary"] as? [String: Any])?["points"] as? Int == 80)
            let svg = try await server.get("/plan/coverage?radius=200&spacing=200&format=svg")
            #expect(svg.contentType == "image/svg+xml")
            #expect(svg.text.contains("DEMONSTRATION FIGURES"))
        }
    }
}
