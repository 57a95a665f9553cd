import GRDB

extension Registry {
    /// One building by its id (`way/4959489`, `mesh/12`).
    public func building(id: String) async throws -> BuildingRecord {
        try TextInput.checked(id, field: "building_id")
        let record = try await database.read { db -> BuildingRecord? in
            let statement = try db.cachedStatement(sql: Query.buildingByID.sql)
            return try Row.fetchOne(statement, arguments: ["id": id]).map(BuildingRecord.init(row:))
        }
        guard let record else { throw NotFoundError(kind: "building", id: id) }
        return record
    }
}

extension Registry {
    public func buildingCount() async throws -> Int {
        try await database.read { db in try Int.fetchOne(db.cachedStatement(sql: Query.buildingsCount.sql)) ?? 0 }
    }
}
