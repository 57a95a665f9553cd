import Foundation
import Testing

/// The README's examples, run as written: command-line examples with the built binary over a
/// registry it creates from data/, curl examples with the real curl against a live
/// `cordon serve`. See ReadmeExample for how examples are found and what placeholders mean.
@Suite struct ReadmeExampleTests {
    static let readme = CommandLineTests.root.appendingPathComponent("README.md")

    /// The organisations and keys the README's curl examples assume: a commander's key as
    /// $KEY, and as $FIRM_KEY the key of a firm `acme` that manages 30 St Mary Axe and three
    /// buildings at Liverpool Street.
    static let firmBuildings = ["way/4959489", "way/4959629", "way/30806422", "way/30805758"]

    @Test func everyExampleInTheReadmeRunsAndShowsItsOutput() throws {
        let text = try String(contentsOf: Self.readme, encoding: .utf8)
        let (examples, problems) = ReadmeExample.parse(text)
        for problem in problems { Issue.record("\(problem)") }
        #expect(examples.count >= 20, "found only \(examples.count) examples")

        let cli = try CommandLineTests()
        let work = cli.directory.appendingPathComponent("work")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: work.appendingPathComponent("data"),
                                                   withDestinationURL: CommandLineTests.root.appendingPathComponent("data"))
        let serverDB = cli.directory.appendingPathComponent("server.sqlite").path
        func setup(_ arguments: [String]) throws -> String {
            let run = try cli.cordon(arguments + ["--db", serverDB])
            #expect(run.status == 0, "cordon \(arguments.joined(separator: " ")): \(run.stderr)")
            return run.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        _ = try setup(["org", "create", "police", "--name", "City of London Police", "--role", "commander"])
        _ = try setup(["org", "create", "acme", "--name", "Acme Security", "--role", "firm"])
        _ = try setup(["org", "assign", "--org", "acme", "--building"] + Self.firmBuildings)
        let key = try setup(["key", "create", "--org", "police"])
        let firmKey = try setup(["key", "create", "--org", "acme"])

        let (server, port) = try CommandLineTests.startServer(database: serverDB)
        defer {
            server.terminate()
            server.waitUntilExit()
        }

        var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("CORDON_") }
        environment["PATH"] = CommandLineTests.binary.deletingLastPathComponent().path + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
        environment["CORDON_DATA"] = CommandLineTests.root.appendingPathComponent("data").path
        environment["USER"] = "operator"
        environment["HOME"] = work.path  // no ~/.curlrc of the machine's
        environment["KEY"] = key
        environment["FIRM_KEY"] = firmKey

        var ran = 0
        for example in examples {
            if let reason = example.skipReason {
                print("README example skipped, \(example.description.replacingOccurrences(of: "\n", with: " ")): \(reason)")
                continue
            }
            var command = example.command
            if command.contains("curl ") {
                guard command.contains("127.0.0.1:8080") else {
                    Issue.record("\(example)\ncannot run: a curl example must ask http://127.0.0.1:8080 (the test's server takes its place); mark it <!-- example: skip ... (reason) --> if it cannot")
                    continue
                }
                command = command.replacingOccurrences(of: "127.0.0.1:8080", with: "127.0.0.1:\(port)")
            }
            if command.contains(" ... ") || command.hasSuffix(" ...") {
                Issue.record("\(example)\ncannot run: the command is abridged (...); write it in full or mark it <!-- example: skip ... (reason) -->")
                continue
            }
            let (status, output) = try Self.bash(command, in: work, environment: environment)
            ran += 1
            if let expected = example.output {
                #expect(ReadmeExample.matches(expected: expected, actual: output),
                        "\(example)\n--- expected (README)\n\(expected)\n--- actual\n\(ReadmeExample.normalised(output))\n---")
            } else {
                #expect(status == 0 && !output.contains(#""type":"about:blank""#),
                        "\(example)\nshows no output, so it must succeed; exit \(status), output:\n\(output.prefix(2000))")
            }
        }
        #expect(ran >= 15, "ran only \(ran) examples")
    }

    /// Runs a command line through bash as a reader would type it, stdout and stderr together.
    static func bash(_ command: String, in directory: URL, environment: [String: String]) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/timeout")
        process.arguments = ["120", "/bin/bash", "-c", command]
        process.currentDirectoryURL = directory
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test func examplesAreFoundWithTheirOutputAndSkipMarkers() {
        let readme = """
            text
            ```
            $ cordon near --radius 0; echo "exit $?"
            error: radius
            exit 2

            $ curl -s -X POST http://127.0.0.1:8080/x \\
                -d '{}'
            {"a":1}
            ```
            <!-- example: skip stream (never ends) -->
            ```sh
            KEY=$(cordon key create --org police)
            curl -s http://127.0.0.1:8080/feed/stream
            curl -s http://127.0.0.1:8080/feed
            ```
            <!-- example: skip nothing-here (stale) -->
            ```
            $ cordon stats
            ```
            """
        let (examples, problems) = ReadmeExample.parse(readme)
        #expect(examples.map(\.line) == [3, 7, 14, 15, 19])
        #expect(examples[0].output == "error: radius\nexit 2")
        #expect(examples[1].command == "curl -s -X POST http://127.0.0.1:8080/x \\\n    -d '{}'")
        #expect(examples[1].output == #"{"a":1}"#)
        #expect(examples[2].skipReason == "never ends")
        #expect(examples[3].skipReason == nil && examples[3].output == nil)
        #expect(problems.map(\.line) == [17])
    }

    @Test func placeholdersStandForWhatVariesAndNothingElse() {
        #expect(ReadmeExample.matches(expected: "opened <time> by police", actual: "opened 2026-12-01T22:04:02Z by police\n"))
        #expect(!ReadmeExample.matches(expected: "opened <time> by police", actual: "opened yesterday by police"))
        #expect(ReadmeExample.matches(expected: "a  <date>", actual: "a  2026-12-01   \r\n"))
        #expect(ReadmeExample.matches(expected: #"{"id":<n>, ...}"#, actual: #"{"id":12,"b":[1,2]}"#))
        #expect(ReadmeExample.matches(expected: "first\n...", actual: "first\nsecond\nthird"))
        #expect(!ReadmeExample.matches(expected: "first\n...", actual: "second\nthird"))
        #expect(!ReadmeExample.matches(expected: "total 12 (a.b)", actual: "total 12 (aXb)"))
        #expect(!ReadmeExample.matches(expected: "total 12", actual: "total 12\nmore"))
    }
}
