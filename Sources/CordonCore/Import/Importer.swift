import Foundation
import GRDB

/// How an import behaves.
public struct ImportOptions: Sendable {
    /// Any rejected feature fails the whole import, with nothing written.
    public var strict = false
    /// Give buildings that have no figures yet figures from the demonstration model.
    public var demonstrationFigures = false
    /// Retire the current buildings within this area that the import does not have.
    public var refresh: RefreshArea?
    public var now = Date()

    public init(strict: Bool = false, demonstrationFigures: Bool = false, refresh: RefreshArea? = nil, now: Date = Date()) {
        self.strict = strict
        self.demonstrationFigures = demonstrationFigures
        self.refresh = refresh
        self.now = now
    }
}

/// How far an import has got.
public struct ImportStep: Sendable {
    public let handled: Int
    public let bytesRead: Int
    /// The input's size when known.
    public let totalBytes: Int?
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
        var stepProgress: (@Sendable (ImportStep) -> Void)? = nil
        if let progress { stepProgress = { step in progress(step.handled) } }
        return try await importFeatures(from: FeatureList(features: features), referenceAreas: referenceAreas,
                                        options: options, progress: stepProgress)
    }

    /// Imports features read one at a time from `input`, all in one transaction: memory does
    /// not grow with the input. Each footprint is checked (GEOS when Swift cannot be sure),
    /// repaired when invalid, and refused when duplicated within the import.
    public func importFeatures(
        from input: some FeatureInput, referenceAreas: [ReferenceArea] = [],
        options: ImportOptions = ImportOptions(),
        progress: (@Sendable (ImportStep) -> Void)? = nil
    ) async throws -> ImportReport {
        let transformer = CoordinateTransformer.shared
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
            try db.execute(sql: Query.seenClear.sql)
            let statements = try ImportStatements(in: db)
            var handled = 0
            let total = input.byteCount
            report.read = try input.forEach(startIndex: 0) { source, bytes in
                try Self.importOne(source, statements: statements, options: options, importedAt: importedAt,
                                   transformer: transformer, in: db, report: &report)
                handled += 1
                if handled % 256 == 0 { progress?(ImportStep(handled: handled, bytesRead: bytes, totalBytes: total)) }
            }
            progress?(ImportStep(handled: handled, bytesRead: total ?? 0, totalBytes: total))
            if let area = options.refresh {
                report.retired = try Self.retireMissing(within: area, at: importedAt, transformer: transformer, in: db)
            }
            try db.execute(sql: Query.seenClear.sql)
            if options.strict && !report.rejected.isEmpty {
                report.written = false
                throw StrictImportFailure(report: report)
            }
            // Labels depend on neighbours (an unnamed building is described from the nearest
            // named one), so any change rebuilds them all, in this same transaction.
            if report.added + report.updated + report.retired.count > 0 {
                try PlaceIndex.rebuild(in: db, transformer: transformer)
            } else {
                _ = try PlaceIndex.rebuildIfStale(in: db)
            }
            return report
        }
    }

    private static func importOne(
        _ source: SourceFeature, statements: ImportStatements, options: ImportOptions, importedAt: String,
        transformer: CoordinateTransformer, in db: Database, report: inout ImportReport
    ) throws {
        let parsed = source.json.flatMap {
            BuildingFeature.parse($0, defaultDataset: source.dataset, transformer: transformer)
        }
        let building: BuildingFeature
        switch parsed {
        case .failure(let reason):
            report.rejected.append(ImportRejection(location: source.location, index: source.index, id: nil, reason: reason))
            return
        case .success(let value):
            building = value
        }
        if let first = try statements.firstSeen(building.id, at: source.location) {
            report.rejected.append(ImportRejection(
                location: source.location, index: source.index, id: building.id,
                reason: .duplicateID(building.id, firstAt: first)))
            return
        }
        guard let footprint = try Footprint.checked(building, statements: statements, transformer: transformer) else {
            report.rejected.append(ImportRejection(
                location: source.location, index: source.index, id: building.id, reason: .unrepairable))
            return
        }
        if footprint.repaired { report.repaired.append(building.id) }
        try store(building, footprint: footprint, importedAt: importedAt, statements: statements, report: &report)
        if options.demonstrationFigures {
            report.figuresAdded += try addDemonstrationFigures(
                building, area: footprint.area, confirmedAt: importedAt, in: db)
        }
    }

    private static func store(_ building: BuildingFeature, footprint: Footprint, importedAt: String,
                              statements: ImportStatements, report: inout ImportReport) throws {
        let exists = statements.exists
        exists.bind(1, building.id)
        let found = try exists.step()
        let unchanged = found && matches(exists, building, geojson: footprint.geojson)
        exists.reset()
        if unchanged {
            report.unchanged += 1
            return
        }
        let upsert = statements.upsert, p = statements.upsertParameters
        upsert.bind(p.id, building.id)
        upsert.bind(p.name, building.name)
        upsert.bind(p.address, building.address)
        upsert.bind(p.postcode, building.postcode)
        upsert.bind(p.ward, building.ward)
        upsert.bind(p.buildingType, building.buildingType)
        upsert.bind(p.levels, building.levels)
        upsert.bind(p.height, building.height)
        upsert.bind(p.area, footprint.area)
        upsert.bind(p.dataset, building.sourceDataset)
        upsert.bind(p.date, building.sourceDate)
        upsert.bind(p.geojson, footprint.geojson)
        upsert.bind(p.importedAt, importedAt)
        upsert.bind(p.footprint, footprint.blob)
        try upsert.run()
        if found { report.updated += 1 } else { report.added += 1 }
    }

    /// Whether the stored row (from import/building_exists) already says what the feature says.
    private static func matches(_ row: BoundStatement, _ building: BuildingFeature, geojson: String) -> Bool {
        row.text(0) == building.name && row.text(1) == building.address
            && row.text(2) == building.postcode && row.text(4) == building.buildingType
            && row.double(5) == building.levels && row.double(6) == building.height
            && row.text(7) == building.sourceDataset && row.text(8) == building.sourceDate
            && row.text(9) == geojson && row.text(10) == nil
            && (building.ward == nil || row.text(3) == building.ward)
    }

    private static func retireMissing(within area: RefreshArea, at retiredAt: String, transformer: CoordinateTransformer,
                                      in db: Database) throws -> [String] {
        let bounds = try area.gridBounds(transformer: transformer)
        return try String.fetchAll(db.cachedStatement(sql: Query.retireMissing.sql), arguments: [
            "retired_at": retiredAt, "min_x": bounds.minX, "min_y": bounds.minY, "max_x": bounds.maxX, "max_y": bounds.maxY,
            "wkt": bounds.wkt,
        ]).sorted()
    }

    private static func addDemonstrationFigures(_ building: BuildingFeature, area: Double, confirmedAt: String,
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
