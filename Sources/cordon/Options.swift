import ArgumentParser
import CordonCore
import Foundation

/// Where the database is and how the day is defined: flags, then environment, then defaults.
struct RegistryOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "The SpatiaLite database (default: $CORDON_DB, else cordon.sqlite). Created from data/ if missing.",
        valueName: "path"))
    var db: String?

    @Option(name: .customLong("day-hours"), help: ArgumentHelp(
        "London local hours counted as day (default: $CORDON_DAY_HOURS, else 07-19).", valueName: "start-end"))
    var dayHours: String?

    var databasePath: String {
        db ?? ProcessInfo.processInfo.environment["CORDON_DB"].flatMap { $0.isEmpty ? nil : $0 } ?? "cordon.sqlite"
    }

    func dayWindow() throws -> DayWindow {
        if let dayHours { return try DayWindow.parse(dayHours, field: "--day-hours") }
        if let configured = ProcessInfo.processInfo.environment["CORDON_DAY_HOURS"], !configured.isEmpty {
            return try DayWindow.parse(configured, field: "CORDON_DAY_HOURS")
        }
        return .standard
    }

    /// Opens the registry, creating it from the bundled data when the file is missing.
    func open() async throws -> Registry {
        let (registry, created) = try await Registry.open(path: databasePath, dayWindow: try dayWindow())
        if let created {
            printError("created \(databasePath) from the bundled Square Mile data: \(created.summary); "
                       + "\(created.figuresAdded) buildings given demonstration figures")
        }
        return registry
    }
}

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, geojson, csv, json
}

struct LookupOptions: ParsableArguments {
    @Option(name: .long, help: "table (for people), geojson, csv or json.")
    var format: OutputFormat = .table

    @Option(name: .long, help: ArgumentHelp(
        "The time whose figures apply, ISO 8601 (default: now). Chooses day or night occupancy and guards.",
        valueName: "time"))
    var at: String?

    func instant() throws -> Date {
        try at.map { try LookupTime.parse($0, field: "--at") } ?? Date()
    }

    func render(_ result: LookupResult) -> String {
        switch format {
        case .table: LookupTable.render(result)
        case .geojson: result.geoJSON() + "\n"
        case .csv: result.csv()
        case .json: result.json() + "\n"
        }
    }
}
