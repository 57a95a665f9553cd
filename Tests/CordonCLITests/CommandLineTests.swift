import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// Runs the built `cordon` binary as a user would and checks its output, exit status and
/// the database it leaves behind.
@Suite struct CommandLineTests {
    struct Run {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    static let root: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
        }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    }()

    /// The binary built next to this test bundle.
    static let binary: URL = {
        let products = Bundle.main.bundleURL.deletingLastPathComponent()
        let beside = products.appendingPathComponent("cordon")
        if FileManager.default.fileExists(atPath: beside.path) { return beside }
        return root.appendingPathComponent(".build/debug/cordon")
    }()

    let directory: URL

    public init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("cordon-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    var db: String { directory.appendingPathComponent("cli.sqlite").path }

    func cordon(_ arguments: [String], stdin: String? = nil, environment: [String: String] = [:]) throws -> Run {
        var env = ProcessInfo.processInfo.environment
        env["CORDON_DATA"] = Self.root.appendingPathComponent("data").path
        env.removeValue(forKey: "CORDON_DB")
        for (key, value) in environment { env[key] = value }
        return try Self.run(Self.binary, arguments, stdin: stdin, environment: env, in: directory)
    }

    /// Runs a program to completion, feeding it `stdin`, and collects its output.
    static func run(_ executable: URL, _ arguments: [String], stdin: String? = nil,
                    environment: [String: String]? = nil, in directory: URL? = nil) throws -> Run {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        if let environment { process.environment = environment }
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                   stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// Starts `cordon serve` on a free port and waits for the line that names the port.
    static func startServer(database: String, arguments: [String] = []) throws -> (Process, Int) {
        let process = Process()
        process.executableURL = binary
        process.arguments = ["serve", "--port", "0", "--db", database] + arguments
        var environment = ProcessInfo.processInfo.environment
        environment["CORDON_DATA"] = root.appendingPathComponent("data").path
        process.environment = environment
        let output = Pipe()
        process.standardError = output
        process.standardOutput = output
        try process.run()
        var log = ""
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline {
            log += String(decoding: output.fileHandleForReading.availableData, as: UTF8.self)
            if let match = log.firstMatch(of: /listening on http:\/\/127\.0\.0\.1:(\d+)/), let port = Int(match.1) {
                return (process, port)
            }
        }
        process.terminate()
        throw CocoaError(.fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: "cordon serve did not start: \(log)"])
    }

    func sqlite(_ sql: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["sqlite3", db, sql]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test func nearCreatesTheDatabaseFromBundledDataAndPrintsATableWithTotals() throws {
        let run = try cordon(["near", "--db", db, "--lat", "51.514431", "--lon", "-0.080334", "--radius", "10",
                              "--at", "2026-03-10T12:00:00Z"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("created \(db) from the bundled Square Mile data: added 1322"))
        #expect(run.stdout.contains("DEMONSTRATION FIGURES"))
        #expect(run.stdout.contains("way/4959489"))
        #expect(run.stdout.contains("30 St Mary Axe"))
        #expect(run.stdout.contains("Total: 1 buildings (1 with figures), 6859 people, 18 guards"))
        #expect(try sqlite("SELECT count(*) FROM buildings") == "1322")
    }

    @Test func geojsonOutputIsAFeatureCollectionWithTotals() throws {
        let run = try cordon(["near", "--db", db, "--lat", "51.514431", "--lon", "-0.080334", "--radius", "50",
                              "--format", "geojson", "--at", "2026-03-10T23:00:00Z"])
        #expect(run.status == 0, "\(run.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(json["type"] as? String == "FeatureCollection")
        let features = try #require(json["features"] as? [[String: Any]])
        #expect(features.first?["id"] as? String == "way/4959489")
        let properties = try #require(features.first?["properties"] as? [String: Any])
        #expect(properties["distance_m"] as? Double == 0)
        #expect(properties["period"] as? String == "night")
        #expect(properties["demonstration_figures"] as? Bool == true)
        let totals = try #require(json["totals"] as? [String: Any])
        #expect(totals["buildings"] as? Int == features.count)
    }

    @Test func csvAndJSONFormats() throws {
        let csv = try cordon(["near", "--db", db, "--lat", "51.514431", "--lon", "-0.080334", "--radius", "10",
                              "--format", "csv", "--at", "2026-03-10T12:00:00Z"])
        #expect(csv.status == 0)
        let lines = csv.stdout.split(separator: "\r\n").map(String.init)
        #expect(lines.count == 3)
        #expect(lines[0].hasPrefix("id,name,address,postcode,ward,label,distance_m,period,occupancy,guards"))
        #expect(lines[1].hasPrefix("way/4959489,30 St Mary Axe,30 Saint Mary Axe,EC3A 8EP,Aldgate,30 St Mary Axe,0,day,6859,18,"))
        #expect(lines[2].hasPrefix("TOTAL,1 buildings"))
        let json = try cordon(["near", "--db", db, "--lat", "51.514431", "--lon", "-0.080334", "--radius", "10", "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect((object["buildings"] as? [[String: Any]])?.first?["id"] as? String == "way/4959489")
    }

    @Test func withinReadsAPolygonFromStandardInput() throws {
        let polygon = #"{"type":"Polygon","coordinates":[[[-0.0810,51.5140],[-0.0796,51.5140],[-0.0796,51.5149],[-0.0810,51.5149],[-0.0810,51.5140]]]}"#
        let run = try cordon(["within", "--db", db, "--polygon", "-", "--format", "json"], stdin: polygon)
        #expect(run.status == 0, "\(run.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let buildings = try #require(object["buildings"] as? [[String: Any]])
        #expect(buildings.contains { $0["id"] as? String == "way/4959489" && $0["inside"] as? String == "full" })
    }

    @Test func badInputExitsWithStatusTwoAndNamesTheField() throws {
        let cases: [([String], String)] = [
            (["near", "--lat", "51.5", "--lon", "-0.08", "--radius", "0"], "radius: is out of range (got 0)"),
            (["near", "--lat", "51.5", "--lon", "-0.08", "--radius", "5001"], "radius: is out of range (got 5001)"),
            (["near", "--lat", "95", "--lon", "-0.08", "--radius", "100"], "lat: is not a latitude"),
            (["near", "--lat", "51.5", "--lon", "-0.08"], "Missing expected argument '--radius <radius>'"),
            (["near", "--lat", "51.5", "--lon", "-0.08", "--radius", "100", "--format", "xml"], "--format"),
            (["near", "--lat", "51.5", "--lon", "-0.08", "--radius", "100", "--at", "noon"], "--at: is not an ISO 8601 time"),
            (["within", "--polygon", "/nonexistent.geojson"], "--polygon: cannot be read"),
            (["show", "way/0"], "no building with id 'way/0'"),
        ]
        _ = try cordon(["stats", "--db", db])
        let before = try sqlite("SELECT count(*) || '/' || (SELECT count(*) FROM figures_history) FROM buildings")
        for (arguments, message) in cases {
            let run = try cordon(arguments + ["--db", db])
            #expect(run.status == 2, "\(arguments): \(run.stderr)")
            #expect(run.stderr.contains(message), "\(arguments): \(run.stderr)")
            #expect(run.stdout.isEmpty)
        }
        let polygon = try cordon(["within", "--db", db, "--polygon", "-"],
                                 stdin: #"{"type":"Polygon","coordinates":[[[-0.08,51.51],[-0.07,51.51],[-0.07,51.52]]]}"#)
        #expect(polygon.status == 2)
        #expect(polygon.stderr.contains("--polygon: ring 0 of polygon 0 has 3 positions"))
        #expect(try sqlite("SELECT count(*) || '/' || (SELECT count(*) FROM figures_history) FROM buildings") == before)
    }

    @Test func importReportsCountsAndStrictWritesNothing() throws {
        let file = directory.appendingPathComponent("extra.geojson")
        let good = #"{"type":"Feature","id":"way/900000001","properties":{"name":"Test Hall"},"geometry":{"type":"Polygon","coordinates":[[[-0.0850,51.5100],[-0.0848,51.5100],[-0.0848,51.5101],[-0.0850,51.5101],[-0.0850,51.5100]]]}}"#
        let bad = #"{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[[-0.0850,51.5100],[-0.0848,51.5100],[-0.0848,51.5101],[-0.0850,51.5100]]]}}"#
        try "{\"type\":\"FeatureCollection\",\"features\":[\(good),\(bad)]}".write(to: file, atomically: true, encoding: .utf8)
        _ = try cordon(["stats", "--db", db])

        let strict = try cordon(["import", "--db", db, "--strict", file.path])
        #expect(strict.status == 2)
        #expect(strict.stderr.contains("rejected: extra.geojson features[1]: has no id"))
        #expect(try sqlite("SELECT count(*) FROM buildings") == "1322")

        let lenient = try cordon(["import", "--db", db, file.path])
        #expect(lenient.status == 0, "\(lenient.stderr)")
        #expect(lenient.stdout.contains("rejected: extra.geojson features[1]: has no id"))
        #expect(lenient.stdout.contains("2 features: added 1, updated 0, unchanged 0, repaired 0, rejected 1"))
        #expect(try sqlite("SELECT count(*) FROM buildings") == "1323")
        #expect(try sqlite("SELECT count(*) FROM site_figures WHERE building_id = 'way/900000001'") == "0")

        let bundled = try cordon(["import", "--db", db])
        #expect(bundled.status == 0)
        #expect(bundled.stdout.contains("1322 features: added 0, updated 0, unchanged 1322, repaired 0, rejected 0"))
        // Piped output shows no progress line.
        #expect(!bundled.stderr.contains("importing:"))
    }

    @Test func showAndStats() throws {
        let show = try cordon(["show", "way/4959489", "--db", db])
        #expect(show.status == 0)
        #expect(show.stdout.hasPrefix("way/4959489  30 St Mary Axe\n"))
        #expect(show.stdout.contains("DEMONSTRATION FIGURES"))
        #expect(show.stdout.contains("\nmanaged by    no managing firm\n"))
        // A building without a name or address is headed by where it stands, as every answer calls it.
        let unnamed = try cordon(["show", "way/1033757164", "--db", db])
        #expect(unnamed.stdout.hasPrefix("way/1033757164  unnamed building 25 m SW of Travelodge, Tower ward\n"), "\(unnamed.stdout)")

        // The managing firm and its site contact are shown to the local operator.
        #expect(try cordon(["org", "create", "acme", "--name", "Acme Security", "--role", "firm", "--db", db]).status == 0)
        #expect(try cordon(["org", "assign", "--org", "acme", "--building", "way/4959489", "--db", db]).status == 0)
        _ = try sqlite("UPDATE building_sites SET control_room_phone = '+44 20 7946 0001', contact_email = 'control@acme.example', max_occupancy = 9000 WHERE building_id = 'way/4959489'")
        let managed = try cordon(["show", "way/4959489", "--db", db])
        #expect(managed.stdout.contains("\nmanaged by    acme\ncontrol room  +44 20 7946 0001\nemail         control@acme.example\nmax occupancy 9000\n"), "\(managed.stdout)")
        let json = try cordon(["show", "way/4959489", "--format", "json", "--db", db])
        let shown = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let site = try #require(shown["site"] as? [String: Any])
        #expect(site["managed_by"] as? String == "acme")
        #expect(site["control_room_phone"] as? String == "+44 20 7946 0001")
        #expect(site["email"] as? String == "control@acme.example")
        #expect(shown["id"] as? String == "way/4959489")
        #expect(shown["label"] as? String == "30 St Mary Axe")
        let stats = try cordon(["stats", "--db", db, "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(stats.stdout.utf8)) as? [String: Any])
        #expect(object["buildings"] as? Int == 1322)
    }

    @Test func theDatabaseDefaultsToCordonDBThenTheWorkingDirectory() throws {
        let viaEnvironment = try cordon(["stats"], environment: ["CORDON_DB": db])
        #expect(viaEnvironment.status == 0)
        #expect(FileManager.default.fileExists(atPath: db))
        let inWorkingDirectory = try cordon(["stats"])
        #expect(inWorkingDirectory.status == 0)
        #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("cordon.sqlite").path))
    }
}

@Suite struct ServeCommandTests {
    @Test func serveRefusesAWebhookAllowEntryThatIsNotAHostAddressOrNetwork() throws {
        let cli = try CommandLineTests()
        let flag = try cli.cordon(["serve", "--port", "0", "--webhook-allow", "127.0.0.1", "--webhook-allow", "10.0.0.0/40"])
        #expect(flag.status == 2, "\(flag.stderr)")
        #expect(flag.stderr.contains("--webhook-allow: has a prefix length that is not 0 to 32 (got '10.0.0.0/40'). Give a network like 10.20.0.0/16"),
                "\(flag.stderr)")
        let environment = try cli.cordon(["serve", "--port", "0"], environment: ["CORDON_WEBHOOK_ALLOW": "hooks.internal,http://x/"])
        #expect(environment.status == 2, "\(environment.stderr)")
        #expect(environment.stderr.contains("CORDON_WEBHOOK_ALLOW: is not a host name, an address or a network (got 'http://x/')"),
                "\(environment.stderr)")
    }

    @Test func serveAnswersAndStopsCleanlyOnSIGTERM() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("cordon-serve-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let (process, listening) = try CommandLineTests.startServer(database: directory.appendingPathComponent("s.sqlite").path)
        let (data, response) = try await URLSession.shared.data(from: URL(string: "http://127.0.0.1:\(listening)/healthz")!)
        #expect((response as? HTTPURLResponse)?.statusCode == 200)
        #expect(String(decoding: data, as: UTF8.self) == #"{"status":"ok","buildings":1322,"radius_index":{"copies_read":1,"lookups_answered":0}}"#)
        process.terminate()  // SIGTERM
        process.waitUntilExit()
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 0)
    }
}
