import Foundation

/// Writes a grid multipolygon in SpatiaLite's own BLOB-Geometry format (little-endian,
/// SRID 27700, with its bounding box), so that an import binds the stored value directly
/// instead of formatting WKT for SpatiaLite to parse again.
enum SpatiaLiteBlob {
    static let srid: Int32 = 27700

    static func multiPolygon(_ grid: GridMultiPolygon) -> Data {
        var points = 0, rings = 0
        var minX = Double.infinity, minY = Double.infinity, maxX = -Double.infinity, maxY = -Double.infinity
        for polygon in grid.polygons {
            for ring in polygon {
                rings += 1
                points += ring.count
                for point in ring {
                    minX = min(minX, point.easting)
                    maxX = max(maxX, point.easting)
                    minY = min(minY, point.northing)
                    maxY = max(maxY, point.northing)
                }
            }
        }
        // Header 43, count 4, per polygon 9, per ring 4, per point 16, end 1.
        var bytes = [UInt8]()
        bytes.reserveCapacity(48 + grid.polygons.count * 9 + rings * 4 + points * 16)
        func int32(_ value: Int32) {
            withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
        }
        func double(_ value: Double) {
            withUnsafeBytes(of: value.bitPattern.littleEndian) { bytes.append(contentsOf: $0) }
        }
        bytes.append(0x00)  // start
        bytes.append(0x01)  // little-endian
        int32(srid)
        double(minX); double(minY); double(maxX); double(maxY)
        bytes.append(0x7C)  // end of the bounding box
        int32(6)  // MULTIPOLYGON
        int32(Int32(grid.polygons.count))
        for polygon in grid.polygons {
            bytes.append(0x69)  // entity
            int32(3)  // POLYGON
            int32(Int32(polygon.count))
            for ring in polygon {
                int32(Int32(ring.count))
                for point in ring {
                    double(point.easting)
                    double(point.northing)
                }
            }
        }
        bytes.append(0xFE)  // end
        return Data(bytes)
    }
}
