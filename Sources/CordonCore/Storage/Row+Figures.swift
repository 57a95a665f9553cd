import GRDB

/// Where the building and figure columns sit in a lookup statement's result. Resolved once
/// per statement, so that rows are read by position: looking 30 names up in every row cost
/// more than the spatial query itself.
struct MatchColumns {
    let id, name, address, postcode, ward, geojson: Int
    let label: Int?
    let distance: Int?
    let inside: Int?
    let figures: [(figure: Figure, value: Int, at: Int, by: Int)]
    let demonstration: Int
    let version: Int

    init(_ statement: Statement) throws {
        var positions: [String: Int] = [:]
        for (index, name) in statement.columnNames.enumerated() where positions[name] == nil {
            positions[name] = index
        }
        func position(_ name: String) throws -> Int {
            guard let index = positions[name] else {
                throw StorageError("lookup statement has no column \(name)")
            }
            return index
        }
        id = try position("id")
        name = try position("name")
        address = try position("address")
        postcode = try position("postcode")
        ward = try position("ward")
        geojson = try position("footprint_geojson")
        label = positions["label"]
        distance = positions["distance_m"]
        inside = positions["inside"]
        figures = try Figure.allCases.map {
            ($0, try position($0.rawValue), try position($0.rawValue + "_confirmed_at"), try position($0.rawValue + "_confirmed_by"))
        }
        demonstration = try position("demonstration")
        version = try position("version")
    }

    func siteFigures(_ row: Row) -> SiteFigures? {
        guard let version: Int = row[version] else { return nil }
        // The lookup statements send NULL for a confirmation equal to occupancy_day's (the
        // first figure): restore it by sharing that one string.
        var firstAt = "", firstBy = ""
        let slots = figures.enumerated().map { index, column -> ReportedFigure? in
            guard let value: Int = row[column.value] else { return nil }
            let at: String = row[column.at] ?? firstAt
            let by: String = row[column.by] ?? firstBy
            if index == 0 { (firstAt, firstBy) = (at, by) }
            return ReportedFigure(value: value, confirmedAt: at, confirmedBy: by)
        }
        return SiteFigures(slots: slots, demonstration: row[demonstration] ?? false, version: version)
    }

    func match(_ row: Row, distanceLimit: Double? = nil) -> BuildingMatch {
        var distanceValue: Double? = distance.map { row[$0] }
        if let limit = distanceLimit, let value = distanceValue { distanceValue = min(value, limit) }
        let buildingID: String = row[id], buildingName: String? = row[name], buildingAddress: String? = row[address]
        let shownAs: String? = label.flatMap { row[$0] }
        return BuildingMatch(
            id: buildingID, name: buildingName, address: buildingAddress, postcode: row[postcode], ward: row[ward],
            label: shownAs ?? buildingName ?? buildingAddress ?? buildingID,
            footprintGeoJSON: row[geojson], distance: distanceValue,
            inside: inside.flatMap { Containment(rawValue: row[$0]) }, figures: siteFigures(row))
    }

    /// Runs a lookup statement and decodes every row.
    static func fetchMatches(_ statement: Statement, arguments: StatementArguments,
                             distanceLimit: Double? = nil) throws -> [BuildingMatch] {
        let columns = try MatchColumns(statement)
        // A cursor's row reads the statement's current values in place, without copying
        // every column first.
        let cursor = try Row.fetchCursor(statement, arguments: arguments)
        var matches: [BuildingMatch] = []
        while let row = try cursor.next() {
            matches.append(columns.match(row, distanceLimit: distanceLimit))
        }
        return matches
    }
}

extension Row {
    /// The `site_figures` columns of a joined row, nil when the building has none.
    var siteFigures: SiteFigures? {
        guard let version: Int = self["version"] else { return nil }
        var values: [Figure: ReportedFigure] = [:]
        for figure in Figure.allCases {
            guard let value: Int = self[figure.rawValue] else { continue }
            values[figure] = ReportedFigure(
                value: value,
                confirmedAt: self[figure.rawValue + "_confirmed_at"] ?? "",
                confirmedBy: self[figure.rawValue + "_confirmed_by"] ?? "")
        }
        return SiteFigures(values: values, demonstration: self["demonstration"] ?? false, version: version)
    }
}
