/// A multipolygon on the British National Grid, ready for SpatiaLite as WKT.
public struct GridMultiPolygon: Sendable, Equatable {
    /// Polygons, each a list of rings (outer first), each ring closed.
    public var polygons: [[[GridPoint]]]

    public init(polygons: [[[GridPoint]]]) { self.polygons = polygons }

    /// Transforms every position; nil only if PROJ cannot transform one (it can for any
    /// position that passed `GeoMultiPolygon` validation).
    public init?(_ geo: GeoMultiPolygon, transformer: CoordinateTransformer) {
        var polygons: [[[GridPoint]]] = []
        for polygon in geo.polygons {
            var rings: [[GridPoint]] = []
            for ring in polygon.rings {
                var points: [GridPoint] = []
                points.reserveCapacity(ring.count)
                for position in ring {
                    guard let point = transformer.toGrid(position) else { return nil }
                    points.append(point)
                }
                rings.append(points)
            }
            polygons.append(rings)
        }
        self.polygons = polygons
    }

    public var wkt: String {
        var text = "MULTIPOLYGON("
        for (p, polygon) in polygons.enumerated() {
            if p > 0 { text += "," }
            text += "("
            for (r, ring) in polygon.enumerated() {
                if r > 0 { text += "," }
                text += "("
                for (i, point) in ring.enumerated() {
                    if i > 0 { text += "," }
                    text += "\(point.easting) \(point.northing)"
                }
                text += ")"
            }
            text += ")"
        }
        return text + ")"
    }

    /// (minimum, maximum) corners of the bounding box.
    public var bounds: (min: GridPoint, max: GridPoint) {
        var minX = Double.infinity, minY = Double.infinity
        var maxX = -Double.infinity, maxY = -Double.infinity
        for polygon in polygons {
            for point in polygon.first ?? [] {
                minX = Swift.min(minX, point.easting)
                maxX = Swift.max(maxX, point.easting)
                minY = Swift.min(minY, point.northing)
                maxY = Swift.max(maxY, point.northing)
            }
        }
        return (GridPoint(easting: minX, northing: minY), GridPoint(easting: maxX, northing: maxY))
    }

    /// Area in square metres, holes subtracted (shoelace formula on the grid).
    public var area: Double {
        polygons.reduce(0) { total, rings in
            guard let outer = rings.first else { return total }
            return total + abs(Self.signedArea(outer))
                - rings.dropFirst().reduce(0) { $0 + abs(Self.signedArea($1)) }
        }
    }

    static func signedArea(_ ring: [GridPoint]) -> Double {
        var sum = 0.0
        for i in 0..<(ring.count - 1) {
            sum += ring[i].easting * ring[i + 1].northing - ring[i + 1].easting * ring[i].northing
        }
        return sum / 2
    }
}
