import Synchronization

/// At most `slots` holders at a time; a caller waits for a slot up to a time limit. Waiters
/// are served in arrival order.
final class SlotGate: Sendable {
    private struct Waiter {
        let id: Int
        let continuation: CheckedContinuation<Bool, Never>
    }

    private struct State {
        var free: Int
        var waiters: [Waiter] = []
        var nextID = 0
        /// Waiters that gave up before they were queued (a timer or a cancellation that
        /// fired first): they must not be queued afterwards.
        var abandoned: Set<Int> = []
    }

    let slots: Int
    private let state: Mutex<State>

    init(slots: Int) {
        self.slots = slots
        state = Mutex(State(free: slots))
    }

    /// True once a slot is held (release it with `release()`); false when none came free
    /// within `wait`, or the caller was cancelled while waiting.
    func acquire(waitingAtMost wait: Duration) async -> Bool {
        let id: Int? = state.withLock { state in
            if state.free > 0 {
                state.free -= 1
                return nil
            }
            state.nextID += 1
            return state.nextID
        }
        guard let id else { return true }
        let timer = Task {
            // Cancelled once the slot is held: then there is nothing to give up.
            guard (try? await Task.sleep(for: wait)) != nil else { return }
            self.giveUp(id)
        }
        defer { timer.cancel() }
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let outcome = state.withLock { state -> Bool? in
                    if state.abandoned.remove(id) != nil { return false }
                    // A slot freed between the first check and now is taken at once.
                    if state.free > 0 {
                        state.free -= 1
                        return true
                    }
                    state.waiters.append(Waiter(id: id, continuation: continuation))
                    return nil
                }
                if let outcome { continuation.resume(returning: outcome) }
            }
        } onCancel: {
            giveUp(id)
        }
    }

    func release() {
        let next = state.withLock { state -> Waiter? in
            if state.waiters.isEmpty {
                state.free += 1
                return nil
            }
            return state.waiters.removeFirst()
        }
        next?.continuation.resume(returning: true)
    }

    /// Slots held now, for status reports.
    var inUse: Int { state.withLock { slots - $0.free } }

    private func giveUp(_ id: Int) {
        let waiter = state.withLock { state -> Waiter? in
            guard let index = state.waiters.firstIndex(where: { $0.id == id }) else {
                state.abandoned.insert(id)
                return nil
            }
            return state.waiters.remove(at: index)
        }
        waiter?.continuation.resume(returning: false)
    }
}
