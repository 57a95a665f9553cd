import Testing
import CordonCore

@Suite("Degenerate inputs")
struct EdgeCaseTests {
    @Test("No origins: empty plan")
    func noOrigins() {
        let plan = Instance(people: [], capacity: [10, 20], distance: []).problem.solve()
        #expect(plan.flows.isEmpty)
        #expect(plan.assigned == 0)
        #expect(plan.unassigned.isEmpty)
        #expect(plan.totalPersonMetres == 0)
    }

    @Test("No centres: nothing placed, everyone unassigned")
    func noCentres() {
        let plan = Instance(people: [5, 0, 2], capacity: [], distance: [[], [], []]).problem.solve()
        #expect(plan.flows.isEmpty)
        #expect(plan.assigned == 0)
        #expect(plan.unassigned == ["O0": 5, "O2": 2])
        #expect(plan.totalPersonMetres == 0)
    }

    @Test("No origins and no centres: empty plan")
    func nothingAtAll() {
        let plan = Instance(people: [], capacity: [], distance: []).problem.solve()
        #expect(plan.flows.isEmpty)
        #expect(plan.assigned == 0)
        #expect(plan.unassigned.isEmpty)
        #expect(plan.totalPersonMetres == 0)
    }

    @Test("Zero people everywhere: empty plan")
    func zeroPeople() {
        let plan = Instance(people: [0, 0], capacity: [3, 4], distance: [[1, 2], [3, 4]]).problem.solve()
        #expect(plan.flows.isEmpty)
        #expect(plan.assigned == 0)
        #expect(plan.unassigned.isEmpty)
        #expect(plan.totalPersonMetres == 0)
    }

    @Test("Zero-capacity centres: nothing placed")
    func zeroCapacity() {
        let plan = Instance(people: [3], capacity: [0, 0], distance: [[1, 2]]).problem.solve()
        #expect(plan.flows.isEmpty)
        #expect(plan.assigned == 0)
        #expect(plan.unassigned == ["O0": 3])
    }

    @Test("Zero distances are valid and cost nothing")
    func zeroDistance() {
        let plan = Instance(people: [2, 2], capacity: [2, 2], distance: [[0, 5], [0, 7]]).problem.solve()
        // O1 -> C0 saves 7 per person versus O0's 5, so O1 gets the 0 m centre.
        #expect(plan.flows == [
            .init(origin: "O1", centre: "C0", people: 2, distance: 0),
            .init(origin: "O0", centre: "C1", people: 2, distance: 5),
        ])
        #expect(plan.totalPersonMetres == 10)
    }
}
