import Foundation
import GRDB

extension Registry {
    /// Records a firm's acknowledgement for each named building, in one transaction. A firm
    /// answers for the buildings it received the alert for; a commander may record an
    /// answer taken by radio or phone for any recipient. Earlier answers are kept.
    public func acknowledge(_ alertID: Int, _ draft: AckDraft, actor: Actor, now: Date = Date()) async throws -> [Acknowledgement] {
        let firm: String?
        if !actor.isLocalOperator, actor.role == .firm {
            firm = actor.organisationID
        } else {
            try actor.mayCommand()
            firm = nil
        }
        let at = LookupTime.text(now)
        return try await database.write { db in
            let status = try Self.status(alertID, firm: firm, in: db)
            if firm != nil, status.recipients.isEmpty { throw NotFoundError(kind: "alert", id: String(alertID)) }
            var recorded: [Acknowledgement] = []
            for buildingID in draft.buildingIDs {
                let row = try Row.fetchOne(db.cachedStatement(sql: Query.alertRecipientFirm.sql),
                                           arguments: ["alert_id": alertID, "building_id": buildingID])
                if let firm, row?["firm_id"] as String? != firm {
                    // The same words whether or not the building was a recipient at all.
                    throw AccessDenied("organisation \(firm) did not receive alert \(alertID) for building \(buildingID)")
                }
                guard row != nil else {
                    throw InputError(field: "building_id", value: buildingID, problem: "is not a recipient of alert \(alertID)",
                                     fix: "Acknowledge only the buildings the alert was sent to (GET /alerts/\(alertID)).")
                }
                try db.cachedStatement(sql: Query.alertAckInsert.sql).execute(arguments: [
                    "alert_id": alertID, "building_id": buildingID, "status": draft.status.rawValue, "people": draft.people,
                    "note": draft.note, "at": at, "by": actor.name,
                ])
                let ack = Acknowledgement(id: Int(db.lastInsertedRowID), buildingID: buildingID, status: draft.status,
                                          people: draft.people, note: draft.note, at: at, by: actor.name)
                try AuditLog.append(AuditRecord(action: "alert.ack", targetType: "alert", targetID: String(alertID),
                                                buildingID: buildingID, organisationID: row?["firm_id"], after: ack.json()),
                                    actor: actor, at: at, in: db)
                recorded.append(ack)
            }
            return recorded
        }
    }

    /// Every acknowledgement of an alert, oldest first: the superseded ones too.
    public func acknowledgements(of alertID: Int, actor: Actor) async throws -> [Acknowledgement] {
        let firm = try Self.firmScope(actor)
        return try await database.read { db in
            let status = try Self.status(alertID, firm: firm, in: db)
            if firm != nil, status.recipients.isEmpty { throw NotFoundError(kind: "alert", id: String(alertID)) }
            return try Row.fetchAll(db.cachedStatement(sql: Query.alertAcks.sql), arguments: ["alert_id": alertID, "firm_id": firm]).map { row in
                Acknowledgement(id: row["id"], buildingID: row["building_id"], status: AckStatus(rawValue: row["status"]) ?? .received,
                                people: row["people"], note: row["note"], at: row["at"], by: row["by"])
            }
        }
    }
}
