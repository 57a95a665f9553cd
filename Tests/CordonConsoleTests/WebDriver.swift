import Foundation

/// A small client of the W3C WebDriver protocol as chromedriver speaks it: a session, page
/// loads, script execution, element clicks and typing, key actions, screenshots and the
/// browser's console log.
struct WebDriver: Sendable {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    let base: String
    let session: String

    static func start(port: Int, width: Int = 1280, height: Int = 800) async throws -> WebDriver {
        let capabilities: [String: Any] = ["capabilities": ["alwaysMatch": [
            "browserName": "chrome",
            "goog:chromeOptions": [
                "binary": Browser.chromium,
                "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                         "--window-size=\(width),\(height)", "--no-first-run", "--disable-extensions"],
            ],
            "goog:loggingPrefs": ["browser": "ALL"],
        ]]]
        let base = "http://127.0.0.1:\(port)"
        let answer = try await call(base + "/session", method: "POST", body: capabilities)
        guard let value = answer["value"] as? [String: Any], let session = value["sessionId"] as? String else {
            throw Failure(description: "chromedriver started no session: \(answer)")
        }
        return WebDriver(base: base, session: session)
    }

    func quit() async {
        _ = try? await Self.call(base + "/session/\(session)", method: "DELETE", body: nil)
    }

    func open(_ url: String) async throws {
        _ = try await command("url", body: ["url": url])
    }

    /// Runs `script` (a function body; `arguments` holds the args) and returns its value.
    @discardableResult
    func execute(_ script: String, _ arguments: [Any] = []) async throws -> Any? {
        try await command("execute/sync", body: ["script": script, "args": arguments])["value"]
    }

    /// Runs `script`, which calls `done(value)` when its promise settles, and returns the value.
    @discardableResult
    func executeAsync(_ script: String) async throws -> Any? {
        try await command("execute/async", body: ["script": "const done = arguments[arguments.length - 1];\n" + script, "args": []])["value"]
    }

    /// Waits until `condition` (a JavaScript expression) is truthy, checking every 50 ms. The
    /// default is wide: the browser shares two cores with the other suites' servers, and the
    /// wait bounds a hang, it measures nothing.
    @discardableResult
    func wait(for condition: String, timeout: Double = 30, what: String) async throws -> Any? {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let value = try await execute("return (\(condition)) || null;"), !(value is NSNull) { return value }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw Failure(description: "timed out after \(timeout) s waiting for \(what) (\(condition))")
    }

    func element(_ selector: String) async throws -> String {
        let answer = try await command("element", body: ["using": "css selector", "value": selector])
        guard let value = answer["value"] as? [String: Any],
              let id = value.first(where: { $0.key.hasPrefix("element-") })?.value as? String else {
            throw Failure(description: "no element matches \(selector): \(answer)")
        }
        return id
    }

    func click(_ selector: String) async throws {
        _ = try await command("element/\(try await element(selector))/click", body: [:])
    }

    func type(_ text: String, into selector: String, clearing: Bool = true) async throws {
        let id = try await element(selector)
        if clearing { _ = try await command("element/\(id)/clear", body: [:]) }
        _ = try await command("element/\(id)/value", body: ["text": text])
    }

    /// Presses keys one after another, as a person at the keyboard would (WebDriver key
    /// codes: "\u{E004}" is Tab, "\u{E007}" Enter).
    func press(_ keys: [String]) async throws {
        var actions: [[String: Any]] = []
        for key in keys {
            actions.append(["type": "keyDown", "value": key])
            actions.append(["type": "keyUp", "value": key])
        }
        _ = try await command("actions", body: ["actions": [["type": "key", "id": "keyboard", "actions": actions]]])
    }

    /// Clicks the element at offsets from its centre, one after another, with a pause between
    /// clicks long enough that no two make a double click.
    func click(_ selector: String, at offsets: [(x: Int, y: Int)]) async throws {
        let origin = ["element-6066-11e4-a52e-4f735466cecf": try await element(selector)]
        var actions: [[String: Any]] = []
        for offset in offsets {
            actions.append(["type": "pointerMove", "duration": 0, "origin": origin, "x": offset.x, "y": offset.y])
            actions.append(["type": "pointerDown", "button": 0])
            actions.append(["type": "pointerUp", "button": 0])
            actions.append(["type": "pause", "duration": 600])
        }
        _ = try await command("actions", body: ["actions": [[
            "type": "pointer", "id": "mouse", "parameters": ["pointerType": "mouse"], "actions": actions,
        ]]])
    }

    func screenshot() async throws -> Data {
        let answer = try await command("screenshot", method: "GET", body: nil)
        guard let text = answer["value"] as? String, let data = Data(base64Encoded: text) else {
            throw Failure(description: "no screenshot in the answer")
        }
        return data
    }

    /// The browser console's entries since the last call: [(level, message)].
    func consoleLog() async throws -> [(level: String, message: String)] {
        // chromedriver keeps the legacy log command under its Selenium prefix.
        let answer: [String: Any]
        do {
            answer = try await command("se/log", body: ["type": "browser"])
        } catch {
            answer = try await command("log", body: ["type": "browser"])
        }
        let entries = answer["value"] as? [[String: Any]] ?? []
        return entries.map { (($0["level"] as? String) ?? "", ($0["message"] as? String) ?? "") }
    }

    func setWindow(width: Int, height: Int) async throws {
        _ = try await command("window/rect", body: ["width": width, "height": height])
    }

    private func command(_ path: String, method: String = "POST", body: [String: Any]?) async throws -> [String: Any] {
        try await Self.call(base + "/session/\(session)/" + path, method: method, body: body)
    }

    /// One command over curl, run off Swift's cooperative threads: chromedriver's small HTTP
    /// server and curl agree on every detail of HTTP/1.1, which is all this needs.
    static func call(_ url: String, method: String, body: [String: Any]?) async throws -> [String: Any] {
        let payload = try body.map { try JSONSerialization.data(withJSONObject: $0) }
        var arguments = ["-s", "-S", "-m", "90", "-X", method, "-w", "\n%{http_code}", url]
        if payload != nil { arguments += ["-H", "Content-Type: application/json", "--data-binary", "@-"] }
        let output = try await curl(arguments, input: payload)
        let text = String(decoding: output, as: UTF8.self)
        guard let split = text.lastIndex(of: "\n"), let status = Int(text[text.index(after: split)...]) else {
            throw Failure(description: "WebDriver \(method) \(url): no answer (\(text.prefix(200)))")
        }
        let object = (try? JSONSerialization.jsonObject(with: Data(text[..<split].utf8))) as? [String: Any] ?? [:]
        if status >= 400 || status == 0 {
            let value = object["value"] as? [String: Any]
            throw Failure(description: "WebDriver \(method) \(url): HTTP \(status) \(value?["error"] ?? "") \(value?["message"] ?? "")")
        }
        return object
    }

    private static func curl(_ arguments: [String], input: Data?) async throws -> Data {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                do {
                    let process = Process()
                    process.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
                    process.arguments = arguments
                    let output = Pipe(), errors = Pipe(), stdin = Pipe()
                    process.standardOutput = output
                    process.standardError = errors
                    process.standardInput = stdin
                    try process.run()
                    if let input { stdin.fileHandleForWriting.write(input) }
                    try stdin.fileHandleForWriting.close()
                    let data = output.fileHandleForReading.readDataToEndOfFile()
                    process.waitUntilExit()
                    continuation.resume(returning: data)
                } catch {
                    continuation.resume(throwing: error)
                }
            }
        }
    }
}
