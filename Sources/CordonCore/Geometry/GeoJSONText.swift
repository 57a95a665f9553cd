/// Writes lon/lat geometry as RFC 7946 GeoJSON text: outer rings counter-clockwise, holes
/// clockwise, 7 decimals (about 1 cm).
enum GeoJSONText {
    static func geometry(_ multi: GeoMultiPolygon) -> String {
        let polygons = multi.polygons.map(oriented)
        if multi.isMulti || polygons.count != 1 {
            return "{\"type\":\"MultiPolygon\",\"coordinates\":[" + polygons.map(rings).joined(separator: ",") + "]}"
        }
        return "{\"type\":\"Polygon\",\"coordinates\":" + rings(polygons[0]) + "}"
    }

    private static func rings(_ polygon: GeoPolygon) -> String {
        "[" + polygon.rings.map { ring in
            "[" + ring.map { "[\(round7($0.longitude)),\(round7($0.latitude))]" }.joined(separator: ",") + "]"
        }.joined(separator: ",") + "]"
    }

    static func round7(_ value: Double) -> Double {
        (value * 1e7).rounded() / 1e7
    }

    /// Positive when counter-clockwise (lon as x, lat as y).
    static func signedArea(_ ring: [GeoPosition]) -> Double {
        var sum = 0.0
        for i in 0..<(ring.count - 1) {
            sum += ring[i].longitude * ring[i + 1].latitude - ring[i + 1].longitude * ring[i].latitude
        }
        return sum / 2
    }

    static func oriented(_ polygon: GeoPolygon) -> GeoPolygon {
        var rings = polygon.rings
        for index in rings.indices {
            let counterClockwise = signedArea(rings[index]) > 0
            let wanted = index == 0
            if counterClockwise != wanted { rings[index].reverse() }
        }
        return GeoPolygon(rings: rings)
    }
}
