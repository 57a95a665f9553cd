import Foundation

/// A polygon on the grid held for measuring how much of a circle it covers, exactly: the area
/// of circle ∩ polygon is the sum, over every edge, of the signed area of circle ∩ the
/// triangle (centre, edge) (triangle parts where the edge runs inside the circle, sector parts
/// where it runs outside). Rings are oriented at construction (shells anticlockwise, holes
/// clockwise) so that the sum is the covered area whatever order the database wrote them in.
struct OverlapPolygon: Sendable {
    /// Consecutive edges grouped with their bounding box: a group wholly outside the circle
    /// and not around its centre adds one sector, whatever its length.
    struct Run: Sendable {
        let start: Int, end: Int  // vertex indexes into `x`/`y`; edges start..<end
        let minX: Double, minY: Double, maxX: Double, maxY: Double
    }

    static let runLength = 8

    private let x: [Double], y: [Double]
    private let runs: [Run]
    let minX: Double, minY: Double, maxX: Double, maxY: Double
    /// The polygon's own area, for a circle that holds it whole.
    let area: Double

    /// `polygons`: each a list of rings, shell first, each ring closed.
    init(polygons: [[[GridPoint]]]) {
        var x: [Double] = [], y: [Double] = [], runs: [Run] = []
        var total = 0.0
        for polygon in polygons {
            for (index, ring) in polygon.enumerated() where ring.count >= 4 {
                let signed = GridMultiPolygon.signedArea(ring)
                let wantPositive = index == 0
                let points = (signed > 0) == wantPositive ? ring : ring.reversed()
                total += wantPositive ? abs(signed) : -abs(signed)
                let base = x.count
                for point in points {
                    x.append(point.easting)
                    y.append(point.northing)
                }
                var start = base
                while start < x.count - 1 {
                    let end = min(start + Self.runLength, x.count - 1)
                    let xs = x[start...end], ys = y[start...end]
                    runs.append(Run(start: start, end: end, minX: xs.min() ?? 0, minY: ys.min() ?? 0,
                                    maxX: xs.max() ?? 0, maxY: ys.max() ?? 0))
                    start = end
                }
            }
        }
        self.x = x
        self.y = y
        self.runs = runs
        self.area = total
        minX = runs.map(\.minX).min() ?? 0
        minY = runs.map(\.minY).min() ?? 0
        maxX = runs.map(\.maxX).max() ?? 0
        maxY = runs.map(\.maxY).max() ?? 0
    }

    /// Square metres of the circle that this polygon covers.
    func overlap(cx: Double, cy: Double, r: Double) -> Double {
        guard !runs.isEmpty, cx + r > minX, cx - r < maxX, cy + r > minY, cy - r < maxY else { return 0 }
        let dx = max(abs(cx - minX), abs(cx - maxX)), dy = max(abs(cy - minY), abs(cy - maxY))
        if dx * dx + dy * dy <= r * r { return area }
        let r2 = r * r
        var sum = 0.0
        for run in runs {
            let bx = cx < run.minX ? run.minX - cx : (cx > run.maxX ? cx - run.maxX : 0)
            let by = cy < run.minY ? run.minY - cy : (cy > run.maxY ? cy - run.maxY : 0)
            if bx * bx + by * by > r2 {
                // Every edge of the run is outside the circle, and the run's box excludes the
                // centre, so seen from the centre the run turns through less than half a turn:
                // its sectors add up to the one between its first and last vertex.
                sum += Self.sector(x[run.start] - cx, y[run.start] - cy, x[run.end] - cx, y[run.end] - cy, r2)
                continue
            }
            for i in run.start..<run.end {
                sum += Self.edge(x[i] - cx, y[i] - cy, x[i + 1] - cx, y[i + 1] - cy, r, r2)
            }
        }
        return sum
    }

    /// Signed area of the circle (at the origin) within the triangle (origin, p, q).
    @inline(__always)
    static func edge(_ px: Double, _ py: Double, _ qx: Double, _ qy: Double, _ r: Double, _ r2: Double) -> Double {
        let dx = qx - px, dy = qy - py
        let a = dx * dx + dy * dy
        guard a > 0 else { return 0 }
        let b = px * dx + py * dy, c = px * px + py * py - r2
        let disc = b * b - a * c
        if disc <= 0 { return sector(px, py, qx, qy, r2) }
        let s = disc.squareRoot()
        let t1 = (-b - s) / a, t2 = (-b + s) / a
        if t1 >= 1 || t2 <= 0 { return sector(px, py, qx, qy, r2) }
        if t1 <= 0 && t2 >= 1 { return (px * qy - py * qx) / 2 }
        let u = max(t1, 0), v = min(t2, 1)
        let ux = px + dx * u, uy = py + dy * u, vx = px + dx * v, vy = py + dy * v
        return sector(px, py, ux, uy, r2) + (ux * vy - uy * vx) / 2 + sector(vx, vy, qx, qy, r2)
    }

    @inline(__always)
    static func sector(_ px: Double, _ py: Double, _ qx: Double, _ qy: Double, _ r2: Double) -> Double {
        let cross = px * qy - py * qx, dot = px * qx + py * qy
        if cross == 0 && dot >= 0 { return 0 }
        return r2 * atan2(cross, dot) / 2
    }
}
