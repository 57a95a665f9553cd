import ArgumentParser
import CordonCore
import Foundation

struct Import: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Load building footprints from GeoJSON (default: the bundled Square Mile data).",
        discussion: """
            Accepts FeatureCollections, single Features and GeoJSON sequences (one feature per line, \
            as `osmium export -f geojsonseq` writes), from files or from standard input (-). Features \
            are read one at a time, so memory does not grow with the input. Runs in one transaction and \
            updates buildings by id, so importing again never duplicates. Invalid (self-intersecting) \
            footprints are repaired and reported; features that cannot be used are rejected with the reason.

            --refresh AREA makes the import a refresh: current buildings lying wholly within AREA \
            that the input does not have (and whose ids are of a kind it has, such as way/...) are \
            retired, never deleted: their figures and history stay, and lookups leave them out.
            """)

    @Argument(help: "GeoJSON files, or - for standard input; none imports the bundled data with demonstration figures.")
    var paths: [String] = []

    @Flag(name: .long, help: "Refuse the whole import, writing nothing, if any feature is rejected.")
    var strict = false

    @Flag(name: .customLong("demo-figures"),
          help: "Give buildings without figures generated demonstration figures (always on for the bundled data).")
    var demoFigures = false

    @Option(name: .long, parsing: .unconditional, help: ArgumentHelp(
        "Retire current buildings within this area that the input no longer has: all, or WEST,SOUTH,EAST,NORTH in degrees.",
        valueName: "area"))
    var refresh: String?

    @Option(name: .long, help: ArgumentHelp(
        "The dataset recorded for features without a source_dataset property (default: the file's name; 'stdin' for -).",
        valueName: "name"))
    var source: String?

    @OptionGroup var registry: RegistryOptions

    func validate() throws {
        if paths.filter({ $0 == "-" }).count > 1 {
            throw ValidationError("standard input (-) can be read only once; give - at most once.")
        }
        if let source, source.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("--source: is empty. Give the dataset's name, e.g. --source osm_2026-05-01.")
        }
        if paths.isEmpty && refresh != nil {
            throw ValidationError("--refresh needs the files to refresh from; the bundled data is imported without it.")
        }
    }

    func run() async throws {
        let refreshArea = try refresh.map { try RefreshArea.parse($0) }
        let bundled = paths.isEmpty ? try BundledData.locate() : nil
        var inputs: [any FeatureInput] = []
        var areas: [ReferenceArea] = []
        if let bundled {
            inputs.append(try GeoJSONInput.file(bundled.buildingsURL.path))
            areas = try bundled.referenceAreas()
        }
        for path in paths {
            inputs.append(path == "-" ? GeoJSONInput.standardInput(dataset: source ?? "stdin")
                                      : try GeoJSONInput.file(path, dataset: source))
        }
        let database = try await RegistryDatabase.open(path: registry.databasePath)
        let target = Registry(database: database, dayWindow: try registry.dayWindow())
        let progress = ImportProgress()
        let options = ImportOptions(strict: strict, demonstrationFigures: demoFigures || bundled != nil, refresh: refreshArea)
        let report = try await target.importFeatures(
            from: FeatureInputs(inputs), referenceAreas: areas, options: options,
            progress: progress.isShown ? progress.update : nil)
        progress.finish()
        for rejection in report.rejected { print("rejected: \(rejection.description)") }
        for id in report.repaired { print("repaired: \(id) (invalid footprint made valid)") }
        for id in report.retired { print("retired: \(id) (no longer in the source; figures and history kept)") }
        print("\(report.read) features: \(report.summary)")
        if report.figuresAdded > 0 {
            print("\(report.figuresAdded) buildings given DEMONSTRATION figures (see data/README.md)")
        }
    }
}
