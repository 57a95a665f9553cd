import CordonCore

/// Deterministic RNG so every randomized test is reproducible bit for bit.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in `range`; modulo bias is irrelevant for test generation.
    mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.count))
    }
}

/// A problem kept alongside its raw data so that the baselines below can be
/// computed independently of the solver.
struct Instance {
    var people: [Int]
    var capacity: [Int]
    /// `distance[i][j]`, nil = unreachable.
    var distance: [[Double?]]
    var originIDs: [String]
    var centreIDs: [String]

    init(people: [Int], capacity: [Int], distance: [[Double?]],
         originIDs: [String]? = nil, centreIDs: [String]? = nil) {
        self.people = people
        self.capacity = capacity
        self.distance = distance
        self.originIDs = originIDs ?? people.indices.map { "O\($0)" }
        self.centreIDs = centreIDs ?? capacity.indices.map { "C\($0)" }
    }

    var problem: TransportationProblem {
        let matrix = distance
        return TransportationProblem(
            origins: zip(originIDs, people).map { .init(id: $0, people: $1) },
            centres: zip(centreIDs, capacity).map { .init(id: $0, capacity: $1) }
        ) { i, j in matrix[i][j] }
    }

    var totalPeople: Int { people.reduce(0, +) }

    /// Random instance. Distances are multiples of 0.25 m: exactly
    /// representable in binary, so every cost sum in these tests is exact
    /// and can be compared with `==`, while still exercising non-integer
    /// metres in the solver's millimetre conversion.
    static func random(
        _ rng: inout SplitMix64, origins: ClosedRange<Int>, centres: ClosedRange<Int>,
        people: ClosedRange<Int>, capacity: ClosedRange<Int>, unreachablePercent: Int = 15
    ) -> Instance {
        let m = rng.int(origins)
        let n = rng.int(centres)
        let p = (0..<m).map { _ in rng.int(people) }
        let c = (0..<n).map { _ in rng.int(capacity) }
        let d: [[Double?]] = (0..<m).map { _ in
            (0..<n).map { _ in
                rng.int(0...99) < unreachablePercent ? nil : Double(rng.int(0...4000)) / 4
            }
        }
        return Instance(people: p, capacity: c, distance: d)
    }
}

/// Exhaustive search over every integer allocation. Returns the best
/// (maximum assigned, then minimum person-metres) outcome.
func bruteForce(_ instance: Instance) -> (assigned: Int, personMetres: Double) {
    let m = instance.people.count
    let n = instance.capacity.count
    var supplyLeft = instance.people
    var capacityLeft = instance.capacity
    var best = (assigned: 0, personMetres: 0.0)

    func visit(_ cell: Int, assigned: Int, cost: Double) {
        if cell == m * n {
            if assigned > best.assigned || (assigned == best.assigned && cost < best.personMetres) {
                best = (assigned, cost)
            }
            return
        }
        let i = cell / n
        let j = cell % n
        guard let d = instance.distance[i][j] else {
            visit(cell + 1, assigned: assigned, cost: cost)
            return
        }
        for x in 0...min(supplyLeft[i], capacityLeft[j]) {
            supplyLeft[i] -= x
            capacityLeft[j] -= x
            visit(cell + 1, assigned: assigned + x, cost: cost + Double(x) * d)
            supplyLeft[i] += x
            capacityLeft[j] += x
        }
    }
    visit(0, assigned: 0, cost: 0)
    return best
}

/// The naive baseline: origins in input order, each sending its people to
/// its nearest reachable centre that still has room (ties: lower index),
/// spilling to the next nearest when that centre fills up.
func greedyNearestFirst(_ instance: Instance) -> (assigned: Int, personMetres: Double) {
    var capacityLeft = instance.capacity
    var assigned = 0
    var cost = 0.0
    for (i, people) in instance.people.enumerated() {
        var left = people
        while left > 0 {
            var nearest: Int?
            for j in capacityLeft.indices where capacityLeft[j] > 0 {
                guard let d = instance.distance[i][j] else { continue }
                if let k = nearest, let dk = instance.distance[i][k], dk <= d { continue }
                nearest = j
            }
            guard let j = nearest, let d = instance.distance[i][j] else { break }
            let sent = min(left, capacityLeft[j])
            left -= sent
            capacityLeft[j] -= sent
            assigned += sent
            cost += Double(sent) * d
        }
    }
    return (assigned, cost)
}

/// Independent optimality certificate for min-cost max-flow, used where brute
/// force is too slow: in the residual network of the returned plan there must
/// be (1) no source-to-sink path (the flow is maximum) and (2) no negative
/// cycle (no cheaper flow of the same value). Returns a failure reason or nil.
func optimalityViolation(_ instance: Instance, _ plan: TransportationPlan) -> String? {
    let m = instance.people.count
    let n = instance.capacity.count
    let source = m + n
    let sink = m + n + 1
    let originIndex = Dictionary(uniqueKeysWithValues: instance.originIDs.enumerated().map { ($1, $0) })
    let centreIndex = Dictionary(uniqueKeysWithValues: instance.centreIDs.enumerated().map { ($1, $0) })
    var flow = Array(repeating: Array(repeating: 0, count: n), count: m)
    for f in plan.flows {
        guard let i = originIndex[f.origin], let j = centreIndex[f.centre] else { return "unknown id in flow" }
        flow[i][j] += f.people
    }
    let sent = flow.map { $0.reduce(0, +) }
    let received = (0..<n).map { j in (0..<m).reduce(0) { $0 + flow[$1][j] } }

    var edges: [(from: Int, to: Int, cost: Double)] = []
    for i in 0..<m {
        if sent[i] < instance.people[i] { edges.append((source, i, 0)) }
        if sent[i] > 0 { edges.append((i, source, 0)) }
        for j in 0..<n {
            guard let d = instance.distance[i][j] else { continue }
            edges.append((i, m + j, d))
            if flow[i][j] > 0 { edges.append((m + j, i, -d)) }
        }
    }
    for j in 0..<n {
        if received[j] < instance.capacity[j] { edges.append((m + j, sink, 0)) }
        if received[j] > 0 { edges.append((sink, m + j, 0)) }
    }

    var reached = Set([source])
    var frontier = [source]
    while let u = frontier.popLast() {
        for e in edges where e.from == u && !reached.contains(e.to) {
            reached.insert(e.to)
            frontier.append(e.to)
        }
    }
    if reached.contains(sink) { return "augmenting path exists: flow is not maximum" }

    // Bellman-Ford from an implicit super-source (all distances 0): a
    // relaxation still possible after V rounds proves a negative cycle.
    var dist = [Double](repeating: 0, count: m + n + 2)
    for _ in 0...(m + n + 2) {
        var changed = false
        for e in edges where dist[e.from] + e.cost < dist[e.to] {
            dist[e.to] = dist[e.from] + e.cost
            changed = true
        }
        if !changed { return nil }
    }
    return "negative cycle exists: a cheaper plan with the same assignment exists"
}

/// Structural invariants every plan must satisfy, whatever the instance.
func invariantViolations(_ instance: Instance, _ plan: TransportationPlan) -> [String] {
    var problems: [String] = []
    let originIndex = Dictionary(uniqueKeysWithValues: instance.originIDs.enumerated().map { ($1, $0) })
    let centreIndex = Dictionary(uniqueKeysWithValues: instance.centreIDs.enumerated().map { ($1, $0) })
    var sent = [Int](repeating: 0, count: instance.people.count)
    var received = [Int](repeating: 0, count: instance.capacity.count)
    var total = 0.0
    for f in plan.flows {
        guard let i = originIndex[f.origin], let j = centreIndex[f.centre] else {
            problems.append("unknown id in \(f)")
            continue
        }
        if f.people <= 0 { problems.append("non-positive flow \(f)") }
        if instance.distance[i][j] == nil { problems.append("flow on unreachable pair \(f)") }
        if f.distance != instance.distance[i][j] { problems.append("wrong distance in \(f)") }
        sent[i] += f.people
        received[j] += f.people
        total += Double(f.people) * f.distance
    }
    for j in received.indices where received[j] > instance.capacity[j] {
        problems.append("centre \(instance.centreIDs[j]) over capacity: \(received[j]) > \(instance.capacity[j])")
    }
    for i in sent.indices {
        let short = instance.people[i] - sent[i]
        if short < 0 { problems.append("origin \(instance.originIDs[i]) sends more than it has") }
        if plan.unassigned[instance.originIDs[i]] != (short > 0 ? short : nil) {
            problems.append("unassigned mismatch for \(instance.originIDs[i])")
        }
    }
    if plan.unassigned.count != sent.indices.filter({ instance.people[$0] > sent[$0] }).count {
        problems.append("unassigned has extra entries")
    }
    if plan.assigned != sent.reduce(0, +) { problems.append("assigned != sum of flows") }
    if plan.totalPersonMetres != total { problems.append("totalPersonMetres != sum of flows") }
    let keys = plan.flows.map { [$0.centre, $0.origin] }
    if keys != keys.sorted(by: { $0.lexicographicallyPrecedes($1) }) { problems.append("flows not sorted") }
    return problems
}
