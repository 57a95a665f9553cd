import Foundation
import GRDB

/// One alert in a firm's feed: the event id of the live stream and what the firm may see of
/// the alert (its own buildings only).
public struct FeedEvent: Sendable {
    public let id: Int
    public let createdAt: String
    public let status: AlertStatus
}

extension Actor {
    /// The firm a feed belongs to: firms read their own, nobody reads another's.
    public func feedOwner() throws(AccessDenied) -> String {
        guard !isLocalOperator, role == .firm, let organisationID else {
            throw AccessDenied("the alert feed belongs to a firm and is read with that firm's key; commanders follow alerts with GET /alerts/{id}")
        }
        return organisationID
    }

    /// Whose webhook a request sets or reads: a firm's (its alerts) or an admin
    /// organisation's (signed audit checkpoints).
    public func webhookOwner() throws(AccessDenied) -> String {
        guard !isLocalOperator, role == .firm || role == .admin, let organisationID else {
            throw AccessDenied("webhooks belong to firms (their alerts) and admin organisations (signed audit checkpoints); commanders follow alerts with GET /alerts/{id}")
        }
        return organisationID
    }
}

extension Registry {
    public static let feedPageLimit = 500

    /// The firm's events after `after` (an event id; 0 for all), oldest first.
    public func feed(after: Int, limit: Int = feedPageLimit, actor: Actor) async throws -> [FeedEvent] {
        let firm = try actor.feedOwner()
        return try await database.read { db in
            try Row.fetchAll(db.cachedStatement(sql: Query.feed.sql), arguments: ["firm_id": firm, "after": after, "limit": limit]).map { row in
                FeedEvent(id: row["id"], createdAt: row["created_at"], status: try Self.status(row["alert_id"], firm: firm, in: db))
            }
        }
    }

    /// Adds the alert to a firm's feed and, when the firm has a webhook, to the outbox.
    static func deliver(_ status: AlertStatus, to firm: String, at: String, now: Date, in db: Database) throws {
        try db.cachedStatement(sql: Query.feedInsert.sql).execute(arguments: ["firm_id": firm, "alert_id": status.alert.id, "at": at])
        let feedID = Int(db.lastInsertedRowID)
        guard try Row.fetchOne(db.cachedStatement(sql: Query.webhookByFirm.sql), arguments: ["firm_id": firm]) != nil else { return }
        let event = FeedEvent(id: feedID, createdAt: at, status: status.scoped(to: firm))
        try db.cachedStatement(sql: Query.outboxInsert.sql).execute(arguments: [
            "feed_id": feedID, "firm_id": firm, "idempotency_key": UUID().uuidString.lowercased(),
            "payload": event.json(), "now": now.timeIntervalSince1970,
        ])
    }
}

extension AlertStatus {
    /// What `firm` may see: its own buildings, and the alert cut to them.
    func scoped(to firm: String) -> AlertStatus {
        let own = recipients.filter { $0.firmID == firm }
        return AlertStatus(alert: alert.scoped(toBuildings: Set(own.map(\.buildingID))), recipients: own, cancelledBy: cancelledBy)
    }
}
