import Foundation

extension Incident {
    public func json() -> String {
        JSONText.object([
            ("id", "\(id)"), ("name", JSONText.quoted(name)), ("status", JSONText.quoted(status.rawValue)),
            ("location", JSONText.object([("lat", "\(location.latitude)"), ("lon", "\(location.longitude)"),
                                          ("description", JSONText.string(locationDescription))])),
            ("opened_at", JSONText.quoted(openedAt)), ("opened_by", JSONText.quoted(openedBy)),
            ("closed_at", JSONText.string(closedAt)), ("closed_by", JSONText.string(closedBy)),
            ("cordons", cordons.json()),
        ])
    }
}

extension CordonVersion {
    public func json() -> String {
        JSONText.object([
            ("version", "\(version)"), ("inner", cordons.inner.json()), ("outer", cordons.outer?.json() ?? "null"),
            ("advisory", cordons.advisory?.json() ?? "null"), ("reason", JSONText.string(reason)),
            ("changed_at", JSONText.quoted(changedAt)), ("changed_by", JSONText.quoted(changedBy)),
        ])
    }
}

extension IncidentZones {
    /// {incident, zones: [{zone, cordon, totals, buildings}], totals}: each building in its
    /// innermost zone, with its distance from the incident's location.
    public func json() -> String {
        var out = "{\"incident\":" + incident.json() + ",\"zones\":["
        for (index, zone) in zones.enumerated() {
            if index > 0 { out += "," }
            out += "{\"zone\":\"" + zone.zone.rawValue + "\",\"cordon\":" + zone.cordon.json()
            out += zone.result.coverageMembers() + ",\"totals\":" + zone.result.totalsJSON() + ",\"buildings\":["
            for (position, match) in zone.result.matches.enumerated() {
                if position > 0 { out += "," }
                zone.result.appendProperties(match, includeID: true, to: &out)
            }
            out += "]}"
        }
        return out + "]}"
    }

    /// A FeatureCollection of every building with its zone, for a map.
    public func geoJSON() -> String {
        var out = "{\"type\":\"FeatureCollection\",\"incident\":" + incident.json() + ",\"features\":["
        var first = true
        for zone in zones {
            for match in zone.result.matches {
                if !first { out += "," }
                first = false
                out += "{\"type\":\"Feature\",\"id\":" + JSONText.quoted(match.id) + ",\"geometry\":" + match.footprintGeoJSON
                out += ",\"properties\":"
                var properties = ""
                zone.result.appendProperties(match, includeID: false, to: &properties)
                out += "{\"zone\":\"" + zone.zone.rawValue + "\"," + properties.dropFirst() + "}"
            }
        }
        return out + "]}"
    }
}
