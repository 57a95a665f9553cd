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

    @Option(name: .customLong("stale-live-hours"), help: ArgumentHelp(
        "Occupancy and guards older than this are stale (default: $CORDON_STALE_LIVE_HOURS, else 24).", valueName: "hours"))
    var staleLiveHours: String?

    @Option(name: .customLong("stale-equipment-days"), help: ArgumentHelp(
        "Equipment and reception capacity older than this are stale (default: $CORDON_STALE_EQUIPMENT_DAYS, else 30).", valueName: "days"))
    var staleEquipmentDays: String?

    func staleness() throws -> StalenessPolicy {
        let environment = ProcessInfo.processInfo.environment
        func positive(_ flag: String?, _ variable: String, field: String, default fallback: Double) throws -> Double {
            guard let text = flag ?? environment[variable].flatMap({ $0.isEmpty ? nil : $0 }) else { return fallback }
            guard let value = Double(text), value > 0, value.isFinite else {
                throw InputError(field: field, value: "'\(text)'", problem: "is not a positive number",
                                 fix: "Give a number greater than 0.")
            }
            return value
        }
        return StalenessPolicy(
            liveMaximumAge: try positive(staleLiveHours, "CORDON_STALE_LIVE_HOURS", field: "--stale-live-hours", default: 24) * 3_600,
            equipmentMaximumAge: try positive(staleEquipmentDays, "CORDON_STALE_EQUIPMENT_DAYS", field: "--stale-equipment-days", default: 30) * 86_400)
    }

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
        let (registry, created) = try await Registry.open(path: databasePath, dayWindow: try dayWindow(), staleness: try staleness())
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

/// The person at the terminal, as recorded in the figures history and the audit log.
var localActor: Actor {
    let user = ProcessInfo.processInfo.environment["USER"].flatMap { $0.isEmpty ? nil : $0 } ?? "operator"
    return Actor.localOperator(user: user)
}
