import ArgumentParser
import CordonCore
import Foundation

struct Import: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Load building footprints from GeoJSON (default: the bundled Square Mile data).",
        discussion: """
            Accepts FeatureCollections and newline-delimited features. Runs in one transaction and \
            updates buildings by id, so importing again never duplicates. Invalid (self-intersecting) \
            footprints are repaired and reported; features that cannot be used are rejected with the reason.
            """)

    @Argument(help: "GeoJSON files; none imports the bundled data with demonstration figures.")
    var paths: [String] = []

    @Flag(name: .long, help: "Refuse the whole import, writing nothing, if any feature is rejected.")
    var strict = false

    @Flag(name: .customLong("demo-figures"),
          help: "Give buildings without figures generated demonstration figures (always on for the bundled data).")
    var demoFigures = false

    @OptionGroup var registry: RegistryOptions

    func run() async throws {
        var features: [SourceFeature] = []
        var areas: [ReferenceArea] = []
        let bundled = paths.isEmpty ? try BundledData.locate() : nil
        if let bundled {
            features = try bundled.buildingFeatures()
            areas = try bundled.referenceAreas()
        }
        for path in paths {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw InputError(field: "PATH", value: path, problem: "cannot be read",
                                 fix: "Give the path of a GeoJSON FeatureCollection or newline-delimited GeoJSON file.")
            }
            features += FeatureSource.read(data, name: (path as NSString).lastPathComponent, startIndex: features.count)
        }
        let database = try await RegistryDatabase.open(path: registry.databasePath)
        let target = Registry(database: database, dayWindow: try registry.dayWindow())
        let progress = ImportProgress(total: features.count)
        let options = ImportOptions(strict: strict, demonstrationFigures: demoFigures || bundled != nil)
        let report = try await target.importFeatures(
            features, referenceAreas: areas, options: options, progress: progress.isShown ? progress.update : nil)
        progress.finish()
        for rejection in report.rejected { print("rejected: \(rejection.description)") }
        for id in report.repaired { print("repaired: \(id) (invalid footprint made valid)") }
        print("\(features.count) features: \(report.summary)")
        if report.figuresAdded > 0 {
            print("\(report.figuresAdded) buildings given DEMONSTRATION figures (see data/README.md)")
        }
    }
}
