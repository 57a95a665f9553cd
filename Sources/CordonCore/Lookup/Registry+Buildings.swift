import GRDB

extension Registry {
    /// One building by its id (`way/4959489`, `mesh/12`).
    public func building(id: String) async throws -> BuildingRecord {
        let record = try await database.read { db -> BuildingRecord? in
            let statement = try db.cachedStatement(sql: Query.buildingByID.sql)
            guard let row = try Row.fetchOne(statement, arguments: ["id": id]) else { return nil }
            return BuildingRecord(
                id: row["id"], name: row["name"], address: row["address"], postcode: row["postcode"],
                ward: row["ward"], buildingType: row["building_type"], levels: row["levels"],
                height: row["height_m"], footprintArea: row["footprint_area_m2"],
                sourceDataset: row["source_dataset"], sourceDate: row["source_date"],
                importedAt: row["imported_at"], footprintGeoJSON: row["footprint_geojson"],
                figures: row.siteFigures)
        }
        guard let record else { throw NotFoundError(kind: "building", id: id) }
        return record
    }
}
