import Foundation

/// Machine-readable renderings of a lookup, shared by the command line and the HTTP API.
extension LookupResult {
    /// An RFC 7946 FeatureCollection: one Feature per building (`id` the building id) and a
    /// top-level `totals` object. Written into one buffer: this runs for every request.
    public func geoJSON() -> String {
        var out = "{\"type\":\"FeatureCollection\",\"query\":" + queryJSON()
        out.reserveCapacity(matches.reduce(1024) { $0 + $1.footprintGeoJSON.utf8.count + 700 })
        out += coverageMembers()
        out += ",\"totals\":"
        out += totalsJSON()
        out += ",\"features\":["
        for (index, match) in matches.enumerated() {
            if index > 0 { out += "," }
            let text = match.text ?? BuildingText(match)
            out += "{\"type\":\"Feature\",\"id\":"
            out += text.quotedID
            out += ",\"geometry\":"
            out += match.footprintGeoJSON
            out += ",\"properties\":"
            appendProperties(match, text: text, includeID: false, to: &out)
            out += "}"
        }
        out += "]}"
        return out
    }

    /// The same as GeoJSON without geometry: {query, totals, buildings: [...]}.
    public func json() -> String {
        var out = "{\"query\":" + queryJSON() + coverageMembers() + ",\"totals\":" + totalsJSON() + ",\"buildings\":["
        for (index, match) in matches.enumerated() {
            if index > 0 { out += "," }
            appendProperties(match, includeID: true, to: &out)
        }
        return out + "]}"
    }

    /// Just the query and its totals.
    public func totalsOnlyJSON() -> String {
        "{\"query\":" + queryJSON() + coverageMembers() + ",\"totals\":" + totalsJSON() + "}"
    }

    /// `,"warnings":[...],"data_coverage":{...}` (nothing for an answer without an area).
    func coverageMembers() -> String {
        guard let coverage else { return "" }
        return ",\"warnings\":" + WarningsText.json(warnings) + ",\"data_coverage\":" + coverage.json()
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
            ("weekday_figures", period == .weekend ? "\(totals.weekdayFallbacks)" : nil),
            ("lower_bound", coverage.map { JSONText.bool($0.lowerBound) }),
        ])
    }

    func queryJSON() -> String {
        switch shape {
        case .radius(let query):
            JSONText.object([
                ("type", "\"radius\""),
                ("lat", "\(query.centre.latitude)"), ("lon", "\(query.centre.longitude)"),
                ("radius_m", JSONText.number(query.radius)),
                ("place", place?.json()),
            ])
        case .area(let query):
            JSONText.object([("type", "\"polygon\""), ("area_m2", JSONText.number(query.grid.area))])
        case .corridor(let route, let width):
            JSONText.object([("type", "\"corridor\""), ("width_m", JSONText.number(width)), ("route_positions", "\(route.count)")])
        }
    }

    func appendProperties(_ match: BuildingMatch, includeID: Bool, to out: inout String) {
        appendProperties(match, text: match.text ?? BuildingText(match), includeID: includeID, to: &out)
    }

    /// A building's properties object: its details, then what depends on the lookup (distance
    /// or containment, the period, the figures with their confirmation and staleness). Keys
    /// are static text: this runs for every building of every lookup.
    private func appendProperties(_ match: BuildingMatch, text: BuildingText, includeID: Bool, to out: inout String) {
        if includeID {
            out += "{\"id\":"
            out += text.quotedID
            out += ","
        } else {
            out += "{"
        }
        out += text.details
        if let distance = match.distance {
            out += ",\"distance_m\":"
            out += JSONText.number(distance)
        }
        if let inside = match.inside { out += inside == .full ? ",\"inside\":\"full\"" : ",\"inside\":\"partial\"" }
        out += period == .day ? ",\"period\":\"day\"" : period == .night ? ",\"period\":\"night\"" : ",\"period\":\"weekend\""
        let figures = match.figures
        if period == .weekend { out += figures?.usesWeekdayFigures(period) == true ? ",\"weekday_figures\":true" : ",\"weekday_figures\":false" }
        out += figures == nil ? ",\"figures_reported\":false" : ",\"figures_reported\":true"
        for keys in FigureKeys.shown(for: period) {
            let reported = figures?.reported(keys.figure)
            out += keys.value
            if let reported { out += String(reported.value) } else { out += "null" }
            out += keys.confirmedAt
            JSONText.appendOptional(reported?.confirmedAt, to: &out)
            out += keys.stale
            if let reported { out += cutoffs.isStale(keys.figure, confirmedAt: reported.confirmedAt) ? "true" : "false" } else { out += "null" }
        }
        out += ",\"confirmed_by\":"
        JSONText.appendOptional(figures?[.occupancyDay]?.confirmedBy, to: &out)
        out += (figures?.demonstration ?? false) ? ",\"demonstration_figures\":true}" : ",\"demonstration_figures\":false}"
    }

    /// One row per building, then a TOTAL row; figures for the period that applied.
    public func csv() -> String {
        var header = ["id", "name", "address", "postcode", "ward", "label"]
        if case .radius = shape { header.append("distance_m") } else { header.append("inside") }
        header.append("period")
        header += SiteFigures.shown(for: period).map(\.name)
        header += ["oldest_confirmed_at", "demonstration_figures"]
        var lines = [header.joined(separator: ",")]
        for match in matches {
            // Names and addresses come from OpenStreetMap: text cells, neutralised against formulas.
            var row: [CSVCell] = [match.id, match.name ?? "", match.address ?? "", match.postcode ?? "", match.ward ?? "",
                                 match.label].map(CSVCell.text)
            row.append(match.distance.map { .number(JSONText.number($0)) } ?? .text(match.inside?.rawValue ?? ""))
            row.append(.text(period.rawValue))
            let figures = match.figures
            row += SiteFigures.shown(for: period).map { .number(figures?.reported($0.figure).map { "\($0.value)" } ?? "") }
            row.append(.text(figures?.oldestConfirmation ?? ""))
            row.append(.text(figures.map { $0.demonstration ? "true" : "false" } ?? ""))
            lines.append(CSVField.line(row))
        }
        var total: [CSVCell] = ["TOTAL", "\(totals.buildings) buildings", "", "", "", "", "", period.rawValue].map(CSVCell.text)
        total += ["\(totals.occupancy)", "\(totals.guards)", "\(totals.traumaPacks)", "\(totals.firstAidKits)",
                  "\(totals.defibrillators)", "\(totals.receptionCapacity)"].map(CSVCell.number)
        total += [.text(""), .text(totals.demonstration ? "true" : "false")]
        lines.append(CSVField.line(total))
        // Below the totals, so that the columns above stay one building a row.
        for warning in warnings { lines.append(CSVField.line([.text("WARNING"), .text(warning)])) }
        return lines.joined(separator: "\r\n") + "\r\n"
    }
}

/// The JSON keys of each shown figure, built once.
private struct FigureKeys {
    let figure: Figure
    /// `,"occupancy":`, `,"occupancy_confirmed_at":`, `,"occupancy_stale":`
    let value: String, confirmedAt: String, stale: String

    static func shown(for period: Period) -> [FigureKeys] {
        switch period {
        case .day: day
        case .night: night
        case .weekend: weekend
        }
    }

    private static let day = SiteFigures.shown(for: .day).map(FigureKeys.init)
    private static let night = SiteFigures.shown(for: .night).map(FigureKeys.init)
    private static let weekend = SiteFigures.shown(for: .weekend).map(FigureKeys.init)

    private init(name: String, figure: Figure) {
        self.figure = figure
        value = ",\"" + name + "\":"
        confirmedAt = ",\"" + name + "_confirmed_at\":"
        stale = ",\"" + name + "_stale\":"
    }
}
