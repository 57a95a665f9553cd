import CordonCore
import CordonServer
import CordonTestSupport
import Foundation
import Testing

/// Webhooks reach only public addresses unless the deployment allows more, are checked again
/// when delivered, never follow redirects, tell the firm only what it needs, and one firm's
/// slow receiver never delays another firm's alerts.
@Suite struct WebhookSecurityTests {
    static func put(_ server: LiveServer, _ url: String, key: String) async throws -> LiveServer.Reply {
        try await server.request("PUT", "/feed/webhook", body: AlertDeliveryTests.json(#"{"url": "\#(url)"}"#),
                                 contentType: "application/json", key: key)
    }

    static func sendInner(_ server: LiveServer, incident: Int, _ message: String = "Invacuate") async throws {
        let reply = try await AlertDeliveryTests.send(server, incident: incident,
                                                      #"{"priority": "red", "message": "\#(message)", "target": {"zones": ["inner"]}}"#)
        #expect(reply.status == 201, "\(reply.text)")
    }

    static func latestDelivery(_ server: LiveServer, key: String) async throws -> [String: Any]? {
        let state = try await server.request("GET", "/feed/webhook", key: key)
        return (state.json["deliveries"] as? [[String: Any]])?.first
    }

    @Test func aWebhookToAnInternalAddressIsRefusedNamingTheAddressAndWhy() async throws {
        let directory = try TemporaryDirectory()
        let registry = try await GridFixture.registry(in: directory)
        let access = try await AccessFixture.make(registry)
        try await withServer(databasePath: directory.path("fixture.sqlite"), key: access.firmA) { server in
            let refused: [(url: String, why: String)] = [
                ("http://127.0.0.1:8080/admin", "resolves to 127.0.0.1, a loopback address"),
                ("http://2130706433/", "resolves to 127.0.0.1, a loopback address"),
                ("http://0x7f000001/", "resolves to 127.0.0.1, a loopback address"),
                ("http://127.1:9/", "resolves to 127.0.0.1, a loopback address"),
                ("http://[::1]/", "resolves to ::1, a loopback address"),
                ("http://[::ffff:127.0.0.1]/", "resolves to ::ffff:127.0.0.1, a loopback address"),
                ("http://169.254.169.254/latest/meta-data/", "resolves to 169.254.169.254, a link-local address"),
                ("https://192.168.1.10/hook", "resolves to 192.168.1.10, a private address"),
                ("http://100.64.0.1/", "resolves to 100.64.0.1, a shared (carrier-grade NAT) address"),
                ("http://0.0.0.0/", "resolves to 0.0.0.0, an unspecified address"),
                ("http://localhost:8080/", "resolves to 127.0.0.1, a loopback address"),
            ]
            for (url, why) in refused {
                let reply = try await Self.put(server, url, key: access.firmA)
                #expect(reply.status == 400, "\(url): \(reply.text)")
                #expect(reply.json["parameter"] as? String == "url")
                let detail = reply.json["detail"] as? String ?? ""
                #expect(detail.hasPrefix("url: \(why) (got '\(url)'). "), "\(detail)")
                #expect(detail.contains("webhooks must reach a public address") || detail.contains("Webhooks must reach a public address"))
            }
            let ftp = try await Self.put(server, "ftp://alerts.example.com/", key: access.firmA)
            #expect(ftp.status == 400)
            #expect((ftp.json["detail"] as? String ?? "").contains("is not an http or https URL"))
            // Nothing was stored by any refusal.
            let none = try await server.request("GET", "/feed/webhook", key: access.firmA)
            #expect(none.status == 404)
            #expect(none.json["detail"] as? String
                == #"This firm has no webhook set. Set one with PUT /feed/webhook {"url": "https://..."}."#)
        }
    }

    @Test func anAddressAllowedWhenSetButNotWhenDeliveredIsNeverConnectedTo() async throws {
        let directory = try TemporaryDirectory()
        let registry = try await GridFixture.registry(in: directory)
        let access = try await AccessFixture.make(registry)
        let receiver = try await WebhookReceiver.start()
        try await withServer(databasePath: directory.path("fixture.sqlite"), key: access.commander, configure: AlertDeliveryTests.fast) { server in
            let set = try await Self.put(server, "http://127.0.0.1:\(receiver.port)/hook", key: access.firmA)
            #expect(set.status == 200)
        }
        // The same registry served without the allow-list: the stored webhook is checked again.
        try await withServer(databasePath: directory.path("fixture.sqlite"), key: access.commander, configure: { configuration in
            AlertDeliveryTests.fast(&configuration)
            configuration.webhookAddresses = .publicOnly
        }) { server in
            let incident = try await AlertDeliveryTests.openIncident(server)
            try await Self.sendInner(server, incident: incident)
            let attempted = try await eventually(within: patience) {
                let attempts = try await Self.latestDelivery(server, key: access.firmA)?["attempts"] as? Int
                return (attempts ?? 0) >= 1
            }
            #expect(attempted)
            let delivery = try #require(try await Self.latestDelivery(server, key: access.firmA))
            #expect(delivery["last_error"] as? String == "the webhook's address is not public")
            #expect(delivery["delivered_at"] is NSNull)
            #expect(receiver.received.isEmpty, "the receiver was never connected to")
        }
        await receiver.stop()
    }

    @Test func aRedirectIsAFailedAttemptAndIsNotFollowed() async throws {
        let directory = try TemporaryDirectory()
        let registry = try await GridFixture.registry(in: directory)
        let access = try await AccessFixture.make(registry)
        let target = try await WebhookReceiver.start()
        let redirecting = try await WebhookReceiver.start(redirectTo: "http://127.0.0.1:\(target.port)/hook")
        try await withServer(databasePath: directory.path("fixture.sqlite"), key: access.commander, configure: AlertDeliveryTests.fast) { server in
            #expect(try await Self.put(server, "http://127.0.0.1:\(redirecting.port)/hook", key: access.firmA).status == 200)
            let incident = try await AlertDeliveryTests.openIncident(server)
            try await Self.sendInner(server, incident: incident)
            #expect(try await eventually(within: patience) { redirecting.received.count >= 2 })
            let delivery = try #require(try await Self.latestDelivery(server, key: access.firmA))
            #expect(delivery["last_error"] as? String == "HTTP 307")
            #expect(delivery["delivered_at"] is NSNull)
            #expect(target.received.isEmpty, "the redirect was not followed")
        }
        await redirecting.stop()
        await target.stop()
    }

    @Test func theLastErrorSaysCouldNotConnectOrTimedOutAndNothingMore() async throws {
        let directory = try TemporaryDirectory()
        let registry = try await GridFixture.registry(in: directory)
        let access = try await AccessFixture.make(registry)
        let closed = try await WebhookReceiver.start()
        let closedPort = closed.port
        await closed.stop()
        let silent = try SilentReceiver()
        try await withServer(databasePath: directory.path("fixture.sqlite"), key: access.commander, configure: AlertDeliveryTests.fast) { server in
            #expect(try await Self.put(server, "http://127.0.0.1:\(closedPort)/hook", key: access.firmA).status == 200)
            #expect(try await Self.put(server, "http://127.0.0.1:\(silent.port)/hook", key: access.firmB).status == 200)
            let incident = try await AlertDeliveryTests.openIncident(server)
            try await Self.sendInner(server, incident: incident)
            for (key, expected) in [(access.firmA, "could not connect"), (access.firmB, "timed out")] {
                let failed = try await eventually(within: patience) {
                    let error = try await Self.latestDelivery(server, key: key)?["last_error"] as? String
                    return error != nil
                }
                #expect(failed)
                let delivery = try #require(try await Self.latestDelivery(server, key: key))
                #expect(delivery["last_error"] as? String == expected)
            }
        }
        silent.stop()
    }

    @Test func aFirmWhoseReceiverHangsDoesNotDelayAnotherFirmsAlerts() async throws {
        let directory = try TemporaryDirectory()
        let registry = try await GridFixture.registry(in: directory)
        let access = try await AccessFixture.make(registry)
        let hanging = try SilentReceiver()
        let prompt = try await WebhookReceiver.start()
        try await withServer(databasePath: directory.path("fixture.sqlite"), key: access.commander, configure: { configuration in
            AlertDeliveryTests.fast(&configuration)
            // Firm-a's receiver is given longer than the test's patience: an alert to firm-b
            // that waited behind it would fail the wait below, however loaded the machine.
            configuration.webhookRetry = WebhookRetryPolicy(firstDelay: 0.2, maximumDelay: 0.5, maximumAttempts: 50, timeout: 90)
        }) { server in
            #expect(try await Self.put(server, "http://127.0.0.1:\(hanging.port)/hook", key: access.firmA).status == 200)
            #expect(try await Self.put(server, "http://127.0.0.1:\(prompt.port)/hook", key: access.firmB).status == 200)
            let incident = try await AlertDeliveryTests.openIncident(server)
            // Both firms receive both alerts; firm-a's first delivery is still waiting on its
            // receiver (for up to 90 s) when the second alert is sent.
            for (index, message) in ["Invacuate", "Stay inside"].enumerated() {
                try await Self.sendInner(server, incident: incident, message)
                #expect(try await eventually(within: patience) { prompt.received.count == index + 1 },
                        "firm-b received alert \(index + 1) while firm-a's receiver hung")
            }
            let messages = prompt.received.compactMap { body -> String? in
                let json = try? JSONSerialization.jsonObject(with: Data(body.body.utf8)) as? [String: Any]
                return (json?["alert"] as? [String: Any])?["message"] as? String
            }
            #expect(messages == ["Invacuate", "Stay inside"])
            let firmA = try #require(try await Self.latestDelivery(server, key: access.firmA))
            #expect(firmA["delivered_at"] is NSNull)
        }
        hanging.stop()
        await prompt.stop()
    }
}
