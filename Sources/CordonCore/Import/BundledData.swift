import Foundation

/// The Square Mile data shipped in the project's data/ folder.
public struct BundledData: Sendable {
    public static let buildingsFile = "city_buildings_osm_merged.geojson"
    public static let boundaryFile = "city_boundary.geojson"
    public static let wardsFile = "city_wards_2013.geojson"
    public static let coverageFile = "city_buildings_coverage_zones.geojson"

    public let directory: URL

    public init(directory: URL) { self.directory = directory }

    /// Finds data/: $CORDON_DATA, else ./data, else beside the executable's build folder
    /// (`.build/<triple>/<config>/cordon` -> the package root's data/).
    public static func locate(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> BundledData {
        var candidates: [URL] = []
        if let configured = environment["CORDON_DATA"], !configured.isEmpty {
            candidates.append(URL(fileURLWithPath: configured))
        } else {
            candidates.append(URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent("data"))
            var folder = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
            for _ in 0..<5 {
                candidates.append(folder.appendingPathComponent("data"))
                folder.deleteLastPathComponent()
            }
        }
        for candidate in candidates
        where FileManager.default.fileExists(atPath: candidate.appendingPathComponent(buildingsFile).path) {
            return BundledData(directory: candidate)
        }
        throw StorageError(
            "cannot find the bundled data (\(buildingsFile)) in \(candidates.map(\.path).joined(separator: ", ")). "
                + "Run from the project folder or set CORDON_DATA to its data/ folder.")
    }

    public var buildingsURL: URL { directory.appendingPathComponent(Self.buildingsFile) }

    /// The City boundary, its wards and the coverage zones.
    public func referenceAreas(transformer: CoordinateTransformer = .shared) throws -> [ReferenceArea] {
        func load(_ file: String) throws -> JSONValue {
            try JSONValue.parse(Data(contentsOf: directory.appendingPathComponent(file)))
        }
        return try ReferenceArea.read(load(Self.boundaryFile), kind: .boundary, nameKeys: ["name"], codeKey: "gss_code", transformer: transformer)
            + ReferenceArea.read(load(Self.wardsFile), kind: .ward, nameKeys: ["ward_name"], codeKey: "ward_code", transformer: transformer)
            + ReferenceArea.read(load(Self.coverageFile), kind: .coverage, nameKeys: ["zone"], codeKey: nil, transformer: transformer)
    }

    public func buildingFeatures() throws -> [SourceFeature] {
        FeatureSource.read(try Data(contentsOf: buildingsURL), name: Self.buildingsFile)
    }
}

extension Registry {
    /// Opens the database at `path`; a file that does not exist yet is created and filled
    /// with the bundled Square Mile data and demonstration figures.
    public static func open(path: String, dayWindow: DayWindow = .standard, staleness: StalenessPolicy = .standard, readers: Int = 8,
                            checkpointer: AuditCheckpointer? = nil,
                            bundled: @autoclosure () throws -> BundledData = try BundledData.locate()) async throws -> (Registry, ImportReport?) {
        let isNew = !FileManager.default.fileExists(atPath: path)
        // Find the data before creating anything, so a failure leaves no empty file behind.
        let data = isNew ? try bundled() : nil
        let registry = Registry(database: try await RegistryDatabase.open(path: path, readers: readers, checkpointer: checkpointer), dayWindow: dayWindow,
                                staleness: staleness)
        guard let data else {
            try await registry.updatePlacesIfStale()
            return (registry, nil)
        }
        do {
            let report = try await registry.importBundled(data)
            return (registry, report)
        } catch {
            // The write-ahead log and its index go too: a stale -wal beside a new file is trouble.
            for file in [path, path + "-wal", path + "-shm"] { try? FileManager.default.removeItem(atPath: file) }
            throw error
        }
    }

    /// Imports the bundled data with demonstration figures for buildings that have none.
    public func importBundled(_ data: BundledData, now: Date = Date(),
                              progress: (@Sendable (Int) -> Void)? = nil) async throws -> ImportReport {
        try await importFeatures(
            try data.buildingFeatures(), referenceAreas: try data.referenceAreas(),
            options: ImportOptions(strict: false, demonstrationFigures: true, now: now), progress: progress)
    }
}
