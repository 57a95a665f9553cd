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
            let text = match.text ?? BuildingText(match)
            out += text.feature
            appendVaryingProperties(match, text, to: &out)
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
        let text = match.text ?? BuildingText(match)
        if includeID {
            out += text.entry
        } else {
            out += "{"
            out += text.details
        }
        appendVaryingProperties(match, text, to: &out)
    }

    /// What depends on the lookup: distance or containment, the period, and each figure's
    /// staleness; then the rest of the building's text, closing its properties object.
    private func appendVaryingProperties(_ match: BuildingMatch, _ text: BuildingText, to out: inout String) {
        if let distance = match.distance {
            out += ",\"distance_m\":"
            out += JSONText.number(distance)
        }
        if let inside = match.inside { out += inside == .full ? ",\"inside\":\"full\"" : ",\"inside\":\"partial\"" }
        out += period == .day ? ",\"period\":\"day\"" : ",\"period\":\"night\""
        out += text.figuresReported ? ",\"figures_reported\":true" : ",\"figures_reported\":false"
        for piece in period == .day ? text.dayFigures : text.nightFigures {
            out += piece.text
            out += piece.confirmedAt.map { cutoffs.isStale(piece.figure, confirmedAt: $0) ? "true" : "false" } ?? "null"
        }
        out += text.tail
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
