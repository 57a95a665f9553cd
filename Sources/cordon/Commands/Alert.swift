import ArgumentParser
import CordonCore
import Foundation

struct AlertCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "alert", abstract: "Alerts to the firms managing the buildings of an incident's zones, and their answers.",
        subcommands: [Send.self, Update.self, Cancel.self, Status.self, Ack.self])

    enum Format: String, ExpressibleByArgument { case table, json }
    enum StatusFormat: String, ExpressibleByArgument { case table, json, cap }

    /// Whom an alert is for: never everyone by default.
    struct TargetOptions: ParsableArguments {
        @Option(name: .customLong("zone"), help: "A zone of the incident: inner, outer or advisory (repeatable).") var zones: [String] = []
        @Flag(help: "Every building in the City.") var city = false
        @Option(name: .customLong("building"), parsing: .upToNextOption, help: "Building ids.") var buildings: [String] = []

        /// The target in the form the core parses; nil when none was given, which an update
        /// may do (it keeps the original's) but a new alert may not.
        func json(required: Bool) throws -> JSONValue? {
            var target: [String: JSONValue] = [:]
            if !zones.isEmpty { target["zones"] = .array(zones.map(JSONValue.string)) }
            if city { target["city"] = .bool(true) }
            if !buildings.isEmpty { target["buildings"] = .array(buildings.map(JSONValue.string)) }
            let fix = "Give --zone inner (repeatable), --city or --building ID...; an alert is never sent to everyone by default."
            guard target.count <= 1 else {
                throw InputError(field: "target", value: target.keys.sorted().joined(separator: " and "),
                                 problem: "names more than one kind of target", fix: fix)
            }
            if required, target.isEmpty {
                throw InputError(field: "target", value: "nothing", problem: "is missing", fix: fix)
            }
            return target.isEmpty ? nil : .object(target)
        }
    }

    struct Send: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Send an alert for an open incident to the buildings of some zones, the whole City, or named buildings.",
            discussion: "Recipients are resolved now and frozen with the alert. Buildings no firm manages are listed as unreachable.")
        @Option(help: "The incident's id.") var incident: Int
        @Option(help: "red (act now), amber (prepare) or green (for information).") var priority: String
        @Option(help: "What the recipients need to know.") var message: String
        @Option(help: "What they should do.") var instruction: String?
        @OptionGroup var target: TargetOptions
        @Flag(name: .customLong("allow-empty"), help: "Record the alert even if it reaches no building.") var allowEmpty = false
        @Flag(name: .customLong("allow-unreachable"), help: "Record the alert even if no firm manages any of its buildings.")
        var allowUnreachable = false
        @Flag(name: .customLong("dry-run"), help: "Show the recipients and those it cannot reach; send and write nothing.")
        var dryRun = false
        @Option(help: "table or json.") var format: Format = .table
        @OptionGroup var registry: RegistryOptions

        func run() async throws {
            let draft = try AlertCommand.draft(priority: priority, message: message, instruction: instruction,
                                               target: try target.json(required: true), allowEmpty: allowEmpty,
                                               allowUnreachable: allowUnreachable)
            if dryRun {
                let preview = try await registry.open().previewAlert(incident: incident, draft, actor: localActor)
                print(format == .json ? preview.json() : AlertTable.preview(preview), terminator: format == .json ? "\n" : "")
                return
            }
            let status = try await registry.open().sendAlert(incident: incident, draft, actor: localActor)
            print(AlertCommand.render(status, format: format), terminator: "")
        }
    }

    struct Update: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Send an update referencing an alert: to its recipients and to the target resolved now.",
            discussion: "A priority or target not given keeps the original's.")
        @Argument(help: "The alert's id.") var alertID: Int
        @Option(help: "What has changed.") var message: String
        @Option(help: "red, amber or green (default: the original's).") var priority: String?
        @Option(help: "What they should do now.") var instruction: String?
        @OptionGroup var target: TargetOptions
        @Flag(name: .customLong("allow-empty"), help: "Record the update even if it reaches no building.") var allowEmpty = false
        @Flag(name: .customLong("allow-unreachable"), help: "Record the update even if no firm manages any of its buildings.")
        var allowUnreachable = false
        @Option(help: "table or json.") var format: Format = .table
        @OptionGroup var registry: RegistryOptions

        func run() async throws {
            let draft = try AlertCommand.draft(priority: priority, message: message, instruction: instruction,
                                               target: try target.json(required: false), allowEmpty: allowEmpty,
                                               allowUnreachable: allowUnreachable)
            let status = try await registry.open().updateAlert(alertID, draft, actor: localActor)
            print(AlertCommand.render(status, format: format), terminator: "")
        }
    }

    struct Cancel: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Cancel an alert: the cancellation goes to exactly its recipients, even after the incident closed.")
        @Argument(help: "The alert's id.") var alertID: Int
        @Option(help: "Why (default: \"Cancelled: \" and the original message).") var message: String?
        @Option(help: "table or json.") var format: Format = .table
        @OptionGroup var registry: RegistryOptions

        func run() async throws {
            let status = try await registry.open().cancelAlert(alertID, message: message, actor: localActor)
            print(AlertCommand.render(status, format: format), terminator: "")
        }
    }

    struct Status: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "An alert's recipients with their latest answers, and the buildings it could not reach.")
        @Argument(help: "The alert's id.") var alertID: Int
        @Option(help: "table, json, or cap (the OASIS CAP 1.2 message).") var format: StatusFormat = .table
        @OptionGroup var registry: RegistryOptions

        func run() async throws {
            let status = try await registry.open().alertStatus(alertID, actor: localActor)
            switch format {
            case .table: print(AlertTable.render(status), terminator: "")
            case .json: print(status.json())
            case .cap: print(CAPMessage.xml(status.alert), terminator: "")
            }
        }
    }

    struct Ack: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record a building's answer to an alert, as taken by phone or radio.",
            discussion: "Earlier answers are kept; the latest one counts.")
        @Argument(help: "The alert's id.") var alertID: Int
        @Option(name: .customLong("building"), parsing: .upToNextOption, help: "The building ids the answer is for.") var buildings: [String]
        @Option(help: "received, invacuated, evacuated, sheltering (with --people) or need_assistance.") var status: String
        @Option(help: "How many people, e.g. sheltering.") var people: Int?
        @Option(help: "Anything the commander should know.") var note: String?
        @OptionGroup var registry: RegistryOptions

        func run() async throws {
            let draft = try AckDraft(buildingIDs: buildings, status: try AckStatus.parse(status, field: "--status"),
                                     people: people, note: note)
            let recorded = try await registry.open().acknowledge(alertID, draft, actor: localActor)
            for ack in recorded {
                print("alert \(alertID): \(ack.buildingID) \(ack.status.rawValue)" + (ack.people.map { ", \($0) people" } ?? "")
                      + " at \(ack.at)")
            }
        }
    }

    /// Built as the JSON body the HTTP service takes, so both refuse the same input alike.
    static func draft(priority: String?, message: String, instruction: String?, target: JSONValue?,
                      allowEmpty: Bool, allowUnreachable: Bool = false) throws -> AlertDraft {
        var body: [String: JSONValue] = ["message": .string(message), "allow_empty": .bool(allowEmpty),
                                         "allow_unreachable": .bool(allowUnreachable)]
        if let priority { body["priority"] = .string(priority) }
        if let instruction { body["instruction"] = .string(instruction) }
        if let target { body["target"] = target }
        return try AlertDraft.parse(.object(body))
    }

    static func render(_ status: AlertStatus, format: Format) -> String {
        switch format {
        case .table: AlertTable.summary(status)
        case .json: status.json() + "\n"
        }
    }
}
