import Foundation
import GRDB

/// The statements an import runs once per feature, prepared once per import.
struct ImportStatements {
    let seenInsert: BoundStatement
    let seenLocation: BoundStatement
    let exists: BoundStatement
    let upsert: BoundStatement
    let footprintCheck: BoundStatement
    let footprintRepair: BoundStatement
    let upsertParameters: UpsertParameters

    struct UpsertParameters {
        let id, name, address, postcode, ward, buildingType, levels, height, area: Int32
        let dataset, date, geojson, importedAt, footprint: Int32
    }

    init(in db: Database) throws {
        seenInsert = try BoundStatement(.seenInsert, in: db)
        seenLocation = try BoundStatement(.seenLocation, in: db)
        exists = try BoundStatement(.buildingExists, in: db)
        upsert = try BoundStatement(.buildingUpsert, in: db)
        footprintCheck = try BoundStatement(.footprintCheck, in: db)
        footprintRepair = try BoundStatement(.footprintRepair, in: db)
        let u = upsert
        upsertParameters = UpsertParameters(
            id: try u.parameter("id"), name: try u.parameter("name"), address: try u.parameter("address"),
            postcode: try u.parameter("postcode"), ward: try u.parameter("ward"),
            buildingType: try u.parameter("building_type"), levels: try u.parameter("levels"),
            height: try u.parameter("height_m"), area: try u.parameter("area_m2"),
            dataset: try u.parameter("source_dataset"), date: try u.parameter("source_date"),
            geojson: try u.parameter("footprint_geojson"), importedAt: try u.parameter("imported_at"),
            footprint: try u.parameter("footprint"))
    }

    /// Records `id` as met at `location`; the first location when it was met before.
    func firstSeen(_ id: String, at location: String) throws -> String? {
        seenInsert.bind(1, id)
        seenInsert.bind(2, location)
        try seenInsert.run()
        if seenInsert.changes == 1 { return nil }
        defer { seenLocation.reset() }
        seenLocation.bind(1, id)
        return try seenLocation.step() ? seenLocation.text(0) ?? "?" : "?"
    }
}
