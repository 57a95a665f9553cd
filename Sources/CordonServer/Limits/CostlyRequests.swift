import Foundation
import CordonCore
import Hummingbird
import Logging

/// How much of the server the requests that can be expensive may take: coverage grids,
/// reception plans, polygon lookups, large radius lookups and bulk uploads. Each runs in
/// one of a few slots of its own (so lookups, /healthz and figure writes always find a
/// reader connection free), and is stopped when its deadline passes or its client goes away.
public struct CostLimits: Sendable, Equatable {
    /// Costly requests running at once.
    public var slots: Int
    /// How long a costly request may wait for a slot before it is answered 503.
    public var queueWait: Duration
    /// How long one may run before it is stopped.
    public var deadline: Duration
    /// Radius lookups wider than this count as costly (their answers can hold thousands of
    /// buildings).
    public var largeRadius: Double
    /// Polygon lookups whose work (`AreaQuery.work`: positions times km²) passes this count
    /// as costly; a cordon drawn by hand over a few streets does not.
    public var largePolygon: Double

    /// Half the cores (one on a 2-core machine): costly work is CPU-bound, and the other half
    /// is kept for lookups, /healthz and figure writes.
    public static let standard = CostLimits(slots: max(1, ProcessInfo.processInfo.activeProcessorCount / 2), queueWait: .seconds(2),
                                            deadline: .seconds(30), largeRadius: 1_000)

    public init(slots: Int, queueWait: Duration, deadline: Duration, largeRadius: Double, largePolygon: Double = 2_000) {
        self.slots = slots
        self.queueWait = queueWait
        self.deadline = deadline
        self.largeRadius = largeRadius
        self.largePolygon = largePolygon
    }
}

/// Runs costly requests within `CostLimits`.
final class CostlyRequests: Sendable {
    let limits: CostLimits
    private let gate: SlotGate

    init(limits: CostLimits) {
        self.limits = limits
        gate = SlotGate(slots: max(1, limits.slots))
    }

    /// Runs `work` in a slot, under the deadline, and (while `watchingClient`) cancelled if
    /// the client closes the connection. `work` must read the body from the request it is
    /// given. Watching the client ends the connection's keep-alive after the answer, and
    /// needs the body unread: a caller that has read it already passes false, and its work
    /// is bounded by the deadline alone.
    func run(_ request: Request, what: String, watchingClient: Bool = true,
             _ work: @escaping @Sendable (Request) async throws -> Response) async throws -> Response {
        guard await gate.acquire(waitingAtMost: limits.queueWait) else {
            throw Problem.busy(what: what, slots: gate.slots)
        }
        defer { gate.release() }
        guard watchingClient else { return try await withDeadline(what: what) { try await work(request) } }
        return try await request.body.consumeWithCancellationOnInboundClose { body in
            var withBody = request
            withBody.body = body
            let bodied = withBody
            return try await withDeadline(what: what) { try await work(bodied) }
        }
    }

    private func withDeadline(what: String, _ work: @escaping @Sendable () async throws -> Response) async throws -> Response {
        let deadline = limits.deadline
        return try await withThrowingTaskGroup(of: Response?.self) { group in
            group.addTask { try await work() }
            group.addTask {
                try await Task.sleep(for: deadline)
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let response = first else {
                throw Problem.overDeadline(what: what, deadline: deadline)
            }
            return response
        }
    }
}

extension Problem {
    static func busy(what: String, slots: Int) -> Problem {
        var headers = HTTPFields()
        headers[.retryAfter] = "1"
        return Problem(status: .serviceUnavailable,
                       detail: "The server is busy: \(slots) costly request(s) (coverage, reception plans, polygon lookups, large radius lookups, uploads) are already running, the most it runs at once. Send this \(what) again in a second; radius lookups of up to 1000 m are never held up.",
                       headers: headers)
    }

    static func overDeadline(what: String, deadline: Duration) -> Problem {
        let seconds = Double(deadline.components.seconds) + Double(deadline.components.attoseconds) / 1e18
        return Problem(status: .serviceUnavailable,
                detail: "The \(what) was stopped after \(JSONText.number(seconds)) s, the longest a costly request may run. Ask for less: a smaller area or radius, a wider grid spacing or a shorter walking distance.")
    }
}
