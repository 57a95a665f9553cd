import Foundation

/// Where a refresh retires the buildings its source no longer has: everywhere, or a lon/lat
/// box (the box an OpenStreetMap extract was cut with, `osmium extract -b`).
public enum RefreshArea: Sendable, Equatable {
    case everywhere
    case box(west: Double, south: Double, east: Double, north: Double)

    /// "all", or "WEST,SOUTH,EAST,NORTH" in degrees.
    public static func parse(_ text: String, field: String = "--refresh") throws(InputError) -> RefreshArea {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.lowercased() == "all" { return .everywhere }
        let fix = "Give all, or the box the extract covers as WEST,SOUTH,EAST,NORTH in degrees, e.g. -0.1138,51.5069,-0.0727,51.5233."
        let parts = trimmed.split(separator: ",", omittingEmptySubsequences: false).map { Double($0.trimmingCharacters(in: .whitespaces)) }
        guard parts.count == 4, let west = parts[0], let south = parts[1], let east = parts[2], let north = parts[3] else {
            throw InputError(field: field, value: "'\(text)'", problem: "is neither all nor four comma-separated numbers", fix: fix)
        }
        guard west < east, south < north else {
            throw InputError(field: field, value: "'\(text)'", problem: "is an empty box (west must be below east, south below north)", fix: fix)
        }
        for corner in [GeoPosition(longitude: west, latitude: south), GeoPosition(longitude: east, latitude: north)]
        where !NationalGridArea.contains(corner) {
            throw InputError(field: field, value: "'\(text)'",
                             problem: "reaches outside Great Britain (longitude -9..2.9, latitude 49.8..61)", fix: fix)
        }
        return .box(west: west, south: south, east: east, north: north)
    }

    struct GridBounds {
        let minX, minY, maxX, maxY: Double
        /// The box's outline on the grid, when it is not everywhere.
        let wkt: String?
    }

    func gridBounds(transformer: CoordinateTransformer) throws -> GridBounds {
        guard case .box(let west, let south, let east, let north) = self else {
            return GridBounds(minX: -1e12, minY: -1e12, maxX: 1e12, maxY: 1e12, wkt: nil)
        }
        // The box's edges, densified: a lon/lat box is slightly curved on the grid.
        var ring: [GeoPosition] = []
        let steps = 16
        for i in 0..<steps { ring.append(GeoPosition(longitude: west + (east - west) * Double(i) / Double(steps), latitude: south)) }
        for i in 0..<steps { ring.append(GeoPosition(longitude: east, latitude: south + (north - south) * Double(i) / Double(steps))) }
        for i in 0..<steps { ring.append(GeoPosition(longitude: east - (east - west) * Double(i) / Double(steps), latitude: north)) }
        for i in 0..<steps { ring.append(GeoPosition(longitude: west, latitude: north - (north - south) * Double(i) / Double(steps))) }
        ring.append(ring[0])
        guard let grid = GridMultiPolygon(GeoMultiPolygon(polygons: [GeoPolygon(rings: [ring])], isMulti: false), transformer: transformer)
        else { throw StorageError("the refresh area cannot be placed on the national grid") }
        let bounds = grid.bounds
        return GridBounds(minX: bounds.min.easting, minY: bounds.min.northing, maxX: bounds.max.easting, maxY: bounds.max.northing,
                          wkt: grid.wkt)
    }
}
