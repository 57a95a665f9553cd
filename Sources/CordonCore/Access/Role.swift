/// What an organisation may do.
public enum Role: String, Sendable, CaseIterable, Codable {
    /// The operator: organisations, keys, assignments, the audit log.
    case admin
    /// Police: reads everything, contacts included; will send alerts.
    case commander
    /// Reads figures and plans; never contact details.
    case planner
    /// A security company: reads and keeps the figures of the buildings it manages.
    case firm

    public static func parse(_ text: String, field: String = "role") throws(InputError) -> Role {
        guard let role = Role(rawValue: text) else {
            throw InputError(field: field, value: "'\(text)'", problem: "is not a role",
                             fix: "Use admin, commander, planner or firm.")
        }
        return role
    }
}

/// How a change arrived; recorded in the figures history and the audit log.
public enum Channel: String, Sendable, Codable {
    case http, bulk, cli, `import`
}

/// Who is acting: an organisation through one of its keys, or the local operator, who runs
/// the command line against the database file and so may do anything.
public struct Actor: Sendable, Equatable {
    public let organisationID: String?
    public let role: Role
    public let keyID: String?
    public let channel: Channel
    /// Recorded as `confirmed_by` and in the audit log: the organisation id, or `local:<user>`.
    public let name: String

    public init(organisationID: String, role: Role, keyID: String?, channel: Channel) {
        self.organisationID = organisationID
        self.role = role
        self.keyID = keyID
        self.channel = channel
        self.name = organisationID
    }

    private init(localUser: String, channel: Channel) {
        organisationID = nil
        role = .admin
        keyID = nil
        self.channel = channel
        name = "local:" + localUser
    }

    public static func localOperator(user: String, channel: Channel = .cli) -> Actor {
        Actor(localUser: user, channel: channel)
    }

    public var isLocalOperator: Bool { organisationID == nil }

    /// The same actor arriving through another channel (a bulk upload over HTTP, say).
    public func via(_ channel: Channel) -> Actor {
        if let organisationID { return Actor(organisationID: organisationID, role: role, keyID: keyID, channel: channel) }
        return Actor(localUser: String(name.dropFirst("local:".count)), channel: channel)
    }
}

/// A valid key used for something its organisation may not do. The reason names the rule,
/// never anything about the building's figures or contact.
public struct AccessDenied: Error, Sendable, Equatable, CustomStringConvertible {
    public let reason: String
    public init(_ reason: String) { self.reason = reason }
    public var description: String { reason }
}
