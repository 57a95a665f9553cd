import CordonTestSupport
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Headless Chromium driven through Debian's chromedriver: one chromedriver process and one
/// browser session per test, ended afterwards.
final class Browser {
    static let chromium = "/usr/bin/chromium"
    static let chromedriver = "/usr/bin/chromedriver"
    static var available: Bool {
        FileManager.default.isExecutableFile(atPath: chromium) && FileManager.default.isExecutableFile(atPath: chromedriver)
    }
    static let missing = "chromium and chromium-driver are not installed: run scripts/install-deps (Debian's chromium, chromium-driver)"

    let driver: WebDriver
    private let process: Process

    private init(driver: WebDriver, process: Process) {
        self.driver = driver
        self.process = process
    }

    static func launch(width: Int = 1280, height: Int = 800) async throws -> Browser {
        let port = try freePort()
        let process = Process()
        // At low priority: the browser shares the machine with suites that time their
        // servers' answers to the second (streams, webhook retries), and must not starve them.
        // nice execs chromedriver, so the process keeps its id.
        process.executableURL = URL(fileURLWithPath: "/usr/bin/nice")
        process.arguments = ["-n", "15", chromedriver, "--port=\(port)", "--allowed-ips=127.0.0.1"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // chromedriver answers /status once it listens.
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline {
            if (try? await WebDriver.call("http://127.0.0.1:\(port)/status", method: "GET", body: nil)) != nil { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        do {
            return Browser(driver: try await WebDriver.start(port: port, width: width, height: height), process: process)
        } catch {
            kill(process.processIdentifier, SIGKILL)
            throw error
        }
    }

    /// Ends the browser session, then chromedriver: its /shutdown command first (it does not
    /// always stop on SIGTERM), SIGKILL if it is still there after two seconds. Never waits
    /// on the process in a blocking call: this runs on Swift's cooperative threads.
    func close() async {
        await driver.quit()
        _ = try? await WebDriver.call(driver.base + "/shutdown", method: "GET", body: nil)
        for _ in 0..<20 where process.isRunning {
            try? await Task.sleep(for: .milliseconds(100))
        }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }

    /// Saves what the browser shows as .build/console-screenshots/NAME.png.
    func screenshot(_ name: String) async throws {
        let directory = packageRoot.appendingPathComponent(".build/console-screenshots")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try await driver.screenshot().write(to: directory.appendingPathComponent(name + ".png"))
    }

    /// A port no one listens on now, from the kernel.
    static func freePort() throws -> Int {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw WebDriver.Failure(description: "no socket for a free port") }
        defer { Glibc.close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { generic in
                bind(socket, generic, length) == 0 && getsockname(socket, generic, &length) == 0
            }
        }
        guard bound else { throw WebDriver.Failure(description: "could not bind a free port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
