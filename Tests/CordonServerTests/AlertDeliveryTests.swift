import CordonCore
import CordonServer
import CordonTestSupport
import Crypto
import Foundation
import Testing

/// Alerts reaching firms over a live server: the SSE stream, replay with Last-Event-ID,
/// isolation between firms, and webhooks retried through the outbox across a restart.
@Suite struct AlertDeliveryTests {
    static func fast(_ configuration: inout ServerConfiguration) {
        configuration.pollInterval = .milliseconds(100)
        // Retries come quickly; each attempt still has 5 s, so that a receiver on a loaded
        // machine is not counted as failed (and retried) merely for answering late.
        configuration.webhookRetry = WebhookRetryPolicy(firstDelay: 0.2, maximumDelay: 0.5, maximumAttempts: 50, timeout: 5)
        allowLoopback(&configuration)
    }

    /// The receivers in these tests listen on 127.0.0.1, which only the allow-list admits.
    static func allowLoopback(_ configuration: inout ServerConfiguration) {
        configuration.webhookAddresses = (try? WebhookAddressPolicy(allowing: ["127.0.0.1"])) ?? .publicOnly
    }

    static func json(_ text: String) -> Data { Data(text.utf8) }

    /// Opens a 100 m incident at the fixture's centre; returns its id.
    static func openIncident(_ server: LiveServer) async throws -> Int {
        let reply = try await server.post("/incidents", json("""
            {"name": "Rucksack at the centre", "location": \(IncidentLocation.centre), "inner": {"preset": "rucksack"},
             "outer": {"type": "radius", "radius_m": 200}}
            """), contentType: "application/json")
        #expect(reply.status == 201, "\(reply.text)")
        return try #require(reply.json["id"] as? Int)
    }

    static func send(_ server: LiveServer, incident: Int, _ body: String) async throws -> LiveServer.Reply {
        try await server.post("/incidents/\(incident)/alerts", json(body), contentType: "application/json")
    }

    @Test func aStreamReceivesANewAlertWithinOneSecondAndReplaysWhatItMissed() async throws {
        let directory = try TemporaryDirectory()
        let registry = try await GridFixture.registry(in: directory)
        let access = try await AccessFixture.make(registry)
        try await withServer(databasePath: directory.path("fixture.sqlite"), key: access.commander, configure: Self.fast) { server in
            let incident = try await Self.openIncident(server)
            let stream = EventStreamClient(url: server.base + "/feed/stream", key: access.firmA)
            #expect(await next(stream.connected, within: patience) != nil)

            let first = try await Self.send(server, incident: incident, #"{"priority": "red", "message": "Invacuate", "target": {"zones": ["inner"]}}"#)
            #expect(first.status == 201)
            // Sent through this server, the alert wakes the stream at once; how fast is a
            // benchmark's to say, and the wait is wide so that a loaded machine does not fail it.
            let event = try #require(await next(stream.events, within: patience))
            #expect(event.name == "alert")
            let alert = try #require(event.json["alert"] as? [String: Any])
            #expect(alert["id"] as? Int == (first.json["alert"] as? [String: Any])?["id"] as? Int)
            let buildings = (event.json["buildings"] as? [[String: Any]] ?? []).compactMap { $0["building_id"] as? String }
            #expect(buildings == ["fixture/centre", "fixture/half-in"], "firm-a sees only its own buildings")
            let firstID = try #require(event.id)
            stream.close()

            // Missed while away: an update for everyone in the inner zone, and an alert for
            // firm-b's building only, which firm-a must never see.
            let second = try await Self.send(server, incident: incident, #"{"priority": "amber", "message": "Stay inside", "target": {"zones": ["inner"]}}"#)
            let firmBOnly = try await Self.send(server, incident: incident, #"{"priority": "green", "message": "Check your doors", "target": {"buildings": ["fixture/at-radius"]}}"#)
            #expect(second.status == 201)
            #expect(firmBOnly.status == 201)
            let secondID = try #require((second.json["alert"] as? [String: Any])?["id"] as? Int)
            let firmBOnlyID = try #require((firmBOnly.json["alert"] as? [String: Any])?["id"] as? Int)

            let resumed = EventStreamClient(url: server.base + "/feed/stream", key: access.firmA, lastEventID: firstID)
            let replayed = try #require(await next(resumed.events, within: patience))
            #expect((replayed.json["alert"] as? [String: Any])?["id"] as? Int == secondID)
            #expect(await next(resumed.events, within: .milliseconds(500)) == nil, "nothing else is owed to firm-a")
            resumed.close()

            // The feed says the same; firm-b's view of the shared alert is its own building only,
            // and the alert it alone received does not exist for firm-a.
            let feed = try await server.request("GET", "/feed", key: access.firmA)
            let feedAlerts = (feed.json["events"] as? [[String: Any]] ?? []).compactMap { ($0["alert"] as? [String: Any])?["id"] as? Int }
            #expect(feedAlerts.count == 2)
            #expect(!feedAlerts.contains(firmBOnlyID))
            let firmBView = try await server.request("GET", "/alerts/\(secondID)", key: access.firmB)
            #expect((firmBView.json["recipients"] as? [[String: Any]] ?? []).compactMap { $0["building_id"] as? String } == ["fixture/at-radius"])
            #expect(try await server.request("GET", "/alerts/\(firmBOnlyID)", key: access.firmA).status == 404)
            #expect(try await server.request("GET", "/alerts/\(firmBOnlyID).cap", key: access.firmA).status == 404)
            #expect(try await server.request("GET", "/feed/stream", key: access.commander).status == 403)
            let badID = try await server.request("GET", "/feed/stream", key: access.firmA, headers: ["Last-Event-ID": "yesterday"])
            #expect(badID.status == 400)
            #expect(badID.json["parameter"] as? String == "Last-Event-ID")
        }
    }

    @Test func aWebhookIsRetriedAfterAFailureWithTheSameIdempotencyKeyAndASignature() async throws {
        let directory = try TemporaryDirectory()
        let registry = try await GridFixture.registry(in: directory)
        let access = try await AccessFixture.make(registry)
        let receiver = try await WebhookReceiver.start(failures: 1)
        try await withServer(databasePath: directory.path("fixture.sqlite"), key: access.commander, configure: Self.fast) { server in
            let set = try await server.request("PUT", "/feed/webhook", body: Self.json(#"{"url": "http://127.0.0.1:\#(receiver.port)/hook"}"#),
                                               contentType: "application/json", key: access.firmA)
            #expect(set.status == 200)
            let secret = try #require(set.json["secret"] as? String)
            let incident = try await Self.openIncident(server)
            let sent = try await Self.send(server, incident: incident, #"{"priority": "red", "message": "Invacuate", "target": {"zones": ["inner"]}}"#)
            #expect(sent.status == 201)

            #expect(try await eventually(within: patience) { receiver.received.count >= 2 })
            let attempts = receiver.received
            #expect(attempts.count == 2, "one refused, one delivered, and no more")
            #expect(attempts[0].idempotencyKey != nil)
            #expect(attempts[0].idempotencyKey == attempts[1].idempotencyKey)
            let mac = HMAC<SHA256>.authenticationCode(for: Data(attempts[1].body.utf8), using: SymmetricKey(data: Data(secret.utf8)))
            #expect(attempts[1].signature == "sha256=" + mac.map { String(format: "%02x", $0) }.joined())
            let payload = try #require(try JSONSerialization.jsonObject(with: Data(attempts[1].body.utf8)) as? [String: Any])
            #expect((payload["buildings"] as? [[String: Any]])?.count == 2)

            #expect(try await eventually(within: patience) {
                let state = try await server.request("GET", "/feed/webhook", key: access.firmA)
                return ((state.json["deliveries"] as? [[String: Any]])?.first?["delivered_at"] as? String) != nil
            })
            let state = try await server.request("GET", "/feed/webhook", key: access.firmA)
            let delivery = try #require((state.json["deliveries"] as? [[String: Any]])?.first)
            #expect(delivery["attempts"] as? Int == 2)
            #expect(delivery["last_error"] as? String == "HTTP 500")
        }
        await receiver.stop()
    }

    @Test func aDeliveryOwedWhenTheServerStopsIsMadeAfterItRestarts() async throws {
        let directory = try TemporaryDirectory()
        let registry = try await GridFixture.registry(in: directory)
        let access = try await AccessFixture.make(registry)
        // A port with nobody listening yet: the receiver comes up only after the restart.
        let placeholder = try await WebhookReceiver.start()
        let port = placeholder.port
        await placeholder.stop()
        try await withServer(databasePath: directory.path("fixture.sqlite"), key: access.commander, configure: Self.fast) { server in
            _ = try await server.request("PUT", "/feed/webhook", body: Self.json(#"{"url": "http://127.0.0.1:\#(port)/hook"}"#),
                                         contentType: "application/json", key: access.firmB)
            let incident = try await Self.openIncident(server)
            #expect(try await Self.send(server, incident: incident, #"{"priority": "red", "message": "m", "target": {"zones": ["inner"]}}"#).status == 201)
            #expect(try await eventually(within: patience) {
                let state = try await server.request("GET", "/feed/webhook", key: access.firmB)
                return ((state.json["deliveries"] as? [[String: Any]])?.first?["attempts"] as? Int ?? 0) >= 1
            })
        }
        let receiver = try await WebhookReceiver.start(port: port)
        try await withServer(databasePath: directory.path("fixture.sqlite"), key: access.firmB, configure: Self.fast) { server in
            #expect(try await eventually(within: patience) { receiver.received.count == 1 })
            let state = try await server.get("/feed/webhook")
            let delivery = try #require((state.json["deliveries"] as? [[String: Any]])?.first)
            #expect(delivery["delivered_at"] as? String != nil)
            #expect(delivery["idempotency_key"] as? String == receiver.received.first?.idempotencyKey)
            #expect((delivery["attempts"] as? Int ?? 0) >= 2)
        }
        await receiver.stop()
    }
}

enum IncidentLocation {
    /// The fixture's centre as a location member.
    static var centre: String {
        let point = GridFixture.geo(533_000, 181_000)
        return "{\"lat\": \(point.latitude), \"lon\": \(point.longitude), \"description\": \"fixture centre\"}"
    }
}
