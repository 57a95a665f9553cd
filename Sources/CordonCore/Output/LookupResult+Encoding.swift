import Foundation

/// Machine-readable renderings of a lookup, shared by the command line and the HTTP API.
extension LookupResult {
    /// An RFC 7946 FeatureCollection: one Feature per building (`id` the building id) and a
    /// top-level `totals` object. Written into one buffer: this runs for every request.
    public func geoJSON() -> String {
        var out = "{\"type\":\"FeatureCollection\",\"query\":" + queryJSON()
        out.reserveCapacity(matches.reduce(512) { $0 + $1.footprintGeoJSON.utf8.count + 700 })
        out += ",\"totals\":"
        out += totalsJSON()
        out += ",\"features\":["
        for (index, match) in matches.enumerated() {
            if index > 0 { out += "," }
            out += "{\"type\":\"Feature\",\"id\":"
            JSONText.appendQuoted(match.id, to: &out)
            out += ",\"geometry\":"
            out += match.footprintGeoJSON
            out += ",\"properties\":"
            appendProperties(match, includeID: false, to: &out)
            out += "}"
        }
        out += "]}"
        return out
    }

    /// The same as GeoJSON without geometry: {query, totals, buildings: [...]}.
    public func json() -> String {
        var out = "{\"query\":" + queryJSON() + ",\"totals\":" + totalsJSON() + ",\"buildings\":["
        for (index, match) in matches.enumerated() {
            if index > 0 { out += "," }
            appendProperties(match, includeID: true, to: &out)
        }
        return out + "]}"
    }

    /// Just the query and its totals.
    public func totalsOnlyJSON() -> String {
        "{\"query\":" + queryJSON() + ",\"totals\":" + totalsJSON() + "}"
    }

    public func totalsJSON() -> String {
        JSONText.object([
            ("period", JSONText.quoted(period.rawValue)),
            ("at", JSONText.quoted(LookupTime.text(at))),
            ("buildings", "\(totals.buildings)"),
            ("buildings_with_figures", "\(totals.buildingsWithFigures)"),
            ("occupancy", "\(totals.occupancy)"),
            ("guards", "\(totals.guards)"),
            ("trauma_packs", "\(totals.traumaPacks)"),
            ("first_aid_kits", "\(totals.firstAidKits)"),
            ("defibrillators", "\(totals.defibrillators)"),
            ("reception_capacity", "\(totals.receptionCapacity)"),
            ("demonstration_figures", JSONText.bool(totals.demonstration)),
            ("stale_figures", "\(totals.staleFigures)"),
        ])
    }

    func queryJSON() -> String {
        switch shape {
        case .radius(let query):
            JSONText.object([
                ("type", "\"radius\""),
                ("lat", "\(query.centre.latitude)"), ("lon", "\(query.centre.longitude)"),
                ("radius_m", JSONText.number(query.radius)),
            ])
        case .area(let query):
            JSONText.object([("type", "\"polygon\""), ("area_m2", JSONText.number(query.grid.area))])
        case .corridor(let route, let width):
            JSONText.object([("type", "\"corridor\""), ("width_m", JSONText.number(width)), ("route_positions", "\(route.count)")])
        }
    }

    func appendProperties(_ match: BuildingMatch, includeID: Bool, to out: inout String) {
        out += "{"
        if includeID {
            out += "\"id\":"
            JSONText.appendQuoted(match.id, to: &out)
            out += ","
        }
        out += "\"name\":"
        JSONText.appendOptional(match.name, to: &out)
        out += ",\"address\":"
        JSONText.appendOptional(match.address, to: &out)
        out += ",\"postcode\":"
        JSONText.appendOptional(match.postcode, to: &out)
        out += ",\"ward\":"
        JSONText.appendOptional(match.ward, to: &out)
        if let distance = match.distance { out += ",\"distance_m\":" + JSONText.number(distance) }
        if let inside = match.inside { out += ",\"inside\":\"" + inside.rawValue + "\"" }
        out += period == .day ? ",\"period\":\"day\"" : ",\"period\":\"night\""
        let figures = match.figures
        out += figures == nil ? ",\"figures_reported\":false" : ",\"figures_reported\":true"
        for (name, figure) in SiteFigures.shown(for: period) {
            let reported = figures?[figure]
            out += ",\"" + name + "\":"
            out += reported.map { String($0.value) } ?? "null"
            out += ",\"" + name + "_confirmed_at\":"
            JSONText.appendOptional(reported?.confirmedAt, to: &out)
            out += ",\"" + name + "_stale\":"
            out += reported.map { cutoffs.isStale(figure, confirmedAt: $0.confirmedAt) ? "true" : "false" } ?? "null"
        }
        out += ",\"confirmed_by\":"
        JSONText.appendOptional(figures?[.occupancyDay]?.confirmedBy, to: &out)
        out += (figures?.demonstration ?? false) ? ",\"demonstration_figures\":true}" : ",\"demonstration_figures\":false}"
    }

    /// One row per building, then a TOTAL row; figures for the period that applied.
    public func csv() -> String {
        var header = ["id", "name", "address", "postcode", "ward"]
        if case .radius = shape { header.append("distance_m") } else { header.append("inside") }
        header.append("period")
        header += SiteFigures.shown(for: period).map(\.name)
        header += ["oldest_confirmed_at", "demonstration_figures"]
        var lines = [header.joined(separator: ",")]
        for match in matches {
            var row = [match.id, match.name ?? "", match.address ?? "", match.postcode ?? "", match.ward ?? ""]
            row.append(match.distance.map { JSONText.number($0) } ?? match.inside?.rawValue ?? "")
            row.append(period.rawValue)
            let figures = match.figures
            row += SiteFigures.shown(for: period).map { figures?[$0.figure].map { "\($0.value)" } ?? "" }
            row.append(figures?.oldestConfirmation ?? "")
            row.append(figures.map { $0.demonstration ? "true" : "false" } ?? "")
            lines.append(row.map(CSVField.escape).joined(separator: ","))
        }
        var total = ["TOTAL", "\(totals.buildings) buildings", "", "", "", "", period.rawValue]
        total += ["\(totals.occupancy)", "\(totals.guards)", "\(totals.traumaPacks)", "\(totals.firstAidKits)",
                  "\(totals.defibrillators)", "\(totals.receptionCapacity)", "", totals.demonstration ? "true" : "false"]
        lines.append(total.map(CSVField.escape).joined(separator: ","))
        return lines.joined(separator: "\r\n") + "\r\n"
    }
}

/// RFC 4180 quoting.
public enum CSVField {
    public static func escape(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
