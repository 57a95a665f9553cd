import Foundation

public enum AlertPriority: String, Sendable, CaseIterable {
    case red, amber, green

    public static func parse(_ text: String, field: String = "priority") throws(InputError) -> AlertPriority {
        guard let priority = AlertPriority(rawValue: text.lowercased()) else {
            throw InputError(field: field, value: "'\(text)'", problem: "is not a priority",
                             fix: "Use red (act now), amber (prepare) or green (for information).")
        }
        return priority
    }
}

/// CAP's msgType: an alert, or an update or cancellation that references an earlier one.
public enum AlertKind: String, Sendable {
    case alert, update, cancel
}

/// Whom an alert is for. Never widened: a zone that is not set is an error, not "everyone".
public enum AlertTarget: Sendable, Equatable {
    case zones([Zone])
    case city
    case buildings([String])

    /// {"zones": ["inner", "outer"]} | {"city": true} | {"buildings": ["way/4959489"]}.
    public static func parse(_ json: JSONValue?, field: String = "target") throws(InputError) -> AlertTarget {
        let example = "Give \"target\": {\"zones\": [\"inner\"]}, {\"city\": true} or {\"buildings\": [\"way/4959489\"]}."
        guard let json, case .object(let members) = json, members.count == 1, let (key, value) = members.first else {
            throw InputError(field: field, value: json?.typeName ?? "nothing", problem: "is missing or names more than one kind of target", fix: example)
        }
        switch key {
        case "zones":
            guard let names = value.array, !names.isEmpty else {
                throw InputError(field: field + ".zones", value: value.typeName, problem: "is not a list of zones", fix: example)
            }
            var zones: [Zone] = []
            for name in names {
                let zone = try Zone.parse(name.string ?? name.typeName, field: field + ".zones")
                if !zones.contains(zone) { zones.append(zone) }
            }
            return .zones(zones.sorted())
        case "city":
            guard value == .bool(true) else {
                throw InputError(field: field + ".city", value: value.text ?? value.typeName, problem: "is not true", fix: example)
            }
            return .city
        case "buildings":
            guard let ids = value.array?.compactMap(\.string), ids.count == value.array?.count, !ids.isEmpty, ids.count <= 10_000 else {
                throw InputError(field: field + ".buildings", value: value.typeName, problem: "is not a list of 1 to 10000 building ids", fix: example)
            }
            try TextInput.checked(ids, field: field + ".buildings")
            var unique: [String] = []
            for id in ids where !unique.contains(id) { unique.append(id) }
            return .buildings(unique)
        default:
            throw InputError(field: field + "." + key, value: "'\(key)'", problem: "is not a kind of target", fix: example)
        }
    }

    public func json() -> String {
        switch self {
        case .zones(let zones): "{\"zones\":[" + zones.map { "\"\($0.rawValue)\"" }.joined(separator: ",") + "]}"
        case .city: "{\"city\":true}"
        case .buildings(let ids): "{\"buildings\":[" + ids.map(JSONText.quoted).joined(separator: ",") + "]}"
        }
    }
}

/// What a commander sends. For an update, a missing priority or target keeps the original's;
/// a cancellation always goes to the original's recipients.
public struct AlertDraft: Sendable {
    public var priority: AlertPriority?
    public var message: String?
    public var instruction: String?
    public var target: AlertTarget?
    public var allowEmpty: Bool
    /// Record the alert even when no firm manages any of its buildings, so it reaches nobody.
    public var allowUnreachable: Bool

    public init(priority: AlertPriority?, message: String?, instruction: String? = nil, target: AlertTarget?,
                allowEmpty: Bool = false, allowUnreachable: Bool = false) throws(InputError) {
        for (field, text) in [("message", message), ("instruction", instruction)] {
            guard let text else { continue }
            try TextInput.checked(text, field: field, .multiLine)
            let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !trimmed.isEmpty, trimmed.count <= 2_000 else {
                throw InputError(field: field, value: "\(text.count) characters", problem: "must be 1 to 2000 characters",
                                 fix: "Write the \(field) in plain words, at most 2000 characters.")
            }
        }
        self.priority = priority
        self.message = message?.trimmingCharacters(in: .whitespacesAndNewlines)
        self.instruction = instruction?.trimmingCharacters(in: .whitespacesAndNewlines)
        self.target = target
        self.allowEmpty = allowEmpty
        self.allowUnreachable = allowUnreachable
    }

    /// The JSON body of an alert, update or cancellation.
    public static func parse(_ body: JSONValue) throws(InputError) -> AlertDraft {
        func text(_ field: String) throws(InputError) -> String? {
            guard let value = body[field], value != .null else { return nil }
            guard let string = value.string else {
                throw InputError(field: field, value: value.typeName, problem: "is not text", fix: "Send \"\(field)\" as a string.")
            }
            return string
        }
        func flag(_ field: String, fix: String) throws(InputError) -> Bool {
            switch body[field] {
            case nil, .null?: return false
            case .bool(let value)?: return value
            case let other?:
                throw InputError(field: field, value: other.text ?? other.typeName, problem: "is not true or false", fix: fix)
            }
        }
        return try AlertDraft(priority: try text("priority").map { text throws(InputError) in try AlertPriority.parse(text) },
                              message: try text("message"), instruction: try text("instruction"),
                              target: body["target"].map { json throws(InputError) in try AlertTarget.parse(json) },
                              allowEmpty: try flag("allow_empty", fix: "Send \"allow_empty\": true to record an alert that reaches no building."),
                              allowUnreachable: try flag("allow_unreachable",
                                                         fix: "Send \"allow_unreachable\": true to record an alert that no firm can receive."))
    }
}

/// An area an alert was sent for, frozen with it: a circle or polygons (outer rings, lon/lat).
public struct AlertArea: Sendable, Equatable {
    public let description: String
    public let circle: (centre: GeoPosition, radius: Double)?
    public let polygons: [[GeoPosition]]
    /// The building whose footprint this is, for an alert sent to a list of buildings.
    public let buildingID: String?

    init(description: String, circle: (centre: GeoPosition, radius: Double)?, polygons: [[GeoPosition]], buildingID: String? = nil) {
        self.description = description
        self.circle = circle
        self.polygons = polygons
        self.buildingID = buildingID
    }

    public static func == (lhs: AlertArea, rhs: AlertArea) -> Bool {
        lhs.description == rhs.description && lhs.circle?.centre == rhs.circle?.centre
            && lhs.circle?.radius == rhs.circle?.radius && lhs.polygons == rhs.polygons && lhs.buildingID == rhs.buildingID
    }
}

/// An alert as sent.
public struct Alert: Sendable {
    public let id: Int
    public let incidentID: Int
    public let incidentName: String
    public let kind: AlertKind
    public let references: Int?
    public let priority: AlertPriority
    public let message: String
    public let instruction: String?
    public let target: AlertTarget
    public let areas: [AlertArea]
    public let cordonVersion: Int
    public let sentAt: String
    public let sentBy: String
    public let senderOrganisation: String?
    /// For an update or cancellation: when and by whom (organisation, else name) the referenced alert was sent (CAP's references).
    public let referencedSentAt: String?
    public let referencedSender: String?
}

extension Alert {
    /// The alert as a firm that received `buildings` may see it: a list of buildings is cut
    /// to those, with their footprints, so that no firm learns which other buildings (and so
    /// which other firms' clients) an alert named. Zones and the city are the same for all.
    public func scoped(toBuildings buildings: Set<String>) -> Alert {
        guard case .buildings(let ids) = target else { return self }
        return Alert(id: id, incidentID: incidentID, incidentName: incidentName, kind: kind, references: references,
                     priority: priority, message: message, instruction: instruction,
                     target: .buildings(ids.filter(buildings.contains)),
                     areas: areas.filter { $0.buildingID.map(buildings.contains) ?? false },
                     cordonVersion: cordonVersion, sentAt: sentAt, sentBy: sentBy, senderOrganisation: senderOrganisation,
                     referencedSentAt: referencedSentAt, referencedSender: referencedSender)
    }
}
