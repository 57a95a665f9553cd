import Foundation
import GRDB

extension Registry {
    /// Sends an alert for an open incident. Recipients are resolved now, inside the write,
    /// and frozen with the alert; each firm's feed gets one event and, when the firm has a
    /// webhook, one outbox delivery, in the same transaction.
    public func sendAlert(incident incidentID: Int, _ draft: AlertDraft, actor: Actor, now: Date = Date()) async throws -> AlertStatus {
        try actor.mayCommand()
        guard let priority = draft.priority else {
            throw InputError(field: "priority", value: "nothing", problem: "is missing", fix: "Give red (act now), amber (prepare) or green (for information).")
        }
        guard let message = draft.message else {
            throw InputError(field: "message", value: "nothing", problem: "is missing", fix: "Write what the recipients need to know.")
        }
        guard let target = draft.target else {
            throw InputError(field: "target", value: "nothing", problem: "is missing",
                             fix: "Say whom the alert is for: {\"zones\": [\"inner\"]}, {\"city\": true} or {\"buildings\": [...]}; an alert is never sent to everyone by default.")
        }
        return try await database.write { db in
            let incident = try Self.incident(incidentID, in: db)
            guard incident.status == .open else { throw Self.closed(incident) }
            let outgoing = Outgoing(kind: .alert, original: nil, priority: priority, message: message,
                                    instruction: draft.instruction, target: target, allowEmpty: draft.allowEmpty,
                                    allowUnreachable: draft.allowUnreachable)
            return try Self.send(outgoing, incident: incident, actor: actor, now: now, in: db)
        }
    }

    /// What sending `draft` would do, now: the exact recipients, those no firm can receive it
    /// for, and whether it would be refused and why. The real send runs inside a transaction
    /// that is rolled back, so the preview can never disagree with it and writes nothing.
    public func previewAlert(incident incidentID: Int, _ draft: AlertDraft, actor: Actor, now: Date = Date()) async throws -> AlertPreview {
        try actor.mayCommand()
        let message = draft.message ?? "(preview)"
        let target = draft.target
        return try await database.rehearse { db in
            let incident = try Self.incident(incidentID, in: db)
            guard incident.status == .open else { throw Self.closed(incident) }
            guard let target else {
                throw InputError(field: "target", value: "nothing", problem: "is missing",
                                 fix: "Say whom the alert is for: {\"zones\": [\"inner\"]}, {\"city\": true} or {\"buildings\": [...]}.")
            }
            let outgoing = Outgoing(kind: .alert, original: nil, priority: draft.priority ?? .red, message: message,
                                    instruction: draft.instruction, target: target, allowEmpty: true, allowUnreachable: true)
            let status = try Self.send(outgoing, incident: incident, actor: actor, now: now, in: db)
            let strict = Outgoing(kind: .alert, original: nil, priority: outgoing.priority, message: message, instruction: nil,
                                  target: target, allowEmpty: draft.allowEmpty, allowUnreachable: draft.allowUnreachable)
            return AlertPreview(status: status, refusal: Self.refusal(of: strict, recipients: status.recipients.map(\.firmID)).map { "\($0)" })
        }
    }

    /// An update references the original; a missing priority or target keeps the original's.
    /// It goes to the target resolved now and to every original recipient, so nobody who had
    /// the first message misses the correction.
    public func updateAlert(_ alertID: Int, _ draft: AlertDraft, actor: Actor, now: Date = Date()) async throws -> AlertStatus {
        try actor.mayCommand()
        guard let message = draft.message else {
            throw InputError(field: "message", value: "nothing", problem: "is missing", fix: "Write what has changed.")
        }
        return try await database.write { db in
            let original = try Self.referable(alertID, in: db)
            let incident = try Self.incident(original.alert.incidentID, in: db)
            guard incident.status == .open else { throw Self.closed(incident) }
            let outgoing = Outgoing(kind: .update, original: original, priority: draft.priority ?? original.alert.priority,
                                    message: message, instruction: draft.instruction,
                                    target: draft.target ?? original.alert.target, allowEmpty: draft.allowEmpty,
                                    allowUnreachable: draft.allowUnreachable || original.reachable.isEmpty)
            return try Self.send(outgoing, incident: incident, actor: actor, now: now, in: db)
        }
    }

    /// A cancellation goes to exactly the original's recipients, even after the incident closed.
    public func cancelAlert(_ alertID: Int, message: String?, actor: Actor, now: Date = Date()) async throws -> AlertStatus {
        try actor.mayCommand()
        let draft = try AlertDraft(priority: nil, message: message, target: nil)
        return try await database.write { db in
            let original = try Self.referable(alertID, in: db)
            let incident = try Self.incident(original.alert.incidentID, in: db)
            let outgoing = Outgoing(kind: .cancel, original: original, priority: original.alert.priority,
                                    message: draft.message ?? "Cancelled: \(original.alert.message)", instruction: draft.instruction,
                                    target: original.alert.target, allowEmpty: true, allowUnreachable: true)
            return try Self.send(outgoing, incident: incident, actor: actor, now: now, in: db)
        }
    }

    /// An alert with its recipients and their latest acknowledgements. A firm sees only its
    /// own buildings, and an alert that reached none of them does not exist for it.
    public func alertStatus(_ alertID: Int, actor: Actor) async throws -> AlertStatus {
        let firm = try Self.firmScope(actor)
        return try await database.read { db in
            let status = try Self.status(alertID, firm: firm, in: db)
            if firm != nil, status.recipients.isEmpty { throw NotFoundError(kind: "alert", id: String(alertID)) }
            return status.visible(to: actor)
        }
    }

    public func alerts(ofIncident incidentID: Int, actor: Actor) async throws -> [AlertStatus] {
        try actor.mayFollowIncidents()
        return try await database.read { db in
            _ = try Self.incident(incidentID, in: db)
            return try Row.fetchAll(db.cachedStatement(sql: Query.alertByID.sql), arguments: ["id": nil, "incident_id": incidentID])
                .map { row in try Self.status(row["id"], firm: nil, in: db).visible(to: actor) }
        }
    }

    // MARK: - Inside a transaction

    struct Outgoing {
        let kind: AlertKind
        let original: AlertStatus?
        let priority: AlertPriority
        let message: String
        let instruction: String?
        let target: AlertTarget
        let allowEmpty: Bool
        let allowUnreachable: Bool
    }

    private struct Addressee {
        let buildingID: String
        let zone: Zone?
        let distance: Double?
        let firmID: String?
    }

    static func send(_ outgoing: Outgoing, incident: Incident, actor: Actor, now: Date, in db: Database) throws -> AlertStatus {
        let at = LookupTime.text(now)
        var addressees: [Addressee] = []
        var areas: [AlertArea] = []
        if outgoing.kind != .cancel {
            (addressees, areas) = try resolve(outgoing.target, of: incident, in: db)
        }
        if let original = outgoing.original {
            var present = Set(addressees.map(\.buildingID))
            for recipient in original.recipients where present.insert(recipient.buildingID).inserted {
                addressees.append(Addressee(buildingID: recipient.buildingID, zone: recipient.zone,
                                            distance: recipient.distance, firmID: recipient.firmID))
            }
            if outgoing.kind == .cancel { areas = original.alert.areas }
        }
        if let refusal = refusal(of: outgoing, recipients: addressees.map(\.firmID)) { throw refusal }
        try db.cachedStatement(sql: Query.alertInsert.sql).execute(arguments: [
            "incident_id": incident.id, "msg_type": outgoing.kind.rawValue, "references_alert": outgoing.original?.alert.id,
            "priority": outgoing.priority.rawValue, "message": outgoing.message, "instruction": outgoing.instruction,
            "target": outgoing.target.json(), "areas": "[" + areas.map { $0.json() }.joined(separator: ",") + "]",
            "cordon_version": incident.cordons.version, "sent_at": at, "sent_by": actor.name,
            "sender_organisation": actor.organisationID,
        ])
        let alertID = Int(db.lastInsertedRowID)
        let insertRecipient = try db.cachedStatement(sql: Query.alertRecipientInsert.sql)
        for addressee in addressees {
            try insertRecipient.execute(arguments: [
                "alert_id": alertID, "building_id": addressee.buildingID, "zone": addressee.zone?.rawValue,
                "distance_m": addressee.distance, "firm_id": addressee.firmID,
            ])
        }
        var status = try status(alertID, firm: nil, in: db)
        if outgoing.kind != .cancel, case .zones(let wanted) = outgoing.target {
            // The zones' shapes are enough: their buildings were matched above.
            status.zones = try incident.cordons.cordons.zones.filter { wanted.contains($0.0) }.map { zone, cordon in
                ZoneCoverage(zone: zone, coverage: try coverage(of: cordon.cordon, in: db))
            }
        }
        for firm in Set(addressees.compactMap(\.firmID)).sorted() {
            try deliver(status, to: firm, at: at, now: now, in: db)
        }
        let counts = status.counts
        try AuditLog.append(AuditRecord(
            action: "alert." + outgoing.kind.rawValue, targetType: "alert", targetID: String(alertID),
            organisationID: actor.organisationID,
            after: JSONText.object([
                ("incident_id", "\(incident.id)"), ("references", outgoing.original.map { "\($0.alert.id)" }),
                ("priority", JSONText.quoted(outgoing.priority.rawValue)), ("target", outgoing.target.json()),
                ("cordon_version", "\(incident.cordons.version)"), ("recipients", "\(counts.recipients)"),
                ("firms", "\(counts.firms)"), ("unreachable", "\(counts.unreachable)"),
            ])), actor: actor, at: at, in: db)
        return status
    }

    /// Why an alert to recipients managed by `firms` (nil: no firm) would not be sent: it
    /// reaches no building (bad input), or no firm can receive it for any of them (a conflict
    /// with who manages what); nil when it may go.
    static func refusal(of outgoing: Outgoing, recipients firms: [String?]) -> (any Error & CustomStringConvertible)? {
        if firms.isEmpty {
            guard !outgoing.allowEmpty else { return nil }
            return InputError(field: "target", value: outgoing.target.json(), problem: "resolves to no building",
                              fix: "Check the target and the incident's cordons; send \"allow_empty\": true to record the alert anyway.")
        }
        guard !outgoing.allowUnreachable, firms.allSatisfy({ $0 == nil }) else { return nil }
        return StateConflict("the target \(outgoing.target.json()) reaches none of its \(firms.count) building(s): no firm manages them, "
            + "so nobody would receive the alert. Assign the buildings to their firms (cordon org assign), reach them by phone or radio, "
            + "or send \"allow_unreachable\": true (--allow-unreachable) to record the alert anyway")
    }

    /// Buildings and areas for a target, against the incident's current cordons.
    private static func resolve(_ target: AlertTarget, of incident: Incident, in db: Database) throws -> ([Addressee], [AlertArea]) {
        switch target {
        case .zones(let wanted):
            let cordons = incident.cordons.cordons
            for zone in wanted where cordons[zone] == nil {
                throw InputError(field: "target.zones", value: "'\(zone.rawValue)'",
                                 problem: "is not set for incident \(incident.id)",
                                 fix: "Set the \(zone.rawValue) cordon first, or target the zones that are set: "
                                    + cordons.zones.map(\.0.rawValue).joined(separator: ", ") + ".")
            }
            var addressees: [Addressee] = []
            var areas: [AlertArea] = []
            for found in try zoneMatches(incident, in: db) where wanted.contains(found.zone) {
                addressees += found.matches.map {
                    Addressee(buildingID: $0.id, zone: found.zone, distance: $0.distance, firmID: found.firms[$0.id])
                }
                areas.append(try AlertArea(zone: found.zone, cordon: found.cordon, in: db))
            }
            return (addressees, areas)
        case .city:
            let reach = try reach(of: nil, from: incident.location, in: db)
            let addressees = reach.keys.sorted().map { Addressee(buildingID: $0, zone: nil, distance: reach[$0]?.distance, firmID: reach[$0]?.firm) }
            return (addressees, [try AlertArea.city(in: db)])
        case .buildings(let ids):
            let reach = try reach(of: ids, from: incident.location, in: db)
            let missing = ids.filter { reach[$0] == nil }
            guard missing.isEmpty else {
                throw InputError(field: "target.buildings", value: missing.prefix(5).joined(separator: ", "),
                                 problem: missing.count == 1 ? "is not a building in the registry" : "are not buildings in the registry",
                                 fix: "Use building ids as the registry gives them (e.g. way/4959489); look them up with GET /lookup/radius.")
            }
            let addressees = ids.map { Addressee(buildingID: $0, zone: nil, distance: reach[$0]?.distance, firmID: reach[$0]?.firm) }
            return (addressees, try AlertArea.footprints(of: ids, in: db))
        }
    }

    /// An alert that an update or cancellation may reference.
    private static func referable(_ alertID: Int, in db: Database) throws -> AlertStatus {
        let original = try status(alertID, firm: nil, in: db)
        if original.alert.kind == .cancel {
            throw StateConflict("alert \(alertID) is itself a cancellation; update or cancel the alert it cancelled (\(original.alert.references ?? 0)) instead")
        }
        if let cancelledBy = original.cancelledBy {
            throw StateConflict("alert \(alertID) was cancelled by alert \(cancelledBy); send a new alert instead")
        }
        return original
    }

    static func status(_ alertID: Int, firm: String?, in db: Database) throws -> AlertStatus {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: Query.alertByID.sql), arguments: ["id": alertID, "incident_id": nil]) else {
            throw NotFoundError(kind: "alert", id: String(alertID))
        }
        let recipients = try Row.fetchAll(db.cachedStatement(sql: Query.alertRecipients.sql),
                                          arguments: ["alert_id": alertID, "firm_id": firm]).map(AlertStatus.Recipient.init(row:))
        let status = AlertStatus(alert: try Alert(row: row), recipients: recipients, cancelledBy: row["cancelled_by"])
        return firm.map(status.scoped(to:)) ?? status
    }

    /// The firm whose buildings bound what `actor` sees: nil for those who follow incidents.
    static func firmScope(_ actor: Actor) throws(AccessDenied) -> String? {
        if !actor.isLocalOperator, actor.role == .firm { return actor.organisationID }
        try actor.mayFollowIncidents()
        return nil
    }
}

extension Alert {
    init(row: Row) throws {
        id = row["id"]
        incidentID = row["incident_id"]
        incidentName = row["incident_name"]
        kind = AlertKind(rawValue: row["msg_type"]) ?? .alert
        references = row["references_alert"]
        priority = AlertPriority(rawValue: row["priority"]) ?? .red
        message = row["message"]
        instruction = row["instruction"]
        target = try AlertTarget.parse(try JSONValue.parse(Data((row["target"] as String).utf8)))
        areas = (try JSONValue.parse(Data((row["areas"] as String).utf8))).array?.map(AlertArea.init(json:)) ?? []
        cordonVersion = row["cordon_version"]
        sentAt = row["sent_at"]
        sentBy = row["sent_by"]
        senderOrganisation = row["sender_organisation"]
        referencedSentAt = row["referenced_sent_at"]
        referencedSender = row["referenced_sender"]
    }
}

extension AlertStatus.Recipient {
    init(row: Row) {
        buildingID = row["building_id"]
        name = row["name"]
        address = row["address"]
        label = row["label"]
        zone = (row["zone"] as String?).flatMap(Zone.init(rawValue:))
        distance = row["distance_m"]
        firmID = row["firm_id"]
        acknowledgements = row["acks"]
        phone = row["phone"]
        latest = (row["ack_id"] as Int?).map { id in
            Acknowledgement(id: id, buildingID: row["building_id"], status: AckStatus(rawValue: row["status"]) ?? .received,
                            people: row["people"], note: row["note"], at: row["at"], by: row["by"])
        }
    }
}
