import Foundation
import Testing
import CordonCore
import GRDB

/// Hand-checkable buildings: 10 m squares at known British National Grid positions, written
/// as lon/lat GeoJSON through the real import path.
///
/// Radius set, around the centre C = (533000, 181000):
///   fixture/centre    C ± 5 m                       distance 0
///   fixture/half-in   x 532995..533005, y 181099.5..181109.5   distance 99.5 (north)
///   fixture/at-radius x 533100..533110, y 180995..181005       distance 100.0 (east)
///   fixture/half-out  x 532889.5..532899.5, y 180995..181005   distance 100.5 (west)
///   fixture/far       x 533300..533310, y 181300..181310       distance ~414
///
/// Polygon set: a 5 x 5 grid `grid/i-j` (i east, j north) of 10 m squares with lower-left
/// corners at (G.x + 40 i, G.y + 40 j), G = (534000, 181000).
public enum GridFixture {
    public static let centre = GridPoint(easting: 533_000, northing: 181_000)
    public static let gridOrigin = GridPoint(easting: 534_000, northing: 181_000)

    public static var radiusSquares: [(id: String, minX: Double, minY: Double)] {
        [
            ("fixture/centre", centre.easting - 5, centre.northing - 5),
            ("fixture/half-in", centre.easting - 5, centre.northing + 99.5),
            ("fixture/at-radius", centre.easting + 100, centre.northing - 5),
            ("fixture/half-out", centre.easting - 110.5, centre.northing - 5),
            ("fixture/far", centre.easting + 300, centre.northing + 300),
        ]
    }

    public static var gridSquares: [(id: String, minX: Double, minY: Double)] {
        var squares: [(String, Double, Double)] = []
        for i in 0..<5 {
            for j in 0..<5 {
                squares.append(("grid/\(i)-\(j)", gridOrigin.easting + 40 * Double(i), gridOrigin.northing + 40 * Double(j)))
            }
        }
        return squares
    }

    /// A grid ring (closed) as lon/lat positions.
    public static func geoRing(_ points: [(Double, Double)]) -> [[Double]] {
        let transformer = CoordinateTransformer.shared
        var ring = points.map { x, y -> [Double] in
            let geo = transformer.toGeo(GridPoint(easting: x, northing: y))!
            return [geo.longitude, geo.latitude]
        }
        ring.append(ring[0])
        return ring
    }

    public static func square(minX: Double, minY: Double, size: Double = 10) -> [[Double]] {
        geoRing([(minX, minY), (minX + size, minY), (minX + size, minY + size), (minX, minY + size)])
    }

    public static func feature(id: String, rings: [[[Double]]], properties: [String: Any] = [:]) -> [String: Any] {
        ["type": "Feature", "id": id, "properties": properties,
         "geometry": ["type": "Polygon", "coordinates": rings]]
    }

    public static func collection(_ features: [[String: Any]]) throws -> Data {
        try JSONSerialization.data(withJSONObject: ["type": "FeatureCollection", "features": features])
    }

    public static func allFeatures() -> [[String: Any]] {
        (radiusSquares + gridSquares).map { feature(id: $0.id, rings: [square(minX: $0.minX, minY: $0.minY)],
                                                    properties: ["name": $0.id, "source_dataset": "fixture"]) }
    }

    /// Figures for the radius set (occupancy day/night, guards day/night, trauma, first aid,
    /// defibrillators, reception).
    public static let figures: [String: [Figure: Int]] = [
        "fixture/centre": [.occupancyDay: 100, .occupancyNight: 10, .guardsDay: 3, .guardsNight: 1,
                           .traumaPacks: 2, .firstAidKits: 5, .defibrillators: 1, .receptionCapacity: 50],
        "fixture/half-in": [.occupancyDay: 40, .occupancyNight: 4, .guardsDay: 2, .guardsNight: 1,
                            .traumaPacks: 1, .firstAidKits: 2, .defibrillators: 0, .receptionCapacity: 0],
        "fixture/at-radius": [.occupancyDay: 10, .occupancyNight: 0, .guardsDay: 1, .guardsNight: 0,
                              .traumaPacks: 0, .firstAidKits: 1, .defibrillators: 0, .receptionCapacity: 0],
        "fixture/half-out": [.occupancyDay: 1000, .occupancyNight: 1000, .guardsDay: 10, .guardsNight: 10,
                             .traumaPacks: 10, .firstAidKits: 10, .defibrillators: 10, .receptionCapacity: 1000],
    ]

    /// A registry in `directory` holding the fixture buildings and figures.
    public static func registry(in directory: TemporaryDirectory) async throws -> Registry {
        let database = try await RegistryDatabase.open(path: directory.path("fixture.sqlite"))
        let registry = Registry(database: database)
        let features = FeatureSource.read(try collection(allFeatures()), name: "fixture.geojson")
        let report = try await registry.importFeatures(features)
        precondition(report.added == 30 && report.rejected.isEmpty, "fixture import failed: \(report)")
        // Figures are written with plain GRDB on the same file: the statement needs no
        // SpatiaLite function, and test support must not rely on @testable imports.
        let raw = try DatabaseQueue(path: directory.path("fixture.sqlite"))
        let insert = try #require(Query.all.first { $0.name == "figures/create" })
        try await raw.write { db in
            for (id, values) in figures {
                try db.execute(sql: insert.sql, arguments: FigureArguments.creating(
                    id, values: values, confirmedAt: "2026-01-01T00:00:00Z", confirmedBy: "fixture", demonstration: false, channel: "test"))
            }
        }
        return registry
    }

    /// A radius query around the radius set's centre C.
    public static func centreQuery(_ radius: Double) throws -> RadiusQuery {
        let centre = geo(self.centre.easting, self.centre.northing)
        return try RadiusQuery(latitude: centre.latitude, longitude: centre.longitude, radius: radius)
    }

    /// A lon/lat point at grid position (x, y), at full precision.
    public static func geo(_ x: Double, _ y: Double) -> GeoPosition {
        CoordinateTransformer.shared.toGeo(GridPoint(easting: x, northing: y))!
    }

    public static func polygonJSON(_ rings: [[[Double]]]) throws -> Data {
        try JSONSerialization.data(withJSONObject: ["type": "Polygon", "coordinates": rings])
    }
}

/// A summary of everything stored, to show that a failed operation changed nothing.
public func fingerprint(_ database: RegistryDatabase) async throws -> [String] {
    try await DatabaseQueue(path: database.path).read { db in
        [
            try String.fetchOne(db, sql: "SELECT count(*) || '/' || total(footprint_area_m2) || '/' || group_concat(id || name, ',') FROM buildings") ?? "",
            try String.fetchOne(db, sql: "SELECT count(*) || '/' || total(occupancy_day + guards_day + version) FROM site_figures") ?? "",
            try String.fetchOne(db, sql: "SELECT count(*) FROM figures_history") ?? "",
            try String.fetchOne(db, sql: "SELECT count(*) FROM reference_areas") ?? "",
        ]
    }
}
