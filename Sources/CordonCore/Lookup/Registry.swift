import Foundation
import GRDB
import Logging

/// The building registry: lookups, single buildings and statistics over one database.
public struct Registry: Sendable {
    public let database: RegistryDatabase
    public let dayWindow: DayWindow
    public let staleness: StalenessPolicy
    /// An in-memory copy of what radius lookups read, for a long-running server; nil (the
    /// command line's one-shot lookups) means SQL every time.
    public let radiusIndex: RadiusIndex?

    public init(database: RegistryDatabase, dayWindow: DayWindow = .standard, staleness: StalenessPolicy = .standard,
                radiusIndex: RadiusIndex? = nil) {
        self.database = database
        self.dayWindow = dayWindow
        self.staleness = staleness
        self.radiusIndex = radiusIndex
    }

    /// The same registry answering radius lookups from memory while its copy is current.
    public func withRadiusIndex(recheckInterval: Duration = RadiusIndex.defaultRecheckInterval,
                                logger: Logger = Logger(label: "cordon.radius-index")) async throws -> Registry {
        Registry(database: database, dayWindow: dayWindow, staleness: staleness,
                 radiusIndex: try await RadiusIndex(database: database, recheckInterval: recheckInterval, logger: logger))
    }

    /// Every building whose footprint lies within the circle, nearest first (then by id).
    /// Figures are marked stale against `now` (the real time), whatever time `at` chooses.
    public func near(_ query: RadiusQuery, at instant: Date = Date(), now: Date = Date()) async throws -> LookupResult {
        let (matches, coverage) = if let snapshot = try await radiusIndex?.current() {
            (snapshot.matches(near: query), snapshot.zones.coverage(of: query))
        } else {
            try await database.read { db in (try Self.matches(near: query, in: db), try Self.coverage(of: query, in: db)) }
        }
        return LookupResult(shape: .radius(query), at: instant, period: dayWindow.period(at: instant),
                            cutoffs: staleness.cutoffs(at: now), matches: matches, coverage: coverage)
    }

    /// Every building whose footprint intersects the area, marked full or partial.
    public func within(_ query: AreaQuery, at instant: Date = Date(), now: Date = Date()) async throws -> LookupResult {
        let wkt = query.grid.wkt, bounds = query.grid.bounds
        let (matches, coverage) = try await database.read { db in
            (try Self.matches(inArea: wkt, bounds: bounds, in: db), try Self.coverage(ofArea: wkt, in: db))
        }
        return LookupResult(shape: .area(query), at: instant, period: dayWindow.period(at: instant),
                            cutoffs: staleness.cutoffs(at: now), matches: matches, coverage: coverage)
    }

    /// Buildings intersecting an area given as grid WKT with its bounding box.
    func matches(inArea wkt: String, bounds: (min: GridPoint, max: GridPoint)) async throws -> [BuildingMatch] {
        try await database.read { db in try Self.matches(inArea: wkt, bounds: bounds, in: db) }
    }

    /// The radius lookup on a connection the caller holds (a write that resolves recipients).
    static func matches(near query: RadiusQuery, in db: Database) throws -> [BuildingMatch] {
        let reach = query.radius + RadiusQuery.touchTolerance
        // Distances within the tolerance of the circle are reported as on it.
        return try MatchColumns.fetchMatches(db.cachedStatement(sql: Query.radius.sql),
                                             arguments: ["x": query.grid.easting, "y": query.grid.northing, "reach": reach],
                                             distanceLimit: query.radius)
    }

    static func matches(inArea wkt: String, bounds: (min: GridPoint, max: GridPoint), in db: Database) throws -> [BuildingMatch] {
        try refuseInvalid(wkt, in: db)
        let arguments: StatementArguments = [
            "wkt": wkt, "min_x": bounds.min.easting, "min_y": bounds.min.northing,
            "max_x": bounds.max.easting, "max_y": bounds.max.northing,
        ]
        return try MatchColumns.fetchMatches(db.cachedStatement(sql: Query.polygon.sql), arguments: arguments)
    }

    /// GEOS has the last word on validity (rings crossing each other, holes outside their
    /// shell): an invalid area must be refused, never answered.
    static func refuseInvalid(_ wkt: String, in db: Database) throws {
        let check = try db.cachedStatement(sql: Query.areaIsValid.sql)
        if let row = try Row.fetchOne(check, arguments: ["wkt": wkt]), row["valid"] as Int? != 1 {
            let reason: String = row["reason"] ?? "invalid geometry"
            throw InputError(.invalidGeometry, field: "polygon", value: "the given area",
                             problem: "is not a valid polygon (\(reason))",
                             fix: "Redraw the polygon so that its edges do not cross and holes lie inside it.")
        }
    }
}
