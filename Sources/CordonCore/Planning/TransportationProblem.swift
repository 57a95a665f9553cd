/// Allocation of displaced people (origins: buildings inside a cordon) to
/// survivor-reception centres, solved exactly as a transportation problem.
///
/// Objective, in priority order:
/// 1. place as many people as possible (maximum flow);
/// 2. among all maximum placements, minimise total walking distance
///    in person-metres (minimum-cost maximum flow).
///
/// A greedy "nearest centre with room" rule is not used anywhere: it can fill
/// a centre with people who had a nearly-as-good alternative and push others
/// onto very long walks. See `MinCostFlow.swift` for the exact algorithm.
///
/// Costs are optimised in whole millimetres (`Int64`), not in `Double`
/// metres: reduced costs in the shortest-path algorithm are differences of
/// accumulated sums, and with floating point those can come out as tiny
/// negative numbers that break Dijkstra's invariant or hide genuine ties.
/// Integer millimetres make every comparison exact. The consequence is that
/// two plans whose costs differ only through sub-half-millimetre rounding of
/// individual distances are treated as equally good.
public struct TransportationProblem: Sendable {
    public struct Origin: Sendable, Equatable, Hashable {
        public let id: String
        /// Number of people to be placed; must be >= 0.
        public let people: Int

        public init(id: String, people: Int) {
            self.id = id
            self.people = people
        }
    }

    public struct Centre: Sendable, Equatable, Hashable {
        public let id: String
        /// Maximum number of people the centre can receive; must be >= 0.
        public let capacity: Int

        public init(id: String, capacity: Int) {
            self.id = id
            self.capacity = capacity
        }
    }

    /// Largest accepted distance (one million kilometres). Any walk on Earth
    /// is far shorter; the bound exists so that millimetre path sums in the
    /// solver provably stay inside `Int64` for any realistic network size.
    public static let maximumDistance: Double = 1.0e9

    public let origins: [Origin]
    public let centres: [Centre]

    /// Origin-major `origins.count x centres.count`; metres as given, kept
    /// so the plan reports the caller's own numbers rather than rounded ones.
    let distances: [Double]
    /// Same layout; rounded millimetres, or -1 where the pair is unreachable.
    let millimetres: [Int64]

    /// - Parameters:
    ///   - distance: walking distance in metres from origin index to centre
    ///     index, or `nil` when the centre cannot be reached from that origin
    ///     (no route out of the cordon, closed road, ...). Called exactly once
    ///     per pair during `init` and not retained.
    /// - Precondition: people and capacities are >= 0, ids are unique within
    ///   origins and within centres, and every distance is finite, >= 0 and
    ///   <= `maximumDistance`.
    public init(
        origins: [Origin],
        centres: [Centre],
        distance: (_ origin: Int, _ centre: Int) -> Double?
    ) {
        precondition(origins.allSatisfy { $0.people >= 0 }, "people must be >= 0")
        precondition(centres.allSatisfy { $0.capacity >= 0 }, "capacity must be >= 0")
        // Ids key both the sorted flows and the `unassigned` dictionary, so a
        // duplicate would silently merge two different buildings or centres.
        precondition(Set(origins.map(\.id)).count == origins.count, "origin ids must be unique")
        precondition(Set(centres.map(\.id)).count == centres.count, "centre ids must be unique")

        let n = centres.count
        var distances = [Double](repeating: 0, count: origins.count * n)
        var millimetres = [Int64](repeating: -1, count: origins.count * n)
        for i in origins.indices {
            for j in centres.indices {
                guard let d = distance(i, j) else { continue }
                precondition(
                    d.isFinite && d >= 0 && d <= Self.maximumDistance,
                    "distance must be finite, >= 0 and <= maximumDistance"
                )
                distances[i * n + j] = d
                millimetres[i * n + j] = Int64((d * 1000).rounded(.toNearestOrEven))
            }
        }
        self.origins = origins
        self.centres = centres
        self.distances = distances
        self.millimetres = millimetres
    }

    /// Solves the problem exactly. Pure function of the input: the same
    /// problem always yields the same plan (see `MinCostFlow` for how ties
    /// between equally cheap plans are broken).
    public func solve() -> TransportationPlan {
        let m = origins.count
        let n = centres.count
        var solver = MinCostFlow(
            originCount: m,
            centreCount: n,
            cost: millimetres,
            supply: origins.map(\.people),
            capacity: centres.map(\.capacity)
        )
        solver.run()

        var flows: [TransportationPlan.Flow] = []
        var placedFromOrigin = [Int](repeating: 0, count: m)
        for i in 0..<m {
            for j in 0..<n {
                let people = solver.flow(origin: i, centre: j)
                guard people > 0 else { continue }
                placedFromOrigin[i] += people
                flows.append(.init(
                    origin: origins[i].id,
                    centre: centres[j].id,
                    people: people,
                    distance: distances[i * n + j]
                ))
            }
        }
        // Ids are unique (checked in init), so this is a total order and the
        // output does not depend on the sort's stability.
        flows.sort { ($0.centre, $0.origin) < ($1.centre, $1.origin) }

        var unassigned: [String: Int] = [:]
        for i in 0..<m where origins[i].people > placedFromOrigin[i] {
            unassigned[origins[i].id] = origins[i].people - placedFromOrigin[i]
        }

        // Summed over the already-sorted flows so the floating-point result
        // is reproducible, and from the caller's metres rather than the
        // rounded millimetres, so it matches `people * distance` per flow.
        let total = flows.reduce(0.0) { $0 + Double($1.people) * $1.distance }
        return TransportationPlan(
            flows: flows,
            assigned: placedFromOrigin.reduce(0, +),
            unassigned: unassigned,
            totalPersonMetres: total
        )
    }
}
