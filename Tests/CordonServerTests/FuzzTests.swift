import CordonCore
import CordonTestSupport
import Foundation
import Testing

/// schemathesis (PyPI, installed by scripts/install-deps) generates requests from the
/// OpenAPI document, valid and invalid, for every operation, and checks every answer: no
/// 5xx but the documented 503, and every status, content type and body as documented.
@Suite struct FuzzTests {
    @Test(arguments: ["commander", "firm"])
    func schemathesisFindsNoServerErrorAndNoUndocumentedAnswer(role: String) async throws {
        let directory = try TemporaryDirectory()
        let registry = try await bundledRegistry(in: directory)
        let local = Actor.localOperator(user: "test")
        _ = try await registry.createOrganisation(id: "fuzzer", name: "Fuzzer", role: try Role.parse(role), actor: local)
        let key = try await registry.createKey(for: "fuzzer", expiresAt: nil, actor: local).secret
        if role == "firm" {
            _ = try await registry.assign(buildingIDs: ["way/4959489", "relation/2098805"], to: "fuzzer", actor: local)
        }
        try await withServer(databasePath: directory.path("bundled.sqlite"), key: key, configure: {
            // The fuzzer sends hundreds of requests a second with one key.
            $0.rateLimit = nil
        }) { server in
            let document = try await server.get("/openapi.json")
            #expect(document.status == 200)
            let schema = directory.path("openapi.json")
            try document.body.write(to: URL(fileURLWithPath: schema))
            let report = directory.path("report")
            // One worker: schemathesis's generator has crashed inside CPython's AST module with
            // two threads (a tool fault, not the server's), and one leaves the other tests CPU.
            // Through the interpreter pip installed it for, whatever PATH holds.
            let (status, output) = try await run("python3", in: directory.path(""), [
                "-m", "schemathesis.cli", "run", schema, "--url", server.base,
                "-H", "Authorization: Bearer \(key)",
                "--checks", "not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance",
                "--phases", "examples,coverage,fuzzing",
                "--max-examples", "10", "--seed", "2026", "--workers", "1", "--max-time", "45",
                "--request-timeout", "20", "--no-color", "--report-dir", report,
            ])
            #expect(status == 0, "schemathesis found problems:\n\(output.suffix(12_000))")
            // It really ran: operations were tested, not skipped.
            #expect(output.contains("passed"), "\(output.suffix(2_000))")
        }
    }

    /// Runs the tool on a Dispatch thread: waiting for it must not hold one of the few
    /// threads of the cooperative pool that the server in this process answers on.
    private func run(_ tool: String, in folder: String, _ arguments: [String]) async throws -> (Int32, String) {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(with: Result { try Self.runBlocking(tool, folder, arguments) })
            }
        }
    }

    /// In the test's own folder: schemathesis keeps a cache beside where it runs.
    private static func runBlocking(_ tool: String, _ folder: String, _ arguments: [String]) throws -> (Int32, String) {
        let process = Process()
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [tool] + arguments
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        environment["SCHEMATHESIS_TELEMETRY"] = "false"
        process.environment = environment
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        do {
            try process.run()
        } catch {
            Issue.record("\(tool) could not be started (\(error)); scripts/install-deps installs it")
            return (-1, "")
        }
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }
}
