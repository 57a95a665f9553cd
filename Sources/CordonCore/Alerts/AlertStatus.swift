import Foundation

public enum AckStatus: String, Sendable, CaseIterable {
    case received, invacuated, evacuated, sheltering
    case needAssistance = "need_assistance"

    public static func parse(_ text: String, field: String = "status") throws(InputError) -> AckStatus {
        let normalised = text.lowercased().replacingOccurrences(of: "-", with: "_").replacingOccurrences(of: " ", with: "_")
        guard let status = AckStatus(rawValue: normalised) else {
            throw InputError(field: field, value: "'\(text)'", problem: "is not an acknowledgement status",
                             fix: "Use received, invacuated, evacuated, sheltering (with people) or need_assistance.")
        }
        return status
    }
}

/// A firm's answer for one building.
public struct Acknowledgement: Sendable, Equatable {
    public let id: Int
    public let buildingID: String
    public let status: AckStatus
    public let people: Int?
    public let note: String?
    public let at: String
    public let by: String
}

/// What a firm (or a commander taking a call) reports, parsed at the edge.
public struct AckDraft: Sendable {
    public let buildingIDs: [String]
    public let status: AckStatus
    public let people: Int?
    public let note: String?

    public init(buildingIDs: [String], status: AckStatus, people: Int?, note: String?) throws(InputError) {
        guard !buildingIDs.isEmpty, buildingIDs.count <= 10_000 else {
            throw InputError(field: "building_id", value: "nothing", problem: "is missing",
                             fix: "Name the building the acknowledgement is for: \"building_id\": \"way/4959489\" (or \"building_ids\": [...]).")
        }
        try TextInput.checked(buildingIDs, field: "building_id")
        try TextInput.checked(note, field: "note", .multiLine)
        if status == .sheltering, people == nil {
            throw InputError(field: "people", value: "nothing", problem: "is missing for status sheltering",
                             fix: "Give the number of people sheltering, e.g. \"people\": 120.")
        }
        if let people, people < 0 || people > 1_000_000 {
            throw InputError(field: "people", value: "\(people)", problem: "is out of range", fix: "Give a whole number of people, 0 or more.")
        }
        if let note, note.count > 2_000 {
            throw InputError(field: "note", value: "\(note.count) characters", problem: "is too long", fix: "Keep the note to 2000 characters.")
        }
        self.buildingIDs = buildingIDs
        self.status = status
        self.people = people
        self.note = note.flatMap { $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : $0 }
    }

    /// {"building_id" | "building_ids", "status", "people"?, "note"?}.
    public static func parse(_ body: JSONValue) throws(InputError) -> AckDraft {
        var ids: [String] = []
        if let one = body["building_id"]?.string { ids.append(one) }
        if let many = body["building_ids"] {
            guard let list = many.array?.compactMap(\.string), list.count == many.array?.count else {
                throw InputError(field: "building_ids", value: many.typeName, problem: "is not a list of building ids",
                                 fix: "Send \"building_ids\": [\"way/4959489\", ...].")
            }
            ids += list
        }
        guard let statusText = body["status"]?.string else {
            throw InputError(field: "status", value: body["status"]?.typeName ?? "nothing", problem: "is missing",
                             fix: "Give a status: received, invacuated, evacuated, sheltering or need_assistance.")
        }
        var people: Int?
        if let value = body["people"], value != .null {
            guard let number = value.number, number == number.rounded(), abs(number) < 1e9 else {
                throw InputError(field: "people", value: value.text ?? value.typeName, problem: "is not a whole number",
                                 fix: "Give the number of people, e.g. \"people\": 120.")
            }
            people = Int(number)
        }
        return try AckDraft(buildingIDs: ids, status: try AckStatus.parse(statusText), people: people,
                            note: body["note"]?.string)
    }
}

/// An alert with each recipient's latest acknowledgement: what a commander follows.
public struct AlertStatus: Sendable {
    public struct Recipient: Sendable {
        public let buildingID: String
        public let name: String?
        public let address: String?
        /// What to call the building (see `BuildingLabeller`).
        public let label: String
        public let zone: Zone?
        public let distance: Double?
        /// Nil: no firm manages the building, so the alert could not reach it.
        public let firmID: String?
        public let latest: Acknowledgement?
        public let acknowledgements: Int
        /// The site's control-room phone; nil when unknown or not the reader's to see.
        public let phone: String?

        public var needsAssistance: Bool { latest?.status == .needAssistance }

        func withoutPhone() -> Recipient {
            Recipient(buildingID: buildingID, name: name, address: address, label: label, zone: zone, distance: distance, firmID: firmID,
                      latest: latest, acknowledgements: acknowledgements, phone: nil)
        }
    }

    public struct Counts: Sendable, Equatable {
        public let recipients: Int
        public let reachable: Int
        public let unreachable: Int
        public let acknowledged: Int
        public let notAcknowledged: Int
        public let needAssistance: Int
        public let peopleSheltering: Int
        public let byStatus: [AckStatus: Int]
        public let firms: Int
    }

    public let alert: Alert
    public let recipients: [Recipient]
    /// Set when a later alert cancelled this one.
    public let cancelledBy: Int?
    /// For the answer to sending an alert to zones: how much of each zone has building data.
    /// People in the no-data part are people the alert cannot reach, because the registry does
    /// not know their buildings. Empty in status views, which read the alert as recorded.
    public internal(set) var zones: [ZoneCoverage] = []

    /// Each zone's warnings, named by zone, the most important first.
    public var warnings: [String] {
        zones.flatMap { zone in zone.coverage.warnings.map { "\(zone.zone.rawValue.capitalized) zone: \($0)" } }
    }

    /// Those asking for assistance first (a commander acts on them before anything else),
    /// then in the recipients' order: inner zone first, then nearest.
    public var reachable: [Recipient] { Self.urgentFirst(recipients.filter { $0.firmID != nil }) }
    public var unreachable: [Recipient] { Self.urgentFirst(recipients.filter { $0.firmID == nil }) }

    static func urgentFirst(_ recipients: [Recipient]) -> [Recipient] {
        recipients.filter(\.needsAssistance) + recipients.filter { !$0.needsAssistance }
    }

    /// The status as `actor` may see it: contact phones only for those allowed contacts
    /// (commanders, and a firm for its own buildings).
    func visible(to actor: Actor) -> AlertStatus {
        if actor.mayReadContacts { return self }
        return AlertStatus(alert: alert, recipients: recipients.map { $0.withoutPhone() }, cancelledBy: cancelledBy)
    }

    public var counts: Counts {
        var byStatus: [AckStatus: Int] = [:]
        for recipient in recipients { if let status = recipient.latest?.status { byStatus[status, default: 0] += 1 } }
        let acknowledged = recipients.filter { $0.latest != nil }.count
        return Counts(
            recipients: recipients.count, reachable: reachable.count, unreachable: unreachable.count,
            acknowledged: acknowledged, notAcknowledged: recipients.count - acknowledged,
            needAssistance: byStatus[.needAssistance] ?? 0,
            peopleSheltering: recipients.reduce(0) { $0 + ($1.latest?.status == .sheltering ? $1.latest?.people ?? 0 : 0) },
            byStatus: byStatus, firms: Set(recipients.compactMap(\.firmID)).count)
    }
}

/// How much of one of an incident's zones has building data.
public struct ZoneCoverage: Sendable {
    public let zone: Zone
    public let coverage: DataCoverage
}
