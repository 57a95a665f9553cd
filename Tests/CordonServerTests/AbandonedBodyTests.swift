import CordonServer
import CordonTestSupport
import Foundation
import Logging
import Synchronization
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Log lines kept in memory, so a test can see what the server logged and at which level.
final class CapturedLog: Sendable {
    private let lines = Mutex<[(Logger.Level, String)]>([])

    var all: [(Logger.Level, String)] { lines.withLock { $0 } }

    func logger(level: Logger.Level) -> Logger {
        var logger = Logger(label: "cordon-test") { _ in Handler(store: self) }
        logger.logLevel = level
        return logger
    }

    struct Handler: LogHandler {
        let store: CapturedLog
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            let details = (event.metadata ?? [:]).sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
            store.lines.withLock { $0.append((event.level, "\(event.message) \(details)")) }
        }
    }
}

@Suite struct AbandonedBodyTests {
    /// Connects to 127.0.0.1:`port`, sends `text` and closes the connection without reading.
    static func sendAndHangUp(port: Int, _ text: String) throws {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        try #require(socket >= 0)
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        try #require(connected == 0)
        let bytes = Array(text.utf8)
        try #require(send(socket, bytes, bytes.count, 0) == bytes.count)
    }

    @Test func aClientThatHangsUpMidBodyIsNoInternalErrorAndTheServerKeepsAnswering() async throws {
        let directory = try TemporaryDirectory()
        let access = try await AccessFixture.make(try await GridFixture.registry(in: directory))
        let captured = CapturedLog()
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        let configuration = ServerConfiguration(host: "127.0.0.1", port: 0, databasePath: directory.path("fixture.sqlite"),
                                                readers: 2, logLevel: .info)
        let app = try await buildApplication(configuration: configuration, logger: captured.logger(level: .info)) { port in
            continuation.yield(port)
        }
        let service = RunningService(app)
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else {
            await service.stop()
            throw CancellationError()
        }

        // Stopped whatever the checks find, so that no server outlives the test.
        do {
            try Self.sendAndHangUp(port: port, """
                PUT /buildings/fixture%2Fcentre/site HTTP/1.1\r
                Host: 127.0.0.1\r
                Authorization: Bearer \(access.firmA)\r
                Content-Type: application/json\r
                Content-Length: 100000\r
                \r
                {"email": 
                """)
            // The server notices the closed connection on its own time: wait for its log line.
            let deadline = ContinuousClock.now + patience
            while ContinuousClock.now < deadline, !captured.all.contains(where: { $0.1.contains("/buildings/fixture%2Fcentre/site") }) {
                try await Task.sleep(for: .milliseconds(50))
            }
            let lines = captured.all
            #expect(!lines.contains { $0.0 >= .error }, "\(lines.filter { $0.0 >= .error })")
            #expect(lines.contains { $0.0 == .notice && $0.1.hasPrefix("request body incomplete") }, "\(lines)")
            #expect(lines.contains { $0.1.hasPrefix("PUT /buildings/fixture%2Fcentre/site 400") }, "\(lines)")
            #expect(!lines.contains { $0.1.contains(" 500 ") }, "\(lines)")

            var server = LiveServer(port: port, service: service)
            server.key = access.firmA
            let site = try await server.get("/buildings/fixture%2Fcentre/site")
            #expect(site.status == 200)
            #expect(site.json["email"] as? String == "control@firm-a.example")
        } catch {
            await service.stop()
            throw error
        }
        await service.stop()
    }
}
