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

    @Option(name: .customLong("bank-holidays"), help: ArgumentHelp(
        "File of YYYY-MM-DD dates, one a line, whose day hours take weekend figures besides Saturdays and Sundays "
            + "(default: $CORDON_BANK_HOLIDAYS, else the bundled England and Wales list for 2025-2030).", valueName: "file"))
    var bankHolidays: String?

    @Option(name: .customLong("stale-live-hours"), help: ArgumentHelp(
        "Occupancy and guards older than this are stale (default: $CORDON_STALE_LIVE_HOURS, else 24).", valueName: "hours"))
    var staleLiveHours: String?

    @Option(name: .customLong("stale-equipment-days"), help: ArgumentHelp(
        "Equipment and reception capacity older than this are stale (default: $CORDON_STALE_EQUIPMENT_DAYS, else 30).", valueName: "days"))
    var staleEquipmentDays: String?

    @Option(name: .customLong("audit-key"), help: ArgumentHelp(
        "Ed25519 key file (from `cordon audit keygen`) that signs a checkpoint of the audit log after each write (default: $CORDON_AUDIT_KEY).",
        valueName: "file"))
    var auditKey: String?

    @Option(name: .customLong("audit-checkpoints"), help: ArgumentHelp(
        "File the signed checkpoints are appended to, one JSON line each (default: $CORDON_AUDIT_CHECKPOINTS).",
        valueName: "file"))
    var auditCheckpoints: String?

    /// A path from its flag, else its environment variable, with the name to put in messages.
    static func setting(_ flag: String?, _ flagName: String, _ variable: String) -> (value: String, field: String)? {
        if let flag { return (flag, flagName) }
        guard let value = ProcessInfo.processInfo.environment[variable], !value.isEmpty else { return nil }
        return (value, variable)
    }

    var auditKeySetting: (value: String, field: String)? { Self.setting(auditKey, "--audit-key", "CORDON_AUDIT_KEY") }
    var auditCheckpointsSetting: (value: String, field: String)? {
        Self.setting(auditCheckpoints, "--audit-checkpoints", "CORDON_AUDIT_CHECKPOINTS")
    }

    /// Signs checkpoints when a key is configured; the key needs a file to append them to.
    func checkpointer() throws -> AuditCheckpointer? {
        guard let key = auditKeySetting else { return nil }
        guard let file = auditCheckpointsSetting else {
            throw InputError(field: "--audit-checkpoints", value: "nothing", problem: "is needed with \(key.field)",
                             fix: "Give the file the signed checkpoints are appended to (or set CORDON_AUDIT_CHECKPOINTS).")
        }
        return AuditCheckpointer(key: try AuditSigningKey.read(path: key.value, field: key.field), file: file.value)
    }

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
        var window = DayWindow.standard
        if let dayHours {
            window = try DayWindow.parse(dayHours, field: "--day-hours")
        } else if let configured = ProcessInfo.processInfo.environment["CORDON_DAY_HOURS"], !configured.isEmpty {
            window = try DayWindow.parse(configured, field: "CORDON_DAY_HOURS")
        }
        let file = bankHolidays ?? ProcessInfo.processInfo.environment["CORDON_BANK_HOLIDAYS"].flatMap { $0.isEmpty ? nil : $0 }
        if let file { window = window.with(holidays: try BankHolidays.read(file: file)) }
        return window
    }

    /// Opens the registry, creating it from the bundled data when the file is missing.
    func open() async throws -> Registry {
        let (registry, created) = try await Registry.open(path: databasePath, dayWindow: try dayWindow(), staleness: try staleness(),
                                                          checkpointer: try checkpointer())
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
