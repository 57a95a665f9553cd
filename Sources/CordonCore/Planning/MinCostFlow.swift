/// Exact minimum-cost maximum flow on the network
///
///     source --(supply_i, 0)--> origin_i --(unbounded, cost_ij)--> centre_j --(capacity_j, 0)--> sink
///
/// by successive shortest augmenting paths with Johnson potentials.
///
/// Why this algorithm: every augmentation along a shortest residual path keeps
/// the flow cost-minimal for its value, so when no augmenting path remains the
/// flow is simultaneously maximum and cheapest among maximum flows. That is
/// the required priority (place everyone possible, then minimise walking).
/// Each path is pushed by its full bottleneck, so the work grows with the
/// number of paths (each one empties a building, fills a centre or cancels an
/// earlier assignment), not with the number of people.
///
/// Why potentials: cancelling an earlier assignment traverses an edge with
/// negative cost. Potentials `p` make every residual reduced cost
/// `c(u,v) + p(u) - p(v)` non-negative, so plain Dijkstra remains valid.
/// Dijkstra stops as soon as the sink is settled (at reduced distance D);
/// potentials are then raised by `min(dist(v), D)`, which is still a feasible
/// potential (min of two feasible shifts) and makes the augmenting path's
/// edges tight. Costs are `Int64` millimetres, so this arithmetic is exact.
///
/// The graph is dense and bipartite, so it is stored as matrices rather than
/// adjacency lists; the origin->centre edge of a pair exists iff the pair is
/// reachable, and the centre->origin residual edge exists iff it carries flow.
///
/// Tie-breaking (determinism): the heap orders equal distances by node index
/// (source, then origins in input order, then centres in input order, then
/// sink), nodes are scanned in index order, and a predecessor is replaced only
/// on a strict improvement. Among equally short paths the one found first in
/// that fixed order is used, so the plan depends only on the input arrays.
struct MinCostFlow {
    private let originCount: Int
    private let centreCount: Int
    /// Origin-major; -1 marks an unreachable pair (no edge).
    private let costByOrigin: [Int64]
    /// Centre-major copy: a centre's reverse edges are then read from
    /// contiguous memory instead of striding across the whole matrix.
    private let costByCentre: [Int64]
    private var supplyLeft: [Int]
    private var capacityLeft: [Int]
    /// Centre-major, for the same locality reason as `costByCentre`.
    private var flowByCentre: [Int]
    private var potential: [Int64]

    // Per-phase scratch, kept across phases to avoid reallocating.
    private var distance: [Int64]
    private var predecessor: [Int32]
    private var settled: [Bool]
    private var heap = MinHeap()

    private static let unreached = Int64.max

    private var source: Int { 0 }
    private var sink: Int { originCount + centreCount + 1 }
    private func originNode(_ i: Int) -> Int { 1 + i }
    private func centreNode(_ j: Int) -> Int { 1 + originCount + j }

    init(originCount: Int, centreCount: Int, cost: [Int64], supply: [Int], capacity: [Int]) {
        precondition(cost.count == originCount * centreCount)
        precondition(supply.count == originCount && capacity.count == centreCount)
        // Node ids are stored as Int32 to halve scratch memory traffic.
        precondition(originCount + centreCount + 2 <= Int(Int32.max))
        self.originCount = originCount
        self.centreCount = centreCount
        self.costByOrigin = cost
        var transposed = [Int64](repeating: -1, count: cost.count)
        for i in 0..<originCount {
            for j in 0..<centreCount {
                transposed[j * originCount + i] = cost[i * centreCount + j]
            }
        }
        self.costByCentre = transposed
        self.supplyLeft = supply
        self.capacityLeft = capacity
        self.flowByCentre = [Int](repeating: 0, count: cost.count)
        let nodeCount = originCount + centreCount + 2
        // All initial costs are >= 0, so zero potentials are feasible and no
        // Bellman-Ford start-up pass is needed.
        self.potential = [Int64](repeating: 0, count: nodeCount)
        self.distance = [Int64](repeating: Self.unreached, count: nodeCount)
        self.predecessor = [Int32](repeating: -1, count: nodeCount)
        self.settled = [Bool](repeating: false, count: nodeCount)
    }

    func flow(origin i: Int, centre j: Int) -> Int {
        flowByCentre[j * originCount + i]
    }

    mutating func run() {
        while shortestPath() {
            augment()
        }
    }

    /// Dijkstra on reduced costs from the source, stopping once the sink is
    /// settled. Returns false when the sink is unreachable: the flow is then
    /// maximum, and by the successive-shortest-path invariant also cheapest.
    private mutating func shortestPath() -> Bool {
        let m = originCount
        let n = centreCount
        for v in distance.indices {
            distance[v] = Self.unreached
            predecessor[v] = -1
            settled[v] = false
        }
        heap.removeAll()
        distance[source] = 0
        heap.push(key: 0, node: Int32(source))

        while let (d, node) = heap.pop() {
            let u = Int(node)
            // Lazy deletion: a node is pushed once per improvement, and its
            // first pop carries the final distance; later pops are stale.
            if settled[u] { continue }
            settled[u] = true
            if u == sink { break }
            let pu = potential[u]

            if u == source {
                for i in 0..<m where supplyLeft[i] > 0 {
                    relax(from: u, to: originNode(i), reducedCost: pu - potential[originNode(i)], base: d)
                }
            } else if u <= m {
                let i = u - 1
                let row = i * n
                for j in 0..<n {
                    let c = costByOrigin[row + j]
                    if c < 0 { continue }
                    let v = centreNode(j)
                    relax(from: u, to: v, reducedCost: c + pu - potential[v], base: d)
                }
            } else {
                let j = u - 1 - m
                let column = j * m
                for i in 0..<m where flowByCentre[column + i] > 0 {
                    let v = originNode(i)
                    relax(from: u, to: v, reducedCost: -costByCentre[column + i] + pu - potential[v], base: d)
                }
                if capacityLeft[j] > 0 {
                    relax(from: u, to: sink, reducedCost: pu - potential[sink], base: d)
                }
            }
        }

        let reach = distance[sink]
        guard reach != Self.unreached else { return false }
        for v in potential.indices {
            potential[v] += min(distance[v], reach)
        }
        return true
    }

    @inline(__always)
    private mutating func relax(from u: Int, to v: Int, reducedCost: Int64, base: Int64) {
        if settled[v] { return }
        assert(reducedCost >= 0, "potentials must keep reduced costs non-negative")
        let candidate = base + reducedCost
        if candidate < distance[v] {
            distance[v] = candidate
            predecessor[v] = Int32(u)
            heap.push(key: candidate, node: Int32(v))
        }
    }

    /// Pushes the bottleneck amount along the predecessor path to the sink.
    private mutating func augment() {
        let m = originCount
        var amount = Int.max
        var v = sink
        while v != source {
            let u = Int(predecessor[v])
            if u == source {
                amount = min(amount, supplyLeft[v - 1])
            } else if v == sink {
                amount = min(amount, capacityLeft[u - 1 - m])
            } else if u > m {
                // Centre -> origin: cancelling at most what was assigned.
                amount = min(amount, flowByCentre[(u - 1 - m) * m + (v - 1)])
            }
            // Origin -> centre edges are unbounded: the source and sink
            // edges already cap them.
            v = u
        }
        precondition(amount > 0 && amount < Int.max, "augmenting path must carry positive finite flow")

        v = sink
        while v != source {
            let u = Int(predecessor[v])
            if u == source {
                supplyLeft[v - 1] -= amount
            } else if v == sink {
                capacityLeft[u - 1 - m] -= amount
            } else if u > m {
                flowByCentre[(u - 1 - m) * m + (v - 1)] -= amount
            } else {
                flowByCentre[(v - 1 - m) * m + (u - 1)] += amount
            }
            v = u
        }
    }
}
