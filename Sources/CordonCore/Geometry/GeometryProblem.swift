/// Why a GeoJSON geometry cannot be used as a footprint or a query area.
public enum GeometryProblem: Error, Sendable, Equatable {
    case notPolygonal(found: String)
    case malformed(String)
    case empty
    case ringTooShort(polygon: Int, ring: Int, positions: Int)
    case ringNotClosed(polygon: Int, ring: Int)
    case notFinite(polygon: Int, ring: Int, position: Int)
    case outOfRange(longitude: Double, latitude: Double)
    case outsideNationalGrid(longitude: Double, latitude: Double)
    case selfIntersecting(detail: String)

    public var message: String {
        switch self {
        case .notPolygonal(let found):
            "is not a Polygon or MultiPolygon (got \(found))"
        case .malformed(let detail):
            "is malformed: \(detail)"
        case .empty:
            "has no coordinates"
        case .ringTooShort(let polygon, let ring, let positions):
            "ring \(ring) of polygon \(polygon) has \(positions) positions; a ring needs at least 4"
        case .ringNotClosed(let polygon, let ring):
            "ring \(ring) of polygon \(polygon) is not closed (its first and last positions differ)"
        case .notFinite(let polygon, let ring, let position):
            "position \(position) of ring \(ring) of polygon \(polygon) is not a finite number"
        case .outOfRange(let longitude, let latitude):
            "position [\(longitude), \(latitude)] is out of range (longitude -180..180, latitude -90..90)"
        case .outsideNationalGrid(let longitude, let latitude):
            "position [\(longitude), \(latitude)] lies outside Great Britain (longitude -9..2.9, latitude 49.8..61)"
        case .selfIntersecting(let detail):
            "is self-intersecting (\(detail))"
        }
    }

    public var fix: String {
        switch self {
        case .notPolygonal:
            "Send a GeoJSON Polygon or MultiPolygon (bare, in a Feature, or in a FeatureCollection of one)."
        case .malformed, .empty:
            "Give coordinates as GeoJSON: an array of rings, each an array of [longitude, latitude] positions."
        case .ringTooShort, .ringNotClosed:
            "Close every ring: at least 4 positions, the last equal to the first."
        case .notFinite, .outOfRange:
            "Give positions as [longitude, latitude] in degrees (WGS84)."
        case .outsideNationalGrid:
            "Give positions as [longitude, latitude] in GeoJSON order; check they are not swapped."
        case .selfIntersecting:
            "Redraw the polygon so that its edges do not cross."
        }
    }
}
