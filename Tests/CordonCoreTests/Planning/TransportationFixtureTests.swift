import Testing
import CordonCore

typealias Flow = TransportationPlan.Flow

@Suite("Hand-computed fixtures")
struct FixtureTests {
    /// Three buildings, two centres; 90 people, 110 places.
    ///
    ///            Hall (cap 50)   School (cap 60)   saving if sent to Hall
    ///   B1 (40)      200 m           300 m              100 m/person
    ///   B2 (30)      250 m           600 m              350 m/person
    ///   B3 (20)      100 m           700 m              600 m/person
    ///
    /// Greedy nearest-first, buildings in order B1, B2, B3:
    ///   B1 -> Hall 40 x 200 = 8000          (Hall has 10 left)
    ///   B2 -> Hall 10 x 250 = 2500, School 20 x 600 = 12000   (Hall full)
    ///   B3 -> School 20 x 700 = 14000       (Hall full; School 40/60)
    ///   greedy total = 8000 + 2500 + 12000 + 14000 = 36500 person-m
    ///
    /// Optimum: with two centres, a plan is fixed by x_i = people of B_i sent
    /// to the Hall (the rest go to the School). Then
    ///   cost = sum p_i * school_i - sum x_i * saving_i
    ///        = (40x300 + 30x600 + 20x700) - sum x_i * saving_i
    ///        = (12000 + 18000 + 14000)     - sum x_i * saving_i
    ///        = 44000 - sum x_i * saving_i,
    /// subject to sum x_i <= 50 (Hall) and 90 - sum x_i <= 60 (School), i.e.
    /// 30 <= sum x_i <= 50. Every saving is positive, so fill the Hall to 50,
    /// taking the largest savings first (exchange argument; the savings are
    /// distinct, so the optimum is unique): x3 = 20 (all of B3), x2 = 30 (all
    /// of B2), x1 = 0.
    ///   savings = 20 x 600 + 30 x 350 = 12000 + 10500 = 22500
    ///   optimum = 44000 - 22500 = 21500 person-m
    /// Check, flow by flow: B2->Hall 30 x 250 = 7500, B3->Hall 20 x 100 = 2000,
    ///   B1->School 40 x 300 = 12000; 7500 + 2000 + 12000 = 21500.
    /// Greedy is 15000 person-m (70 %) worse, because B1 took the Hall places
    /// while having an alternative only 100 m further away.
    static let greedyTrap = Instance(
        people: [40, 30, 20],
        capacity: [50, 60],
        distance: [[200, 300], [250, 600], [100, 700]],
        originIDs: ["B1", "B2", "B3"],
        centreIDs: ["Hall", "School"]
    )

    @Test("Optimum beats greedy nearest-first on the hand-computed fixture")
    func optimumBeatsGreedy() {
        let plan = Self.greedyTrap.problem.solve()
        #expect(plan.flows == [
            Flow(origin: "B2", centre: "Hall", people: 30, distance: 250),
            Flow(origin: "B3", centre: "Hall", people: 20, distance: 100),
            Flow(origin: "B1", centre: "School", people: 40, distance: 300),
        ])
        #expect(plan.totalPersonMetres == 21500)
        #expect(plan.assigned == 90)
        #expect(plan.unassigned.isEmpty)

        let greedy = greedyNearestFirst(Self.greedyTrap)
        #expect(greedy.assigned == 90)
        #expect(greedy.personMetres == 36500)
        #expect(plan.totalPersonMetres < greedy.personMetres)
        #expect(optimalityViolation(Self.greedyTrap, plan) == nil)
    }

    /// Shortfall: 20 people, 8 reachable places.
    ///
    ///            C1 (cap 5)   C2 (cap 3)
    ///   A (10)     100 m          -         (C2 unreachable from A)
    ///   B (10)      50 m        200 m
    ///
    /// Maximum placement = 5 + 3 = 8 (both centres full). C2 can only be
    /// filled from B: 3 x 200 = 600. C1's 5 places go to whoever is cheaper:
    /// B at 50 m (B still has 10 - 3 = 7 people) beats A at 100 m:
    /// 5 x 50 = 250. Total 600 + 250 = 850; unassigned A 10, B 10 - 8 = 2.
    @Test("Shortfall: exact per-origin unassigned, cheapest maximum placement")
    func shortfallExact() {
        let instance = Instance(
            people: [10, 10], capacity: [5, 3],
            distance: [[100, nil], [50, 200]],
            originIDs: ["A", "B"], centreIDs: ["C1", "C2"]
        )
        let plan = instance.problem.solve()
        #expect(plan.flows == [
            Flow(origin: "B", centre: "C1", people: 5, distance: 50),
            Flow(origin: "B", centre: "C2", people: 3, distance: 200),
        ])
        #expect(plan.assigned == 8)
        #expect(plan.unassigned == ["A": 10, "B": 2])
        #expect(plan.totalPersonMetres == 850)
        let best = bruteForce(instance)
        #expect(best.assigned == 8)
        #expect(best.personMetres == 850)
    }

    /// Placing people outranks walking distance. A (5) reaches only X at
    /// 900 m; B (5) reaches X at 10 m and Y at 1000 m; X and Y hold 5 each.
    /// Cheapest-first would put B in X (50 person-m) and strand A. Maximum
    /// placement forces A -> X (5 x 900 = 4500) and B -> Y (5 x 1000 = 5000),
    /// total 9500, and nobody is left out.
    @Test("Maximising people placed takes precedence over distance")
    func maximumBeforeCost() {
        let instance = Instance(
            people: [5, 5], capacity: [5, 5],
            distance: [[900, nil], [10, 1000]],
            originIDs: ["A", "B"], centreIDs: ["X", "Y"]
        )
        let plan = instance.problem.solve()
        #expect(plan.flows == [
            Flow(origin: "A", centre: "X", people: 5, distance: 900),
            Flow(origin: "B", centre: "Y", people: 5, distance: 1000),
        ])
        #expect(plan.assigned == 10)
        #expect(plan.unassigned.isEmpty)
        #expect(plan.totalPersonMetres == 9500)
    }

    /// A's nearest centre (10 m) is unreachable (nil) and must stay empty
    /// even though it has room; D reaches nothing at all.
    @Test("Unreachable pairs never receive flow")
    func unreachableNeverUsed() {
        let instance = Instance(
            people: [4, 3, 2], capacity: [100, 100],
            distance: [[nil, 500], [20, 30], [nil, nil]],
            originIDs: ["A", "B", "D"], centreIDs: ["Near", "Far"]
        )
        let plan = instance.problem.solve()
        #expect(plan.flows == [
            Flow(origin: "A", centre: "Far", people: 4, distance: 500),
            Flow(origin: "B", centre: "Near", people: 3, distance: 20),
        ])
        #expect(plan.assigned == 7)
        #expect(plan.unassigned == ["D": 2])
        #expect(plan.totalPersonMetres == 2060)
    }

    /// Distances are optimised in rounded millimetres but reported exactly
    /// as given, so the plan's figures match the caller's own data.
    @Test("Reported distances are the caller's metres, not the rounded ones")
    func reportsCallerDistances() {
        let instance = Instance(people: [3], capacity: [3], distance: [[1234.5678]])
        let plan = instance.problem.solve()
        #expect(plan.flows == [Flow(origin: "O0", centre: "C0", people: 3, distance: 1234.5678)])
        #expect(plan.totalPersonMetres == 3 * 1234.5678)
    }
}
