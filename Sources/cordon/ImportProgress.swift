import Foundation
import Synchronization

/// Count and rate on a terminal, redrawn at most ten times a second; silent when stderr is
/// piped or redirected, so logs and scripts see only the final report.
final class ImportProgress: Sendable {
    let total: Int
    let isShown = isatty(STDERR_FILENO) == 1
    private let start = Date()
    private let lastDrawn = Mutex<Date>(.distantPast)

    init(total: Int) { self.total = total }

    @Sendable func update(_ handled: Int) {
        let now = Date()
        let due = lastDrawn.withLock { last in
            guard now.timeIntervalSince(last) >= 0.1 || handled == total else { return false }
            last = now
            return true
        }
        guard due else { return }
        let rate = Double(handled) / max(now.timeIntervalSince(start), 0.001)
        FileHandle.standardError.write(Data("\rimporting: \(handled)/\(total) features, \(Int(rate)) per second".utf8))
    }

    func finish() {
        if isShown { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}
