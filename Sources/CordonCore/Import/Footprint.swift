import Foundation
import GRDB

/// A footprint as it will be stored: grid WKT, lon/lat GeoJSON and area, repaired if GEOS
/// found it invalid.
struct Footprint {
    let wkt: String
    let geojson: String
    let area: Double
    let repaired: Bool

    /// Nil when the footprint is invalid and repair leaves nothing polygonal.
    static func checked(_ building: BuildingFeature, in db: Database,
                        transformer: CoordinateTransformer) throws -> Footprint? {
        let wkt = building.grid.wkt
        let check = try Row.fetchOne(db.cachedStatement(sql: Query.footprintCheck.sql), arguments: ["wkt": wkt])
        if let check, check["valid"] as Int? == 1 {
            return Footprint(wkt: wkt, geojson: GeoJSONText.geometry(building.geo), area: check["area_m2"], repaired: false)
        }
        guard let repaired = try Row.fetchOne(db.cachedStatement(sql: Query.footprintRepair.sql), arguments: ["wkt": wkt]),
              let repairedWKT: String = repaired["wkt"], let gridJSON: String = repaired["geojson"],
              let geo = geo(fromGridGeoJSON: gridJSON, transformer: transformer)
        else { return nil }
        return Footprint(wkt: repairedWKT, geojson: GeoJSONText.geometry(geo), area: repaired["area_m2"], repaired: true)
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
