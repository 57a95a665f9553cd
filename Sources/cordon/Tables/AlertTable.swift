import CordonCore

enum AlertTable {
    /// What a commander needs on sending: which alert, and how many it reached.
    static func summary(_ status: AlertStatus) -> String {
        header(status) + counts(status.counts)
    }

    static func render(_ status: AlertStatus) -> String {
        var out = summary(status) + "\n"
        out += table(status.reachable, withFirm: true).render()
        let unreachable = status.unreachable
        out += "\nUnreachable (no managing firm): \(unreachable.count)\n"
        if !unreachable.isEmpty { out += table(unreachable, withFirm: false).render() }
        return out
    }

    static func header(_ status: AlertStatus) -> String {
        let alert = status.alert
        var out = "Alert \(alert.id) (\(alert.kind.rawValue), \(alert.priority.rawValue))"
        if let references = alert.references { out += " referencing alert \(references)" }
        out += " for incident \(alert.incidentID) (\(alert.incidentName)), cordons version \(alert.cordonVersion)"
        out += ": sent \(alert.sentAt) by \(alert.sentBy)\n"
        if let cancelledBy = status.cancelledBy { out += "CANCELLED by alert \(cancelledBy)\n" }
        out += "Target: " + target(alert.target) + "\n"
        out += "Message: \(alert.message)\n"
        if let instruction = alert.instruction { out += "Instruction: \(instruction)\n" }
        return out
    }

    static func counts(_ counts: AlertStatus.Counts) -> String {
        var out = "\(counts.recipients) recipients: \(counts.reachable) reachable through \(counts.firms) firm(s), "
        out += "\(counts.unreachable) unreachable (no managing firm); \(counts.acknowledged) acknowledged, "
        out += "\(counts.notAcknowledged) not; \(counts.needAssistance) need assistance; \(counts.peopleSheltering) people sheltering\n"
        return out
    }

    static func target(_ target: AlertTarget) -> String {
        switch target {
        case .zones(let zones): "zones " + zones.map(\.rawValue).joined(separator: ", ")
        case .city: "the whole City"
        case .buildings(let ids): "\(ids.count) named building(s)"
        }
    }

    /// Unreachable buildings may still have answers: a commander records those taken by phone.
    static func table(_ recipients: [AlertStatus.Recipient], withFirm: Bool) -> TextTable {
        var table = TextTable(header: ["id", "name / address", "zone", "distance m"] + (withFirm ? ["firm"] : [])
                                  + ["answer", "people", "answered at"])
        table.numeric = withFirm ? [3, 6] : [3, 5]
        for recipient in recipients {
            let latest = recipient.latest
            table.rows.append([recipient.buildingID, TextTable.clip(recipient.name ?? recipient.address, 30),
                               recipient.zone?.rawValue ?? "-", recipient.distance.map { JSONText.number($0, decimals: 1) } ?? "-"]
                              + (withFirm ? [recipient.firmID ?? "-"] : [])
                              + [latest?.status.rawValue ?? "none", latest?.people.map { "\($0)" } ?? "-", latest?.at ?? "-"])
        }
        return table
    }
}
