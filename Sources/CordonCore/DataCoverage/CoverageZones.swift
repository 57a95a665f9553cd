import Foundation
import GRDB

/// The coverage zones held in memory beside the radius copy, so that a radius lookup answered
/// from memory measures its data coverage without SQL: the City's extent and each zone with
/// building data clipped to it, as `coverage/zones` reads them (GEOS clips them once, at load).
struct CoverageZones: Sendable {
    let city: OverlapPolygon?
    let sources: [(source: DataCoverage.Source, shape: OverlapPolygon)]

    static func load(_ db: Database) throws -> CoverageZones {
        var city: OverlapPolygon?
        var sources: [(source: DataCoverage.Source, shape: OverlapPolygon)] = []
        let rows = try Row.fetchCursor(db.cachedStatement(sql: Query.coverageZones.sql))
        while let row = try rows.next() {
            let polygons = try (row["wkb"] as Data?).map { try WKBRings.polygons(Array($0)) } ?? []
            if row["part"] as String == "city" {
                city = OverlapPolygon(polygons: polygons)
            } else {
                sources.append((DataCoverage.Source(name: row["name"], date: row["source_date"]), OverlapPolygon(polygons: polygons)))
            }
        }
        return CoverageZones(city: city, sources: sources)
    }

    /// The data coverage of a circle, measured exactly (see `OverlapPolygon`).
    func coverage(of query: RadiusQuery) -> DataCoverage {
        coverage(x: query.grid.easting, y: query.grid.northing, r: query.radius)
    }

    /// The data coverage of the circle of radius `r` around the grid point (x, y).
    func coverage(x: Double, y: Double, r: Double) -> DataCoverage {
        let area = Double.pi * r * r
        guard let city else { return .unknown(area: area) }
        var withData = 0.0
        var touched: [(source: DataCoverage.Source, area: Double)] = []
        for (source, shape) in sources {
            let part = shape.overlap(cx: x, cy: y, r: r)
            withData += part
            if part >= DataCoverage.negligibleArea { touched.append((source, part)) }
        }
        return DataCoverage(area: area, withData: withData, insideCity: city.overlap(cx: x, cy: y, r: r),
                            sources: DataCoverage.ordered(touched))
    }
}

extension DataCoverage {
    /// Sources with the most of the area first, then by name.
    static func ordered(_ touched: [(source: Source, area: Double)]) -> [Source] {
        touched.sorted { $0.area != $1.area ? $0.area > $1.area : $0.source.name < $1.source.name }.map(\.source)
    }
}
