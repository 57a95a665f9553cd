import CordonCore
import Foundation
import Hummingbird

/// Console sign-in: a key presented once (Authorization: Bearer) becomes a session cookie;
/// GET says who is signed in; DELETE signs out. Every other rule sees the same actor.
struct SessionRoutes: Sendable {
    let registry: Registry
    let keyCache: KeyCache
    let lifetime: Duration
    let secureCookie: Bool

    func register(on router: Router<CordonRequestContext>, table: inout RouteTable) {
        router.post("/session") { request, context in
            try QueryParameters.none(request)
            let actor = try context.requireActor()
            guard context.sessionToken == nil else {
                throw Problem(status: .badRequest,
                              detail: "POST /session signs in with a key, and this request carries a session cookie instead. Send 'Authorization: Bearer KEY' with your organisation's key.",
                              parameter: "Authorization")
            }
            let now = Date()
            let session = try await registry.startSession(for: actor, lifetime: lifetime, now: now)
            var headers = HTTPFields()
            headers[.setCookie] = SessionCookie.set(session, now: now, secure: secureCookie)
            headers[.cacheControl] = "no-store"
            return Response.text(Self.json(actor: actor, via: "session", expiresAt: session.expiresAt),
                                 contentType: MediaTypes.json, status: .created, headers: headers)
        }
        table.add(.post, "/session")
        router.get("/session") { request, context in
            try QueryParameters.none(request)
            guard let actor = context.actor else {
                let ended = SessionCookie.token(in: request) != nil
                var headers = HTTPFields()
                headers[.cacheControl] = "no-store"
                if ended { headers[.setCookie] = SessionCookie.cleared(secure: secureCookie) }
                let detail = ended ? "Your session has ended (signed out, past its time, or its key was revoked). Sign in again with your organisation's key."
                    : "Nobody is signed in. Sign in with your organisation's key: POST /session with 'Authorization: Bearer KEY'."
                return Response.text(JSONText.object([("signed_in", "false"), ("session_ended", ended ? "true" : "false"),
                                                      ("detail", JSONText.quoted(detail))]),
                                     contentType: MediaTypes.json, headers: headers)
            }
            var expiresAt: Date? = nil
            if let token = context.sessionToken { expiresAt = try await registry.session(token: token)?.expiresAt }
            var headers = HTTPFields()
            headers[.cacheControl] = "no-store"
            return Response.text(Self.json(actor: actor, via: context.sessionToken == nil ? "key" : "session", expiresAt: expiresAt),
                                 contentType: MediaTypes.json, headers: headers)
        }
        table.add(.get, "/session")
        router.delete("/session") { request, context in
            try QueryParameters.none(request)
            let actor = try context.requireActor()
            guard let token = context.sessionToken else {
                throw Problem(status: .badRequest,
                              detail: "DELETE /session signs out the console session in the '\(SessionCookie.name)' cookie, and this request has none. A key needs no signing out; an admin revokes it with DELETE /keys/{keyId}.",
                              parameter: "Cookie")
            }
            try await registry.endSession(token: token, actor: actor)
            keyCache.forgetAll()
            var headers = HTTPFields()
            headers[.setCookie] = SessionCookie.cleared(secure: secureCookie)
            return Response(status: .noContent, headers: headers)
        }
        table.add(.delete, "/session")
    }

    static func json(actor: Actor, via: String, expiresAt: Date?) -> String {
        JSONText.object([
            ("signed_in", "true"), ("organisation_id", JSONText.string(actor.organisationID)), ("role", JSONText.quoted(actor.role.rawValue)),
            ("signed_in_with", JSONText.quoted(via)), ("expires_at", JSONText.string(expiresAt.map(LookupTime.text))),
        ])
    }
}
