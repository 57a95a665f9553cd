/// Finds edges of one ring that cross or touch each other. Checked in Swift before the
/// geometry reaches GEOS, so that the common mistake (a bow-tie) gets a precise message and
/// GEOS does not print warnings for it. GEOS still checks validity as a whole afterwards.
enum RingCrossings {
    /// The pairwise check is quadratic, so it has a budget per request (edge pairs, summed
    /// over the rings checked): one ring of 2,000 positions, or many smaller ones. Rings past
    /// the budget are left to GEOS alone, which checks validity in n log n.
    static let pairBudget = 4_000_000

    /// A description of the first crossing found, or nil.
    static func firstCrossing(in polygons: [[[GridPoint]]]) -> String? {
        var budget = pairBudget
        for (p, polygon) in polygons.enumerated() {
            for (r, ring) in polygon.enumerated() {
                let pairs = ring.count * ring.count
                guard pairs <= budget else { continue }
                budget -= pairs
                if let (i, j) = crossing(in: ring) {
                    return "edges \(i) and \(j) of ring \(r) of polygon \(p) cross"
                }
            }
        }
        return nil
    }

    private static func crossing(in ring: [GridPoint]) -> (Int, Int)? {
        let edges = ring.count - 1
        guard edges >= 3 else { return nil }
        for i in 0..<(edges - 2) {
            for j in (i + 2)..<edges {
                // The first and last edges share the closing position.
                if i == 0 && j == edges - 1 { continue }
                if intersects(ring[i], ring[i + 1], ring[j], ring[j + 1]) { return (i, j) }
            }
        }
        return nil
    }

    private static func orientation(_ a: GridPoint, _ b: GridPoint, _ c: GridPoint) -> Double {
        (b.easting - a.easting) * (c.northing - a.northing) - (b.northing - a.northing) * (c.easting - a.easting)
    }

    private static func onSegment(_ a: GridPoint, _ b: GridPoint, _ p: GridPoint) -> Bool {
        min(a.easting, b.easting) <= p.easting && p.easting <= max(a.easting, b.easting)
            && min(a.northing, b.northing) <= p.northing && p.northing <= max(a.northing, b.northing)
    }

    private static func intersects(_ p1: GridPoint, _ p2: GridPoint, _ q1: GridPoint, _ q2: GridPoint) -> Bool {
        let d1 = orientation(q1, q2, p1), d2 = orientation(q1, q2, p2)
        let d3 = orientation(p1, p2, q1), d4 = orientation(p1, p2, q2)
        if ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0)) {
            return true
        }
        if d1 == 0 && onSegment(q1, q2, p1) { return true }
        if d2 == 0 && onSegment(q1, q2, p2) { return true }
        if d3 == 0 && onSegment(p1, p2, q1) { return true }
        if d4 == 0 && onSegment(p1, p2, q2) { return true }
        return false
    }
}
