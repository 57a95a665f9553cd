import CordonCore

enum StatsTable {
    static func render(_ stats: RegistryStats) -> String {
        var out = "Buildings: \(stats.buildings) (\(stats.buildingsWithFigures) with figures, "
        out += "\(stats.demonstrationFigures) of them demonstration figures; \(stats.buildingsWithoutWard) outside the wards)\n\n"
        var sources = TextTable(header: ["source dataset", "date", "buildings", "footprint m²"])
        sources.numeric = [2, 3]
        for source in stats.sources {
            sources.rows.append([source.dataset, source.date ?? "", "\(source.buildings)",
                                 JSONText.number(source.footprintArea, decimals: 0)])
        }
        out += sources.render()
        out += "\nTotals over all buildings with figures"
        out += stats.demonstrationFigures > 0 ? " (\(LookupTable.demonstrationNotice))\n" : "\n"
        var totals = TextTable(header: ["figure", "total"])
        totals.numeric = [1]
        for figure in Figure.allCases { totals.rows.append([figure.rawValue, "\(stats.totals[figure] ?? 0)"]) }
        totals.rows.append(["reception sites", "\(stats.receptionSites)"])
        out += totals.render()
        if !stats.coverage.isEmpty {
            out += "\nData coverage: buildings are present on \(JSONText.number(stats.coveredShare * 100, decimals: 1)) % of the City's area\n"
            var coverage = TextTable(header: ["zone", "share of City area"])
            coverage.numeric = [1]
            for zone in stats.coverage {
                coverage.rows.append([zone.name, JSONText.number(zone.cityAreaShare * 100, decimals: 1) + " %"])
            }
            out += coverage.render()
        }
        if !stats.oldestFigures.isEmpty {
            out += "\nOldest figures\n"
            var oldest = TextTable(header: ["building", "confirmed at", "kind"])
            for entry in stats.oldestFigures {
                oldest.rows.append([entry.buildingID, entry.confirmedAt, entry.demonstration ? "demonstration" : "reported"])
            }
            out += oldest.render()
        }
        return out
    }
}
