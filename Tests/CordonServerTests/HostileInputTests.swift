import CordonCore
import CordonServer
import CordonTestSupport
import Foundation
import GRDB
import Testing

/// What a firm holding a valid key could send to corrupt stored data: control characters
/// that SQLite would cut short, impossible times, a body that never arrives.
@Suite struct HostileInputTests {
    /// Everything a refused write could have touched, in full.
    static func stored(_ directory: TemporaryDirectory) async throws -> [String] {
        try await DatabaseQueue(path: directory.path("fixture.sqlite")).read { db in
            [
                try String.fetchOne(db, sql: "SELECT group_concat(building_id || '/' || version || '/' || guards_day, ',') FROM site_figures") ?? "",
                try String.fetchOne(db, sql: "SELECT group_concat(building_id || '/' || ifnull(managed_by, '-') || '/' || ifnull(contact_email, '-') || '/' || ifnull(control_room_phone, '-'), ',') FROM building_sites") ?? "",
                try String.fetchOne(db, sql: "SELECT count(*) FROM figures_history") ?? "",
                try String.fetchOne(db, sql: "SELECT count(*) FROM audit_log") ?? "",
                try String.fetchOne(db, sql: "SELECT count(*) FROM alert_acks") ?? "",
            ]
        }
    }

    @Test func controlCharactersInIdsTextAndCSVCellsAreRefusedAndNothingIsStored() async throws {
        let directory = try TemporaryDirectory()
        let registry = try await GridFixture.registry(in: directory)
        let access = try await AccessFixture.make(registry)
        try await withServer(databasePath: directory.path("fixture.sqlite"), key: access.commander) { server in
            let incident = try await AlertDeliveryTests.openIncident(server)
            let sent = try await AlertDeliveryTests.send(server, incident: incident,
                                                         #"{"priority": "red", "message": "Evacuate", "target": {"buildings": ["fixture/centre"]}}"#)
            #expect(sent.status == 201, "\(sent.text)")
            let alert = try #require((sent.headers["Location"] ?? sent.headers["location"]).flatMap { Int($0.split(separator: "/").last ?? "") })
            let before = try await Self.stored(directory)
            let json = "application/json"
            let cases: [(String, String, String, String, [String: String], Int, String, String)] = [
                ("PATCH", "/buildings/fixture%2Fcentre%00x/figures", #"{"guards_day": 2}"#, json, ["If-Match": "\"1\""], 400, "building_id", "fixture/centre\\u0000x"),
                ("PATCH", "/buildings/fixture/centre%00x/figures", #"{"guards_day": 2}"#, json, ["If-Match": "\"1\""], 400, "building_id", "\\u0000"),
                ("POST", "/buildings/fixture/centre%01/figures/confirm", "", json, ["If-Match": "\"1\""], 400, "building_id", "\\u0001"),
                ("PUT", "/buildings/fixture%2Fcentre%00x/site", #"{"email": "desk@firm-a.example"}"#, json, [:], 400, "building_id", "\\u0000"),
                ("PUT", "/buildings/fixture%2Fcentre/site", #"{"email": "javascript:alert(1)\u0000@x.co"}"#, json, [:], 400, "email", "'javascript:alert(1)\\u0000@x.co'"),
                ("PUT", "/buildings/fixture%2Fcentre/site", #"{"control_room_phone": "+44 20\u001b[2J"}"#, json, [:], 400, "control_room_phone", "\\u001B"),
                ("POST", "/figures/bulk", "building_id,guards_day\nfixture/half-in,3\nfixture/centre\u{0}x,3\n", "text/csv", [:], 400,
                 "line 3, column building_id", "fixture/centre\\u0000x"),
                ("POST", "/figures/bulk", "building_id,guards_day\nfixture/centre,\u{7f}3\n", "text/csv", [:], 400, "line 2, column guards_day", "\\u007F"),
                ("POST", "/alerts/\(alert)/ack", #"{"building_id": "fixture/centre\u0000x", "status": "received"}"#, json, [:], 400, "building_id", "\\u0000"),
                ("POST", "/alerts/\(alert)/ack", #"{"building_id": "fixture/centre", "status": "received", "note": "all \u0085 out"}"#, json, [:], 400, "note", "\\u0085"),
            ]
            for (method, path, body, contentType, headers, status, field, shown) in cases {
                let reply = try await server.request(method, path, body: Data(body.utf8), contentType: contentType, key: access.firmA, headers: headers)
                #expect(reply.status == status, "\(method) \(path): \(reply.text)")
                #expect(reply.json["parameter"] as? String == field, "\(method) \(path): \(reply.text)")
                let detail = reply.json["detail"] as? String ?? ""
                #expect(detail.hasPrefix(field + ": contains the control character"), "\(detail)")
                #expect(detail.contains(shown) && detail.contains("Remove control characters"), "\(detail)")
            }
            #expect(try await Self.stored(directory) == before)
            // A note may span lines: line feeds and tabs are allowed in free text.
            let multiLine = try await server.request("POST", "/alerts/\(alert)/ack",
                                                     body: Data(#"{"building_id": "fixture/centre", "status": "received", "note": "floor 1\n\tall out"}"#.utf8),
                                                     contentType: json, key: access.firmA)
            #expect(multiLine.status == 201, "\(multiLine.text)")
            #expect(try await Self.stored(directory)[4] == "1")
        }
        #expect(try await registry.verifyAudit().findings == [])
        #expect(try await registry.site(of: "fixture/centre", actor: .localOperator(user: "test")).email == "control@firm-a.example")
    }

    @Test func controlCharactersInAdminPathsAndQueriesAreRefused() async throws {
        let directory = try TemporaryDirectory()
        let registry = try await GridFixture.registry(in: directory)
        let access = try await AccessFixture.make(registry)
        let before = try await Self.stored(directory)
        try await withServer(databasePath: directory.path("fixture.sqlite"), key: access.admin) { server in
            let cases: [(String, String, String?, String)] = [
                ("POST", "/organisations/firm-a%00x/buildings", #"{"building_ids": ["fixture/far"]}"#, "organisationId"),
                ("POST", "/organisations/firm-b/buildings", #"{"building_ids": ["fixture/far\u0000x"]}"#, "building_ids"),
                ("POST", "/organisations/firm-a%00/keys", nil, "organisationId"),
                ("POST", "/organisations", #"{"id": "new-firm", "name": "New\u0000Firm", "role": "firm"}"#, "name"),
                ("GET", "/audit?building=fixture%2Fcentre%00", nil, "building"),
                ("GET", "/collections/buildings/items/fixture%00", nil, "featureId"),
            ]
            for (method, path, body, field) in cases {
                let reply = try await server.request(method, path, body: body.map { Data($0.utf8) }, contentType: body == nil ? nil : "application/json")
                #expect(reply.status == 400, "\(method) \(path): \(reply.text)")
                #expect(reply.json["parameter"] as? String == field, "\(method) \(path): \(reply.text)")
                #expect((reply.json["detail"] as? String)?.contains("\\u0000") == true, "\(reply.text)")
            }
        }
        #expect(try await Self.stored(directory) == before)
        #expect(try await registry.verifyAudit().findings == [])
    }

    @Test func impossibleTimesAreRefusedNotRolledOver() async throws {
        let directory = try TemporaryDirectory()
        let access = try await AccessFixture.make(try await GridFixture.registry(in: directory))
        try await withServer(databasePath: directory.path("fixture.sqlite"), key: access.commander) { server in
            let centre = GridFixture.geo(GridFixture.centre.easting, GridFixture.centre.northing)
            let lookup = "/lookup/radius?lat=\(centre.latitude)&lon=\(centre.longitude)&radius=100&format=json&at="
            let february = try await server.get(lookup + "2026-02-30T10:00:00Z")
            #expect(february.status == 400)
            #expect(february.json["parameter"] as? String == "at")
            #expect(february.json["detail"] as? String
                    == "at: is not a date: February 2026 has 28 days (got '2026-02-30T10:00:00Z'). Give a day from 01 to 28 for February 2026.")
            let offset = try await server.get(lookup + "2026-03-10T10:00:00%2B99:99")
            #expect(offset.status == 400)
            #expect((offset.json["detail"] as? String)?.hasPrefix("at: has an offset of +99:99, which no time zone has") == true, "\(offset.text)")
            #expect(try await server.get(lookup + "2028-02-29T10:00:00%2B14:00").status == 200)
            let plan = try await server.post("/plan/reception", Data(#"{"cordon": {"type": "radius", "lat": 51.5144, "lon": -0.0803, "radius_m": 200}, "at": "2026-04-31T12:00"}"#.utf8),
                                             contentType: "application/json")
            #expect(plan.status == 400)
            #expect((plan.json["detail"] as? String)?.hasPrefix("at: is not a date: April 2026 has 30 days") == true, "\(plan.text)")
            let key = try await server.request("POST", "/organisations/firm-a/keys", body: Data(#"{"expires_at": "2027-12-31T24:00:00Z"}"#.utf8),
                                               contentType: "application/json", key: access.admin)
            #expect(key.status == 400)
            #expect((key.json["detail"] as? String)?.hasPrefix("expires_at: is not a time of day: 24:00:00") == true, "\(key.text)")
        }
    }

    @Test func aReassignedBuildingShowsNeitherFirmTheOldContact() async throws {
        let directory = try TemporaryDirectory()
        let registry = try await GridFixture.registry(in: directory)
        let access = try await AccessFixture.make(registry)
        try await withServer(databasePath: directory.path("fixture.sqlite"), key: access.admin) { server in
            let path = "/buildings/fixture%2Fcentre/site"
            let mine = try await server.request("GET", path, key: access.firmA)
            #expect(mine.json["email"] as? String == "control@firm-a.example")
            let moved = try await server.post("/organisations/firm-b/buildings", Data(#"{"building_ids": ["fixture/centre"]}"#.utf8),
                                              contentType: "application/json")
            #expect(moved.status == 200, "\(moved.text)")
            let newFirm = try await server.request("GET", path, key: access.firmB)
            #expect(newFirm.status == 200)
            #expect(newFirm.json["managed_by"] as? String == "firm-b")
            #expect(newFirm.json["email"] is NSNull && newFirm.json["control_room_phone"] is NSNull, "\(newFirm.text)")
            #expect(try await server.request("GET", path, key: access.firmA).status == 403)
            let set = try await server.request("PUT", path, body: Data(#"{"email": "desk@firm-b.example"}"#.utf8),
                                               contentType: "application/json", key: access.firmB)
            #expect(set.json["email"] as? String == "desk@firm-b.example")
            // Assigning again to the same firm keeps its own contact.
            _ = try await server.post("/organisations/firm-b/buildings", Data(#"{"building_ids": ["fixture/centre"]}"#.utf8),
                                      contentType: "application/json")
            #expect(try await server.request("GET", path, key: access.firmB).json["email"] as? String == "desk@firm-b.example")
        }
        let audit = try await registry.auditEntries(buildingID: "fixture/centre").first { $0.action == "building.assign" && $0.organisationID == "firm-b" && $0.before?.contains("email") == true }
        #expect(audit?.before == #"{"managed_by":"firm-a","control_room_phone":"+44 20 7946 0001","email":"control@firm-a.example"}"#)
        #expect(audit?.after == #"{"managed_by":"firm-b","control_room_phone":null,"email":null}"#)
        #expect(try await registry.verifyAudit().findings == [])
    }

    @Test func theHTTPCSVWritesFormulaNamesAsText() async throws {
        let directory = try TemporaryDirectory()
        let registry = try await GridFixture.registry(in: directory)
        let access = try await AccessFixture.make(registry)
        let formula = GridFixture.feature(id: "fixture/formula", rings: [GridFixture.square(minX: GridFixture.centre.easting + 20, minY: GridFixture.centre.northing - 5)],
                                          properties: ["name": #"=HYPERLINK("http://x","y")"#, "source_dataset": "fixture"])
        let report = try await registry.importFeatures(FeatureSource.read(try GridFixture.collection([formula]), name: "formula.geojson"))
        #expect(report.added == 1)
        try await withServer(databasePath: directory.path("fixture.sqlite"), key: access.commander) { server in
            let centre = GridFixture.geo(GridFixture.centre.easting, GridFixture.centre.northing)
            let reply = try await server.get("/lookup/radius?lat=\(centre.latitude)&lon=\(centre.longitude)&radius=50&format=csv&at=2026-03-10T12:00:00Z")
            #expect(reply.status == 200)
            let lines = reply.text.components(separatedBy: "\r\n")
            #expect(lines.contains(#"fixture/formula,"'=HYPERLINK(""http://x"",""y"")",,,,"'=HYPERLINK(""http://x"",""y"")",20,day,,,,,,,,"#), "\(reply.text)")
            #expect(lines.contains { $0.hasPrefix("fixture/centre,fixture/centre,,,,fixture/centre,0,day,100,3,2,5,1,50,") }, "\(reply.text)")
        }
    }
}
