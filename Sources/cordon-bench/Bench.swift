import ArgumentParser
import CordonCore
import Foundation

/// Run in release mode: swift run -c release cordon-bench [lookups | footprints N PATH]
@main
struct Bench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cordon-bench",
        abstract: "Benchmarks of the registry, and the generated data they use.",
        subcommands: [Lookups.self, Footprints.self], defaultSubcommand: Lookups.self)
}

/// Writes generated footprints as a GeoJSON sequence, for the import benchmark (scripts/bench-import).
struct Footprints: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Writes N generated footprints over Greater London as a GeoJSON sequence (EPSG:4326).")

    @Argument(help: "How many footprints.") var count: Int
    @Argument(help: "The file to write (- for standard output).") var path: String
    @Option(help: "Seed of the random buildings.") var seed: UInt64 = 2026

    func validate() throws {
        guard count > 0 else { throw ValidationError("N: give a positive number of footprints, e.g. 200000.") }
    }

    func run() throws {
        let handle: FileHandle
        if path == "-" {
            handle = .standardOutput
        } else {
            guard FileManager.default.createFile(atPath: path, contents: nil), let file = FileHandle(forWritingAtPath: path) else {
                throw ValidationError("PATH: cannot create \(path); give a writable path.")
            }
            handle = file
        }
        var random = SplitMix64(seed: seed)
        SyntheticCity.writeSequence(count: count, extent: .greaterLondon, random: &random, to: handle)
        try handle.close()
    }
}

/// In-process lookup latency on the bundled data and on a generated London-sized data set.
struct Lookups: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measures p50/p99 latency of radius and polygon lookups, import time and file size.")

    @Option(help: "Lookups per measurement.") var lookups = 2_000
    @Option(help: "Buildings in the generated data set (0 skips it).") var synthetic = 200_000
    @Option(help: "Seed of the random points and buildings.") var seed: UInt64 = 2026
    @Option(help: "Rows in the bulk figures upload measurement (0 skips it).") var bulkRows = 10_000

    func run() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cordon-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }

        print("| data set | lookup | p50 ms | p99 ms | mean hits | empty answers |")
        print("|---|---|---|---|---|---|")
        let bundledPath = folder.appendingPathComponent("bundled.sqlite").path
        let (bundled, bundledImport) = try await timed {
            try await Registry.open(path: bundledPath, bundled: try BundledData.locate()).0
        }
        try await bundled.database.checkpoint()
        try await measure(bundled, name: "Square Mile (1,322)", extent: .city)
        let (bundledIndexed, bundledIndexNote) = try await withIndex(bundled, name: "bundled")
        try await measureRadius(bundledIndexed, name: "Square Mile (1,322)", extent: .city, suffix: " (server, in memory)")
        let (coverage, coverageSeconds) = try await timed { try await bundled.coverage(radius: 200, spacing: 50) }

        var notes = ["bundled import: \(format(bundledImport)) s, file \(fileSize(bundledPath))", bundledIndexNote,
                     "full-City coverage, 200 m cordon every 50 m: \(coverage.points.count) points in \(format(coverageSeconds)) s"]
        if synthetic > 0 {
            let path = folder.appendingPathComponent("synthetic.sqlite").path
            let registry = Registry(database: try await RegistryDatabase.open(path: path))
            var random = SplitMix64(seed: seed)
            let features = SyntheticCity.features(count: synthetic, extent: .greaterLondon, random: &random)
            let (report, seconds) = try await timed { try await registry.importFeatures(features) }
            try await registry.database.checkpoint()
            try await measure(registry, name: "generated (\(synthetic))", extent: .greaterLondon)
            let (indexed, indexNote) = try await withIndex(registry, name: "generated")
            try await measureRadius(indexed, name: "generated (\(synthetic))", extent: .greaterLondon, suffix: " (server, in memory)")
            notes.append("generated import: \(report.added) buildings in \(format(seconds)) s "
                         + "(\(Int(Double(report.added) / seconds)) per second), file \(fileSize(path))")
            notes.append(indexNote)
        }
        notes.append(try await measureAlerts(bundled))
        notes.append(measureSolver())
        if bulkRows > 0 {
            notes.append(try await measureBulkUpload(folder: folder))
        }
        print("")
        for note in notes { print(note) }
    }

    /// An incident's zones, and alerts resolved, frozen, fed and audited in one transaction:
    /// to the 200 m inner cordon at Liverpool Street and to the whole City.
    func measureAlerts(_ registry: Registry) async throws -> String {
        let police = Actor.localOperator(user: "bench")
        let location = GeoPosition(longitude: -0.0823, latitude: 51.5178)
        let cordons = IncidentCordons(inner: ZoneCordon(cordon: .radius(try RadiusQuery(latitude: 51.5178, longitude: -0.0823, radius: 200))),
                                      outer: ZoneCordon(cordon: .radius(try RadiusQuery(latitude: 51.5178, longitude: -0.0823, radius: 400))))
        let incident = try await registry.openIncident(
            try IncidentDraft(name: "Benchmark", location: location, locationDescription: nil, cordons: cordons), actor: police)
        let (zones, zonesSeconds) = try await timed { try await registry.zones(of: incident.id, actor: police) }
        let (inner, innerSeconds) = try await timed {
            try await registry.sendAlert(incident: incident.id, try AlertDraft(priority: .red, message: "m", target: .zones([.inner])), actor: police)
        }
        let (city, citySeconds) = try await timed {
            try await registry.sendAlert(incident: incident.id, try AlertDraft(priority: .green, message: "m", target: .city), actor: police)
        }
        return "incident zones (\(zones.zones.map { "\($0.result.matches.count)" }.joined(separator: " + ")) buildings): \(format(zonesSeconds * 1_000)) ms; "
            + "alert to the inner zone (\(inner.recipients.count) recipients): \(format(innerSeconds * 1_000)) ms; "
            + "to the whole City (\(city.recipients.count)): \(format(citySeconds * 1_000)) ms"
    }

    /// A firm's spreadsheet of `bulkRows` buildings (three figures each) through the same
    /// all-or-nothing path as POST /figures/bulk.
    func measureBulkUpload(folder: URL) async throws -> String {
        let registry = Registry(database: try await RegistryDatabase.open(path: folder.appendingPathComponent("bulk.sqlite").path))
        var random = SplitMix64(seed: seed)
        let features = SyntheticCity.features(count: bulkRows, extent: .greaterLondon, random: &random)
        _ = try await registry.importFeatures(features, options: ImportOptions(demonstrationFigures: true))
        let local = Actor.localOperator(user: "bench")
        _ = try await registry.createOrganisation(id: "bench-firm", name: "Bench Firm", role: .firm, actor: local)
        let ids = (0..<bulkRows).map { "synthetic/\($0)" }
        _ = try await registry.assign(buildingIDs: ids, to: "bench-firm", actor: local)
        let firm = Actor(organisationID: "bench-firm", role: .firm, keyID: nil, channel: .bulk)
        let csv = "building_id,occupancy_day,guards_day,trauma_packs\n" + ids.enumerated().map { index, id in
            "\(id),\(100 + index % 900),\(1 + index % 9),\(index % 5)\n"
        }.joined()
        let (report, seconds) = try await timed { try await registry.importFiguresCSV(Data(csv.utf8), actor: firm) }
        return "bulk figures upload: \(report.rows) rows (\(csv.utf8.count / 1024) KiB CSV, 3 figures each) in \(format(seconds)) s"
    }

    /// The exact reception allocation on a problem much larger than any City cordon gives:
    /// 500 buildings, 200 centres, about 100,000 people over a 6 km square.
    func measureSolver() -> String {
        var random = SplitMix64(seed: seed)
        let origins = (0..<500).map { TransportationProblem.Origin(id: "b\($0)", people: Int.random(in: 0...400, using: &random)) }
        let people = origins.reduce(0) { $0 + $1.people }
        let centres = (0..<200).map { TransportationProblem.Centre(id: "c\($0)", capacity: people * 11 / 10 / 200) }
        let points = (0..<700).map { _ in (Double.random(in: 0...6_000, using: &random), Double.random(in: 0...6_000, using: &random)) }
        let problem = TransportationProblem(origins: origins, centres: centres) { origin, centre in
            let (a, b) = (points[origin], points[500 + centre])
            return ((a.0 - b.0) * (a.0 - b.0) + (a.1 - b.1) * (a.1 - b.1)).squareRoot()
        }
        let start = ContinuousClock.now
        let plan = problem.solve()
        let elapsed = ContinuousClock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return "reception allocation, 500 buildings x 200 centres, \(people) people: \(plan.assigned) placed exactly in \(format(seconds, 3)) s"
    }

    /// The same registry with the server's in-memory radius index, and how long it took to
    /// read and how much memory it holds.
    func withIndex(_ registry: Registry, name: String) async throws -> (Registry, String) {
        let before = residentMemory()
        let (indexed, seconds) = try await timed { try await registry.withRadiusIndex() }
        let grown = max(0, residentMemory() - before)
        return (indexed, "\(name) in-memory radius index: read in \(format(seconds)) s, "
                + "\(format(Double(grown) / 1_048_576, 1)) MiB resident")
    }

    func measure(_ registry: Registry, name: String, extent: Extent) async throws {
        try await measureRadius(registry, name: name, extent: extent, suffix: "")
        var random = SplitMix64(seed: seed &+ 1)
        let areas = (0..<lookups).map { _ in extent.randomRectangle(&random, width: 0.003, height: 0.0015) }
        let (latencies, hits) = try await sample(areas) { json in
            try await registry.within(AreaQuery.parse(json)).matches.count
        }
        report(name, "polygon ~210 x 170 m", latencies, hits)
    }

    /// Radius lookups at 50-400 m and 200 m totals, at the same random points whichever path
    /// answers them.
    func measureRadius(_ registry: Registry, name: String, extent: Extent, suffix: String) async throws {
        var random = SplitMix64(seed: seed)
        for radius in [50.0, 100, 200, 400] {
            let points = (0..<lookups).map { _ in extent.randomPoint(&random) }
            let (latencies, hits) = try await sample(points) { point in
                try await registry.near(RadiusQuery(latitude: point.latitude, longitude: point.longitude, radius: radius)).matches.count
            }
            report(name, "radius \(Int(radius)) m" + suffix, latencies, hits)
        }
        let centres = (0..<lookups).map { _ in extent.randomPoint(&random) }
        let (totalsLatencies, buildings) = try await sample(centres) { point in
            try await registry.nearTotals(RadiusQuery(latitude: point.latitude, longitude: point.longitude, radius: 200)).totals.buildings
        }
        report(name, "radius 200 m, totals only" + suffix, totalsLatencies, buildings)
        // What measuring the data coverage adds to each answer above: "mean hits" here is the
        // mean number of warnings, "empty answers" the share of circles wholly with data.
        let circles = (0..<lookups).map { _ in extent.randomPoint(&random) }
        let (coverageLatencies, warnings) = try await sample(circles) { point in
            try await registry.coverage(of: RadiusQuery(latitude: point.latitude, longitude: point.longitude, radius: 200)).warnings.count
        }
        report(name, "radius 200 m, data coverage alone" + suffix, coverageLatencies, warnings)
    }

    /// Latencies (sorted), and the hits of each answer: their mean and the share of answers
    /// with none, so that every figure says how much of its workload was empty.
    func sample<Input>(_ inputs: [Input], _ lookup: (Input) async throws -> Int) async throws -> ([Double], Hits) {
        for input in inputs.prefix(50) { _ = try await lookup(input) }  // warm the readers
        var latencies: [Double] = []
        var hits = 0, empty = 0
        for input in inputs {
            let start = ContinuousClock.now
            let found = try await lookup(input)
            let elapsed = ContinuousClock.now - start
            hits += found
            if found == 0 { empty += 1 }
            latencies.append(Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1e3)
        }
        return (latencies.sorted(), Hits(mean: Double(hits) / Double(inputs.count), emptyShare: Double(empty) / Double(inputs.count)))
    }

    struct Hits {
        let mean: Double
        let emptyShare: Double
    }

    func report(_ dataSet: String, _ lookup: String, _ sorted: [Double], _ hits: Hits) {
        func percentile(_ p: Double) -> Double { sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))] }
        print("| \(dataSet) | \(lookup) | \(format(percentile(0.5), 3)) | \(format(percentile(0.99), 3)) | \(format(hits.mean, 1)) | \(format(hits.emptyShare * 100, 1)) % |")
    }
}

func timed<T>(_ work: () async throws -> T) async throws -> (T, Double) {
    let start = ContinuousClock.now
    let value = try await work()
    let elapsed = ContinuousClock.now - start
    return (value, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
}

func format(_ value: Double, _ decimals: Int = 2) -> String {
    JSONText.number(value, decimals: decimals)
}

/// This process's resident memory in bytes (Linux), 0 where unknown.
func residentMemory() -> Int {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
          let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
          let kilobytes = Int(line.split(separator: " ").dropFirst().first ?? "")
    else { return 0 }
    return kilobytes * 1_024
}

func fileSize(_ path: String) -> String {
    let bytes = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
    return "\(format(Double(bytes) / 1_048_576, 1)) MiB"
}
