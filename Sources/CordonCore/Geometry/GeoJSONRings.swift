import Foundation

/// The outer rings of GeoJSON Polygon or MultiPolygon text, as (x, y) pairs in whatever
/// coordinates the text holds: lon/lat for stored footprints, grid metres for SpatiaLite's
/// AsGeoJSON of a grid geometry.
enum GeoJSONRings {
    static func outer(_ geojson: String) throws -> [[(x: Double, y: Double)]] {
        let json = try JSONValue.parse(Data(geojson.utf8))
        let polygons = json["type"]?.string == "MultiPolygon" ? (json["coordinates"]?.array ?? []) : [json["coordinates"] ?? .null]
        return polygons.compactMap { $0.array?.first?.array.map(pairs) }
    }

    /// Positions of one ring; malformed ones are skipped.
    static func pairs(_ ring: [JSONValue]) -> [(x: Double, y: Double)] {
        ring.compactMap { position in
            guard let pair = position.array, pair.count >= 2, let x = pair[0].number, let y = pair[1].number else { return nil }
            return (x, y)
        }
    }
}
