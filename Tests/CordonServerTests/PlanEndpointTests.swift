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

            // CSV for spreadsheets: a byte-order mark, then one table a request.
            let csv = try await server.post("/plan/reception?format=csv", body, contentType: "application/json")
            #expect(csv.contentType == "text/csv; charset=utf-8")
            #expect(Array(csv.body.prefix(3)) == [0xEF, 0xBB, 0xBF])
            #expect(csv.text.hasPrefix("\u{FEFF}centre_id,name,label,role,lat,lon,distance_from_cordon_m,capacity,assigned,"))
            for (table, header) in [("centres", "centre_id,"), ("buildings", "building_id,name,label,lat,lon,people,"),
                                    ("allocations", "building_id,building_label,building_lat,building_lon,centre_id,"),
                                    ("totals", "cordon,period,at,")] {
                let reply = try await server.post("/plan/reception?format=csv&table=\(table)", body, contentType: "application/json")
                #expect(reply.status == 200 && reply.text.hasPrefix("\u{FEFF}" + header), "\(table): \(reply.text.prefix(200))")
            }
            let totalsCSV = try await server.post("/plan/reception?format=csv&table=totals", body, contentType: "application/json")
            let totalsRows = CSVRows.parse(totalsCSV.text)
            #expect(totalsRows.count == 2 && totalsRows[1][0] == "200 m around 51.514431, -0.080334")
            let totalsRow = Dictionary(uniqueKeysWithValues: zip(totalsRows[0], totalsRows[1]))
            #expect(totalsRow["displaced"] == "78727" && totalsRow["assigned"] == "\(assigned)" && totalsRow["shortfall"] == "\(78_727 - assigned)")
            let buildingsCSV = try await server.post("/plan/reception?format=csv&table=buildings", body, contentType: "application/json")
            #expect(CSVRows.parse(buildingsCSV.text).count == 1 + 105)
            for refused in ["format=json&table=centres", "format=csv&table=wards"] {
                let reply = try await server.post("/plan/reception?\(refused)", body, contentType: "application/json")
                #expect(reply.status == 400 && reply.json["parameter"] as? String == "table", "\(refused)")
            }
            let planSVG = try await server.post("/plan/reception?format=svg", body, contentType: "application/json")
            #expect(planSVG.status == 200 && planSVG.contentType == "image/svg+xml")
            #expect(planSVG.text.contains("Displaced 78727 in 105 buildings; placed \(assigned); shortfall \(78_727 - assigned);"))

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
            let wards = try #require(coverage.json["wards"] as? [[String: Any]])
            let grid = try await server.get("/plan/coverage?radius=200&spacing=200&at=2026-03-10T12:00:00Z&format=geojson")
            #expect((grid.json["wards"] as? [[String: Any]])?.map { $0["ward"] as? String } == wards.map { $0["ward"] as? String })
            for (table, header) in [("points", "easting,northing,lon,lat,ward,"), ("wards", "ward,points,points_short,"), ("summary", "radius_m,spacing_m,")] {
                let reply = try await server.get("/plan/coverage?radius=200&spacing=200&format=csv&table=\(table)")
                #expect(reply.status == 200 && reply.text.hasPrefix("\u{FEFF}" + header), "\(table): \(reply.text.prefix(200))")
            }
            let wardsCSV = try await server.get("/plan/coverage?radius=200&spacing=200&at=2026-03-10T12:00:00Z&format=csv&table=wards")
            #expect(CSVRows.parse(wardsCSV.text).count == 1 + wards.count)
            #expect(try await server.get("/plan/coverage?radius=200&spacing=200&table=wards").status == 400)
            let svg = try await server.get("/plan/coverage?radius=200&spacing=200&format=svg")
            #expect(svg.contentType == "image/svg+xml")
            #expect(svg.text.contains("DEMONSTRATION FIGURES"))
        }
    }
}
