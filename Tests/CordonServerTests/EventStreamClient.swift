import AsyncHTTPClient
import Foundation
import NIOCore

/// A Server-Sent Events client over a real connection: events arrive on `events` as the
/// server writes them.
final class EventStreamClient: Sendable {
    struct Event: Sendable {
        let id: Int?
        let name: String?
        let data: String
        var json: [String: Any] { (try? JSONSerialization.jsonObject(with: Data(data.utf8))) as? [String: Any] ?? [:] }
    }

    let events: AsyncStream<Event>
    /// Yields once the server has sent its opening comment: the stream is listening.
    let connected: AsyncStream<Void>
    /// Yields once the stream has ended, by the server closing it or a failure.
    let ended: AsyncStream<Void>
    private let task: Task<Void, Never>

    init(url: String, key: String, lastEventID: Int? = nil) {
        let (events, eventContinuation) = AsyncStream<Event>.makeStream()
        let (connected, connectedContinuation) = AsyncStream<Void>.makeStream()
        let (ended, endedContinuation) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
        self.events = events
        self.connected = connected
        self.ended = ended
        task = Task {
            var request = HTTPClientRequest(url: url)
            request.headers.add(name: "Authorization", value: "Bearer \(key)")
            request.headers.add(name: "Accept", value: "text/event-stream")
            if let lastEventID { request.headers.add(name: "Last-Event-ID", value: String(lastEventID)) }
            do {
                let response = try await HTTPClient.shared.execute(request, timeout: .seconds(60))
                var pending = ""
                for try await buffer in response.body {
                    pending += String(buffer: buffer)
                    while let end = pending.range(of: "\n\n") {
                        let block = String(pending[..<end.lowerBound])
                        pending = String(pending[end.upperBound...])
                        if block.hasPrefix(": connected") || block.contains("\n: connected") { connectedContinuation.yield() }
                        if let event = Self.parse(block) { eventContinuation.yield(event) }
                    }
                }
            } catch {}
            eventContinuation.finish()
            connectedContinuation.finish()
            endedContinuation.yield()
            endedContinuation.finish()
        }
    }

    func close() { task.cancel() }

    private static func parse(_ block: String) -> Event? {
        var id: Int?, name: String?, data: [String] = []
        for line in block.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("id: ") { id = Int(line.dropFirst(4)) }
            if line.hasPrefix("event: ") { name = String(line.dropFirst(7)) }
            if line.hasPrefix("data: ") { data.append(String(line.dropFirst(6))) }
        }
        return data.isEmpty ? nil : Event(id: id, name: name, data: data.joined(separator: "\n"))
    }
}

/// How long a test waits for what should happen at once (an event, a delivery, a stream's end).
/// Wide on purpose: the suites run side by side on two cores, where connecting a stream has
/// taken more than 8 s. It bounds a hang; it measures nothing (the benchmarks do that).
let patience: Duration = .seconds(30)

/// The next element, or nil after `timeout`.
func next<Element: Sendable>(_ stream: AsyncStream<Element>, within timeout: Duration) async -> Element? {
    await withTaskGroup(of: Element?.self) { group in
        group.addTask {
            var iterator = stream.makeAsyncIterator()
            return await iterator.next()
        }
        group.addTask {
            try? await Task.sleep(for: timeout)
            return nil
        }
        let first = await group.next() ?? nil
        group.cancelAll()
        return first
    }
}

/// Polls `check` until it holds or `timeout` passes.
func eventually(within timeout: Duration, _ check: () async throws -> Bool) async throws -> Bool {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
        if try await check() { return true }
        try await Task.sleep(for: .milliseconds(50))
    }
    return try await check()
}
