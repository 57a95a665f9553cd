import ArgumentParser
import CordonCore
import Foundation

struct Figures: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Set, confirm or upload site figures, recorded in the history and the audit log.",
        subcommands: [Set.self, Import.self, Export.self, Confirm.self])

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
        @Option(name: .customLong("occupancy-weekend"), help: "People in on weekend days and bank holidays, by day.") var occupancyWeekend: Int?
        @Option(name: .customLong("guards-weekend"), help: "Security officers on weekend days and bank holidays, by day.") var guardsWeekend: Int?
        @Flag(help: "Confirm every figure unchanged instead of setting any.") var confirm = false
        @OptionGroup var registry: RegistryOptions

        func run() async throws {
            let given: [(Figure, Int?)] = [
                (.occupancyDay, occupancyDay), (.occupancyNight, occupancyNight), (.guardsDay, guardsDay),
                (.guardsNight, guardsNight), (.traumaPacks, traumaPacks), (.firstAidKits, firstAidKits),
                (.defibrillators, defibrillators), (.receptionCapacity, receptionCapacity),
                (.occupancyWeekend, occupancyWeekend), (.guardsWeekend, guardsWeekend),
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
                print("\(report.rows) rows: figures updated for \(report.buildings.count) buildings"
                      + (report.unchanged > 0 ? ", \(report.unchanged) unchanged" : ""))
            } catch let rejection as BulkRejection {
                for problem in rejection.problems { printError("\(file): \(problem)") }
                throw InputError(field: "FILE", value: file, problem: "was refused: \(rejection.problems.count) problem(s), nothing written",
                                 fix: "Correct the lines above and import the whole file again.")
            }
        }
    }

    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the figures spreadsheet in the upload's format (building_id, the eight figures, label).",
            discussion: "`cordon figures import` takes the file back unchanged, and changes nothing until a figure is edited.")
        @Option(help: "Only the buildings this firm manages (default: every building).") var org: String?
        @Option(name: .shortAndLong, help: "Write to this file instead of standard output.") var output: String?
        @OptionGroup var registry: RegistryOptions

        func run() async throws {
            let list = try await registry.open().ownBuildings(actor: localActor, organisation: org)
            let csv = ManagedBuilding.csv(list)
            if let output {
                guard FileManager.default.createFile(atPath: output, contents: Data(csv.utf8)) else {
                    throw InputError(field: "--output", value: output, problem: "cannot be written", fix: "Give a path in a folder you can write to.")
                }
                printError("wrote \(list.count) buildings to \(output)")
            } else {
                print(csv, terminator: "")
            }
        }
    }

    struct Confirm: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Confirm the figures of many buildings unchanged at once, all or nothing.",
            discussion: "Name the buildings, or give --org FIRM for every building the firm manages.")
        @Argument(help: "Building ids.") var ids: [String] = []
        @Option(help: "Every building this firm manages.") var org: String?
        @OptionGroup var registry: RegistryOptions

        func run() async throws {
            let target: ConfirmationTarget
            switch (org, ids.isEmpty) {
            case (let org?, true): target = .managedBy(org)
            case (nil, false): target = .buildings(ids)
            default:
                throw InputError(field: "ids", value: ids.isEmpty ? "nothing" : "ids with --org", problem: "must be given, or --org alone",
                                 fix: "Name the buildings to confirm, or give --org FIRM for all of its buildings.")
            }
            do {
                let done = try await registry.open().confirmFigures(target, actor: localActor)
                print("confirmed the figures of \(done.confirmed.count) buildings at \(done.at)")
            } catch let rejection as ConfirmationRejection {
                for problem in rejection.problems { printError("\(problem.buildingID): \(problem.reason)") }
                throw InputError(field: "ids", value: "\(rejection.problems.count) building(s)", problem: "cannot be confirmed, so nothing was",
                                 fix: "Remove or fix the buildings above and confirm again.")
            }
        }
    }
}
