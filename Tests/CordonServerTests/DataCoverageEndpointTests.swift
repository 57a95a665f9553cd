import CordonCore
import CordonTestSupport
import Foundation
import Testing

/// Every area answer over HTTP says how much of its area has building data, in the shape the
/// OpenAPI document declares, from the in-memory radius copy and from SQL alike.
@Suite struct DataCoverageEndpointTests {
    static let at = "2026-11-23T10:00:00Z"

    static func commanderKey(_ registry: Registry) async throws -> String {
        let local = Actor.localOperator(user: "test")
        _ = try await registry.createOrganisation(id: "police", name: "City of London Police", role: .commander, actor: local)
        return try await registry.createKey(for: "police", expiresAt: nil, actor: local).secret
    }

    @Test(arguments: [true, false])
    func aBarbicanCordonSaysWhereItHasNoDataInEveryFormat(radiusIndex: Bool) async throws {
        let directory = try TemporaryDirectory()
        let registry = try await bundledRegistry(in: directory)
        let key = try await Self.commanderKey(registry)
        try await withServer(databasePath: directory.path("bundled.sqlite"), key: key,
                             configure: { $0.radiusIndex = radiusIndex }) { server in
            let document = try await server.get("/openapi.json").body
            let path = "/lookup/radius?lat=51.52&lon=-0.0935&radius=200&at=\(Self.at)"
            let geojson = try await server.get(path)
            #expect(geojson.status == 200)
            #expect(try await schemaProblems(geojson.body, schema: "LookupCollection", document: document, in: directory) == nil)
            let coverage = try #require(geojson.json["data_coverage"] as? [String: Any])
            #expect(coverage["known"] as? Bool == true && coverage["area_m2"] as? Int == 125_664)
            #expect((coverage["no_data"] as? [String: Any])?["share"] as? Double == 0.838)
            // The in-memory measure may round the other way from GEOS's: within a square metre.
            #expect(abs(((coverage["outside_city"] as? [String: Any])?["area_m2"] as? Int ?? 0) - 8_654) <= 1)
            let warnings = try #require(geojson.json["warnings"] as? [String])
            #expect(warnings.first == "84 % of this area (105246 m²) lies in the part of the City with no building data: the totals are a lower bound.")
            #expect((geojson.json["totals"] as? [String: Any])?["lower_bound"] as? Bool == true)

            for (format, schema) in [("&format=json", "LookupAnswer"), ("&totals_only=true", "LookupAnswer")] {
                let reply = try await server.get(path + format)
                #expect(reply.status == 200)
                #expect(try await schemaProblems(reply.body, schema: schema, document: document, in: directory) == nil, "\(format)")
                #expect(reply.json["warnings"] as? [String] == warnings)
            }
            let csv = try await server.get(path + "&format=csv")
            #expect(csv.text.contains("\r\nWARNING,84 % of this area (105246 m²) lies in the part of the City with no building data"))

            let westminster = try await server.get("/lookup/radius?lat=51.5007&lon=-0.1246&radius=200&totals_only=true")
            #expect(westminster.json["warnings"] as? [String] == [
                "No building data here: these zeros mean unknown, not empty.",
                "The whole area lies outside the City of London; the registry holds buildings only inside the City.",
            ])
        }
    }

    @Test func polygonsPlansAndIncidentZonesCarryTheirCoverage() async throws {
        let directory = try TemporaryDirectory()
        let registry = try await bundledRegistry(in: directory)
        let key = try await Self.commanderKey(registry)
        try await withServer(databasePath: directory.path("bundled.sqlite"), key: key) { server in
            let document = try await server.get("/openapi.json").body
            // A square of 200 x 200 m around the Barbican, in lon/lat.
            let square = #"{"type":"Polygon","coordinates":[[[-0.0950,51.5191],[-0.0921,51.5191],[-0.0921,51.5209],[-0.0950,51.5209],[-0.0950,51.5191]]]}"#
            let polygon = try await server.post("/lookup/polygon?at=\(Self.at)", Data(square.utf8), contentType: "application/geo+json")
            #expect(polygon.status == 200, "\(polygon.text.prefix(300))")
            #expect(try await schemaProblems(polygon.body, schema: "LookupCollection", document: document, in: directory) == nil)
            let coverage = try #require(polygon.json["data_coverage"] as? [String: Any])
            #expect(coverage["known"] as? Bool == true)
            #expect((coverage["with_data"] as? [String: Any])?["area_m2"] as? Int == 0)
            #expect((polygon.json["warnings"] as? [String])?.first == "No building data here: these zeros mean unknown, not empty.")

            let body = Data(#"{"cordon": {"type": "radius", "lat": 51.52, "lon": -0.0935, "radius_m": 200}, "at": "\#(Self.at)"}"#.utf8)
            let plan = try await server.post("/plan/reception", body, contentType: "application/json")
            #expect(plan.status == 200, "\(plan.text.prefix(300))")
            #expect((plan.json["data_coverage"] as? [String: Any])?["area_m2"] as? Int == 125_664)
            #expect((plan.json["totals"] as? [String: Any])?["lower_bound"] as? Bool == true)
            #expect((plan.json["warnings"] as? [String])?.count == 2)

            let incident = try await server.post("/incidents", Data(#"""
                {"name": "Barbican", "location": {"lat": 51.52, "lon": -0.0935}, "inner": {"type": "radius", "radius_m": 200}}
                """#.utf8), contentType: "application/json")
            #expect(incident.status == 201, "\(incident.text.prefix(300))")
            let id = try #require(incident.json["id"] as? Int)
            let zones = try await server.get("/incidents/\(id)/buildings?at=\(Self.at)")
            let inner = try #require((zones.json["zones"] as? [[String: Any]])?.first)
            #expect((inner["data_coverage"] as? [String: Any])?["known"] as? Bool == true)
            #expect((inner["totals"] as? [String: Any])?["lower_bound"] as? Bool == true)
            #expect((inner["warnings"] as? [String])?.count == 2)
        }
    }
}
