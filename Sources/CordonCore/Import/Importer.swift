import Foundation
import GRDB

/// How an import behaves.
public struct ImportOptions: Sendable {
    /// Any rejected feature fails the whole import, with nothing written.
    public var strict = false
    /// Give buildings that have no figures yet figures from the demonstration model.
    public var demonstrationFigures = false
    public var now = Date()

    public init(strict: Bool = false, demonstrationFigures: Bool = false, now: Date = Date()) {
        self.strict = strict
        self.demonstrationFigures = demonstrationFigures
        self.now = now
    }
}

extension Registry {
    /// Imports features (and optionally reference areas) in one transaction. Re-importing
    /// updates buildings by id and never duplicates them; figures already held are kept.
    /// `progress` is called with the number of features handled so far.
    public func importFeatures(
        _ features: [SourceFeature], referenceAreas: [ReferenceArea] = [],
        options: ImportOptions = ImportOptions(),
        progress: (@Sendable (Int) -> Void)? = nil
    ) async throws -> ImportReport {
        let transformer = CoordinateTransformer.shared
        let parsed = features.map { feature in
            (feature, feature.json.flatMap {
                BuildingFeature.parse($0, defaultDataset: feature.dataset, transformer: transformer)
            })
        }
        let importedAt = LookupTime.text(options.now)
        return try await database.write { db in
            var report = ImportReport()
            for area in referenceAreas {
                try db.cachedStatement(sql: Query.referenceAreaUpsert.sql).execute(arguments: [
                    "kind": area.kind.rawValue, "name": area.name, "code": area.code,
                    "city_area_share": area.cityAreaShare,
                    "area_geojson": GeoJSONText.geometry(area.geo), "wkt": area.grid.wkt,
                ])
                report.referenceAreas += 1
            }
            var firstSeen: [String: String] = [:]
            for (handled, (source, result)) in parsed.enumerated() {
                defer { progress?(handled + 1) }
                let building: BuildingFeature
                switch result {
                case .failure(let reason):
                    report.rejected.append(ImportRejection(location: source.location, index: source.index, id: nil, reason: reason))
                    continue
                case .success(let value):
                    building = value
                }
                if let first = firstSeen[building.id] {
                    report.rejected.append(ImportRejection(
                        location: source.location, index: source.index, id: building.id,
                        reason: .duplicateID(building.id, firstAt: first)))
                    continue
                }
                firstSeen[building.id] = source.location
                guard let footprint = try Footprint.checked(building, in: db, transformer: transformer) else {
                    report.rejected.append(ImportRejection(
                        location: source.location, index: source.index, id: building.id, reason: .unrepairable))
                    continue
                }
                if footprint.repaired { report.repaired.append(building.id) }
                try store(building, footprint: footprint, importedAt: importedAt, in: db, report: &report)
                if options.demonstrationFigures {
                    report.figuresAdded += try addDemonstrationFigures(
                        building, area: footprint.area, confirmedAt: importedAt, in: db)
                }
            }
            if options.strict && !report.rejected.isEmpty {
                report.written = false
                throw StrictImportFailure(report: report)
            }
            return report
        }
    }

    private func store(_ building: BuildingFeature, footprint: Footprint, importedAt: String,
                       in db: Database, report: inout ImportReport) throws {
        let existing = try Row.fetchOne(db.cachedStatement(sql: Query.buildingExists.sql), arguments: ["id": building.id])
        if let existing, Self.matches(existing, building, geojson: footprint.geojson) {
            report.unchanged += 1
            return
        }
        try db.cachedStatement(sql: Query.buildingUpsert.sql).execute(arguments: [
            "id": building.id, "name": building.name, "address": building.address,
            "postcode": building.postcode, "ward": building.ward, "building_type": building.buildingType,
            "levels": building.levels, "height_m": building.height, "area_m2": footprint.area,
            "source_dataset": building.sourceDataset, "source_date": building.sourceDate,
            "footprint_geojson": footprint.geojson, "imported_at": importedAt, "wkt": footprint.wkt,
        ])
        if existing == nil { report.added += 1 } else { report.updated += 1 }
    }

    private static func matches(_ row: Row, _ building: BuildingFeature, geojson: String) -> Bool {
        row["name"] == building.name && row["address"] == building.address
            && row["postcode"] == building.postcode && row["building_type"] == building.buildingType
            && row["levels"] == building.levels && row["height_m"] == building.height
            && row["source_dataset"] == building.sourceDataset && row["source_date"] == building.sourceDate
            && row["footprint_geojson"] == geojson
            && (building.ward == nil || row["ward"] == building.ward)
    }

    private func addDemonstrationFigures(_ building: BuildingFeature, area: Double, confirmedAt: String,
                                         in db: Database) throws -> Int {
        let figures = DemonstrationFigures.figures(for: .init(
            id: building.id, footprintArea: area, levels: building.levels,
            height: building.height, buildingType: building.buildingType))
        try db.cachedStatement(sql: Query.figuresCreate.sql).execute(arguments: FigureArguments.creating(
            building.id, values: figures, confirmedAt: confirmedAt, confirmedBy: DemonstrationFigures.confirmedBy,
            demonstration: true, channel: "import"))
        return db.changesCount
    }
}
