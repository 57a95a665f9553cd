import Foundation
import GRDB

/// Buildings inside a cordon of any shape, for plans, incident zones and alert targets.
extension Registry {
    /// The buildings inside a cordon, and the cordon as grid WKT (nil for a circle, whose
    /// distances are computed from its centre exactly).
    func buildings(in cordon: PlanCordon) async throws -> (matches: [BuildingMatch], wkt: String?) {
        try await database.read { db in try Self.buildings(in: cordon, db: db) }
    }

    static func buildings(in cordon: PlanCordon, db: Database) throws -> (matches: [BuildingMatch], wkt: String?) {
        switch cordon {
        case .radius(let query):
            return (try matches(near: query, in: db), nil)
        case .area(let query):
            return (try matches(inArea: query.grid.wkt, bounds: query.grid.bounds, in: db), query.grid.wkt)
        case .corridor(_, let grid, let width):
            let buffer = try corridorBuffer(cordon, in: db)
            let half = width / 2
            let xs = grid.map(\.easting), ys = grid.map(\.northing)
            let bounds = (GridPoint(easting: (xs.min() ?? 0) - half, northing: (ys.min() ?? 0) - half),
                          GridPoint(easting: (xs.max() ?? 0) + half, northing: (ys.max() ?? 0) + half))
            return (try matches(inArea: buffer.wkt, bounds: bounds, in: db), buffer.wkt)
        }
    }

    /// A corridor's area: its route buffered by half its width, as grid WKT for queries and
    /// as GeoJSON in grid metres for drawing.
    static func corridorBuffer(_ cordon: PlanCordon, in db: Database) throws -> (wkt: String, gridGeoJSON: String) {
        guard case .corridor(_, _, let width) = cordon, let line = cordon.routeWKT,
              let row = try Row.fetchOne(db.cachedStatement(sql: Query.planBuffer.sql), arguments: ["wkt": line, "distance": width / 2]),
              let wkt: String = row["wkt"], let geojson: String = row["geojson"]
        else { throw StorageError("could not buffer the corridor's route") }
        return (wkt, geojson)
    }
}
