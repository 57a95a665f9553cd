import Foundation
import GRDB

/// Totals-only lookups: the same buildings as `near` and `within`, summed in SQL, for callers
/// that need the numbers and not the list (dashboards, alert sizing).
extension Registry {
    public func nearTotals(_ query: RadiusQuery, at instant: Date = Date(), now: Date = Date()) async throws -> LookupResult {
        let period = dayWindow.period(at: instant)
        let cutoffs = staleness.cutoffs(at: now)
        if let snapshot = try await radiusIndex?.current() {
            return LookupResult(shape: .radius(query), at: instant, period: period, cutoffs: cutoffs,
                                totals: snapshot.totals(near: query, period: period, cutoffs: cutoffs),
                                coverage: snapshot.zones.coverage(of: query))
        }
        let arguments: StatementArguments = [
            "live_cutoff": cutoffs.live, "equipment_cutoff": cutoffs.equipment,
            "x": query.grid.easting, "y": query.grid.northing,
            "reach": query.radius + RadiusQuery.touchTolerance, "night": period == .night,
            "weekend": period == .weekend,
        ]
        let (totals, coverage) = try await database.read { db in
            (try Self.totals(db.cachedStatement(sql: Query.radiusTotals.sql), arguments: arguments), try Self.coverage(of: query, in: db))
        }
        return LookupResult(shape: .radius(query), at: instant, period: period, cutoffs: cutoffs, totals: totals, coverage: coverage)
    }

    public func withinTotals(_ query: AreaQuery, at instant: Date = Date(), now: Date = Date()) async throws -> LookupResult {
        let period = dayWindow.period(at: instant)
        let cutoffs = staleness.cutoffs(at: now)
        let bounds = query.grid.bounds
        let wkt = query.grid.wkt
        let arguments: StatementArguments = [
            "wkt": wkt, "min_x": bounds.min.easting, "min_y": bounds.min.northing,
            "max_x": bounds.max.easting, "max_y": bounds.max.northing, "night": period == .night,
            "weekend": period == .weekend, "live_cutoff": cutoffs.live, "equipment_cutoff": cutoffs.equipment,
        ]
        let (totals, coverage) = try await database.read { db in
            try Self.refuseInvalid(wkt, in: db)
            return (try Self.totals(db.cachedStatement(sql: Query.polygonTotals.sql), arguments: arguments),
                    try Self.coverage(ofArea: wkt, in: db))
        }
        return LookupResult(shape: .area(query), at: instant, period: period, cutoffs: cutoffs, totals: totals, coverage: coverage)
    }

    private static func totals(_ statement: Statement, arguments: StatementArguments) throws -> LookupTotals {
        guard let row = try Row.fetchOne(statement, arguments: arguments) else {
            throw StorageError("\(statement.sql.prefix(40))... returned no row")
        }
        return LookupTotals(
            buildings: row["buildings"], buildingsWithFigures: row["buildings_with_figures"],
            occupancy: row["occupancy"], guards: row["guards"], traumaPacks: row["trauma_packs"],
            firstAidKits: row["first_aid_kits"], defibrillators: row["defibrillators"],
            receptionCapacity: row["reception_capacity"], demonstration: row["demonstration"],
            staleFigures: row["stale_figures"], weekdayFallbacks: row["weekday_fallbacks"])
    }
}
