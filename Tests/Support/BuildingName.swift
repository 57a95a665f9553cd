import GRDB

/// Gives a building of a test's database another name, as an OpenStreetMap edit would: the
/// bundled data has no name with an accent, and exports must carry one intact.
public func renameBuilding(_ id: String, to name: String, databasePath: String) async throws {
    try await DatabaseQueue(path: databasePath).write { db in
        try db.execute(sql: "UPDATE buildings SET name = ? WHERE id = ?", arguments: [name, id])
        try db.execute(sql: "UPDATE building_places SET label = ? WHERE building_id = ?", arguments: [name, id])
    }
}
