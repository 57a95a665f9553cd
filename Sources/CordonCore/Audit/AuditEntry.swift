import Crypto
import Foundation
import GRDB

/// One row of the audit log.
public struct AuditEntry: Sendable, Equatable {
    public let seq: Int
    public let at: String
    public let actor: String
    public let keyID: String?
    public let channel: String
    public let action: String
    public let targetType: String
    public let targetID: String
    public let buildingID: String?
    public let organisationID: String?
    public let before: String?
    public let after: String?
    public let prevHash: String
    public let hash: String

    public static let genesis = String(repeating: "0", count: 64)

    /// SHA-256 over every field and the previous row's hash. Each field is length-prefixed,
    /// so no two different rows can produce the same text. Public so that other tools can
    /// recompute the chain from a copy of the table.
    public static func chainHash(seq: Int, at: String, actor: String, keyID: String?, channel: String, action: String,
                          targetType: String, targetID: String, buildingID: String?, organisationID: String?,
                          before: String?, after: String?, prevHash: String) -> String {
        var text = ""
        for field in [String(seq), at, actor, keyID, channel, action, targetType, targetID, buildingID,
                      organisationID, before, after, prevHash] {
            if let field {
                text += "\(field.utf8.count):" + field + ";"
            } else {
                text += "-;"
            }
        }
        return KeyMaterial.hex(Array(SHA256.hash(data: Data(text.utf8))))
    }

    var recomputedHash: String {
        Self.chainHash(seq: seq, at: at, actor: actor, keyID: keyID, channel: channel, action: action,
                       targetType: targetType, targetID: targetID, buildingID: buildingID,
                       organisationID: organisationID, before: before, after: after, prevHash: prevHash)
    }

    init(row: Row) {
        seq = row["seq"]
        at = row["at"]
        actor = row["actor"]
        keyID = row["key_id"]
        channel = row["channel"]
        action = row["action"]
        targetType = row["target_type"]
        targetID = row["target_id"]
        buildingID = row["building_id"]
        organisationID = row["organisation_id"]
        before = row["before"]
        after = row["after"]
        prevHash = row["prev_hash"]
        hash = row["hash"]
    }
}

/// What an audited write did.
struct AuditRecord {
    let action: String
    let targetType: String
    let targetID: String
    var buildingID: String? = nil
    var organisationID: String? = nil
    var before: String? = nil
    var after: String? = nil
}

enum AuditLog {
    /// Appends a row chained to the last one. Called inside the write's own transaction, so
    /// the change and its audit row are kept or lost together.
    static func append(_ record: AuditRecord, actor: Actor, at: String, in db: Database) throws {
        // The last line of defence for the chain: SQLite would store these only up to a NUL
        // while the hash covers the whole text, breaking verification for good. Refusing
        // here rolls the whole write back.
        try TextInput.checked(record.targetID, field: "id")
        try TextInput.checked(record.buildingID, field: "building_id")
        try TextInput.checked(record.organisationID, field: "organisation_id")
        try TextInput.checked(actor.name, field: "actor")
        let last = try Row.fetchOne(db.cachedStatement(sql: Query.auditLast.sql))
        let seq = (last?["seq"] as Int? ?? 0) + 1
        let prevHash: String = last?["hash"] ?? AuditEntry.genesis
        let hash = AuditEntry.chainHash(
            seq: seq, at: at, actor: actor.name, keyID: actor.keyID, channel: actor.channel.rawValue,
            action: record.action, targetType: record.targetType, targetID: record.targetID,
            buildingID: record.buildingID, organisationID: record.organisationID,
            before: record.before, after: record.after, prevHash: prevHash)
        try db.cachedStatement(sql: Query.auditAppend.sql).execute(arguments: [
            "seq": seq, "at": at, "actor": actor.name, "key_id": actor.keyID, "channel": actor.channel.rawValue,
            "action": record.action, "target_type": record.targetType, "target_id": record.targetID,
            "building_id": record.buildingID, "organisation_id": record.organisationID,
            "before": record.before, "after": record.after, "prev_hash": prevHash, "hash": hash,
        ])
    }
}

extension Registry {
    /// Rows filtered by building, organisation (acting or acted on) and time; newest first.
    public func auditEntries(buildingID: String? = nil, organisationID: String? = nil, from: String? = nil,
                             to: String? = nil, limit: Int = 100) async throws -> [AuditEntry] {
        try TextInput.checked(buildingID, field: "building")
        try TextInput.checked(organisationID, field: "organisation")
        return try await database.read { db in
            try Row.fetchAll(db.cachedStatement(sql: Query.auditSearch.sql), arguments: [
                "building_id": buildingID, "organisation_id": organisationID, "from": from, "to": to, "limit": limit,
            ]).map(AuditEntry.init(row:))
        }
    }
}
