import Foundation
import GRDB

/// Everything a radius lookup reads, held in memory at one revision of the database: each
/// building as a lookup reports it, its footprint on the grid, and a grid of cells over them.
/// Answers are the SQL lookup's answers (same buildings, distances, order and totals); the
/// equivalence tests compare the two on the bundled data.
final class RadiusSnapshot: Sendable {
    /// The `lookup_revision` this copy was read at.
    let revision: Int64
    /// Each building with its figures and its output text; distance and containment unset.
    let buildings: [BuildingMatch]
    let shapes: [FootprintShape]
    let cells: GridCells
    /// Where the registry has building data, for each answer's data coverage.
    let zones: CoverageZones

    init(revision: Int64, buildings: [BuildingMatch], shapes: [FootprintShape], zones: CoverageZones) {
        self.zones = zones
        self.revision = revision
        self.buildings = buildings
        self.shapes = shapes
        self.cells = GridCells(shapes)
    }

    /// Reads every building and its figures in one transaction (the caller's).
    static func load(_ db: Database) throws -> RadiusSnapshot {
        guard let revision = try Int64.fetchOne(db.cachedStatement(sql: Query.lookupRevision.sql)) else {
            throw StorageError("lookup_revision has no row")
        }
        let statement = try db.makeStatement(sql: Query.residentBuildings.sql)
        let columns = try MatchColumns(statement)
        guard let wkbColumn = statement.columnNames.firstIndex(of: "footprint_wkb") else {
            throw StorageError("lookup/resident has no footprint_wkb column")
        }
        var buildings: [BuildingMatch] = []
        var shapes: [FootprintShape] = []
        let cursor = try Row.fetchCursor(statement)
        while let row = try cursor.next() {
            var match = columns.match(row)
            guard let wkb: [UInt8] = (row[wkbColumn] as Data?).map(Array.init) else {
                throw StorageError("building \(match.id) has no footprint")
            }
            match.text = BuildingText(match)
            buildings.append(match)
            shapes.append(FootprintShape(rings: try WKBRings.read(wkb)))
        }
        return RadiusSnapshot(revision: revision, buildings: buildings, shapes: shapes, zones: try CoverageZones.load(db))
    }

    /// The buildings within the circle (a footprint touching it counts), nearest first, then
    /// by id: the same tolerance and distance cap as the SQL lookup.
    func matches(near query: RadiusQuery) -> [BuildingMatch] {
        let found = candidates(near: query, needDistance: true)
        return found.map { buildings[$0.index].at(distance: min($0.distance, query.radius)) }
    }

    /// The totals of `matches(near:)` without listing or ordering the buildings.
    func totals(near query: RadiusQuery, period: Period, cutoffs: StalenessPolicy.Cutoffs) -> LookupTotals {
        let found = candidates(near: query, needDistance: false)
        return LookupTotals(found.lazy.map { self.buildings[$0.index].figures }, period: period, cutoffs: cutoffs)
    }

    private func candidates(near query: RadiusQuery, needDistance: Bool) -> [(distance: Double, index: Int)] {
        let reach = query.radius + RadiusQuery.touchTolerance
        let (x, y) = (query.grid.easting, query.grid.northing)
        // The box test admits a hair more than the reach: it only saves exact measurements.
        let boxReach = (reach + 1e-6) * (reach + 1e-6), inReach = reach * reach * (1 - 1e-12)
        var found: [(distance: Double, index: Int)] = []
        shapes.withUnsafeBufferPointer { shapes in
            cells.forEachCandidate(minX: x - reach, minY: y - reach, maxX: x + reach, maxY: y + reach) { index in
                let shape = shapes[index]
                guard shape.boxDistanceSquared(x: x, y: y) <= boxReach else { return }
                if !needDistance, shape.farthestBoxDistanceSquared(x: x, y: y) <= inReach {
                    found.append((0, index))
                    return
                }
                let distance = shape.distance(x: x, y: y)
                if distance <= reach { found.append((distance, index)) }
            }
        }
        if needDistance {
            // SQLite orders ids as bytes; so does this.
            found.sort { a, b in
                a.distance != b.distance ? a.distance < b.distance
                    : buildings[a.index].id.utf8.lexicographicallyPrecedes(buildings[b.index].id.utf8)
            }
        }
        return found
    }
}
