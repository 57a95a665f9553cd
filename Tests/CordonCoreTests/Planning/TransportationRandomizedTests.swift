import Testing
import CordonCore

@Suite("Randomized checks against independent baselines")
struct RandomizedTests {
    @Test("Tiny instances: assigned and cost equal the brute-force optimum; invariants hold")
    func matchesBruteForce() {
        var rng = SplitMix64(seed: 0xC0FFEE)
        for round in 0..<400 {
            let instance = Instance.random(
                &rng, origins: 1...3, centres: 1...3, people: 0...4, capacity: 0...5)
            let plan = instance.problem.solve()
            let best = bruteForce(instance)
            #expect(plan.assigned == best.assigned, "round \(round): \(instance)")
            #expect(plan.totalPersonMetres == best.personMetres, "round \(round): \(instance)")
            #expect(invariantViolations(instance, plan) == [], "round \(round): \(instance)")
        }
    }

    /// People exceed capacity in every instance, so the solver must choose
    /// who is left out; brute force confirms it places the maximum and walks
    /// the least among maximum placements.
    @Test("Tiny shortfall instances: maximum placed, minimal cost among maxima, exact unassigned")
    func shortfallMatchesBruteForce() {
        var rng = SplitMix64(seed: 0x5407)
        var checked = 0
        while checked < 200 {
            let instance = Instance.random(
                &rng, origins: 2...3, centres: 1...3, people: 1...4, capacity: 0...3)
            guard instance.totalPeople > instance.capacity.reduce(0, +) else { continue }
            checked += 1
            let plan = instance.problem.solve()
            let best = bruteForce(instance)
            #expect(plan.assigned == best.assigned, "\(instance)")
            #expect(plan.totalPersonMetres == best.personMetres, "\(instance)")
            #expect(plan.unassigned.values.reduce(0, +) == instance.totalPeople - plan.assigned)
            #expect(invariantViolations(instance, plan) == [], "\(instance)")
        }
    }

    /// Larger than brute force allows; optimality is certified instead by
    /// the residual-network conditions (no augmenting path, no negative cycle).
    @Test("Medium instances: capacity never exceeded, optimality certificate holds")
    func mediumInstancesCertified() {
        var rng = SplitMix64(seed: 42)
        for round in 0..<150 {
            let instance = Instance.random(
                &rng, origins: 1...12, centres: 1...8, people: 0...60, capacity: 0...80,
                unreachablePercent: 25)
            let plan = instance.problem.solve()
            #expect(invariantViolations(instance, plan) == [], "round \(round)")
            #expect(optimalityViolation(instance, plan) == nil, "round \(round)")
        }
    }

    /// Closer to operational size, where many augmenting paths must cancel
    /// earlier assignments; still small enough for the O(V*E) certificate.
    @Test("Larger instances (up to 60 x 25, hundreds of people each): certified optimal")
    func largerInstancesCertified() {
        var rng = SplitMix64(seed: 2024)
        for round in 0..<6 {
            let instance = Instance.random(
                &rng, origins: 40...60, centres: 15...25, people: 0...300, capacity: 0...900,
                unreachablePercent: 10)
            let plan = instance.problem.solve()
            #expect(invariantViolations(instance, plan) == [], "round \(round)")
            #expect(optimalityViolation(instance, plan) == nil, "round \(round)")
        }
    }

    @Test("Determinism: solving twice, or rebuilding the problem, gives identical plans")
    func deterministic() {
        var rng = SplitMix64(seed: 7)
        for _ in 0..<20 {
            // Few distinct distances make ties between equally cheap plans
            // common, which is exactly where nondeterminism would show.
            var instance = Instance.random(
                &rng, origins: 5...30, centres: 3...12, people: 0...50, capacity: 0...60)
            instance.distance = instance.distance.map { $0.map { $0.map { ($0 / 250).rounded() * 100 } } }
            let problem = instance.problem
            let first = problem.solve()
            #expect(problem.solve() == first)
            #expect(instance.problem.solve() == first)
        }
    }
}
