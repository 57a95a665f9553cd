import CordonCore
import Foundation
import Hummingbird
import Synchronization

/// `Authorization: Bearer KEY` on every request but /healthz. Verified keys are remembered
/// for a few seconds so that lookups do not pay a database read each; a key revoked through
/// this server is forgotten at once, one revoked by another process within `ttl`.
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

    func remember(_ actor: Actor, for secret: String, now: Date) {
        entries.withLock { entries in
            if entries.count > 10_000 { entries.removeAll() }
            entries[secret] = (actor, now.addingTimeInterval(ttl))
        }
    }

    func forgetAll() { entries.withLock { $0.removeAll() } }
}

struct AuthenticationMiddleware: RouterMiddleware {
    typealias Context = CordonRequestContext
    let registry: Registry
    let cache: KeyCache

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if request.uri.path == "/healthz" { return try await next(request, context) }
        guard let header = request.headers[.authorization] else {
            throw Problem.unauthenticated("this request has no Authorization header")
        }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else {
            throw Problem.unauthenticated("the Authorization header is not of the form 'Bearer KEY'")
        }
        let secret = String(parts[1]).trimmingCharacters(in: .whitespaces)
        let now = Date()
        var actor = cache.actor(for: secret, now: now)
        if actor == nil {
            actor = try await registry.authenticate(secret: secret, now: now)
            if let actor { cache.remember(actor, for: secret, now: now) }
        }
        guard let actor else {
            throw Problem.unauthenticated("the key is unknown, revoked or expired")
        }
        var context = context
        context.actor = actor
        context.logger[metadataKey: "cordon.org"] = .string(actor.name)
        return try await next(request, context)
    }
}
