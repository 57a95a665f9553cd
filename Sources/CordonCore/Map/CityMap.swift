import Foundation
import GRDB

/// Everything the console draws before any cordon is set: the City boundary, its wards, the
/// coverage zones (the one without building data among them) and every current footprint
/// with the figures that apply at one time.
public struct CityMap: Sendable {
    public struct Area: Sendable, Equatable {
        /// boundary, ward or coverage, as in reference_areas.
        public let kind: String
        public let name: String
        public let code: String?
        public let geoJSON: String

        /// The coverage zone the bundled data marks as having no building footprints.
        public var isNoData: Bool { kind == "coverage" && name.hasPrefix("NO_DATA") }
    }

    public let at: Date
    public let period: Period
    public let cutoffs: StalenessPolicy.Cutoffs
    public let areas: [Area]
    public let buildings: [BuildingMatch]
}

extension Registry {
    /// The map for the time `at` (day or night figures); staleness is judged at `now`.
    public func cityMap(at instant: Date = Date(), now: Date = Date()) async throws -> CityMap {
        let (areas, buildings) = try await database.read { db in
            let areas = try Row.fetchAll(db.cachedStatement(sql: Query.referenceAreasAll.sql)).map { row in
                CityMap.Area(kind: row["kind"], name: row["name"], code: row["code"], geoJSON: row["area_geojson"])
            }
            let buildings = try MatchColumns.fetchMatches(db.cachedStatement(sql: Query.cityMapBuildings.sql), arguments: [:])
            return (areas, buildings)
        }
        return CityMap(at: instant, period: dayWindow.period(at: instant), cutoffs: staleness.cutoffs(at: now),
                       areas: areas, buildings: buildings)
    }
}

extension Registry {
    /// The revision of the buildings and figures the map shows: it moves with every change,
    /// whichever process makes it, so a cached map is current while this is unchanged.
    public func mapRevision() async throws -> Int64 {
        try await database.read { db in
            guard let revision = try Int64.fetchOne(db.cachedStatement(sql: Query.lookupRevision.sql)) else {
                throw StorageError("lookup_revision has no row")
            }
            return revision
        }
    }
}
