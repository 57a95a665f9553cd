import CordonCore
import CordonServer
import CordonTestSupport
import Foundation
import Testing

/// An alert sent to a list of buildings names, to each firm, only that firm's buildings: in
/// its target, its areas, its CAP message, the feed and the webhook payload. Commanders see all.
@Suite struct AlertPrivacyTests {
    static func buildingTarget(_ alert: [String: Any]?) -> [String] {
        ((alert?["target"] as? [String: Any])?["buildings"] as? [String]) ?? []
    }

    static func areaDescriptions(_ alert: [String: Any]?) -> [String] {
        ((alert?["areas"] as? [[String: Any]]) ?? []).compactMap { $0["description"] as? String }
    }

    @Test func eachFirmSeesOnlyItsOwnBuildingsOfAnAlertSentToAList() async throws {
        let directory = try TemporaryDirectory()
        let registry = try await GridFixture.registry(in: directory)
        let access = try await AccessFixture.make(registry)
        let receiver = try await WebhookReceiver.start()
        try await withServer(databasePath: directory.path("fixture.sqlite"), key: access.commander, configure: AlertDeliveryTests.fast) { server in
            #expect(try await server.request("PUT", "/feed/webhook", body: AlertDeliveryTests.json(#"{"url": "http://127.0.0.1:\#(receiver.port)/hook"}"#),
                                             contentType: "application/json", key: access.firmB).status == 200)
            let incident = try await AlertDeliveryTests.openIncident(server)
            let sent = try await AlertDeliveryTests.send(server, incident: incident, """
                {"priority": "amber", "message": "Suspect vehicle", "target": {"buildings": ["fixture/centre", "fixture/at-radius"]}}
                """)
            #expect(sent.status == 201, "\(sent.text)")
            let id = try #require((sent.json["alert"] as? [String: Any])?["id"] as? Int)

            let commander = try await server.get("/alerts/\(id)")
            #expect(Self.buildingTarget(commander.json["alert"] as? [String: Any]) == ["fixture/centre", "fixture/at-radius"])
            #expect(Self.areaDescriptions(commander.json["alert"] as? [String: Any]).sorted() == ["Building fixture/at-radius", "Building fixture/centre"])

            for (key, own, other) in [(access.firmA, "fixture/centre", "fixture/at-radius"), (access.firmB, "fixture/at-radius", "fixture/centre")] {
                let view = try await server.request("GET", "/alerts/\(id)", key: key)
                #expect(view.status == 200)
                let alert = view.json["alert"] as? [String: Any]
                #expect(Self.buildingTarget(alert) == [own])
                #expect(Self.areaDescriptions(alert) == ["Building \(own)"])
                #expect(((alert?["areas"] as? [[String: Any]])?.first?["building_id"] as? String) == own)
                #expect(!view.text.contains(other), "\(own)'s firm does not see \(other)")

                let cap = try await server.request("GET", "/alerts/\(id).cap", key: key)
                #expect(cap.status == 200)
                #expect(cap.text.contains("<areaDesc>Building \(own)</areaDesc>"))
                #expect(cap.text.components(separatedBy: "<area>").count == 2, "one area")
                #expect(!cap.text.contains(other))

                let feed = try await server.request("GET", "/feed", key: key)
                let event = (feed.json["events"] as? [[String: Any]])?.first
                #expect(Self.buildingTarget(event?["alert"] as? [String: Any]) == [own])
                #expect(!feed.text.contains(other))
            }

            #expect(try await eventually(within: patience) { receiver.received.count == 1 })
            let payload = try #require(receiver.received.first?.body)
            let json = try JSONSerialization.jsonObject(with: Data(payload.utf8)) as? [String: Any]
            #expect(Self.buildingTarget(json?["alert"] as? [String: Any]) == ["fixture/at-radius"])
            #expect(Self.areaDescriptions(json?["alert"] as? [String: Any]) == ["Building fixture/at-radius"])
            #expect(!payload.contains("fixture/centre"), "firm-b's webhook never names firm-a's building")
        }
        await receiver.stop()
    }
}
