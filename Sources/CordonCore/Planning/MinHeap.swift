/// Binary min-heap of (key, node) used by Dijkstra with lazy deletion.
///
/// Ordered by key, then by node index: the secondary order is what makes the
/// solver's choice among equally short paths reproducible.
struct MinHeap {
    private struct Entry {
        var key: Int64
        var node: Int32

        @inline(__always)
        static func precedes(_ a: Entry, _ b: Entry) -> Bool {
            a.key < b.key || (a.key == b.key && a.node < b.node)
        }
    }

    private var entries: [Entry] = []

    mutating func removeAll() {
        entries.removeAll(keepingCapacity: true)
    }

    mutating func push(key: Int64, node: Int32) {
        entries.append(Entry(key: key, node: node))
        var child = entries.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard Entry.precedes(entries[child], entries[parent]) else { break }
            entries.swapAt(child, parent)
            child = parent
        }
    }

    mutating func pop() -> (key: Int64, node: Int32)? {
        guard let top = entries.first else { return nil }
        // Non-empty (checked above), so removeLast cannot trap.
        let last = entries.removeLast()
        if !entries.isEmpty {
            entries[0] = last
            var parent = 0
            let count = entries.count
            while true {
                let left = 2 * parent + 1
                guard left < count else { break }
                let right = left + 1
                var best = left
                if right < count && Entry.precedes(entries[right], entries[left]) {
                    best = right
                }
                guard Entry.precedes(entries[best], entries[parent]) else { break }
                entries.swapAt(best, parent)
                parent = best
            }
        }
        return (top.key, top.node)
    }
}
