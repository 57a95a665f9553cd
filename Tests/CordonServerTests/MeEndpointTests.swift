import CordonCore
import CordonTestSupport
import Foundation
import Testing

/// A firm's own list: who the key is, its buildings with figures, the spreadsheet that
/// round-trips, and bulk confirmation, all or nothing.
@Suite struct MeEndpointTests {
    func historyRows(_ registry: Registry) async throws -> Int {
        Int(try await fingerprint(registry.database)[2]) ?? -1
    }

    @Test func meAndTheFirmsBuildings() async throws {
        let directory = try TemporaryDirectory()
        let registry = try await GridFixture.registry(in: directory)
        let access = try await AccessFixture.make(registry)
        try await withServer(databasePath: directory.path("fixture.sqlite"), key: access.firmA) { server in
            let me = try await server.get("/me")
            #expect(me.status == 200)
            #expect(me.json["organisation_id"] as? String == "firm-a")
            #expect(me.json["name"] as? String == "Firm-A")
            #expect(me.json["role"] as? String == "firm")
            #expect(me.json["buildings"] as? String == "managed")

            let list = try await server.get("/me/buildings")
            #expect(list.status == 200)
            let buildings = try #require(list.json["buildings"] as? [[String: Any]])
            #expect(buildings.map { $0["id"] as? String } == ["fixture/centre", "fixture/half-in"])
            #expect(buildings.first?["label"] as? String == "fixture/centre")
            #expect(buildings.first?["version"] as? Int == 1)
            #expect(buildings.first?["etag"] as? String == "\"1\"")
            // The fixture's figures were confirmed on 2026-01-01: long stale.
            #expect(buildings.first?["stale"] as? Bool == true)
            #expect(list.json["stale"] as? Int == 2)
            let figures = try #require(buildings.first?["figures"] as? [String: Any])
            #expect((figures["guards_day"] as? [String: Any])?["value"] as? Int == 3)
            // When each figure went stale: a day after its confirmation for guards, thirty for
            // equipment; the building's is the earliest.
            #expect((figures["guards_day"] as? [String: Any])?["stale_at"] as? String == "2026-01-02T00:00:00Z")
            #expect((figures["trauma_packs"] as? [String: Any])?["stale_at"] as? String == "2026-01-31T00:00:00Z")
            #expect(buildings.first?["stale_at"] as? String == "2026-01-02T00:00:00Z")
            #expect(buildings.first?["soon_stale"] as? Bool == false)
            #expect(!list.text.contains("+44 20 7946 0001"), "no contact details in the list")

            // Commanders see every building; so do planners (who may read every building's figures).
            let all = try await server.request("GET", "/me/buildings", key: .some(access.commander))
            #expect(all.json["count"] as? Int == 30)
            #expect(all.json["scope"] as? String == "all")
            let planner = try await server.request("GET", "/me/buildings", key: .some(access.planner))
            #expect(planner.json["count"] as? Int == 30)
        }
    }

    @Test func theDownloadedSpreadsheetUploadsBackChangingNothing() async throws {
        let directory = try TemporaryDirectory()
        let registry = try await GridFixture.registry(in: directory)
        let access = try await AccessFixture.make(registry)
        // A third building without figures: its row has empty cells, which change nothing.
        _ = try await registry.assign(buildingIDs: ["fixture/far"], to: "firm-a", actor: .localOperator(user: "test"))
        try await withServer(databasePath: directory.path("fixture.sqlite"), key: access.firmA) { server in
            let csv = try await server.get("/me/buildings.csv")
            #expect(csv.status == 200)
            #expect(csv.contentType == "text/csv; charset=utf-8")
            #expect(csv.text == "building_id,occupancy_day,occupancy_night,guards_day,guards_night,trauma_packs,first_aid_kits,defibrillators,reception_capacity,occupancy_weekend,guards_weekend,label\r\n"
                    + "fixture/centre,100,10,3,1,2,5,1,50,,,fixture/centre\r\n"
                    + "fixture/far,,,,,,,,,,,fixture/far\r\n"
                    + "fixture/half-in,40,4,2,1,1,2,0,0,,,fixture/half-in\r\n")
            #expect(try await server.get("/me/buildings?f=csv").text == csv.text)

            let before = try await fingerprint(registry.database)
            let audit = try await registry.auditEntries(limit: 10_000).count
            let upload = try await server.request("POST", "/figures/bulk", body: csv.body, contentType: "text/csv")
            #expect(upload.status == 200, "\(upload.text)")
            #expect(upload.json["buildings_updated"] as? Int == 0)
            #expect(upload.json["buildings_unchanged"] as? Int == 3)
            #expect(try await fingerprint(registry.database) == before, "no figure, version or history row changed")
            #expect(try await registry.auditEntries(limit: 10_000).count == audit)
            #expect(try await server.get("/me/buildings.csv").text == csv.text)

            // One edited cell changes that figure alone.
            let edited = csv.text.replacingOccurrences(of: "fixture/centre,100,10,3,", with: "fixture/centre,100,10,4,")
            let changed = try await server.request("POST", "/figures/bulk", body: Data(edited.utf8), contentType: "text/csv")
            #expect(changed.json["buildings_updated"] as? Int == 1)
            let history = try await registry.history(of: "fixture/centre", actor: .localOperator(user: "test"))
            #expect(history.filter { $0.changedBy == "firm-a" }.map(\.figure) == ["guards_day"])
        }
    }

    @Test func bulkConfirmationIsAllOrNothing() async throws {
        let directory = try TemporaryDirectory()
        let registry = try await GridFixture.registry(in: directory)
        let access = try await AccessFixture.make(registry)
        try await withServer(databasePath: directory.path("fixture.sqlite"), key: access.firmA) { server in
            let before = try await fingerprint(registry.database)
            let audit = try await registry.auditEntries(limit: 10_000).count
            // One building firm-a does not manage: nothing is confirmed.
            let refused = try await server.request("POST", "/me/buildings/confirm",
                                                   body: Data(#"{"buildings": ["fixture/centre", "fixture/at-radius", "way/0"]}"#.utf8),
                                                   contentType: "application/json")
            #expect(refused.status == 422, "\(refused.text)")
            let problems = try #require(refused.json["problems"] as? [[String: Any]])
            #expect(problems.map { $0["building_id"] as? String } == ["fixture/at-radius", "way/0"])
            #expect(problems.map { $0["reason"] as? String } == ["organisation firm-a does not manage building fixture/at-radius",
                                                                  "organisation firm-a does not manage building way/0"])
            #expect(try await fingerprint(registry.database) == before)
            #expect(try await registry.auditEntries(limit: 10_000).count == audit)

            // Every building it manages, at once: confirmed now, versions moved, no history rows.
            let history = try await historyRows(registry)
            let confirmed = try await server.request("POST", "/me/buildings/confirm", body: Data(#"{"all": true}"#.utf8),
                                                     contentType: "application/json")
            #expect(confirmed.status == 200, "\(confirmed.text)")
            #expect(confirmed.json["confirmed"] as? Int == 2)
            #expect(confirmed.json["buildings"] as? [String] == ["fixture/centre", "fixture/half-in"])
            let list = try #require(try await server.get("/me/buildings").json["buildings"] as? [[String: Any]])
            #expect(list.map { $0["stale"] as? Bool } == [false, false])
            #expect(list.map { $0["soon_stale"] as? Bool } == [false, false])
            #expect(list.map { $0["version"] as? Int } == [2, 2])
            #expect(try await historyRows(registry) == history)
            let entries = try await registry.auditEntries(limit: 10_000)
            #expect(entries.count == audit + 2)
            #expect(entries.prefix(2).allSatisfy { $0.action == "figures.confirm" && $0.actor == "firm-a" })

            // Commanders do not confirm figures; a body that is neither form is a 400.
            #expect(try await server.request("POST", "/me/buildings/confirm", body: Data(#"{"all": true}"#.utf8),
                                             contentType: "application/json", key: .some(access.commander)).status == 403)
            #expect(try await server.request("POST", "/me/buildings/confirm", body: Data(#"{"buildings": []}"#.utf8),
                                             contentType: "application/json").status == 400)
        }
    }

    @Test func bulkCSVReportsValueAndManagementErrorsInOneRound() async throws {
        let directory = try TemporaryDirectory()
        let registry = try await GridFixture.registry(in: directory)
        let access = try await AccessFixture.make(registry)
        try await withServer(databasePath: directory.path("fixture.sqlite"), key: access.firmA) { server in
            let csv = "building_id,guards_day\nfixture/centre,many\nfixture/at-radius,4\nfixture/half-in,501\nway/0,1\n"
            let reply = try await server.request("POST", "/figures/bulk", body: Data(csv.utf8), contentType: "text/csv")
            #expect(reply.status == 422)
            let problems = try #require(reply.json["problems"] as? [[String: Any]])
            #expect(problems.map { "\($0["line"] ?? "") \($0["column"] ?? "")" } == ["2 guards_day", "3 building_id", "4 guards_day", "5 building_id"])
        }
    }
}
