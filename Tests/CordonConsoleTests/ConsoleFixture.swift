import CordonCore
import CordonServer
import CordonTestSupport
import Foundation
import Hummingbird
import AsyncHTTPClient

/// The bundled Square Mile data with a commander, a planner and a firm (acme, managing
/// 30 St Mary Axe), served live on 127.0.0.1, with a browser signed in as one of them.
struct ConsoleFixture {
    let directory: TemporaryDirectory
    let registry: Registry
    let keys: [Role: String]
    let keyIDs: [Role: String]
    let port: Int
    let service: RunningService

    /// 30 St Mary Axe, the README's lookup point.
    static let point = (lat: 51.514431, lon: -0.080334)
    static let time = "2026-11-23T10:00"

    static func start() async throws -> ConsoleFixture {
        let directory = try TemporaryDirectory()
        let registry = try await bundledRegistry(in: directory)
        let local = Actor.localOperator(user: "test")
        var keys: [Role: String] = [:], keyIDs: [Role: String] = [:]
        for (id, role) in [("police", Role.commander), ("resilience", .planner), ("acme", .firm)] {
            _ = try await registry.createOrganisation(id: id, name: id.capitalized, role: role, actor: local)
            let key = try await registry.createKey(for: id, expiresAt: nil, actor: local)
            keys[role] = key.secret
            keyIDs[role] = key.id
        }
        _ = try await registry.assign(buildingIDs: ["way/4959489"], to: "acme", actor: local)
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        var configuration = ServerConfiguration(host: "127.0.0.1", port: 0, databasePath: directory.path("bundled.sqlite"),
                                                readers: 4, logLevel: .warning)
        configuration.rateLimit = nil
        let app = try await buildApplication(configuration: configuration) { port in continuation.yield(port) }
        let service = RunningService(app)
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else { throw CancellationError() }
        return ConsoleFixture(directory: directory, registry: registry, keys: keys, keyIDs: keyIDs, port: port, service: service)
    }

    func stop() async {
        await service.stop()
    }

    var base: String { "http://127.0.0.1:\(port)" }

    /// The API's JSON answer, with a key (never a cookie: this client keeps none).
    func api(_ method: String, _ path: String, key: String, body: String? = nil, contentType: String = "application/json",
             headers: [String: String] = [:]) async throws -> [String: Any] {
        var request = HTTPClientRequest(url: base + path)
        request.method = .init(rawValue: method)
        request.headers.add(name: "Authorization", value: "Bearer \(key)")
        // No kept-alive connection: a later fixture's server may get this one's port, and a
        // pooled connection to the stopped server would fail with "I/O on closed channel".
        request.headers.add(name: "Connection", value: "close")
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        if let body {
            request.headers.add(name: "Content-Type", value: contentType)
            request.body = .bytes(Array(body.utf8))
        }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
        let data = Data(try await response.body.collect(upTo: 64 << 20).readableBytesView)
        return (try JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:]
    }

    /// Opens the console in `browser` and signs in with `role`'s key, waiting for `ready`.
    func signIn(_ browser: Browser, as role: Role, ready: String = "document.getElementById('map').dataset.state === 'drawn'") async throws {
        let driver = browser.driver
        try await driver.open(base + "/console")
        try await driver.wait(for: "!document.getElementById('sign-in').hidden", what: "the sign-in form")
        try await driver.type(keys[role] ?? "", into: "#sign-in-key")
        try await driver.click("#sign-in button[type=submit]")
        try await driver.wait(for: ready, what: "the console after signing in as \(role)")
    }

    /// Every test runs with a fresh server and browser, both stopped afterwards.
    static func with(width: Int = 1280, height: Int = 800, _ body: (ConsoleFixture, Browser) async throws -> Void) async throws {
        let fixture = try await start()
        let browser: Browser
        do { browser = try await Browser.launch(width: width, height: height) } catch {
            await fixture.stop()
            throw error
        }
        do {
            try await body(fixture, browser)
        } catch {
            await browser.close()
            await fixture.stop()
            throw error
        }
        await browser.close()
        await fixture.stop()
    }
}

/// The totals the page shows, by their API names ("1,234" read as 1234).
func shownTotals(_ driver: WebDriver) async throws -> [String: Int] {
    let value = try await driver.execute("""
        const out = {};
        for (const item of document.querySelectorAll('#totals [data-total]')) {
          out[item.dataset.total] = item.querySelector('dd').textContent;
        }
        return out;
        """)
    let texts = value as? [String: String] ?? [:]
    return texts.compactMapValues { Int($0.filter(\.isNumber)) }
}

/// Console entries at warning level or above.
func consoleProblems(_ driver: WebDriver) async throws -> [String] {
    try await driver.consoleLog().filter { $0.level == "SEVERE" || $0.level == "WARNING" }.map { "\($0.level): \($0.message)" }
}
