import Foundation
import GRDB

extension Registry {
    public func createOrganisation(id: String, name: String, role: Role, actor: Actor, now: Date = Date()) async throws -> Organisation {
        try actor.mayAdminister()
        try TextInput.checked(id, field: "id")
        try TextInput.checked(name, field: "name")
        guard id.count >= 2, id.count <= 40, id.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }) else {
            throw InputError(field: "id", value: "'\(id)'", problem: "is not a valid organisation id",
                             fix: "Use 2 to 40 lower-case letters, digits and hyphens, e.g. acme-security.")
        }
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, trimmed.count <= 200 else {
            throw InputError(field: "name", value: "'\(name)'", problem: "must be 1 to 200 characters", fix: "Give the organisation's name.")
        }
        let at = LookupTime.text(now)
        return try await database.write { db in
            if try Row.fetchOne(db.cachedStatement(sql: Query.organisationByID.sql), arguments: ["id": id]) != nil {
                throw InputError(field: "id", value: "'\(id)'", problem: "is already taken", fix: "Choose another id.")
            }
            try db.cachedStatement(sql: Query.organisationInsert.sql).execute(arguments: [
                "id": id, "name": trimmed, "role": role.rawValue, "created_at": at,
            ])
            guard let row = try Row.fetchOne(db.cachedStatement(sql: Query.organisationByID.sql), arguments: ["id": id]) else {
                throw StorageError("organisation \(id) vanished after insert")
            }
            let organisation = Organisation(row: row)
            try AuditLog.append(AuditRecord(action: "organisation.create", targetType: "organisation", targetID: id,
                                            organisationID: id, after: organisation.json()), actor: actor, at: at, in: db)
            return organisation
        }
    }

    public func organisations(actor: Actor) async throws -> [Organisation] {
        try actor.mayAdminister()
        return try await database.read { db in
            try Row.fetchAll(db.cachedStatement(sql: Query.organisationsAll.sql)).map(Organisation.init(row:))
        }
    }

    /// Makes `organisationID` (a firm) the manager of each building, in one transaction.
    public func assign(buildingIDs: [String], to organisationID: String, actor: Actor, now: Date = Date()) async throws -> Int {
        try actor.mayAdminister()
        guard !buildingIDs.isEmpty else {
            throw InputError(field: "building", value: "nothing", problem: "is missing", fix: "Name at least one building id.")
        }
        try TextInput.checked(buildingIDs, field: "building_ids")
        try TextInput.checked(organisationID, field: "organisation_id")
        let at = LookupTime.text(now)
        return try await database.write { db in
            guard let row = try Row.fetchOne(db.cachedStatement(sql: Query.organisationByID.sql), arguments: ["id": organisationID]) else {
                throw NotFoundError(kind: "organisation", id: organisationID)
            }
            guard Organisation(row: row).role == .firm else {
                throw InputError(field: "org", value: organisationID, problem: "is not a firm",
                                 fix: "Buildings are assigned to organisations with the firm role.")
            }
            for buildingID in buildingIDs {
                guard let site = try Row.fetchOne(db.cachedStatement(sql: Query.siteByBuilding.sql), arguments: ["building_id": buildingID]) else {
                    throw NotFoundError(kind: "building", id: buildingID)
                }
                let previous: String? = site["managed_by"]
                let phone: String? = site["control_room_phone"], email: String? = site["contact_email"]
                try db.cachedStatement(sql: Query.siteAssign.sql).execute(arguments: ["building_id": buildingID, "managed_by": organisationID])
                // The contact is the previous firm's: the assignment clears it, and the log says so.
                var before: [(String, String?)] = [("managed_by", JSONText.string(previous))]
                var after: [(String, String?)] = [("managed_by", JSONText.quoted(organisationID))]
                if previous != organisationID, phone != nil || email != nil {
                    before += [("control_room_phone", JSONText.string(phone)), ("email", JSONText.string(email))]
                    after += [("control_room_phone", "null"), ("email", "null")]
                }
                try AuditLog.append(AuditRecord(
                    action: "building.assign", targetType: "building", targetID: buildingID, buildingID: buildingID,
                    organisationID: organisationID,
                    before: JSONText.object(before), after: JSONText.object(after)), actor: actor, at: at, in: db)
            }
            return buildingIDs.count
        }
    }

    /// Issues a key for an organisation. The secret is returned once and only its hash is kept.
    public func createKey(for organisationID: String, expiresAt: Date?, actor: Actor, now: Date = Date()) async throws -> IssuedKey {
        try actor.mayAdminister()
        try TextInput.checked(organisationID, field: "organisation_id")
        if let expiresAt, expiresAt <= now {
            throw InputError(field: "expires", value: LookupTime.text(expiresAt), problem: "is in the past", fix: "Give a future date, e.g. 2027-12-31.")
        }
        let (id, secret) = KeyMaterial.generate()
        let at = LookupTime.text(now)
        let expires = expiresAt.map(LookupTime.text)
        return try await database.write { db in
            guard try Row.fetchOne(db.cachedStatement(sql: Query.organisationByID.sql), arguments: ["id": organisationID]) != nil else {
                throw NotFoundError(kind: "organisation", id: organisationID)
            }
            try db.cachedStatement(sql: Query.keyInsert.sql).execute(arguments: [
                "id": id, "organisation_id": organisationID, "secret_hash": KeyMaterial.hash(secret),
                "created_at": at, "expires_at": expires,
            ])
            try AuditLog.append(AuditRecord(
                action: "key.create", targetType: "key", targetID: id, organisationID: organisationID,
                after: JSONText.object([("id", JSONText.quoted(id)), ("organisation_id", JSONText.quoted(organisationID)),
                                        ("expires_at", JSONText.string(expires))])), actor: actor, at: at, in: db)
            return IssuedKey(id: id, organisationID: organisationID, secret: secret, expiresAt: expires)
        }
    }

    public func revokeKey(id: String, actor: Actor, now: Date = Date()) async throws {
        try actor.mayAdminister()
        try TextInput.checked(id, field: "key_id")
        let at = LookupTime.text(now)
        try await database.write { db in
            guard let row = try Row.fetchOne(db.cachedStatement(sql: Query.keyByID.sql), arguments: ["id": id]) else {
                throw NotFoundError(kind: "key", id: id)
            }
            guard row["revoked_at"] as String? == nil else {
                throw InputError(field: "key", value: id, problem: "is already revoked", fix: "Nothing to do; create a new key if one is needed.")
            }
            try db.cachedStatement(sql: Query.keyRevoke.sql).execute(arguments: ["id": id, "revoked_at": at])
            try AuditLog.append(AuditRecord(
                action: "key.revoke", targetType: "key", targetID: id, organisationID: row["organisation_id"],
                before: JSONText.object([("revoked_at", "null")]),
                after: JSONText.object([("revoked_at", JSONText.quoted(at))])), actor: actor, at: at, in: db)
        }
    }

    /// The actor a presented key stands for; nil when the key is unknown, revoked or expired.
    public func authenticate(secret: String, channel: Channel = .http, now: Date = Date()) async throws -> Actor? {
        try await authenticateKey(secret: secret, channel: channel, now: now)?.actor
    }

    /// The actor a presented key stands for and when the key expires (nil: never), so that
    /// whoever remembers the answer forgets it by then; nil when the key is unknown, revoked
    /// or expired.
    public func authenticateKey(secret: String, channel: Channel = .http, now: Date = Date()) async throws -> (actor: Actor, expiresAt: Date?)? {
        let hash = KeyMaterial.hash(secret)
        let at = LookupTime.text(now)
        return try await database.read { db in
            guard let row = try Row.fetchOne(db.cachedStatement(sql: Query.keyByHash.sql), arguments: ["secret_hash": hash]),
                  row["revoked_at"] as String? == nil,
                  (row["expires_at"] as String?).map({ $0 > at }) ?? true,
                  let role = Role(rawValue: row["role"])
            else { return nil }
            let expiresAt = try (row["expires_at"] as String?).map { text throws(InputError) in try LookupTime.parse(text, field: "expires_at") }
            return (Actor(organisationID: row["organisation_id"], role: role, keyID: row["id"], channel: channel), expiresAt)
        }
    }

    /// Whether the key `actor` presented still stands: not revoked (by this server or the
    /// command line) and not expired. Actors without a key (the local operator) always stand.
    public func keyIsActive(of actor: Actor, now: Date = Date()) async throws -> Bool {
        guard let keyID = actor.keyID else { return true }
        let at = LookupTime.text(now)
        return try await database.read { db in
            guard let row = try Row.fetchOne(db.cachedStatement(sql: Query.keyByID.sql), arguments: ["id": keyID]) else { return false }
            return row["revoked_at"] as String? == nil && ((row["expires_at"] as String?).map { $0 > at } ?? true)
        }
    }
}
