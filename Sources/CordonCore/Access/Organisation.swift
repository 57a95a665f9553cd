import GRDB

public struct Organisation: Sendable, Equatable {
    public let id: String
    public let name: String
    public let role: Role
    public let createdAt: String
    /// Buildings it manages and keys not revoked (listings only).
    public var buildings = 0
    public var activeKeys = 0

    init(row: Row) {
        id = row["id"]
        name = row["name"]
        role = Role(rawValue: row["role"]) ?? .planner
        createdAt = row["created_at"]
        buildings = row["buildings"] ?? 0
        activeKeys = row["active_keys"] ?? 0
    }

    func json() -> String {
        JSONText.object([("id", JSONText.quoted(id)), ("name", JSONText.quoted(name)),
                         ("role", JSONText.quoted(role.rawValue)), ("created_at", JSONText.quoted(createdAt))])
    }
}

/// A key as issued: the secret appears here once and is never stored.
public struct IssuedKey: Sendable {
    public let id: String
    public let organisationID: String
    public let secret: String
    public let expiresAt: String?
}
