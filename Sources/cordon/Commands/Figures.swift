import ArgumentParser
import CordonCore
import Foundation

struct Figures: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Set, confirm or upload site figures, recorded in the history and the audit log.",
        subcommands: [Set.self, Import.self])

    struct Set: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Set some figures of one building.")
        @Argument(help: "The building id.") var id: String
        @Option(name: .customLong("occupancy-day")) var occupancyDay: Int?
        @Option(name: .customLong("occupancy-night")) var occupancyNight: Int?
        @Option(name: .customLong("guards-day")) var guardsDay: Int?
        @Option(name: .customLong("guards-night")) var guardsNight: Int?
        @Option(name: .customLong("trauma-packs")) var traumaPacks: Int?
        @Option(name: .customLong("first-aid-kits")) var firstAidKits: Int?
        @Option(name: .customLong("defibrillators")) var defibrillators: Int?
        @Option(name: .customLong("reception-capacity")) var receptionCapacity: Int?
        @Flag(help: "Confirm every figure unchanged instead of setting any.") var confirm = false
        @OptionGroup var registry: RegistryOptions

        func run() async throws {
            let given: [(Figure, Int?)] = [
                (.occupancyDay, occupancyDay), (.occupancyNight, occupancyNight), (.guardsDay, guardsDay),
                (.guardsNight, guardsNight), (.traumaPacks, traumaPacks), (.firstAidKits, firstAidKits),
                (.defibrillators, defibrillators), (.receptionCapacity, receptionCapacity),
            ]
            var values: [Figure: Int] = [:]
            for case let (figure, value?) in given { values[figure] = value }
            let target = try await registry.open()
            let current = try await target.figures(of: id, actor: localActor)
            let written: SiteFigures
            if confirm {
                guard values.isEmpty else {
                    throw InputError(field: "--confirm", value: "with figures", problem: "cannot be combined with new values",
                                     fix: "Either confirm unchanged figures, or set new ones.")
                }
                written = try await target.confirmFigures(of: id, expectedVersion: current?.version ?? 0, actor: localActor)
            } else {
                guard !values.isEmpty else {
                    throw InputError(field: "figures", value: "none", problem: "are missing",
                                     fix: "Give at least one, e.g. --guards-day 4, or --confirm.")
                }
                written = try await target.writeFigures(of: id, change: try FiguresChange(values: values),
                                                        expectedVersion: current?.version ?? 0, actor: localActor)
            }
            print("\(id): figures version \(written.version)")
        }
    }

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Upload figures from a CSV (header: building_id and figure columns), all or nothing.")
        @Argument(help: "The CSV file.") var file: String
        @OptionGroup var registry: RegistryOptions

        func run() async throws {
            guard let data = FileManager.default.contents(atPath: file) else {
                throw InputError(field: "FILE", value: file, problem: "cannot be read", fix: "Give the path of a CSV file.")
            }
            do {
                let report = try await registry.open().importFiguresCSV(data, actor: localActor)
                print("\(report.rows) rows: figures updated for \(report.buildings.count) buildings")
            } catch let rejection as BulkRejection {
                for problem in rejection.problems { printError("\(file): \(problem)") }
                throw InputError(field: "FILE", value: file, problem: "was refused: \(rejection.problems.count) problem(s), nothing written",
                                 fix: "Correct the lines above and import the whole file again.")
            }
        }
    }
}
