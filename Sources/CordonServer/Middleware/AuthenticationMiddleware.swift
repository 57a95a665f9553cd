import CordonCore
import Foundation
import Hummingbird
import Synchronization

/// `Authorization: Bearer KEY` on every request but /healthz. Verified keys are remembered
/// for a few seconds so that lookups do not pay a database read each; a key revoked through
/// this server is forgotten at once, one revoked by another process within `ttl`, and none is
/// remembered past its expiry.
final class KeyCache: Sendable {
    let ttl: TimeInterval
    private let entries = Mutex<[String: (actor: Actor, until: Date)]>([:])

    init(ttl: TimeInterval = 5) { self.ttl = ttl }

    func actor(for secret: String, now: Date) -> Actor? {
        entries.withLock { entries in
            guard let entry = entries[secret], entry.until > now else { return nil }
            return entry.actor
        }
    }

    func remember(_ actor: Actor, for secret: String, expiresAt: Date? = nil, now: Date) {
        let until = min(now.addingTimeInterval(ttl), expiresAt ?? .distantFuture)
        entries.withLock { entries in
            if entries.count > 10_000 { entries.removeAll() }
            entries[secret] = (actor, until)
        }
    }

    func forgetAll() { entries.withLock { $0.removeAll() } }
}

/// Who is asking: `Authorization: Bearer KEY`, else the console's session cookie, on every
/// request but /healthz and the console's own files (the sign-in page must load before
/// anyone has signed in). A session resolves to the same actor as the key it was made from.
struct AuthenticationMiddleware: RouterMiddleware {
    typealias Context = CordonRequestContext
    let registry: Registry
    let cache: KeyCache
    let origins: OriginCheck

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let path = request.uri.path
        if path == "/healthz" || ConsoleRoutes.isPublic(path) { return try await next(request, context) }
        // The console asks who is signed in before anyone is: "nobody" is an answer there,
        // not a failure (and not an error in the browser's console).
        if path == "/session", request.method == .get {
            do {
                return try await authenticated(request, context, next)
            } catch let problem as Problem where problem.status == .unauthorized {
                return try await next(request, context)
            }
        }
        return try await authenticated(request, context, next)
    }

    private func authenticated(_ request: Request, _ context: Context,
                               _ next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let header = request.headers[.authorization] else {
            guard let token = SessionCookie.token(in: request) else {
                throw Problem.unauthenticated("this request has no Authorization header")
            }
            return try await withSession(token, request, context, next)
        }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else {
            throw Problem.unauthenticated("the Authorization header is not of the form 'Bearer KEY'")
        }
        let secret = String(parts[1]).trimmingCharacters(in: .whitespaces)
        let now = Date()
        var actor = cache.actor(for: secret, now: now)
        if actor == nil {
            if let found = try await registry.authenticateKey(secret: secret, now: now) {
                actor = found.actor
                cache.remember(found.actor, for: secret, expiresAt: found.expiresAt, now: now)
            }
        }
        guard let actor else {
            throw Problem.unauthenticated("the key is unknown, revoked or expired")
        }
        var context = context
        context.actor = actor
        context.logger[metadataKey: "cordon.org"] = .string(actor.name)
        return try await next(request, context)
    }

    private func withSession(_ token: String, _ request: Request, _ context: Context,
                             _ next: (Request, Context) async throws -> Response) async throws -> Response {
        let now = Date()
        // Kept apart from keys in the cache: a token can never be taken for a key.
        let cacheKey = "session:" + token
        var actor = cache.actor(for: cacheKey, now: now)
        if actor == nil, let session = try await registry.session(token: token, now: now) {
            actor = session.actor
            cache.remember(session.actor, for: cacheKey, expiresAt: session.expiresAt, now: now)
        }
        guard let actor else { throw Problem.sessionEnded() }
        try origins.check(request)
        var context = context
        context.actor = actor
        context.sessionToken = token
        context.logger[metadataKey: "cordon.org"] = .string(actor.name)
        return try await next(request, context)
    }
}
