import Foundation
import GRDB

/// Keeps `building_places` (labels and points) and `building_search` in step with the
/// buildings: rebuilt whole inside the transaction of any import that changed something, and
/// once for a database made before they existed.
enum PlaceIndex {
    /// Rebuilds labels, points and the search index from the current buildings.
    static func rebuild(in db: Database, transformer: CoordinateTransformer = .shared) throws {
        var buildings: [BuildingLabeller.Building] = []
        var postcodes: [String: String?] = [:]
        let rows = try Row.fetchCursor(db.cachedStatement(sql: Query.placePoints.sql))
        while let row = try rows.next() {
            guard let x: Double = row["x"], let y: Double = row["y"] else { continue }
            let id: String = row["id"]
            buildings.append(.init(id: id, name: row["name"], address: row["address"], ward: row["ward"],
                                   point: GridPoint(easting: x, northing: y)))
            postcodes[id] = row["postcode"] as String?
        }
        let labeller = BuildingLabeller(buildings)
        try db.execute(sql: Query.placesClear.sql)
        try db.execute(sql: Query.placeSearchClear.sql)
        let insert = try db.cachedStatement(sql: Query.placeInsert.sql)
        let index = try db.cachedStatement(sql: Query.placeSearchInsert.sql)
        for building in buildings {
            guard let position = transformer.toGeo(building.point) else { continue }
            try insert.execute(arguments: [
                "building_id": building.id, "label": labeller.label(building),
                "easting": building.point.easting, "northing": building.point.northing,
                "lat": position.latitude, "lon": position.longitude,
            ])
            let postcode = postcodes[building.id] ?? nil
            try index.execute(arguments: [
                "building_id": building.id, "name": building.name, "address": building.address, "postcode": postcode,
                "ward": building.ward, "id": building.id,
                "postcode_compact": postcode.map { PlaceText.words($0).joined() },
            ])
        }
    }

    /// Rebuilds when some current building has no label (or a retired one keeps one).
    static func rebuildIfStale(in db: Database) throws -> Bool {
        guard try Bool.fetchOne(db.cachedStatement(sql: Query.placesStale.sql)) == true else { return false }
        try rebuild(in: db)
        return true
    }
}

extension Registry {
    /// Brings labels and the search index up to date when they are behind the buildings
    /// (a database made before they existed, or buildings written by other means); a
    /// no-op read otherwise.
    public func updatePlacesIfStale() async throws {
        let stale = try await database.read { db in try Bool.fetchOne(db.cachedStatement(sql: Query.placesStale.sql)) ?? false }
        guard stale else { return }
        _ = try await database.write { db in try PlaceIndex.rebuildIfStale(in: db) }
    }
}
