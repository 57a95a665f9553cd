import Foundation
import GRDB

/// Data coverage measured in SQL (GEOS through SpatiaLite), for every answer that does not
/// come from the server's in-memory radius copy.
extension Registry {
    /// The coverage of a cordon of any shape; `wkt` is the cordon's grid WKT when the caller
    /// has it already (a corridor's buffer), else it is derived from the cordon.
    static func coverage(of cordon: PlanCordon, wkt: String? = nil, in db: Database) throws -> DataCoverage {
        switch cordon {
        case .radius(let query): try coverage(of: query, in: db)
        case .area(let query): try coverage(ofArea: wkt ?? query.grid.wkt, in: db)
        case .corridor: try coverage(ofArea: wkt ?? corridorBuffer(cordon, in: db).wkt, in: db)
        }
    }

    static func coverage(of query: RadiusQuery, in db: Database) throws -> DataCoverage {
        let exact = Double.pi * query.radius * query.radius
        return try measure(["wkt": nil, "x": query.grid.easting, "y": query.grid.northing, "r": query.radius],
                           exactArea: exact, in: db)
    }

    static func coverage(ofArea wkt: String, in db: Database) throws -> DataCoverage {
        try measure(["wkt": wkt, "x": nil, "y": nil, "r": nil], exactArea: nil, in: db)
    }

    private static func measure(_ arguments: StatementArguments, exactArea: Double?, in db: Database) throws -> DataCoverage {
        var drawn: Double?
        var inside: Double?
        var touched: [(source: DataCoverage.Source, area: Double)] = []
        var withData = 0.0
        let rows = try Row.fetchCursor(db.cachedStatement(sql: Query.coverageArea.sql), arguments: arguments)
        while let row = try rows.next() {
            let area: Double = row["area_m2"] ?? 0
            switch row["part"] as String {
            case "cordon": drawn = area
            case "city": inside = area
            default:
                withData += area
                if area >= DataCoverage.negligibleArea {
                    touched.append((DataCoverage.Source(name: row["name"], date: row["source_date"]), area))
                }
            }
        }
        guard let drawn, drawn > 0 else { throw StorageError("coverage/area measured no cordon") }
        // A circle is measured on its drawn polygon, a hair smaller than the circle: the parts
        // are scaled to the circle's exact area, so that they add up to it.
        let area = exactArea ?? drawn
        let scale = area / drawn
        guard let inside else { return .unknown(area: area) }
        return DataCoverage(area: area, withData: withData * scale, insideCity: inside * scale,
                            sources: DataCoverage.ordered(touched.map { ($0.source, $0.area * scale) }))
    }
}

extension Registry {
    /// The data coverage of a circle alone, from the in-memory copy when the server holds one.
    public func coverage(of query: RadiusQuery) async throws -> DataCoverage {
        if let snapshot = try await radiusIndex?.current() { return snapshot.zones.coverage(of: query) }
        return try await database.read { db in try Self.coverage(of: query, in: db) }
    }
}
