import GRDB

/// A page of buildings and how many match in all.
public struct BuildingPage: Sendable {
    public let matched: Int
    public let records: [BuildingRecord]
}

extension Registry {
    public static let maximumPageSize = 10_000

    /// Buildings in id order, optionally only those intersecting `bbox`.
    public func buildings(in bbox: BoundingBox?, limit: Int, offset: Int) async throws -> BuildingPage {
        let area = bbox.map { $0.grid(transformer: .shared) }
        if case .some(.none) = area { return BuildingPage(matched: 0, records: []) }
        return try await database.read { db in
            var areaArguments: StatementArguments = [:]
            let page: Query, count: Query
            if case .some(.some(let grid)) = area {
                let bounds = grid.bounds
                areaArguments = ["wkt": grid.wkt, "min_x": bounds.min.easting, "min_y": bounds.min.northing,
                                 "max_x": bounds.max.easting, "max_y": bounds.max.northing]
                (page, count) = (.buildingsPageInArea, .buildingsCountInArea)
            } else {
                (page, count) = (.buildingsPage, .buildingsCount)
            }
            let matched = try Int.fetchOne(db.cachedStatement(sql: count.sql), arguments: areaArguments) ?? 0
            let arguments = areaArguments + ["limit": limit, "offset": offset]
            let records = try Row.fetchAll(db.cachedStatement(sql: page.sql), arguments: arguments).map(BuildingRecord.init(row:))
            return BuildingPage(matched: matched, records: records)
        }
    }
}

extension BuildingRecord {
    init(row: Row) {
        self.init(
            id: row["id"], name: row["name"], label: row["label"], address: row["address"], postcode: row["postcode"],
            ward: row["ward"], buildingType: row["building_type"], levels: row["levels"],
            height: row["height_m"], footprintArea: row["footprint_area_m2"],
            sourceDataset: row["source_dataset"], sourceDate: row["source_date"],
            importedAt: row["imported_at"], footprintGeoJSON: row["footprint_geojson"],
            figures: row.siteFigures)
    }
}
