import Foundation

extension Alert {
    public func json() -> String {
        JSONText.object([
            ("id", "\(id)"), ("incident_id", "\(incidentID)"), ("incident_name", JSONText.quoted(incidentName)),
            ("msg_type", JSONText.quoted(kind.rawValue)), ("references", references.map { "\($0)" } ?? "null"),
            ("priority", JSONText.quoted(priority.rawValue)), ("message", JSONText.quoted(message)),
            ("instruction", JSONText.string(instruction)), ("target", target.json()),
            ("areas", "[" + areas.map { $0.json() }.joined(separator: ",") + "]"),
            ("cordon_version", "\(cordonVersion)"), ("sent_at", JSONText.quoted(sentAt)), ("sent_by", JSONText.quoted(sentBy)),
            ("cap", JSONText.quoted("/alerts/\(id).cap")),
        ])
    }
}

extension Acknowledgement {
    public func json() -> String {
        JSONText.object([
            ("id", "\(id)"), ("building_id", JSONText.quoted(buildingID)), ("status", JSONText.quoted(status.rawValue)),
            ("people", people.map { "\($0)" } ?? "null"), ("note", JSONText.string(note)),
            ("at", JSONText.quoted(at)), ("by", JSONText.quoted(by)),
        ])
    }
}

extension AlertStatus.Recipient {
    func json() -> String {
        JSONText.object([
            ("building_id", JSONText.quoted(buildingID)), ("label", JSONText.quoted(label)), ("name", JSONText.string(name)),
            ("address", JSONText.string(address)), ("zone", zone.map { JSONText.quoted($0.rawValue) } ?? "null"),
            ("distance_m", distance.map { JSONText.number($0) } ?? "null"), ("firm_id", JSONText.string(firmID)),
            ("latest_ack", latest?.json() ?? "null"), ("acks", "\(acknowledgements)"),
            ("control_room_phone", JSONText.string(phone)),
        ])
    }
}

extension AlertStatus {
    /// The alert, its progress counts, the recipients reached (with their latest answer) and,
    /// separately, the buildings no firm manages, which the alert did not reach.
    public func json() -> String {
        let counts = self.counts
        let byStatus = AckStatus.allCases.map { ($0.rawValue, Optional("\(counts.byStatus[$0] ?? 0)")) }
        // Counts lead: whom the alert reached and whom it did not is the first thing to read.
        var members: [(String, String?)] = [
            ("counts", JSONText.object([
                ("recipients", "\(counts.recipients)"), ("reachable", "\(counts.reachable)"), ("unreachable", "\(counts.unreachable)"),
                ("firms", "\(counts.firms)"), ("acknowledged", "\(counts.acknowledged)"),
                ("not_acknowledged", "\(counts.notAcknowledged)"), ("need_assistance", "\(counts.needAssistance)"),
                ("people_sheltering", "\(counts.peopleSheltering)"), ("by_status", JSONText.object(byStatus)),
            ])),
            ("alert", alert.json()),
            ("cancelled_by", cancelledBy.map { "\($0)" } ?? "null"),
            ("recipients", "[" + reachable.map { $0.json() }.joined(separator: ",") + "]"),
            ("unreachable", "[" + unreachable.map { $0.json() }.joined(separator: ",") + "]"),
        ]
        if !zones.isEmpty {
            members += [("warnings", WarningsText.json(warnings)), ("zones", ZoneCoverage.json(zones))]
        }
        return JSONText.object(members)
    }
}

extension ZoneCoverage {
    static func json(_ zones: [ZoneCoverage]) -> String {
        "[" + zones.map { zone in
            JSONText.object([("zone", JSONText.quoted(zone.zone.rawValue)), ("data_coverage", zone.coverage.json()),
                             ("warnings", WarningsText.json(zone.coverage.warnings))])
        }.joined(separator: ",") + "]"
    }
}

extension FeedEvent {
    /// What a firm receives, on the feed, the stream and its webhook alike.
    public func json() -> String {
        JSONText.object([
            ("event_id", "\(id)"), ("created_at", JSONText.quoted(createdAt)), ("alert", status.alert.json()),
            ("cancelled_by", status.cancelledBy.map { "\($0)" } ?? "null"),
            ("buildings", "[" + status.recipients.map { $0.json() }.joined(separator: ",") + "]"),
            ("ack", JSONText.object([
                ("url", JSONText.quoted("/alerts/\(status.alert.id)/ack")),
                ("statuses", "[" + AckStatus.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ",") + "]"),
            ])),
        ])
    }
}

extension AlertPreview {
    /// Reachability first: how many the alert would reach and how many it could not, then
    /// exactly whom, as the real send would record them.
    public func json() -> String {
        let counts = status.counts
        let alert = status.alert
        return JSONText.object([
            ("preview", "true"), ("would_send", JSONText.bool(wouldSend)), ("refusal", JSONText.string(refusal)),
            ("warnings", WarningsText.json(warnings)),
            ("counts", JSONText.object([
                ("recipients", "\(counts.recipients)"), ("reachable", "\(counts.reachable)"),
                ("unreachable", "\(counts.unreachable)"), ("firms", "\(counts.firms)"),
            ])),
            ("incident_id", "\(alert.incidentID)"), ("cordon_version", "\(alert.cordonVersion)"),
            ("priority", JSONText.quoted(alert.priority.rawValue)), ("target", alert.target.json()),
            ("firms", "[" + Set(status.reachable.compactMap(\.firmID)).sorted().map(JSONText.quoted).joined(separator: ",") + "]"),
            ("recipients", "[" + status.reachable.map { $0.json() }.joined(separator: ",") + "]"),
            ("unreachable", "[" + status.unreachable.map { $0.json() }.joined(separator: ",") + "]"),
            ("areas", "[" + alert.areas.map { $0.json() }.joined(separator: ",") + "]"),
            ("zones", ZoneCoverage.json(zones)),
        ])
    }
}
