import CordonCore
import Foundation
import Hummingbird
import Synchronization

/// Requests per key: a token bucket of `burst` tokens refilled at `perSecond`.
public struct RateLimit: Sendable, Equatable {
    public var perSecond: Double
    public var burst: Double

    /// Well above what a person at a console or a firm's control-room system sends, well
    /// below what one key could use to crowd out the others.
    public static let standard = RateLimit(perSecond: 50, burst: 100)

    public init(perSecond: Double, burst: Double) {
        self.perSecond = perSecond
        self.burst = burst
    }
}

/// One bucket per API key. Only authenticated keys get a bucket, so the table is bounded by
/// the keys that exist.
final class RateLimiter: Sendable {
    let limit: RateLimit
    private let buckets = Mutex<[String: (tokens: Double, at: ContinuousClock.Instant)]>([:])

    init(limit: RateLimit) { self.limit = limit }

    /// Nil when the request may go ahead; otherwise the seconds until it may be sent again.
    func take(for key: String, now: ContinuousClock.Instant = .now) -> Int? {
        buckets.withLock { buckets in
            var (tokens, at) = buckets[key] ?? (limit.burst, now)
            let elapsed = now - at
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            tokens = min(limit.burst, tokens + seconds * limit.perSecond)
            guard tokens >= 1 else {
                buckets[key] = (tokens, now)
                return max(1, Int(((1 - tokens) / limit.perSecond).rounded(.up)))
            }
            buckets[key] = (tokens - 1, now)
            return nil
        }
    }
}

struct RateLimitMiddleware: RouterMiddleware {
    typealias Context = CordonRequestContext
    let limiter: RateLimiter

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if let actor = context.actor, let retry = limiter.take(for: actor.keyID ?? actor.name) {
            var headers = HTTPFields()
            headers[.retryAfter] = "\(retry)"
            throw Problem(status: .tooManyRequests,
                          detail: "Too many requests with this key: at most \(JSONText.number(limiter.limit.perSecond)) a second (bursts of \(JSONText.number(limiter.limit.burst))). Wait \(retry) s (Retry-After) and send again.",
                          parameter: "Authorization", headers: headers)
        }
        return try await next(request, context)
    }
}
