import CordonCore
import Foundation
import Synchronization

/// A bar with count, rate and estimated time left on a terminal, redrawn at most ten times a
/// second; silent when stderr is piped or redirected, so logs and scripts see only the final
/// report. The estimate comes from the bytes read, so it needs an input of known size (a
/// file); standard input shows count and rate only.
final class ImportProgress: Sendable {
    let isShown = isatty(STDERR_FILENO) == 1
    private let start = Date()
    private let lastDrawn = Mutex<Date>(.distantPast)

    @Sendable func update(_ step: ImportStep) {
        let now = Date()
        let due = lastDrawn.withLock { last in
            guard now.timeIntervalSince(last) >= 0.1 else { return false }
            last = now
            return true
        }
        guard due else { return }
        let elapsed = max(now.timeIntervalSince(start), 0.001)
        let rate = Double(step.handled) / elapsed
        var line = "\r"
        if let total = step.totalBytes, total > 0 {
            let fraction = min(1, Double(step.bytesRead) / Double(total))
            let width = 30
            let filled = Int(fraction * Double(width))
            line += "[" + String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled) + "] "
            line += "\(Int(fraction * 100))% "
            let left = fraction > 0 ? elapsed * (1 - fraction) / fraction : 0
            line += "\(step.handled) features, \(Int(rate))/s, \(Self.duration(left)) left  "
        } else {
            line += "\(step.handled) features, \(Int(rate))/s, \(Self.duration(elapsed)) so far  "
        }
        FileHandle.standardError.write(Data(line.utf8))
    }

    func finish() {
        if isShown { FileHandle.standardError.write(Data("\n".utf8)) }
    }

    static func duration(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded())
        return whole >= 60 ? "\(whole / 60) min \(whole % 60) s" : "\(whole) s"
    }
}
