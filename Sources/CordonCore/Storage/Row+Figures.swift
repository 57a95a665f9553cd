import GRDB

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

    func buildingMatch(distance: Double? = nil, inside: Containment? = nil) -> BuildingMatch {
        BuildingMatch(
            id: self["id"], name: self["name"], address: self["address"],
            postcode: self["postcode"], ward: self["ward"],
            footprintGeoJSON: self["footprint_geojson"],
            distance: distance, inside: inside, figures: siteFigures)
    }
}
