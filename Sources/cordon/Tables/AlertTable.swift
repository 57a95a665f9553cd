import CordonCore

enum AlertTable {
    /// What a commander needs on sending: which alert, and how many it reached.
    static func summary(_ status: AlertStatus) -> String {
        reach(status.counts) + warnings(status.warnings) + header(status) + answers(status.counts)
    }

    /// Zones partly without building data: people there were not reached because the
    /// registry does not know their buildings.
    static func warnings(_ warnings: [String]) -> String {
        warnings.map { "WARNING: \($0)\n" }.joined()
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

    static func answers(_ counts: AlertStatus.Counts) -> String {
        "Answers: \(counts.acknowledged) acknowledged, \(counts.notAcknowledged) not; "
            + "\(counts.needAssistance) need assistance; \(counts.peopleSheltering) people sheltering\n"
    }

    /// Whom it reached, and whom it did not: first, because an unreachable building is one
    /// somebody must phone or visit.
    static func reach(_ counts: AlertStatus.Counts) -> String {
        var out = "Reached \(counts.reachable) of \(counts.recipients) building(s) through \(counts.firms) firm(s)"
        if counts.unreachable > 0 {
            out += "; NOT REACHED: \(counts.unreachable) (no managing firm: reach them by phone or radio)"
        }
        return out + "\n"
    }

    /// What sending would do, before anything is written.
    static func preview(_ preview: AlertPreview) -> String {
        let status = preview.status
        var out = "Preview (nothing sent or written) for incident \(status.alert.incidentID) (\(status.alert.incidentName)), "
            + "cordons version \(status.alert.cordonVersion)\n"
        out += "Target: " + target(status.alert.target) + "\n"
        out += preview.refusal.map { "WOULD BE REFUSED: \($0).\n" } ?? "Would be sent.\n"
        out += warnings(preview.warnings)
        out += reach(status.counts) + "\n"
        out += table(status.reachable, withFirm: true).render()
        let unreachable = status.unreachable
        out += "\nUnreachable (no managing firm): \(unreachable.count)\n"
        if !unreachable.isEmpty { out += table(unreachable, withFirm: false).render() }
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
        // Notes and phones matter most for those asking for assistance, who come first.
        let notes = recipients.contains { $0.latest?.note != nil }
        let phones = recipients.contains { $0.phone != nil }
        var table = TextTable(header: ["id", "building", "zone", "distance m"] + (withFirm ? ["firm"] : [])
                                  + ["answer", "people", "answered at"] + (notes ? ["note"] : []) + (phones ? ["phone"] : []))
        table.numeric = withFirm ? [3, 6] : [3, 5]
        for recipient in recipients {
            let latest = recipient.latest
            table.rows.append([recipient.buildingID, TextTable.clip(recipient.label, 60),
                               recipient.zone?.rawValue ?? "-", recipient.distance.map { JSONText.number($0, decimals: 1) } ?? "-"]
                              + (withFirm ? [recipient.firmID ?? "-"] : [])
                              + [latest.map { $0.status == .needAssistance ? "NEED ASSISTANCE" : $0.status.rawValue } ?? "none",
                                 latest?.people.map { "\($0)" } ?? "-", latest?.at ?? "-"]
                              + (notes ? [TextTable.clip(latest?.note?.replacingOccurrences(of: "\n", with: " "), 40)] : [])
                              + (phones ? [recipient.phone ?? "-"] : []))
        }
        return table
    }
}
