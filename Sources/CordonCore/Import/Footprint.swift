import Foundation
import GRDB

/// A footprint as it will be stored: SpatiaLite geometry on the grid, lon/lat GeoJSON and
/// area, repaired if GEOS found it invalid.
struct Footprint {
    let blob: Data
    let geojson: String
    let area: Double
    let repaired: Bool

    /// Nil when the footprint is invalid and repair leaves nothing polygonal. Simple rings are
    /// settled in Swift (SimpleFootprint); GEOS checks and repairs the rest.
    static func checked(_ building: BuildingFeature, statements: ImportStatements,
                        transformer: CoordinateTransformer) throws -> Footprint? {
        let blob = SpatiaLiteBlob.multiPolygon(building.grid)
        if let area = SimpleFootprint.validArea(building.grid) {
            return Footprint(blob: blob, geojson: GeoJSONText.geometry(building.geo), area: area, repaired: false)
        }
        let check = statements.footprintCheck
        defer { check.reset() }
        check.bind(1, blob)
        if try check.step(), check.integer(0) == 1, let area = check.double(1) {
            return Footprint(blob: blob, geojson: GeoJSONText.geometry(building.geo), area: area, repaired: false)
        }
        let repair = statements.footprintRepair
        defer { repair.reset() }
        repair.bind(1, blob)
        guard try repair.step(), let repairedBlob = repair.blob(0), let gridJSON = repair.text(1), let area = repair.double(2),
              let geo = geo(fromGridGeoJSON: gridJSON, transformer: transformer)
        else { return nil }
        return Footprint(blob: repairedBlob, geojson: GeoJSONText.geometry(geo), area: area, repaired: true)
    }

    /// Converts SpatiaLite's GeoJSON of a grid geometry back to lon/lat, in Swift, so the
    /// write connection never switches SpatiaLite's cached transformation direction.
    private static func geo(fromGridGeoJSON text: String, transformer: CoordinateTransformer) -> GeoMultiPolygon? {
        guard let json = try? JSONValue.parse(Data(text.utf8)), let polygons = json["coordinates"]?.array else { return nil }
        var result: [GeoPolygon] = []
        for polygon in polygons {
            var rings: [[GeoPosition]] = []
            for ring in polygon.array ?? [] {
                var positions: [GeoPosition] = []
                for pair in ring.array ?? [] {
                    guard let xy = pair.array, xy.count >= 2, let x = xy[0].number, let y = xy[1].number,
                          let position = transformer.toGeo(GridPoint(easting: x, northing: y))
                    else { return nil }
                    positions.append(position)
                }
                rings.append(positions)
            }
            result.append(GeoPolygon(rings: rings))
        }
        return result.isEmpty ? nil : GeoMultiPolygon(polygons: result, isMulti: result.count > 1)
    }
}
