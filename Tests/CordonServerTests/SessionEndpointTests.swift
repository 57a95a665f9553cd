import AsyncHTTPClient
import CordonCore
import CordonTestSupport
import Foundation
import Hummingbird
import NIOHTTP1
import Testing

/// Console sign-in: a key exchanged once for a cookie that stands for the same actor, checked
/// against Origin for changes, ended by signing out or by revoking the key, and audited.
@Suite struct SessionEndpointTests {
    static let path = "/lookup/radius?lat=51.515&lon=-0.076&radius=100&totals_only=true"
    static let polygon = Data(AccessMatrixTests.polygon.utf8)

    /// A request carrying the cookie as a browser would, and nothing else that says who asks.
    func withCookie(_ server: LiveServer, _ method: HTTPMethod, _ path: String, cookie: String, origin: String? = nil,
                    body: Data? = nil) async throws -> LiveServer.Reply {
        var request = HTTPClientRequest(url: server.base + path)
        request.method = method
        request.headers.add(name: "Cookie", value: cookie)
        if let origin { request.headers.add(name: "Origin", value: origin) }
        if let body {
            request.headers.add(name: "Content-Type", value: "application/geo+json")
            request.body = .bytes(Array(body))
        }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
        let collected = try await response.body.collect(upTo: 16 << 20)
        var headers: [String: String] = [:]
        for header in response.headers { headers[header.name] = header.value }
        return LiveServer.Reply(status: Int(response.status.code), headers: headers, body: Data(collected.readableBytesView))
    }

    func signIn(_ server: LiveServer, key: String) async throws -> (cookie: String, setCookie: String) {
        let reply = try await server.request("POST", "/session", key: .some(key))
        #expect(reply.status == 201, "\(reply.text)")
        let setCookie = reply.headers["Set-Cookie"] ?? reply.headers["set-cookie"] ?? ""
        let pair = String(setCookie.split(separator: ";").first ?? "")
        return (pair, setCookie)
    }

    @Test func aSessionStandsForItsKeyUntilSignedOut() async throws {
        let directory = try TemporaryDirectory()
        let registry = try await GridFixture.registry(in: directory)
        let access = try await AccessFixture.make(registry)
        try await withServer(databasePath: directory.path("fixture.sqlite")) { server in
            let (cookie, setCookie) = try await signIn(server, key: access.commander)
            for attribute in ["HttpOnly", "SameSite=Strict", "Path=/", "Max-Age=28800"] {
                #expect(setCookie.contains(attribute), "\(setCookie)")
            }
            #expect(!setCookie.contains("Secure"))
            let who = try await withCookie(server, .GET, "/session", cookie: cookie)
            #expect(who.json["organisation_id"] as? String == "police")
            #expect(who.json["signed_in_with"] as? String == "session")
            #expect(try await withCookie(server, .GET, Self.path, cookie: cookie).status == 200)

            // A change made with the cookie must come from this server's own pages.
            let noOrigin = try await withCookie(server, .POST, "/lookup/polygon", cookie: cookie, body: Self.polygon)
            #expect(noOrigin.status == 403)
            #expect(noOrigin.json["parameter"] as? String == "Origin")
            let elsewhere = try await withCookie(server, .POST, "/lookup/polygon", cookie: cookie, origin: "https://evil.example",
                                                     body: Self.polygon)
            #expect(elsewhere.status == 403)
            #expect((elsewhere.json["detail"] as? String ?? "").contains("comes from 'https://evil.example'"))
            let own = try await withCookie(server, .POST, "/lookup/polygon", cookie: cookie, origin: server.base, body: Self.polygon)
            #expect(own.status == 200, "\(own.text)")

            // Every access rule applies unchanged: a firm's session is refused lookups.
            let (firmCookie, _) = try await signIn(server, key: access.firmA)
            #expect(try await withCookie(server, .GET, Self.path, cookie: firmCookie).status == 403)

            let out = try await withCookie(server, .DELETE, "/session", cookie: cookie, origin: server.base)
            #expect(out.status == 204)
            let after = try await withCookie(server, .GET, Self.path, cookie: cookie)
            #expect(after.status == 401)
            #expect((after.json["detail"] as? String ?? "").contains("session has ended"))
            let nobody = try await withCookie(server, .GET, "/session", cookie: cookie)
            #expect(nobody.status == 200)
            #expect(nobody.json["signed_in"] as? Bool == false)
        }
        let log = try await registry.auditEntries(buildingID: nil, organisationID: "police", from: nil, to: nil, limit: 100)
        #expect(log.filter { $0.action == "session.start" }.count == 1)
        #expect(log.filter { $0.action == "session.end" }.count == 1)
    }

    @Test func revokingTheKeyEndsItsSessions() async throws {
        let directory = try TemporaryDirectory()
        let registry = try await GridFixture.registry(in: directory)
        let access = try await AccessFixture.make(registry)
        try await withServer(databasePath: directory.path("fixture.sqlite")) { server in
            let issued = try await server.request("POST", "/organisations/resilience/keys", body: Data("{}".utf8),
                                                  contentType: "application/json", key: .some(access.admin))
            let secret = try #require(issued.json["key"] as? String)
            let keyID = try #require(issued.json["id"] as? String)
            let (cookie, _) = try await signIn(server, key: secret)
            #expect(try await withCookie(server, .GET, Self.path, cookie: cookie).status == 200)
            #expect(try await server.request("DELETE", "/keys/\(keyID)", key: .some(access.admin)).status == 204)
            #expect(try await withCookie(server, .GET, Self.path, cookie: cookie).status == 401)
        }
    }

    @Test func aSessionEndsAtItsTime() async throws {
        let directory = try TemporaryDirectory()
        let registry = try await GridFixture.registry(in: directory)
        let access = try await AccessFixture.make(registry)
        let actor = try #require(try await registry.authenticate(secret: access.planner))
        let session = try await registry.startSession(for: actor, lifetime: .seconds(3_600), now: Date().addingTimeInterval(-7_200))
        #expect(try await registry.session(token: session.token) == nil)
        #expect(try await registry.session(token: session.token, now: Date().addingTimeInterval(-5_400))?.actor == actor)
    }

    @Test func theCookieIsSecureWhenTheServerIsReachedOverHTTPS() async throws {
        let directory = try TemporaryDirectory()
        let registry = try await GridFixture.registry(in: directory)
        let access = try await AccessFixture.make(registry)
        try await withServer(databasePath: directory.path("fixture.sqlite"), configure: {
            $0.publicURL = "https://cordon.example.org"
            $0.sessionLifetime = .seconds(1_800)
        }) { server in
            let (_, setCookie) = try await signIn(server, key: access.commander)
            #expect(setCookie.contains("; Secure"))
            #expect(setCookie.contains("Max-Age=1800"))
        }
    }

    @Test func onlyTheTokensHashIsStored() async throws {
        let directory = try TemporaryDirectory()
        let registry = try await GridFixture.registry(in: directory)
        let access = try await AccessFixture.make(registry)
        let actor = try #require(try await registry.authenticate(secret: access.commander))
        let session = try await registry.startSession(for: actor, lifetime: .seconds(3_600))
        let files = ["fixture.sqlite", "fixture.sqlite-wal"].map(directory.path)
        let text = files.compactMap { try? String(contentsOfFile: $0, encoding: .isoLatin1) }.joined()
        #expect(text.contains(session.id))
        #expect(!text.contains(session.token))
    }
}
