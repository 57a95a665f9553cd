import Foundation

/// A lon/lat box as OGC API - Features `bbox` gives it: west, south, east, north.
public struct BoundingBox: Sendable, Equatable {
    public let west: Double, south: Double, east: Double, north: Double

    /// Parses "west,south,east,north" (a 6-number box with heights is accepted, heights ignored).
    public static func parse(_ text: String, field: String = "bbox") throws(InputError) -> BoundingBox {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false).map { Double($0.trimmingCharacters(in: .whitespaces)) }
        let fix = "Give bbox as west,south,east,north in degrees, e.g. bbox=-0.0835,51.5125,-0.0780,51.5160."
        guard parts.count == 4 || parts.count == 6, parts.allSatisfy({ $0?.isFinite == true }) else {
            throw InputError(field: field, value: "'\(text)'", problem: "is not four numbers", fix: fix)
        }
        let numbers = parts.compactMap { $0 }
        let (west, south, east, north) = parts.count == 4
            ? (numbers[0], numbers[1], numbers[2], numbers[3])
            : (numbers[0], numbers[1], numbers[3], numbers[4])
        guard (-180...180).contains(west), (-180...180).contains(east),
              (-90...90).contains(south), (-90...90).contains(north), south <= north, west <= east
        else {
            throw InputError(field: field, value: "'\(text)'", problem: "is not a valid box (west <= east, south <= north, in range)", fix: fix)
        }
        return BoundingBox(west: west, south: south, east: east, north: north)
    }

    /// The part of the box that lies within the national grid's area, on the grid. Nil when
    /// the box is wholly outside it (nothing can match there).
    func grid(transformer: CoordinateTransformer) -> GridMultiPolygon? {
        let west = max(self.west, NationalGridArea.longitudes.lowerBound)
        let east = min(self.east, NationalGridArea.longitudes.upperBound)
        let south = max(self.south, NationalGridArea.latitudes.lowerBound)
        let north = min(self.north, NationalGridArea.latitudes.upperBound)
        guard west < east, south < north else { return nil }
        let corners = [(west, south), (east, south), (east, north), (west, north), (west, south)]
        var ring: [GridPoint] = []
        for (lon, lat) in corners {
            guard let point = transformer.toGrid(GeoPosition(longitude: lon, latitude: lat)) else { return nil }
            ring.append(point)
        }
        return GridMultiPolygon(polygons: [[ring]])
    }
}
