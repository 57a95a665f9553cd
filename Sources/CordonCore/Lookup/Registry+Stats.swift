import GRDB

extension Registry {
    public func stats(oldest limit: Int = 5) async throws -> RegistryStats {
        try await database.read { db in
            let counts = try Self.single(Query.statsCounts, in: db)
            let sources = try Row.fetchAll(db.cachedStatement(sql: Query.statsBySource.sql)).map {
                RegistryStats.Source(dataset: $0["source_dataset"], date: $0["source_date"],
                                     buildings: $0["buildings"], footprintArea: $0["footprint_area_m2"])
            }
            let totalsRow = try Self.single(Query.statsTotals, in: db)
            var totals: [Figure: Int] = [:]
            for figure in Figure.allCases { totals[figure] = totalsRow[figure.rawValue] }
            let coverage = try Row.fetchAll(db.cachedStatement(sql: Query.statsCoverage.sql)).map {
                RegistryStats.CoverageZone(name: $0["name"], cityAreaShare: $0["city_area_share"] ?? 0)
            }
            let oldest = try Row.fetchAll(db.cachedStatement(sql: Query.statsOldestFigures.sql),
                                          arguments: ["limit": limit]).map {
                RegistryStats.OldestFigures(buildingID: $0["building_id"], confirmedAt: $0["oldest_confirmed_at"],
                                            demonstration: $0["demonstration"])
            }
            return RegistryStats(
                buildings: counts["buildings"], buildingsWithFigures: counts["with_figures"],
                demonstrationFigures: counts["demonstration_figures"], buildingsWithoutWard: counts["without_ward"],
                historyRows: counts["history_rows"], sources: sources, totals: totals,
                receptionSites: totalsRow["reception_sites"], coverage: coverage, oldestFigures: oldest)
        }
    }

    /// An aggregate query always yields exactly one row; anything else is a broken database.
    private static func single(_ query: Query, in db: Database) throws -> Row {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: query.sql)) else {
            throw StorageError("\(query.name) returned no row")
        }
        return row
    }
}
