/// A footprint on the grid, held in memory for radius lookups: every ring's vertices in one
/// flat array, so that measuring a distance walks contiguous memory.
struct FootprintShape: Sendable {
    /// x0, y0, x1, y1, ... for every ring, each ring closed (first vertex repeated last).
    let coordinates: [Double]
    /// Where each ring starts in `coordinates`, in vertices, with the end as a last entry.
    let ringStarts: [Int]
    let minX: Double, minY: Double, maxX: Double, maxY: Double

    init(rings: [[GridPoint]]) {
        var coordinates: [Double] = []
        var ringStarts: [Int] = [0]
        var minX = Double.infinity, minY = Double.infinity, maxX = -Double.infinity, maxY = -Double.infinity
        for ring in rings {
            for point in ring {
                coordinates.append(point.easting)
                coordinates.append(point.northing)
                minX = min(minX, point.easting)
                maxX = max(maxX, point.easting)
                minY = min(minY, point.northing)
                maxY = max(maxY, point.northing)
            }
            ringStarts.append(coordinates.count / 2)
        }
        self.coordinates = coordinates
        self.ringStarts = ringStarts
        (self.minX, self.minY, self.maxX, self.maxY) = (minX, minY, maxX, maxY)
    }

    /// Metres from the point to the footprint: 0 inside it, else the distance to the nearest
    /// edge. Computed as GEOS computes ST_Distance for a point and a polygon (containment
    /// first, then each segment by the same formula), so that both paths agree; the
    /// equivalence test holds them to 1e-9 m.
    func distance(x: Double, y: Double) -> Double {
        coordinates.withUnsafeBufferPointer { c in
            // Even-odd crossings over every ring: in a valid (multi)polygon holes lie inside
            // their shell and polygons do not overlap, so an odd count means inside.
            var inside = false
            for r in 0..<(ringStarts.count - 1) {
                var j = ringStarts[r + 1] - 1
                for i in ringStarts[r]..<ringStarts[r + 1] {
                    let (xi, yi, xj, yj) = (c[2 * i], c[2 * i + 1], c[2 * j], c[2 * j + 1])
                    if (yi > y) != (yj > y), x < (xj - xi) * (y - yi) / (yj - yi) + xi { inside.toggle() }
                    j = i
                }
            }
            if inside { return 0 }
            var nearest = Double.infinity
            for r in 0..<(ringStarts.count - 1) where ringStarts[r + 1] - ringStarts[r] >= 2 {
                for i in ringStarts[r]..<(ringStarts[r + 1] - 1) {
                    let d = Self.pointToSegment(x, y, c[2 * i], c[2 * i + 1], c[2 * i + 2], c[2 * i + 3])
                    if d < nearest { nearest = d }
                }
            }
            return nearest
        }
    }

    /// GEOS `Distance::pointToSegment`, operation for operation.
    @inline(__always)
    static func pointToSegment(_ px: Double, _ py: Double, _ ax: Double, _ ay: Double, _ bx: Double, _ by: Double) -> Double {
        if ax == bx && ay == by { return ((px - ax) * (px - ax) + (py - ay) * (py - ay)).squareRoot() }
        let len2 = (bx - ax) * (bx - ax) + (by - ay) * (by - ay)
        let r = ((px - ax) * (bx - ax) + (py - ay) * (by - ay)) / len2
        if r <= 0 { return ((px - ax) * (px - ax) + (py - ay) * (py - ay)).squareRoot() }
        if r >= 1 { return ((px - bx) * (px - bx) + (py - by) * (py - by)).squareRoot() }
        let s = ((ay - py) * (bx - ax) - (ax - px) * (by - ay)) / len2
        return abs(s) * len2.squareRoot()
    }

    /// The smallest distance any point of the bounding box can have from (x, y).
    func boxDistanceSquared(x: Double, y: Double) -> Double {
        let dx = x < minX ? minX - x : (x > maxX ? x - maxX : 0)
        let dy = y < minY ? minY - y : (y > maxY ? y - maxY : 0)
        return dx * dx + dy * dy
    }

    /// The largest distance any point of the bounding box has from (x, y): a footprint
    /// whose box lies within the reach is in the circle without measuring it.
    func farthestBoxDistanceSquared(x: Double, y: Double) -> Double {
        let dx = max(abs(x - minX), abs(x - maxX))
        let dy = max(abs(y - minY), abs(y - maxY))
        return dx * dx + dy * dy
    }
}

/// Reads the rings of a WKB (multi)polygon, as SpatiaLite's AsBinary writes it.
enum WKBRings {
    static func read(_ bytes: [UInt8]) throws(StorageError) -> [[GridPoint]] {
        var reader = Reader(bytes: bytes)
        var rings: [[GridPoint]] = []
        try reader.geometry(into: &rings)
        return rings
    }

    /// The same geometry kept as polygons, each a list of rings with its shell first: what
    /// measuring an area needs to tell shells from holes. Empty for an empty geometry
    /// collection, as SpatiaLite writes an intersection that is empty.
    static func polygons(_ bytes: [UInt8]) throws(StorageError) -> [[[GridPoint]]] {
        var reader = Reader(bytes: bytes)
        var polygons: [[[GridPoint]]] = []
        try reader.polygons(into: &polygons)
        return polygons
    }

    private struct Reader {
        let bytes: [UInt8]
        var offset = 0
        var littleEndian = true

        mutating func geometry(into rings: inout [[GridPoint]]) throws(StorageError) {
            littleEndian = try byte() == 1
            switch try uint32() {
            case 3:  // Polygon
                for _ in 0..<(try uint32()) { rings.append(try ring()) }
            case 6:  // MultiPolygon
                for _ in 0..<(try uint32()) { try geometry(into: &rings) }
            case let type:
                throw StorageError("footprint WKB has geometry type \(type), not a (multi)polygon")
            }
        }

        mutating func polygons(into polygons: inout [[[GridPoint]]]) throws(StorageError) {
            littleEndian = try byte() == 1
            switch try uint32() {
            case 3:  // Polygon
                var rings: [[GridPoint]] = []
                for _ in 0..<(try uint32()) { rings.append(try ring()) }
                polygons.append(rings)
            case 6, 7:  // MultiPolygon, GeometryCollection (of polygons)
                for _ in 0..<(try uint32()) { try self.polygons(into: &polygons) }
            case 1:  // Point: an intersection that touches at one point covers nothing
                _ = try double(); _ = try double()
            case 2:  // LineString: likewise
                for _ in 0..<(try uint32()) { _ = try double(); _ = try double() }
            case 4, 5:  // MultiPoint, MultiLineString
                for _ in 0..<(try uint32()) { try self.polygons(into: &polygons) }
            case let type:
                throw StorageError("area WKB has geometry type \(type), not a (multi)polygon")
            }
        }

        mutating func ring() throws(StorageError) -> [GridPoint] {
            let count = Int(try uint32())
            var points: [GridPoint] = []
            points.reserveCapacity(count)
            for _ in 0..<count { points.append(GridPoint(easting: try double(), northing: try double())) }
            return points
        }

        mutating func byte() throws(StorageError) -> UInt8 {
            guard offset < bytes.count else { throw StorageError("footprint WKB ends early") }
            defer { offset += 1 }
            return bytes[offset]
        }

        mutating func uint32() throws(StorageError) -> UInt32 {
            var value: UInt32 = 0
            for shift in 0..<4 {
                let b = UInt32(try byte())
                value |= littleEndian ? b << (8 * shift) : b << (8 * (3 - shift))
            }
            return value
        }

        mutating func double() throws(StorageError) -> Double {
            var bits: UInt64 = 0
            for shift in 0..<8 {
                let b = UInt64(try byte())
                bits |= littleEndian ? b << (8 * shift) : b << (8 * (7 - shift))
            }
            return Double(bitPattern: bits)
        }
    }
}
