import CordonCore
import CordonServer
import CordonTestSupport
import Foundation
import Testing

/// A revoked or expired key stops working at once: remembered answers never outlive the key,
/// and the live streams it opened end.
@Suite struct KeyLifetimeTests {
    /// A new key for firm-a through the admin API: its id and secret.
    static func issueKey(_ server: LiveServer, admin: String, expiresAt: String? = nil) async throws -> (id: String, secret: String) {
        let body = expiresAt.map { #"{"expires_at": "\#($0)"}"# } ?? "{}"
        let reply = try await server.request("POST", "/organisations/firm-a/keys", body: Data(body.utf8),
                                             contentType: "application/json", key: admin)
        #expect(reply.status == 201, "\(reply.text)")
        return (try #require(reply.json["id"] as? String), try #require(reply.json["key"] as? String))
    }

    static let refusal = "Authentication failed: the key is unknown, revoked or expired. Send 'Authorization: Bearer KEY' with a key from 'cordon key create'."

    @Test func revokingAKeyEndsItsOpenStreamAndALaterRequestIs401() async throws {
        let directory = try TemporaryDirectory()
        let registry = try await GridFixture.registry(in: directory)
        let access = try await AccessFixture.make(registry)
        // The server's standard one-second check of open streams, as in production.
        try await withServer(databasePath: directory.path("fixture.sqlite"), key: access.admin) { server in
            let key = try await Self.issueKey(server, admin: access.admin)
            #expect(try await server.request("GET", "/feed", key: key.secret).status == 200)
            let stream = EventStreamClient(url: server.base + "/feed/stream", key: key.secret)
            #expect(await next(stream.connected, within: patience) != nil)

            #expect(try await server.request("DELETE", "/keys/\(key.id)").status == 204)
            #expect(await next(stream.ended, within: patience) != nil, "the stream ended after the revocation")
            let after = try await server.request("GET", "/feed", key: key.secret)
            #expect(after.status == 401)
            #expect(after.json["detail"] as? String == Self.refusal)
            // Another key of the same firm is untouched.
            #expect(try await server.request("GET", "/feed", key: access.firmA).status == 200)
        }
    }

    @Test func aKeyRevokedFromTheCommandLineEndsTheStreamToo() async throws {
        let directory = try TemporaryDirectory()
        let registry = try await GridFixture.registry(in: directory)
        let access = try await AccessFixture.make(registry)
        try await withServer(databasePath: directory.path("fixture.sqlite"), key: access.admin) { server in
            let key = try await Self.issueKey(server, admin: access.admin)
            let stream = EventStreamClient(url: server.base + "/feed/stream", key: key.secret)
            #expect(await next(stream.connected, within: patience) != nil)
            // Another process writing the same file, as `cordon key revoke` does.
            try await registry.revokeKey(id: key.id, actor: .localOperator(user: "test"))
            // Seen at the stream's next check (every second).
            #expect(await next(stream.ended, within: patience) != nil, "the stream ended after the revocation by another process")
        }
    }

    @Test func anExpiredKeyIsRefusedAlthoughItWasRememberedAndItsStreamEnds() async throws {
        let directory = try TemporaryDirectory()
        let registry = try await GridFixture.registry(in: directory)
        let access = try await AccessFixture.make(registry)
        try await withServer(databasePath: directory.path("fixture.sqlite"), key: access.admin) { server in
            // Whole seconds, as keys store them: 45 s from now, time enough for the requests below
            // to be answered before it on a machine loaded by the other suites.
            let expires = Date(timeIntervalSince1970: (Date().timeIntervalSince1970 + 45).rounded(.down))
            let key = try await Self.issueKey(server, admin: access.admin, expiresAt: LookupTime.text(expires))
            // Answered, and so remembered for up to five seconds, which would outlive the key.
            #expect(try await server.request("GET", "/feed", key: key.secret).status == 200)
            let stream = EventStreamClient(url: server.base + "/feed/stream", key: key.secret)
            #expect(await next(stream.connected, within: patience) != nil)
            // If the machine was so slow that the key has already expired, the checks above
            // proved nothing; say so rather than pass.
            #expect(Date() < expires, "the key expired before the test could use it; the machine is too loaded")

            let wait = expires.timeIntervalSinceNow + 0.1
            try await Task.sleep(for: .milliseconds(Int(max(0, wait) * 1_000)))
            let after = try await server.request("GET", "/feed", key: key.secret)
            #expect(after.status == 401)
            #expect(after.json["detail"] as? String == Self.refusal)
            // Checked every second.
            #expect(await next(stream.ended, within: patience) != nil, "the stream ended after the expiry")
        }
    }
}
