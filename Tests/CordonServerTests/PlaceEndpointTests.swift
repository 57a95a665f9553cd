import CordonCore
import CordonTestSupport
import Foundation
import Testing

/// Places over HTTP: search, lookups, incidents and plans centred on a named place or a grid
/// reference, ambiguous places refused with their candidates, labels in every answer.
@Suite struct PlaceEndpointTests {
    func commander(_ registry: Registry) async throws -> String {
        let local = Actor.localOperator(user: "test")
        _ = try await registry.createOrganisation(id: "police", name: "City of London Police", role: .commander, actor: local)
        return try await registry.createKey(for: "police", expiresAt: nil, actor: local).secret
    }

    @Test func searchFindsBuildingsByNameAndPostcode() async throws {
        let directory = try TemporaryDirectory()
        let registry = try await bundledRegistry(in: directory)
        let key = try await commander(registry)
        try await withServer(databasePath: directory.path("bundled.sqlite"), key: key) { server in
            for q in ["mary%20axe", "EC3A%208EP", "st%20mary%20axe"] {
                let reply = try await server.get("/search?q=\(q)")
                #expect(reply.status == 200)
                #expect(reply.contentType == "application/json")
                let results = try #require(reply.json["results"] as? [[String: Any]])
                #expect(results.first?["id"] as? String == "way/4959489", "\(q): \(reply.text.prefix(300))")
                #expect(results.first?["label"] as? String == "30 St Mary Axe")
                #expect(results.first?["grid_reference"] as? String != nil)
            }
            let liverpool = try await server.get("/search?q=liverpool%20st&limit=1")
            #expect((liverpool.json["results"] as? [[String: Any]])?.map { $0["id"] as? String } == ["way/4959629"])
            let missing = try await server.get("/search")
            #expect(missing.status == 400)
            #expect(missing.json["parameter"] as? String == "q")
            let control = try await server.get("/search?q=mary%00axe")
            #expect(control.status == 400)
            #expect((control.json["detail"] as? String)?.contains("\\u0000") == true)
            let long = try await server.get("/search?q=" + String(repeating: "a", count: 201))
            #expect(long.status == 400)
            #expect(try await server.get("/search?q=axe&limit=51").status == 400)
        }
    }

    @Test func lookupsIncidentsAndPlansTakeAPlace() async throws {
        let directory = try TemporaryDirectory()
        let registry = try await bundledRegistry(in: directory)
        let key = try await commander(registry)
        try await withServer(databasePath: directory.path("bundled.sqlite"), key: key) { server in
            let at = "&at=2026-11-23T10:00:00Z&format=json"
            let byName = try await server.get("/lookup/radius?place=30%20St%20Mary%20Axe&radius=100" + at)
            #expect(byName.status == 200, "\(byName.text.prefix(300))")
            let query = try #require(byName.json["query"] as? [String: Any])
            let place = try #require(query["place"] as? [String: Any])
            #expect(place["building_id"] as? String == "way/4959489")
            #expect(place["label"] as? String == "30 St Mary Axe")
            let buildings = try #require(byName.json["buildings"] as? [[String: Any]])
            #expect(buildings.first?["id"] as? String == "way/4959489")
            #expect(buildings.allSatisfy { ($0["label"] as? String)?.isEmpty == false })

            // A grid reference answers as its latitude and longitude do.
            let geo = try #require(CoordinateTransformer.shared.toGeo(GridPoint(easting: 533_238, northing: 181_305)))
            let byGrid = try await server.get("/lookup/radius?place=TQ%2033238%2081305&radius=100" + at)
            let byLatLon = try await server.get("/lookup/radius?lat=\(geo.latitude)&lon=\(geo.longitude)&radius=100" + at)
            #expect(byGrid.status == 200)
            #expect(byGrid.json["totals"] as? NSDictionary == byLatLon.json["totals"] as? NSDictionary)
            #expect((byGrid.json["buildings"] as? [[String: Any]])?.map { $0["id"] as? String }
                    == (byLatLon.json["buildings"] as? [[String: Any]])?.map { $0["id"] as? String })
            let plain = try await server.get("/lookup/radius?place=533238,181305&radius=100" + at)
            #expect(plain.json["totals"] as? NSDictionary == byLatLon.json["totals"] as? NSDictionary)

            // An ambiguous place: 409 with the candidates, and no answer.
            let ambiguous = try await server.get("/lookup/radius?place=mary%20axe&radius=100")
            #expect(ambiguous.status == 409)
            #expect(ambiguous.contentType == "application/problem+json")
            #expect(ambiguous.json["parameter"] as? String == "place")
            let candidates = try #require(ambiguous.json["candidates"] as? [[String: Any]])
            #expect(candidates.count == 6)
            #expect(candidates.first?["id"] as? String == "way/4959489")
            #expect(try await server.get("/lookup/radius?place=30%20St%20Mary%20Axe&lat=51.5&radius=100").status == 400)

            // An incident located by a place; its description defaults to the label.
            let opened = try await server.post("/incidents", Data(#"{"name": "Suspect package", "location": {"place": "30 St Mary Axe"}, "inner": {"preset": "suitcase"}}"#.utf8),
                                               contentType: "application/json")
            #expect(opened.status == 201, "\(opened.text.prefix(300))")
            let location = try #require(opened.json["location"] as? [String: Any])
            #expect(location["description"] as? String == "30 St Mary Axe")
            #expect(abs((location["lat"] as? Double ?? 0) - (place["lat"] as? Double ?? 1)) < 1e-6)
            let zones = try await server.get("/incidents/1/buildings?at=2026-11-23T10:00:00Z")
            let inner = try #require((zones.json["zones"] as? [[String: Any]])?.first?["buildings"] as? [[String: Any]])
            #expect(inner.allSatisfy { ($0["label"] as? String)?.isEmpty == false })
            let refused = try await server.post("/incidents", Data(#"{"name": "X", "location": {"place": "mary axe"}, "inner": {"preset": "suitcase"}}"#.utf8),
                                                contentType: "application/json")
            #expect(refused.status == 409)
            #expect(refused.json["parameter"] as? String == "location.place")

            // A reception plan centred on a grid reference.
            let plan = try await server.post("/plan/reception", Data(#"{"cordon": {"type": "radius", "place": "TQ 33238 81305", "radius_m": 100}, "at": "2026-11-23T22:00:00Z"}"#.utf8),
                                             contentType: "application/json")
            #expect(plan.status == 200, "\(plan.text.prefix(300))")
            let centres = try #require(plan.json["centres"] as? [[String: Any]])
            #expect(!centres.isEmpty && centres.allSatisfy { ($0["label"] as? String)?.isEmpty == false })
        }
    }

    @Test func featureItemsCarryTheSameLabelAsEveryOtherAnswer() async throws {
        let directory = try TemporaryDirectory()
        let registry = try await bundledRegistry(in: directory)
        let key = try await commander(registry)
        try await withServer(databasePath: directory.path("bundled.sqlite"), key: key) { server in
            let unnamed = try await server.get("/collections/buildings/items/way%2F1033757164")
            #expect(unnamed.status == 200)
            let properties = try #require(unnamed.json["properties"] as? [String: Any])
            #expect(properties["label"] as? String == "unnamed building 25 m SW of Travelodge, Tower ward")
            #expect(properties["name"] is NSNull)
            let page = try await server.get("/collections/buildings/items?limit=50")
            let features = try #require(page.json["features"] as? [[String: Any]])
            #expect(features.count == 50)
            #expect(features.allSatisfy { (($0["properties"] as? [String: Any])?["label"] as? String)?.isEmpty == false })
        }
    }
}
