import CordonServer
import CordonTestSupport
import Foundation
import Hummingbird
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The real application on 127.0.0.1 at a free port, talked to over real HTTP.
struct LiveServer {
    let port: Int
    let service: RunningService
    /// Sent as `Authorization: Bearer` unless a request names another key.
    var key: String? = nil

    static func start(databasePath: String, configure: (inout ServerConfiguration) -> Void = { _ in }) async throws -> LiveServer {
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        var configuration = ServerConfiguration(host: "127.0.0.1", port: 0, databasePath: databasePath, readers: 4, logLevel: .warning)
        // Tests send hundreds of requests a second with one key (the concurrent writers, the
        // fuzzer); the rate limit has tests of its own, which set it.
        configuration.rateLimit = nil
        configure(&configuration)
        let app = try await buildApplication(configuration: configuration) { port in continuation.yield(port) }
        let service = RunningService(app)
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else { throw CancellationError() }
        return LiveServer(port: port, service: service, key: nil)
    }

    func stop() async {
        await service.stop()
    }

    var base: String { "http://127.0.0.1:\(port)" }

    struct Reply {
        let status: Int
        let headers: [String: String]
        let body: Data
        var text: String { String(decoding: body, as: UTF8.self) }
        var json: [String: Any] { (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] ?? [:] }
        var contentType: String { headers["Content-Type"] ?? headers["content-type"] ?? "" }
    }

    func request(_ method: String, _ path: String, body: Data? = nil, contentType: String? = nil,
                 key: String?? = nil, headers: [String: String] = [:]) async throws -> Reply {
        var request = URLRequest(url: URL(string: base + path)!)
        request.httpMethod = method
        request.httpBody = body
        if let contentType { request.setValue(contentType, forHTTPHeaderField: "Content-Type") }
        if let bearer = key ?? self.key { request.setValue("Bearer \(bearer)", forHTTPHeaderField: "Authorization") }
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        // A client without a cookie jar: a session cookie one answer set must never ride
        // along on the next request (URLSession.shared keeps and sends them).
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpCookieStorage = nil
        configuration.httpShouldSetCookies = false
        configuration.httpCookieAcceptPolicy = .never
        let session = URLSession(configuration: configuration)
        defer { session.finishTasksAndInvalidate() }
        let (data, response) = try await session.data(for: request)
        let http = response as! HTTPURLResponse
        var headers: [String: String] = [:]
        for (key, value) in http.allHeaderFields { headers["\(key)"] = "\(value)" }
        return Reply(status: http.statusCode, headers: headers, body: data)
    }

    func get(_ path: String) async throws -> Reply { try await request("GET", path) }

    func post(_ path: String, _ body: Data, contentType: String? = "application/geo+json") async throws -> Reply {
        try await request("POST", path, body: body, contentType: contentType)
    }
}

/// Runs `body` against a live server over the registry at `path`, stopping it afterwards.
/// Requests carry `key` unless they name another.
func withServer(databasePath: String, key: String? = nil, configure: (inout ServerConfiguration) -> Void = { _ in },
                _ body: (LiveServer) async throws -> Void) async throws {
    var server = try await LiveServer.start(databasePath: databasePath, configure: configure)
    server.key = key
    do {
        try await body(server)
    } catch {
        await server.stop()
        throw error
    }
    await server.stop()
}

/// Checks RFC 7946 rules on a geometry: lon/lat order (City positions), closed rings of at
/// least 4 positions, outer rings counter-clockwise and holes clockwise.
func rfc7946Problems(_ geometry: [String: Any]) -> [String] {
    var problems: [String] = []
    let type = geometry["type"] as? String
    let polygons: [[[[Double]]]]
    switch type {
    case "Polygon": polygons = [(geometry["coordinates"] as? [[[Double]]]) ?? []]
    case "MultiPolygon": polygons = (geometry["coordinates"] as? [[[[Double]]]]) ?? []
    default: return ["geometry type \(type ?? "nil")"]
    }
    for polygon in polygons {
        for (index, ring) in polygon.enumerated() {
            if ring.count < 4 { problems.append("ring of \(ring.count) positions") }
            if ring.first != ring.last { problems.append("ring not closed") }
            if let first = ring.first, !(first[0] > -1 && first[0] < 1 && first[1] > 51 && first[1] < 52) {
                problems.append("position \(first) is not lon/lat in London")
            }
            var area = 0.0
            for i in 0..<(ring.count - 1) { area += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1] }
            if index == 0 && area <= 0 { problems.append("outer ring clockwise") }
            if index > 0 && area >= 0 { problems.append("hole counter-clockwise") }
        }
    }
    return problems
}
