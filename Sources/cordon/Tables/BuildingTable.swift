import CordonCore

enum BuildingTable {
    static func render(_ record: BuildingRecord, site: SiteDetails) -> String {
        // The label: the name, else the address, else where the building stands.
        var out = "\(record.id)  \(record.label)\n"
        let details: [(String, String?)] = [
            ("address", record.address), ("postcode", record.postcode), ("ward", record.ward),
            ("type", record.buildingType), ("levels", record.levels.map { JSONText.number($0, decimals: 1) }),
            ("height m", record.height.map { JSONText.number($0, decimals: 1) }),
            ("footprint m²", JSONText.number(record.footprintArea, decimals: 1)),
            ("source", record.sourceDataset + (record.sourceDate.map { " (\($0))" } ?? "")),
            ("imported", record.importedAt),
            ("managed by", site.managedBy ?? "no managing firm"),
            ("control room", site.controlRoomPhone), ("email", site.email),
            ("max occupancy", site.maxOccupancy.map(String.init)),
        ]
        for (label, value) in details where value != nil {
            out += label.padding(toLength: 14, withPad: " ", startingAt: 0) + (value ?? "") + "\n"
        }
        guard let figures = record.figures else { return out + "\nNo figures reported.\n" }
        out += "\nFigures (version \(figures.version))"
        out += figures.demonstration ? " — \(LookupTable.demonstrationNotice)\n" : "\n"
        var table = TextTable(header: ["figure", "value", "confirmed at", "confirmed by"])
        table.numeric = [1]
        for figure in Figure.allCases {
            guard let reported = figures[figure] else { continue }
            table.rows.append([figure.rawValue, "\(reported.value)", reported.confirmedAt, reported.confirmedBy])
        }
        return out + table.render()
    }
}
