import Foundation
import GRDB

/// An incident evaluated at every point of a grid across the City.
public struct Coverage: Sendable {
    public struct Point: Sendable, Equatable {
        public let grid: GridPoint
        public let position: GeoPosition
        public let ward: String?
        public let displaced: Int
        /// Reception capacity outside the cordon and within walking distance of its edge.
        public let capacity: Int
        /// How much of this point's cordon has building data: a point in the gap shows no
        /// displaced people because nothing is known there, not because nobody is there.
        public let coverage: DataCoverage
        /// Every displaced person can reach every such centre, so the most an exact
        /// allocation can place is min(displaced, capacity): the shortfall is the rest.
        public var shortfall: Int { max(0, displaced - capacity) }
    }

    public struct WardSummary: Sendable, Equatable {
        public let ward: String
        public let points: Int
        public let pointsShort: Int
        /// Points whose cordon reaches where there is no building data: their displaced
        /// counts, and so their shortfalls, are lower bounds.
        public let pointsLowerBound: Int
        public let maximumShortfall: Int
        public let meanShortfall: Double
    }

    public let radius: Double
    public let spacing: Double
    public let walkingDistance: Double
    public let period: Period
    public let at: Date
    public let points: [Point]
    /// The City boundary on the grid (outer rings), for maps.
    public let boundary: [[GridPoint]]
    /// Where the registry has no building data (so no displaced people can show there).
    public let noData: [[GridPoint]]

    public var wards: [WardSummary] {
        Dictionary(grouping: points, by: { $0.ward ?? "(outside the wards)" }).map { ward, points in
            WardSummary(ward: ward, points: points.count, pointsShort: points.filter { $0.shortfall > 0 }.count,
                        pointsLowerBound: points.filter { $0.coverage.lowerBound }.count,
                        maximumShortfall: points.map(\.shortfall).max() ?? 0,
                        meanShortfall: Double(points.reduce(0) { $0 + $1.shortfall }) / Double(max(1, points.count)))
        }.sorted { $0.maximumShortfall != $1.maximumShortfall ? $0.maximumShortfall > $1.maximumShortfall : $0.ward < $1.ward }
    }
}

extension Coverage {
    /// The most work one coverage request may ask for, in grid points weighted by what each
    /// costs. A point costs a fixed part (is it in the City, which ward) and a part that grows
    /// with the reach (radius plus walking distance: the centres measured), up to the City's
    /// size. Measured on the bundled data, a unit is about a millisecond: the default request
    /// (200 m, 50 m spacing, 1000 m walk) costs about 9,300, the budget about two of those.
    public static let workBudget = 20_000.0

    static func pointCost(reach: Double) -> Double {
        0.25 + 3.5 * min(reach, 4_000) / 1_000
    }

    /// Refuses a combination whose product is too large, naming the finest spacing that
    /// the same radius and walking distance allow.
    static func checkWork(area: Double, radius: Double, spacing: Double, walkingDistance: Double) throws(InputError) {
        let cost = pointCost(reach: radius + walkingDistance)
        guard area / (spacing * spacing) * cost > workBudget else { return }
        let finest = (area * cost / workBudget).squareRoot().rounded(.up)
        throw InputError(field: "spacing", value: JSONText.number(spacing),
                         problem: "is too fine for a radius of \(JSONText.number(radius)) m and a walk of \(JSONText.number(walkingDistance)) m: the grid would cost more than one request may",
                         fix: "With these, give a spacing of at least \(JSONText.number(finest)) m, or a smaller radius or walking distance.")
    }
}

extension Registry {
    /// Refuses a grid too costly for one request before any of its work: one row read, so
    /// that the refusal never waits for a costly slot or races its deadline. Values out of
    /// range are left to `coverage`, which names them.
    public func checkCoverageWork(radius: Double, spacing: Double, walkingDistance: Double) async throws {
        guard radius.isFinite, radius > 0, spacing.isFinite, spacing > 0, walkingDistance.isFinite, walkingDistance > 0 else { return }
        let bounds = try await database.read { db -> [Double]? in
            guard let city = try Row.fetchOne(db.cachedStatement(sql: Query.planBoundary.sql)) else { return nil }
            return [city["min_x"], city["min_y"], city["max_x"], city["max_y"]]
        }
        guard let bounds, bounds.count == 4 else { return }
        try Coverage.checkWork(area: (bounds[2] - bounds[0]) * (bounds[3] - bounds[1]), radius: radius, spacing: spacing,
                               walkingDistance: walkingDistance)
    }

    /// Evaluates a `radius` cordon at every grid point `spacing` metres apart inside the City.
    public func coverage(radius: Double, spacing: Double = 50, walkingDistance: Double = defaultWalkingDistance,
                         at instant: Date = Date()) async throws -> Coverage {
        guard radius.isFinite, radius > 0, radius <= RadiusQuery.maximumRadius else {
            throw InputError(field: "radius", value: JSONText.number(radius), problem: "is out of range",
                             fix: "Give a radius in metres greater than 0 and at most 5000.")
        }
        guard spacing.isFinite, spacing >= 10, spacing <= 1_000 else {
            throw InputError(field: "spacing", value: JSONText.number(spacing), problem: "is out of range",
                             fix: "Give a grid spacing in metres from 10 to 1000.")
        }
        guard walkingDistance.isFinite, walkingDistance > 0, walkingDistance <= 10_000 else {
            throw InputError(field: "walk", value: JSONText.number(walkingDistance), problem: "is out of range",
                             fix: "Give a walking distance in metres, greater than 0 and at most 10000.")
        }
        let transformer = CoordinateTransformer.shared
        let period = dayWindow.period(at: instant)
        let night = period == .night
        let cutoffs = staleness.cutoffs(at: Date())
        let reach = radius + walkingDistance
        return try await database.read { db in
            guard let city = try Row.fetchOne(db.cachedStatement(sql: Query.planBoundary.sql)) else {
                throw InputError(field: "registry", value: "no City boundary", problem: "cannot be covered: the database holds no City boundary",
                                 fix: "Import the bundled data (cordon import) into this database first.")
            }
            let (minX, minY, maxX, maxY): (Double, Double, Double, Double) = (city["min_x"], city["min_y"], city["max_x"], city["max_y"])
            // Before any of the work: a refused grid costs one row read.
            try Coverage.checkWork(area: (maxX - minX) * (maxY - minY), radius: radius, spacing: spacing, walkingDistance: walkingDistance)
            func outlines(_ text: String) -> [[GridPoint]] {
                (try? GeoMultiPolygon.parse(geometry: JSONValue.parse(Data(text.utf8))))
                    .flatMap { GridMultiPolygon($0, transformer: transformer) }?.polygons.compactMap(\.first) ?? []
            }
            let boundary = outlines(city["area_geojson"])
            let noData = try String.fetchAll(db.cachedStatement(sql: Query.planNoData.sql)).flatMap(outlines)
            let zones = try CoverageZones.load(db)
            let gridPoint = try db.cachedStatement(sql: Query.planGridPoint.sql)
            let totals = try db.cachedStatement(sql: Query.radiusTotals.sql)
            var points: [Coverage.Point] = []
            var y = minY + spacing / 2
            while y < maxY {
                var x = minX + spacing / 2
                while x < maxX {
                    defer { x += spacing }
                    guard let row = try Row.fetchOne(gridPoint, arguments: ["x": x, "y": y, "radius": radius, "reach": reach]),
                          row["in_city"] as Int? == 1
                    else { continue }
                    let displaced = try Row.fetchOne(totals, arguments: [
                        "x": x, "y": y, "reach": radius + RadiusQuery.touchTolerance, "night": night, "weekend": period == .weekend,
                        "live_cutoff": cutoffs.live, "equipment_cutoff": cutoffs.equipment,
                    ])?["occupancy"] as Int? ?? 0
                    let grid = GridPoint(easting: x, northing: y)
                    points.append(Coverage.Point(
                        grid: grid, position: transformer.toGeo(grid) ?? GeoPosition(longitude: 0, latitude: 0),
                        ward: row["ward"], displaced: displaced, capacity: row["capacity"] ?? 0,
                        coverage: zones.coverage(x: x, y: y, r: radius)))
                }
                y += spacing
            }
            return Coverage(radius: radius, spacing: spacing, walkingDistance: walkingDistance, period: period,
                            at: instant, points: points, boundary: boundary, noData: noData)
        }
    }

    /// Every footprint's outer rings on the grid, for drawing maps.
    public func footprintOutlines() async throws -> [[GridPoint]] {
        let texts = try await database.read { db in try String.fetchAll(db.cachedStatement(sql: Query.planFootprints.sql)) }
        let transformer = CoordinateTransformer.shared
        return texts.flatMap { text -> [[GridPoint]] in
            guard let json = try? JSONValue.parse(Data(text.utf8)),
                  let geo = try? GeoMultiPolygon.parse(geometry: json),
                  let grid = GridMultiPolygon(geo, transformer: transformer) else { return [] }
            return grid.polygons.compactMap(\.first)
        }
    }
}
