import Foundation

/// Machine-readable renderings of a lookup, shared by the command line and the HTTP API.
extension LookupResult {
    /// An RFC 7946 FeatureCollection: one Feature per building (`id` the building id) and a
    /// top-level `totals` object.
    public func geoJSON() -> String {
        var out = "{\"type\":\"FeatureCollection\",\"query\":" + queryJSON()
        out += ",\"totals\":" + totalsJSON()
        out += ",\"features\":["
        for (index, match) in matches.enumerated() {
            if index > 0 { out += "," }
            out += "{\"type\":\"Feature\",\"id\":" + JSONText.quoted(match.id)
            out += ",\"geometry\":" + match.footprintGeoJSON
            out += ",\"properties\":" + propertiesJSON(match) + "}"
        }
        return out + "]}"
    }

    /// The same as GeoJSON without geometry: {query, totals, buildings: [...]}.
    public func json() -> String {
        "{\"query\":" + queryJSON() + ",\"totals\":" + totalsJSON() + ",\"buildings\":["
            + matches.map { propertiesJSON($0, includeID: true) }.joined(separator: ",") + "]}"
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
        }
    }

    func propertiesJSON(_ match: BuildingMatch, includeID: Bool = false) -> String {
        var members: [(String, String?)] = []
        if includeID { members.append(("id", JSONText.quoted(match.id))) }
        members += [
            ("name", JSONText.string(match.name)),
            ("address", JSONText.string(match.address)),
            ("postcode", JSONText.string(match.postcode)),
            ("ward", JSONText.string(match.ward)),
        ]
        if let distance = match.distance { members.append(("distance_m", JSONText.number(distance))) }
        if let inside = match.inside { members.append(("inside", JSONText.quoted(inside.rawValue))) }
        members.append(("period", JSONText.quoted(period.rawValue)))
        let figures = match.figures
        members.append(("figures_reported", JSONText.bool(figures != nil)))
        for (name, figure) in SiteFigures.shown(for: period) {
            let reported = figures?[figure]
            members.append((name, reported.map { "\($0.value)" } ?? "null"))
            members.append((name + "_confirmed_at", JSONText.string(reported?.confirmedAt)))
        }
        members.append(("confirmed_by", JSONText.string(figures?[.occupancyDay]?.confirmedBy)))
        members.append(("demonstration_figures", JSONText.bool(figures?.demonstration ?? false)))
        return JSONText.object(members)
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
