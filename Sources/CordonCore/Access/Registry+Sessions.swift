import Foundation
import GRDB

/// A console sign-in: the token goes to the browser once, in a cookie; only its hash is kept.
public struct IssuedSession: Sendable, Equatable {
    public let id: String
    public let token: String
    public let expiresAt: Date
    public let actor: Actor
}

/// A session that still stands, and the actor it stands for (the same actor as its key).
public struct ActiveSession: Sendable, Equatable {
    public let id: String
    public let actor: Actor
    /// The sooner of the session's and its key's expiry.
    public let expiresAt: Date
}

extension Registry {
    /// Exchanges a signed-in actor's key for a session lasting `lifetime` (never past the
    /// key's own expiry, which the check at every request enforces anyway). Audited.
    public func startSession(for actor: Actor, lifetime: Duration, now: Date = Date()) async throws -> IssuedSession {
        guard let keyID = actor.keyID, let organisationID = actor.organisationID else {
            throw AccessDenied("sessions are for organisations signing in with a key; the local operator runs the command line")
        }
        let seconds = Double(lifetime.components.seconds)
        guard seconds >= 60 else {
            throw InputError(field: "session lifetime", value: "\(Int(seconds)) s", problem: "is under a minute",
                             fix: "Give a session lifetime of at least one minute (--session-hours).")
        }
        let (id, token) = KeyMaterial.generateSession()
        let at = LookupTime.text(now)
        let expiresAt = now.addingTimeInterval(seconds)
        let expires = LookupTime.text(expiresAt)
        try await database.write { db in
            try db.cachedStatement(sql: Query.sessionInsert.sql).execute(arguments: [
                "id": id, "token_hash": KeyMaterial.hash(token), "key_id": keyID, "created_at": at, "expires_at": expires,
            ])
            try AuditLog.append(AuditRecord(
                action: "session.start", targetType: "session", targetID: id, organisationID: organisationID,
                after: JSONText.object([("id", JSONText.quoted(id)), ("key_id", JSONText.quoted(keyID)),
                                        ("expires_at", JSONText.quoted(expires))])), actor: actor, at: at, in: db)
        }
        return IssuedSession(id: id, token: token, expiresAt: expiresAt, actor: actor)
    }

    /// The session a cookie's token stands for; nil when it is unknown, signed out, expired,
    /// or its key is revoked or expired.
    public func session(token: String, now: Date = Date()) async throws -> ActiveSession? {
        let hash = KeyMaterial.hash(token)
        let at = LookupTime.text(now)
        return try await database.read { db in
            guard let row = try Row.fetchOne(db.cachedStatement(sql: Query.sessionByToken.sql),
                                             arguments: ["token_hash": hash, "now": at]),
                  let role = Role(rawValue: row["role"])
            else { return nil }
            let ends = try [row["expires_at"] as String?, row["key_expires_at"] as String?].compactMap { $0 }
                .map { text throws(InputError) in try LookupTime.parse(text, field: "expires_at") }
            let actor = Actor(organisationID: row["organisation_id"], role: role, keyID: row["key_id"], channel: .http)
            return ActiveSession(id: row["id"], actor: actor, expiresAt: ends.min() ?? now)
        }
    }

    /// Signs a session out; audited. False when the token names no session that still stood.
    @discardableResult
    public func endSession(token: String, actor: Actor, now: Date = Date()) async throws -> Bool {
        let hash = KeyMaterial.hash(token)
        let at = LookupTime.text(now)
        return try await database.write { db in
            guard let row = try Row.fetchOne(db.cachedStatement(sql: Query.sessionByTokenAny.sql), arguments: ["token_hash": hash]),
                  row["ended_at"] as String? == nil
            else { return false }
            try db.cachedStatement(sql: Query.sessionEnd.sql).execute(arguments: ["token_hash": hash, "ended_at": at])
            let id: String = row["id"]
            try AuditLog.append(AuditRecord(
                action: "session.end", targetType: "session", targetID: id, organisationID: actor.organisationID,
                before: JSONText.object([("ended_at", "null")]),
                after: JSONText.object([("ended_at", JSONText.quoted(at))])), actor: actor, at: at, in: db)
            return true
        }
    }
}
