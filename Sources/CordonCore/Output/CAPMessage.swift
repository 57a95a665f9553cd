import Foundation

/// An alert as an OASIS CAP 1.2 message (scope Restricted), so that other alerting systems
/// can carry it. The priority maps to CAP's urgency, severity and certainty by this table:
///
/// | priority | urgency   | severity | certainty | responseType |
/// |----------|-----------|----------|-----------|--------------|
/// | red      | Immediate | Severe   | Observed  | Execute      |
/// | amber    | Expected  | Moderate | Likely    | Prepare      |
/// | green    | Future    | Minor    | Possible  | Monitor      |
///
/// A cancellation carries no responseType. Areas are those frozen with the alert: a circle
/// for a radius cordon (radius in kilometres), polygons for everything else.
public enum CAPMessage {
    public static let namespace = "urn:oasis:names:tc:emergency:cap:1.2"

    public static func xml(_ alert: Alert) -> String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<alert xmlns=\"\(namespace)\">\n"
        element("identifier", identifier(alert.id), to: &out)
        element("sender", sender(alert.senderOrganisation ?? alert.sentBy), to: &out)
        element("sent", time(alert.sentAt), to: &out)
        element("status", "Actual", to: &out)
        element("msgType", msgType(alert.kind), to: &out)
        element("scope", "Restricted", to: &out)
        element("restriction", "For the security teams of the buildings named and the emergency services", to: &out)
        if let referenced = alert.references, let sentAt = alert.referencedSentAt, let by = alert.referencedSender {
            element("references", "\(sender(by)),\(identifier(referenced)),\(time(sentAt))", to: &out)
        }
        element("incidents", "incident-\(alert.incidentID)", to: &out)
        out += "  <info>\n"
        element("language", "en-GB", indent: 4, to: &out)
        element("category", "Security", indent: 4, to: &out)
        element("event", alert.incidentName, indent: 4, to: &out)
        let mapping = self.mapping(alert.priority)
        if alert.kind != .cancel { element("responseType", mapping.response, indent: 4, to: &out) }
        element("urgency", mapping.urgency, indent: 4, to: &out)
        element("severity", mapping.severity, indent: 4, to: &out)
        element("certainty", mapping.certainty, indent: 4, to: &out)
        element("senderName", "Cordon, City of London (\(alert.sentBy))", indent: 4, to: &out)
        element("headline", headline(alert), indent: 4, to: &out)
        element("description", alert.message, indent: 4, to: &out)
        if let instruction = alert.instruction { element("instruction", instruction, indent: 4, to: &out) }
        for area in alert.areas {
            out += "    <area>\n"
            element("areaDesc", area.description, indent: 6, to: &out)
            for ring in area.polygons where ring.count >= 3 {
                var closed = ring
                if closed.first != closed.last, let first = closed.first { closed.append(first) }
                guard closed.count >= 4 else { continue }
                element("polygon", closed.map { "\(coordinate($0.latitude)),\(coordinate($0.longitude))" }.joined(separator: " "),
                        indent: 6, to: &out)
            }
            if let circle = area.circle {
                element("circle", "\(coordinate(circle.centre.latitude)),\(coordinate(circle.centre.longitude)) "
                        + JSONText.number(circle.radius / 1_000, decimals: 4), indent: 6, to: &out)
            }
            out += "    </area>\n"
        }
        out += "  </info>\n</alert>\n"
        return out
    }

    static func mapping(_ priority: AlertPriority) -> (urgency: String, severity: String, certainty: String, response: String) {
        switch priority {
        case .red: ("Immediate", "Severe", "Observed", "Execute")
        case .amber: ("Expected", "Moderate", "Likely", "Prepare")
        case .green: ("Future", "Minor", "Possible", "Monitor")
        }
    }

    static func identifier(_ id: Int) -> String { "cordon-alert-\(id)" }

    /// CAP forbids spaces, commas and the XML specials in a sender.
    static func sender(_ name: String) -> String {
        String(name.map { $0 == " " || $0 == "," || $0 == "<" || $0 == "&" ? "-" : $0 }) + "@cordon"
    }

    /// CAP's dateTime form: an explicit offset, never "Z".
    static func time(_ text: String) -> String {
        text.hasSuffix("Z") ? String(text.dropLast()) + "+00:00" : text
    }

    private static func headline(_ alert: Alert) -> String {
        let lead = switch alert.kind {
        case .alert: alert.priority.rawValue.uppercased()
        case .update: "UPDATE (\(alert.priority.rawValue))"
        case .cancel: "CANCELLED"
        }
        // CAP advises headlines of under 160 characters.
        let text = "\(lead): \(alert.incidentName)"
        return text.count > 160 ? String(text.prefix(157)) + "..." : text
    }

    private static func msgType(_ kind: AlertKind) -> String {
        switch kind {
        case .alert: "Alert"
        case .update: "Update"
        case .cancel: "Cancel"
        }
    }

    private static func coordinate(_ value: Double) -> String {
        String((value * 1e6).rounded() / 1e6)
    }

    private static func element(_ name: String, _ text: String, indent: Int = 2, to out: inout String) {
        out += String(repeating: " ", count: indent) + "<\(name)>" + escape(text) + "</\(name)>\n"
    }

    static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(character)
            }
        }
        return out
    }
}
