/// Decides in Swift that the common footprint (one polygon of one short ring) is valid, so
/// that GEOS is asked only about the others. It answers only when certain: the ring is
/// closed, has no repeated consecutive positions, no spike (an edge folding back on the one
/// before), no two edges that cross or touch (RingCrossings), and encloses a positive area.
/// Such a ring is a valid polygon for GEOS too; anything else goes to ST_IsValid.
enum SimpleFootprint {
    static let maximumPositions = 256

    /// The area in square metres when certainly valid; nil when GEOS must decide.
    static func validArea(_ grid: GridMultiPolygon) -> Double? {
        guard grid.polygons.count == 1, grid.polygons[0].count == 1 else { return nil }
        let ring = grid.polygons[0][0]
        let count = ring.count
        guard count >= 4, count <= maximumPositions, ring[0] == ring[count - 1] else { return nil }
        for i in 0..<(count - 1) {
            let a = ring[i == 0 ? count - 2 : i - 1], b = ring[i], c = ring[i + 1]
            if b == c { return nil }
            let cross = (b.easting - a.easting) * (c.northing - b.northing) - (b.northing - a.northing) * (c.easting - b.easting)
            let dot = (b.easting - a.easting) * (c.easting - b.easting) + (b.northing - a.northing) * (c.northing - b.northing)
            if cross == 0 && dot <= 0 { return nil }
        }
        guard RingCrossings.firstCrossing(in: grid.polygons) == nil else { return nil }
        let area = abs(GridMultiPolygon.signedArea(ring))
        return area > 0 && area.isFinite ? area : nil
    }
}
