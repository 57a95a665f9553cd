import CordonCore

enum IncidentTable {
    static func render(_ incident: Incident) -> String {
        var out = "Incident \(incident.id): \(incident.name) (\(incident.status.rawValue))\n"
        out += "Location: \(incident.location.latitude), \(incident.location.longitude)"
        out += incident.locationDescription.map { " (\($0))" } ?? ""
        out += "\nOpened \(incident.openedAt) by \(incident.openedBy)"
        if let closedAt = incident.closedAt { out += "; closed \(closedAt) by \(incident.closedBy ?? "?")" }
        let version = incident.cordons
        out += "\nCordons, version \(version.version), set \(version.changedAt) by \(version.changedBy)"
        out += version.reason.map { ": \($0)" } ?? ""
        out += "\n"
        var table = TextTable(header: ["zone", "cordon"])
        for (zone, cordon) in version.cordons.zones { table.rows.append([zone.rawValue, cordon.summary]) }
        return out + table.render()
    }

    static func list(_ incidents: [Incident]) -> String {
        var table = TextTable(header: ["id", "status", "opened", "version", "inner cordon", "name"])
        table.numeric = [0, 3]
        for incident in incidents {
            table.rows.append(["\(incident.id)", incident.status.rawValue, incident.openedAt, "\(incident.cordons.version)",
                               incident.cordons.cordons.inner.summary, TextTable.clip(incident.name, 40)])
        }
        return table.render()
    }

    /// Each zone under its own heading, then the buildings and totals as a lookup shows them.
    static func render(_ zones: IncidentZones) -> String {
        var out = render(zones.incident)
        for zone in zones.zones {
            out += "\n== \(label(zone.zone)): \(zone.cordon.summary)"
            if zone.zone != .inner { out += " (buildings not in an inner zone)" }
            out += " ==\n"
            out += LookupTable.render(zone.result)
        }
        return out
    }

    static func label(_ zone: Zone) -> String {
        switch zone {
        case .inner: "Inner cordon"
        case .outer: "Outer cordon"
        case .advisory: "Advisory ring"
        }
    }
}
