import CordonCore
import CordonServer
import CordonTestSupport
import Foundation
import Testing

@Suite struct IncidentEndpointTests {
    static func json(_ text: String) -> Data { Data(text.utf8) }

    /// Validates CAP text against the OASIS schema with xmllint.
    static func validateCAP(_ xml: String, in directory: TemporaryDirectory, name: String) async throws -> (status: Int32, output: String) {
        let file = directory.path("\(name).cap.xml")
        try xml.write(toFile: file, atomically: true, encoding: .utf8)
        let schema = packageRoot.appendingPathComponent("Tests/CordonServerTests/Standards/CAP-v1.2.xsd").path
        return try await run(["xmllint", "--noout", "--schema", schema, file])
    }

    @Test func zonesAlertsAcknowledgementsAndEveryCAPVariantOverHTTP() async throws {
        let directory = try TemporaryDirectory()
        let registry = try await GridFixture.registry(in: directory)
        let access = try await AccessFixture.make(registry)
        try await withServer(databasePath: directory.path("fixture.sqlite"), key: access.commander) { server in
            func post(_ path: String, _ body: String, key: String? = nil) async throws -> LiveServer.Reply {
                try await server.request("POST", path, body: Self.json(body), contentType: "application/json", key: key.map { Optional($0) })
            }
            let opened = try await post("/incidents", """
                {"name": "Rucksack at the centre", "location": \(IncidentLocation.centre), "inner": {"preset": "rucksack"},
                 "outer": {"type": "radius", "radius_m": 200}}
                """)
            #expect(opened.status == 201)
            #expect(opened.headers["Location"] == "/incidents/1")
            let zones = try await server.get("/incidents/1/buildings?at=2026-03-10T12:00:00Z")
            let zoneList = try #require(zones.json["zones"] as? [[String: Any]])
            #expect(zoneList.map { $0["zone"] as? String } == ["inner", "outer"])
            #expect((zoneList[0]["buildings"] as? [[String: Any]])?.compactMap { $0["id"] as? String } == ["fixture/centre", "fixture/half-in", "fixture/at-radius"])
            #expect((zoneList[0]["totals"] as? [String: Any])?["occupancy"] as? Int == 150)
            #expect((zoneList[1]["totals"] as? [String: Any])?["occupancy"] as? Int == 1000)
            let geojson = try await server.get("/incidents/1/buildings?format=geojson")
            #expect((geojson.json["features"] as? [[String: Any]])?.count == 4)

            // Inner and outer: firm-a's two buildings, firm-b's one, and fixture/half-out unreachable.
            let alert = try await post("/incidents/1/alerts", #"{"priority": "red", "message": "Invacuate & keep away from glass", "instruction": "Move staff to the core", "target": {"zones": ["inner", "outer"]}}"#)
            #expect(alert.status == 201)
            #expect((alert.json["unreachable"] as? [[String: Any]])?.compactMap { $0["building_id"] as? String } == ["fixture/half-out"])
            #expect((alert.json["counts"] as? [String: Any])?["reachable"] as? Int == 3)

            // Acks over HTTP: a later answer supersedes an earlier one; all are kept.
            #expect(try await post("/alerts/1/ack", #"{"building_id": "fixture/centre", "status": "received"}"#, key: access.firmA).status == 201)
            #expect(try await post("/alerts/1/ack", #"{"building_ids": ["fixture/centre", "fixture/half-in"], "status": "sheltering", "people": 60}"#, key: access.firmA).status == 201)
            #expect(try await post("/alerts/1/ack", #"{"building_id": "fixture/at-radius", "status": "need_assistance", "note": "one injured"}"#, key: access.firmB).status == 201)
            let refused = try await post("/alerts/1/ack", #"{"building_id": "fixture/at-radius", "status": "received"}"#, key: access.firmA)
            #expect(refused.status == 403)
            let noPeople = try await post("/alerts/1/ack", #"{"building_id": "fixture/centre", "status": "sheltering"}"#, key: access.firmA)
            #expect(noPeople.status == 400)
            #expect(noPeople.json["parameter"] as? String == "people")
            let progress = try await server.get("/alerts/1")
            let counts = try #require(progress.json["counts"] as? [String: Any])
            #expect(counts["acknowledged"] as? Int == 3)
            #expect(counts["not_acknowledged"] as? Int == 1)
            #expect(counts["need_assistance"] as? Int == 1)
            #expect(counts["people_sheltering"] as? Int == 120)
            // The building asking for assistance comes first; the others keep their order.
            let recipients = try #require(progress.json["recipients"] as? [[String: Any]])
            #expect(recipients.compactMap { $0["building_id"] as? String } == ["fixture/at-radius", "fixture/centre", "fixture/half-in"])
            let centre = recipients[1]
            #expect(centre["acks"] as? Int == 2)
            #expect((centre["latest_ack"] as? [String: Any])?["status"] as? String == "sheltering")
            #expect((try await server.get("/alerts/1/acks").json["acks"] as? [[String: Any]])?.count == 4)

            // Refusals: an empty target, an unset zone, a firm sending, a closed incident.
            let elsewhere = GridFixture.geoRing([(535_000, 182_000), (535_050, 182_000), (535_050, 182_050), (535_000, 182_050)])
            let polygon = String(decoding: try GridFixture.polygonJSON([elsewhere]), as: UTF8.self)
            #expect(try await post("/incidents", #"{"name": "Empty", "location": \#(IncidentLocation.centre), "inner": {"type": "polygon", "geometry": \#(polygon)}}"#).status == 201)
            let empty = try await post("/incidents/2/alerts", #"{"priority": "amber", "message": "m", "target": {"zones": ["inner"]}}"#)
            #expect(empty.status == 400)
            #expect(empty.json["parameter"] as? String == "target")
            #expect((empty.json["detail"] as? String)?.contains("resolves to no building") == true)
            let unset = try await post("/incidents/1/alerts", #"{"priority": "amber", "message": "m", "target": {"zones": ["advisory"]}}"#)
            #expect(unset.status == 400)
            #expect(unset.json["parameter"] as? String == "target.zones")
            #expect(try await post("/incidents/1/alerts", #"{"priority": "amber", "message": "m", "target": {"city": true}}"#, key: access.firmA).status == 403)
            #expect(try await server.get("/alerts/99").status == 404)

            // Every CAP variant validates: circle (radius), polygon, corridor, city, named
            // buildings, update and cancel with references.
            let from = GridFixture.geo(533_990, 181_045), to = GridFixture.geo(534_200, 181_045)
            #expect(try await post("/incidents", """
                {"name": "Device on the move", "location": \(IncidentLocation.centre),
                 "inner": {"type": "corridor", "width_m": 20, "route": {"type": "LineString", "coordinates": [[\(from.longitude), \(from.latitude)], [\(to.longitude), \(to.latitude)]]}}}
                """).status == 201)
            let corridor = try await post("/incidents/3/alerts", #"{"priority": "amber", "message": "Corridor", "allow_unreachable": true, "target": {"zones": ["inner"]}}"#)
            #expect((corridor.json["unreachable"] as? [[String: Any]])?.compactMap { $0["building_id"] as? String }.sorted()
                    == ["grid/0-1", "grid/1-1", "grid/2-1", "grid/3-1", "grid/4-1"])
            let square = GridFixture.geoRing([(533_995, 180_995), (534_055, 180_995), (534_055, 181_055), (533_995, 181_055)])
            let block = String(decoding: try GridFixture.polygonJSON([square]), as: UTF8.self)
            #expect(try await post("/incidents", #"{"name": "Protest", "location": \#(IncidentLocation.centre), "inner": {"type": "polygon", "geometry": \#(block)}}"#).status == 201)
            #expect(try await post("/incidents/4/alerts", #"{"priority": "green", "message": "Protest", "allow_unreachable": true, "target": {"zones": ["inner"]}}"#).status == 201)
            #expect(try await post("/incidents/1/alerts", #"{"priority": "green", "message": "City", "target": {"city": true}}"#).status == 201)
            #expect(try await post("/incidents/1/alerts", #"{"priority": "amber", "message": "Named", "target": {"buildings": ["fixture/centre", "grid/2-2"]}}"#).status == 201)
            let update = try await post("/alerts/1/update", #"{"message": "Now 150 m", "priority": "red"}"#)
            #expect(update.status == 201)
            let cancel = try await post("/alerts/1/cancel", #"{"message": "All clear"}"#)
            #expect(cancel.status == 201)
            #expect(try await post("/alerts/1/cancel", "{}").status == 409)

            var kinds: [String] = []
            for id in 1...7 {
                let cap = try await server.get("/alerts/\(id).cap")
                #expect(cap.status == 200)
                #expect(cap.contentType.hasPrefix("application/cap+xml"))
                let validation = try await Self.validateCAP(cap.text, in: directory, name: "alert-\(id)")
                #expect(validation.status == 0, "alert \(id): \(validation.output)")
                kinds.append(cap.text.contains("<circle>") ? "circle" : cap.text.contains("<polygon>") ? "polygon" : "none")
            }
            // The fixture has no City boundary, so the whole-City alert names its area without a shape.
            #expect(kinds == ["circle", "polygon", "polygon", "none", "polygon", "circle", "circle"])
            let updateCAP = try await server.get("/alerts/6.cap")
            #expect(updateCAP.text.contains("<msgType>Update</msgType>"))
            #expect(updateCAP.text.contains("<references>police@cordon,cordon-alert-1,"))
            let cancelCAP = try await server.get("/alerts/7.cap")
            #expect(cancelCAP.text.contains("<msgType>Cancel</msgType>"))
            let redCAP = try await server.get("/alerts/1.cap")
            #expect(redCAP.text.contains("<urgency>Immediate</urgency>"))
            #expect(redCAP.text.contains("<description>Invacuate &amp; keep away from glass</description>"))

            // Cordon changes are kept with who, when and why; a closed incident takes no more.
            for body in [#"{"inner": {"type": "radius", "radius_m": 150}}"#, #"{"inner": {"type": "radius", "radius_m": 150}, "reason": " "}"#] {
                let unexplained = try await post("/incidents/1/cordons", body)
                #expect(unexplained.status == 400, "\(unexplained.text)")
                #expect(unexplained.json["parameter"] as? String == "reason")
                #expect((unexplained.json["detail"] as? String ?? "").hasPrefix("reason: is missing (got "), "\(unexplained.text)")
            }
            let numeric = try await post("/incidents/1/cordons", #"{"inner": {"type": "radius", "radius_m": 150}, "reason": 7}"#)
            #expect(numeric.status == 400)
            #expect(numeric.json["parameter"] as? String == "reason")
            #expect(try await post("/incidents/1/cordons", #"{"inner": {"type": "radius", "radius_m": 150}, "reason": "larger device"}"#).status == 200)
            let versions = try await server.get("/incidents/1/cordons")
            #expect((versions.json["versions"] as? [[String: Any]])?.compactMap { $0["reason"] as? String } == ["larger device"])
            #expect(try await post("/incidents/1/close", "{}").status == 200)
            let closed = try await post("/incidents/1/alerts", #"{"priority": "red", "message": "m", "target": {"zones": ["inner"]}}"#)
            #expect(closed.status == 409)
            #expect((try await server.get("/incidents?status=open").json["incidents"] as? [[String: Any]])?.count == 3)
        }
        let audit = try await registry.verifyAudit()
        #expect(audit.findings == [])
    }
}
