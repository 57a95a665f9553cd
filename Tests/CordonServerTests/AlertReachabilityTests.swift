import CordonCore
import CordonServer
import CordonTestSupport
import Foundation
import GRDB
import Testing

/// Alerts that say whom they do not reach, previews that write nothing, and the commander
/// following an incident live.
@Suite struct AlertReachabilityTests {
    /// Every table an alert, its delivery or its audit could have written to.
    static func written(_ directory: TemporaryDirectory) async throws -> [Int] {
        try await DatabaseQueue(path: directory.path("fixture.sqlite")).read { db in
            try ["alerts", "alert_recipients", "firm_feed", "webhook_outbox", "audit_log"].map {
                try Int.fetchOne(db, sql: "SELECT count(*) FROM \($0)") ?? -1
            }
        }
    }

    @Test func anAlertNoFirmCanReceiveIsRefusedUnlessAllowedAndNothingIsWritten() async throws {
        let directory = try TemporaryDirectory()
        let registry = try await GridFixture.registry(in: directory)
        let access = try await AccessFixture.make(registry)
        try await withServer(databasePath: directory.path("fixture.sqlite"), key: access.commander) { server in
            let incident = try await AlertDeliveryTests.openIncident(server)
            let before = try await Self.written(directory)
            // fixture/half-out and fixture/far have no managing firm.
            let body = #"{"priority": "red", "message": "Leave now", "target": {"buildings": ["fixture/half-out", "fixture/far"]}}"#
            let refused = try await AlertDeliveryTests.send(server, incident: incident, body)
            #expect(refused.status == 409, "\(refused.text)")
            #expect(refused.json["detail"] as? String == #"Conflict: the target {"buildings":["fixture/half-out","fixture/far"]} reaches none of its 2 building(s): no firm manages them, so nobody would receive the alert. Assign the buildings to their firms (cordon org assign), reach them by phone or radio, or send "allow_unreachable": true (--allow-unreachable) to record the alert anyway."#)
            #expect(try await Self.written(directory) == before)

            let allowed = try await AlertDeliveryTests.send(server, incident: incident,
                #"{"priority": "red", "message": "Leave now", "allow_unreachable": true, "target": {"buildings": ["fixture/half-out", "fixture/far"]}}"#)
            #expect(allowed.status == 201, "\(allowed.text)")
            let counts = try #require(allowed.json["counts"] as? [String: Any])
            #expect(counts["recipients"] as? Int == 2 && counts["reachable"] as? Int == 0 && counts["unreachable"] as? Int == 2)
            #expect(allowed.text.hasPrefix(#"{"counts":{"recipients":2,"reachable":0,"unreachable":2,"#), "counts lead the answer")
            let unreachable = (allowed.json["unreachable"] as? [[String: Any]] ?? []).compactMap { $0["building_id"] as? String }
            #expect(unreachable == ["fixture/half-out", "fixture/far"])
        }
    }

    @Test func aPreviewShowsExactlyTheRecipientsAndWritesNothing() async throws {
        let directory = try TemporaryDirectory()
        let registry = try await GridFixture.registry(in: directory)
        let access = try await AccessFixture.make(registry)
        try await withServer(databasePath: directory.path("fixture.sqlite"), key: access.commander) { server in
            let incident = try await AlertDeliveryTests.openIncident(server)
            let body = #"{"priority": "red", "message": "Invacuate", "target": {"zones": ["inner", "outer"]}}"#
            let before = try await Self.written(directory)
            let preview = try await server.post("/incidents/\(incident)/alerts/preview", AlertDeliveryTests.json(body), contentType: "application/json")
            #expect(preview.status == 200, "\(preview.text)")
            #expect(try await Self.written(directory) == before, "a preview writes nothing")
            #expect(preview.json["would_send"] as? Bool == true)
            #expect(preview.json["firms"] as? [String] == ["firm-a", "firm-b"])
            let ids = { (key: String, reply: LiveServer.Reply) in
                (reply.json[key] as? [[String: Any]] ?? []).compactMap { $0["building_id"] as? String }
            }
            // The real send then reaches exactly those.
            let sent = try await AlertDeliveryTests.send(server, incident: incident, body)
            #expect(sent.status == 201, "\(sent.text)")
            #expect(ids("recipients", preview) == ids("recipients", sent))
            #expect(ids("unreachable", preview) == ids("unreachable", sent))
            #expect(ids("recipients", preview) == ["fixture/centre", "fixture/half-in", "fixture/at-radius"])
            #expect(ids("unreachable", preview) == ["fixture/half-out"])
            #expect(preview.json["counts"] as? [String: Int] == ["recipients": 4, "reachable": 3, "unreachable": 1, "firms": 2])
            // Each targeted zone says how much of it has building data; the fixture holds no
            // coverage zones, so the preview says it cannot tell, zone by zone.
            let zones = preview.json["zones"] as? [[String: Any]] ?? []
            #expect(zones.compactMap { $0["zone"] as? String } == ["inner", "outer"])
            #expect(zones.allSatisfy { ($0["data_coverage"] as? [String: Any])?["known"] as? Bool == false })
            #expect((preview.json["warnings"] as? [String])?.map { String($0.prefix(61)) }
                    == ["Inner zone: This registry holds no data-coverage zones, so it", "Outer zone: This registry holds no data-coverage zones, so it"])
            // The answer to the real send says the same.
            #expect((sent.json["zones"] as? [[String: Any]] ?? []).compactMap { $0["zone"] as? String } == ["inner", "outer"])
            #expect(sent.json["warnings"] as? [String] == preview.json["warnings"] as? [String])
            // The alert's status, read later, is the alert as recorded: no zone measures.
            let status = try await server.get("/alerts/\((sent.json["alert"] as? [String: Any])?["id"] as? Int ?? 0)")
            #expect(status.status == 200)
            #expect(status.json["zones"] == nil)

            // An unreachable-only target is previewed, with the reason it would be refused.
            let lonely = try await server.post("/incidents/\(incident)/alerts/preview",
                                               AlertDeliveryTests.json(#"{"target": {"buildings": ["fixture/far"]}}"#), contentType: "application/json")
            #expect(lonely.status == 200, "\(lonely.text)")
            #expect(lonely.json["would_send"] as? Bool == false)
            #expect((lonely.json["refusal"] as? String)?.hasPrefix(#"the target {"buildings":["fixture/far"]} reaches none of its 1 building(s)"#) == true)
            // Planners follow incidents but do not send alerts, so they do not preview them either.
            let planner = try await server.request("POST", "/incidents/\(incident)/alerts/preview", body: AlertDeliveryTests.json(body),
                                                   contentType: "application/json", key: access.planner)
            #expect(planner.status == 403)
        }
    }

    @Test func theCommanderSeesAnAnswerLiveAndAssistanceFirstWithThePhone() async throws {
        let directory = try TemporaryDirectory()
        let registry = try await GridFixture.registry(in: directory)
        let access = try await AccessFixture.make(registry)
        try await withServer(databasePath: directory.path("fixture.sqlite"), key: access.commander, configure: AlertDeliveryTests.fast) { server in
            let incident = try await AlertDeliveryTests.openIncident(server)
            let stream = EventStreamClient(url: server.base + "/incidents/\(incident)/stream", key: access.commander)
            // Replay first: the incident's opening.
            let opened = try #require(await next(stream.events, within: patience))
            #expect(opened.name == "incident.open")
            let sent = try await AlertDeliveryTests.send(server, incident: incident, #"{"priority": "red", "message": "Invacuate", "target": {"zones": ["inner"]}}"#)
            let alertID = try #require((sent.json["alert"] as? [String: Any])?["id"] as? Int)
            let alertEvent = try #require(await next(stream.events, within: patience))
            #expect(alertEvent.name == "alert.alert" && alertEvent.json["alert_id"] as? Int == alertID)

            let ack = try await server.request("POST", "/alerts/\(alertID)/ack", body: AlertDeliveryTests.json(
                #"{"building_id": "fixture/half-in", "status": "need_assistance", "note": "casualty on floor 3"}"#),
                contentType: "application/json", key: access.firmA)
            #expect(ack.status == 201, "\(ack.text)")
            // Written through this server, the answer wakes the stream at once; the wait is wide
            // so that a machine loaded by the suites running beside this one does not fail it.
            let answered = try #require(await next(stream.events, within: patience))
            #expect(answered.name == "alert.ack")
            #expect(answered.json["building_id"] as? String == "fixture/half-in")
            #expect((answered.json["detail"] as? [String: Any])?["note"] as? String == "casualty on floor 3")
            let answeredID = try #require(answered.id)
            stream.close()

            // Missed while away, replayed after Last-Event-ID; then nothing else is owed.
            _ = try await server.post("/incidents/\(incident)/cordons", AlertDeliveryTests.json(#"{"inner": {"type": "radius", "radius_m": 150}, "reason": "second device"}"#),
                                      contentType: "application/json")
            let resumed = EventStreamClient(url: server.base + "/incidents/\(incident)/stream", key: access.commander, lastEventID: answeredID)
            let missed = try #require(await next(resumed.events, within: patience))
            #expect(missed.name == "incident.cordon")
            #expect(await next(resumed.events, within: .milliseconds(500)) == nil)
            resumed.close()

            // The status puts the building asking for help first, with its note and phone.
            let status = try await server.get("/alerts/\(alertID)")
            let first = try #require((status.json["recipients"] as? [[String: Any]])?.first)
            #expect(first["building_id"] as? String == "fixture/half-in")
            #expect((first["latest_ack"] as? [String: Any])?["note"] as? String == "casualty on floor 3")
            let centre = (status.json["recipients"] as? [[String: Any]])?.first { $0["building_id"] as? String == "fixture/centre" }
            #expect(centre?["control_room_phone"] as? String == "+44 20 7946 0001")
            // Planners follow the incident, but contacts are not theirs to see.
            let planner = try await server.request("GET", "/alerts/\(alertID)", key: access.planner)
            #expect(planner.status == 200)
            #expect(!planner.text.contains("+44 20 7946 0001"))
            // Firms follow their own alerts on the feed, not the incident.
            let firm = try await server.request("GET", "/incidents/\(incident)/stream", key: access.firmA)
            #expect(firm.status == 403)
            let events = try await server.request("GET", "/incidents/\(incident)/events", key: access.planner)
            #expect((events.json["events"] as? [[String: Any]] ?? []).compactMap { $0["kind"] as? String }
                    == ["incident.open", "alert.alert", "alert.ack", "incident.cordon"])
        }
    }
}
