import Foundation
import GRDB

/// One thing that happened in an incident, as a commander follows it live: the incident
/// opened, its cordons changed or it closed; an alert, update or cancellation was sent; a
/// building answered. The id is the audit row that recorded it, so the stream and the audit
/// log can never disagree about order or content.
public struct IncidentEvent: Sendable {
    public let id: Int
    public let at: String
    public let by: String
    /// The audit action: incident.open, incident.cordon, incident.close, alert.alert,
    /// alert.update, alert.cancel or alert.ack.
    public let kind: String
    public let incidentID: Int
    public let alertID: Int?
    public let buildingID: String?
    /// What was recorded (the incident's cordons, the alert's target and counts, the answer),
    /// as the audit log holds it.
    public let detail: String?
}

extension Registry {
    public static let incidentEventPageLimit = 500

    /// The incident's events after `after` (an event id; 0 for all), oldest first, for
    /// commanders, planners and admins.
    public func incidentEvents(_ incidentID: Int, after: Int, limit: Int = incidentEventPageLimit,
                               actor: Actor) async throws -> [IncidentEvent] {
        try actor.mayFollowIncidents()
        return try await database.read { db in
            _ = try Self.incident(incidentID, in: db)
            return try Row.fetchAll(db.cachedStatement(sql: Query.incidentEvents.sql),
                                    arguments: ["incident_id": incidentID, "after": after, "limit": limit]).map { row in
                let isAlert = (row["target_type"] as String) == "alert"
                return IncidentEvent(id: row["seq"], at: row["at"], by: row["actor"], kind: row["action"], incidentID: incidentID,
                                     alertID: isAlert ? Int(row["target_id"] as String) : nil, buildingID: row["building_id"],
                                     detail: row["after"])
            }
        }
    }
}

extension IncidentEvent {
    /// What the stream sends; `detail` is JSON already, so it is embedded as it is.
    public func json() -> String {
        JSONText.object([
            ("event_id", "\(id)"), ("kind", JSONText.quoted(kind)), ("at", JSONText.quoted(at)), ("by", JSONText.quoted(by)),
            ("incident_id", "\(incidentID)"), ("alert_id", alertID.map { "\($0)" } ?? "null"),
            ("building_id", JSONText.string(buildingID)), ("detail", detail ?? "null"),
        ])
    }
}
