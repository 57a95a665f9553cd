@testable import CordonServer
import Testing

@Suite struct SlotGateTests {
    @Test func holdersAreBoundedAndWaitersServedInOrder() async throws {
        let gate = SlotGate(slots: 2)
        #expect(await gate.acquire(waitingAtMost: .milliseconds(10)))
        #expect(await gate.acquire(waitingAtMost: .milliseconds(10)))
        #expect(gate.inUse == 2)
        // Full: a third gives up after its wait.
        #expect(await gate.acquire(waitingAtMost: .milliseconds(50)) == false)
        // A waiter gets the slot released while it waits.
        async let waiter = gate.acquire(waitingAtMost: .seconds(5))
        try await Task.sleep(for: .milliseconds(50))
        gate.release()
        #expect(await waiter)
        #expect(gate.inUse == 2)
        gate.release()
        gate.release()
        #expect(gate.inUse == 0)
    }

    @Test func aCancelledWaiterLeavesNoSlotTaken() async throws {
        let gate = SlotGate(slots: 1)
        #expect(await gate.acquire(waitingAtMost: .seconds(1)))
        let waiter = Task { await gate.acquire(waitingAtMost: .seconds(30)) }
        try await Task.sleep(for: .milliseconds(50))
        waiter.cancel()
        #expect(await waiter.value == false)
        gate.release()
        #expect(gate.inUse == 0)
        #expect(await gate.acquire(waitingAtMost: .milliseconds(10)))
    }
}
