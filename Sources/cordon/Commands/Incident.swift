import ArgumentParser
import CordonCore
import Foundation

struct IncidentCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "incident", abstract: "Open incidents, set their cordons, and list the buildings in each zone.",
        subcommands: [Open.self, List.self, Show.self, ChangeCordon.self, Close.self])

    enum Format: String, ExpressibleByArgument { case table, json }
    enum ZonesFormat: String, ExpressibleByArgument { case table, json, geojson }

    struct Open: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Open an incident with its inner cordon and, optionally, an outer cordon and an advisory ring.",
            discussion: """
                Give the inner cordon as --preset NAME, --radius METRES, --polygon FILE or --corridor FILE --width METRES. \
                Radii and presets are centred on the incident.
                """)

        @Option(help: "What happened, e.g. \"Suspect package, Liverpool Street\".") var name: String
        @Option(parsing: .unconditional, help: "Latitude of the incident.") var lat: String?
        @Option(parsing: .unconditional, help: "Longitude of the incident.") var lon: String?
        @Option(help: ArgumentHelp("Where the incident is instead of --lat/--lon: a building's name, address or id, or a grid reference such as \"TQ 33238 81305\".",
                                   valueName: "place"))
        var place: String?
        @Option(help: "Where it is, in words, e.g. \"Liverpool Street station, main concourse\".") var description: String?
        @OptionGroup var inner: InnerCordonOptions
        @OptionGroup var rings: RingOptions
        @OptionGroup var presets: PresetOptions
        @Option(help: "table or json.") var format: Format = .table
        @OptionGroup var registry: RegistryOptions

        func run() async throws {
            try InputFile.checkStandardInput(inner.files + rings.files + presets.files)
            var location: [String: JSONValue] = [:]
            if let lat { location["lat"] = .string(lat) }
            if let lon { location["lon"] = .string(lon) }
            if let place { location["place"] = .string(place) }
            if let description { location["description"] = .string(description) }
            // The same resolution as the HTTP service's {"location": {"place": ...}}. Only a
            // place needs the registry before the input is checked: bad input creates no file.
            var given: JSONValue = .object(location)
            if place != nil {
                given = try await registry.open().resolvingPlaces(in: .object(["location": given]), at: ["location"],
                                                                  describing: ["location"])["location"] ?? given
            }
            let (position, placeDescription) = try IncidentDraft.location(given)
            guard let innerShape = try inner.json() else {
                throw InputError(field: "inner", value: "nothing", problem: "is missing",
                                 fix: "Give the inner cordon: --preset NAME, --radius METRES, --polygon FILE or --corridor FILE --width METRES.")
            }
            var body: [String: JSONValue] = ["inner": innerShape]
            body["outer"] = try rings.outer()
            body["advisory"] = try rings.advisory()
            let cordons = try IncidentCordons.parse(.object(body), location: position, presets: try presets.load())
            let draft = try IncidentDraft(name: name, location: position, locationDescription: placeDescription, cordons: cordons)
            let incident = try await registry.open().openIncident(draft, actor: localActor)
            switch format {
            case .table: print(IncidentTable.render(incident), terminator: "")
            case .json: print(incident.json())
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List incidents, newest first.")
        @Option(help: "open or closed (default: both).") var status: String?
        @Option(help: "How many incidents.") var limit = 100
        @Option(help: "table or json.") var format: Format = .table
        @OptionGroup var registry: RegistryOptions

        func run() async throws {
            let status = try status.map { text throws(InputError) in try IncidentStatus.parse(text, field: "--status") }
            let incidents = try await registry.open().incidents(status: status, limit: limit, actor: localActor)
            switch format {
            case .table: print(IncidentTable.list(incidents), terminator: "")
            case .json: print("{\"incidents\":[" + incidents.map { $0.json() }.joined(separator: ",") + "]}")
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "An incident's zones with the buildings in each (a building only in the innermost it touches) and totals.")
        @Argument(help: "The incident's id.") var id: Int
        @Option(help: ArgumentHelp("The time whose figures apply, ISO 8601 (default: now). Chooses day or night occupancy and guards.",
                                   valueName: "time")) var at: String?
        @Option(help: "table, json or geojson.") var format: ZonesFormat = .table
        @OptionGroup var registry: RegistryOptions

        func run() async throws {
            let instant = try at.map { try LookupTime.parse($0, field: "--at") } ?? Date()
            let zones = try await registry.open().zones(of: id, at: instant, actor: localActor)
            switch format {
            case .table: print(IncidentTable.render(zones), terminator: "")
            case .json: print(zones.json())
            case .geojson: print(zones.geoJSON())
            }
        }
    }

    struct ChangeCordon: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "cordon",
            abstract: "Change an open incident's cordons: a new version, kept with the earlier ones and the reason.",
            discussion: "Zones not named keep their shape; --no-outer and --no-advisory remove those rings.")

        @Argument(help: "The incident's id.") var id: Int
        @OptionGroup var inner: InnerCordonOptions
        @OptionGroup var rings: RingOptions
        @Flag(name: .customLong("no-outer"), help: "Remove the outer cordon.") var noOuter = false
        @Flag(name: .customLong("no-advisory"), help: "Remove the advisory ring.") var noAdvisory = false
        @Option(help: "Why the cordons change, e.g. \"device larger than first reported\".") var reason: String
        @OptionGroup var presets: PresetOptions
        @Option(help: "table or json.") var format: Format = .table
        @OptionGroup var registry: RegistryOptions

        func run() async throws {
            try InputFile.checkStandardInput(inner.files + rings.files + presets.files)
            var change: [String: JSONValue] = [:]
            change["inner"] = try inner.json()
            change["outer"] = try ring(rings.outer(), removed: noOuter, flag: "--no-outer")
            change["advisory"] = try ring(rings.advisory(), removed: noAdvisory, flag: "--no-advisory")
            let trimmed = reason.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !trimmed.isEmpty else {
                throw InputError(field: "--reason", value: "''", problem: "is empty", fix: "Say why the cordons change; the reason is kept with the version.")
            }
            let incident = try await registry.open().changeCordons(of: id, change: .object(change), reason: trimmed,
                                                                   presets: try presets.load(), actor: localActor)
            switch format {
            case .table: print(IncidentTable.render(incident), terminator: "")
            case .json: print(incident.json())
            }
        }

        /// A new shape, `null` to remove the ring, or nil to keep it.
        func ring(_ shape: JSONValue?, removed: Bool, flag: String) throws -> JSONValue? {
            guard removed else { return shape }
            guard shape == nil else {
                throw InputError(field: flag, value: "with a new shape", problem: "cannot be combined with one",
                                 fix: "Either remove the ring or give its new shape.")
            }
            return .null
        }
    }

    struct Close: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Close an incident: its cordons can no longer change and no new alert can be sent for it.")
        @Argument(help: "The incident's id.") var id: Int
        @OptionGroup var registry: RegistryOptions

        func run() async throws {
            let incident = try await registry.open().closeIncident(id, actor: localActor)
            print("closed incident \(incident.id) (\(incident.name)) at \(incident.closedAt ?? "?")")
        }
    }
}
