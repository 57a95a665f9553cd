/// A polygon in lon/lat: the first ring is the outer boundary, the others are holes.
public struct GeoPolygon: Sendable, Equatable {
    public var rings: [[GeoPosition]]
    public init(rings: [[GeoPosition]]) { self.rings = rings }
}

/// One or more polygons in lon/lat, validated: every ring closed, at least 4 positions,
/// finite and in range. Parsed from GeoJSON Polygon or MultiPolygon geometries.
public struct GeoMultiPolygon: Sendable, Equatable {
    public var polygons: [GeoPolygon]
    /// Whether the source was a GeoJSON MultiPolygon (kept so output mirrors input).
    public var isMulti: Bool

    public init(polygons: [GeoPolygon], isMulti: Bool) {
        self.polygons = polygons
        self.isMulti = isMulti
    }

    /// Parses a GeoJSON geometry object.
    public static func parse(geometry: JSONValue) throws(GeometryProblem) -> GeoMultiPolygon {
        guard case .object = geometry else {
            throw .notPolygonal(found: geometry.typeName)
        }
        guard let type = geometry["type"]?.string else {
            throw .malformed("the geometry has no \"type\" member")
        }
        guard let coordinates = geometry["coordinates"] else {
            if type == "Polygon" || type == "MultiPolygon" {
                throw .malformed("the \(type) has no \"coordinates\" member")
            }
            throw .notPolygonal(found: type)
        }
        switch type {
        case "Polygon":
            return GeoMultiPolygon(polygons: [try polygon(coordinates, index: 0)], isMulti: false)
        case "MultiPolygon":
            guard let members = coordinates.array else {
                throw .malformed("MultiPolygon coordinates must be an array of polygons")
            }
            guard !members.isEmpty else { throw .empty }
            var polygons: [GeoPolygon] = []
            for (index, member) in members.enumerated() {
                polygons.append(try polygon(member, index: index))
            }
            return GeoMultiPolygon(polygons: polygons, isMulti: true)
        default:
            throw .notPolygonal(found: type)
        }
    }

    private static func polygon(_ value: JSONValue, index: Int) throws(GeometryProblem) -> GeoPolygon {
        guard let rings = value.array else {
            throw .malformed("polygon \(index) must be an array of rings")
        }
        guard !rings.isEmpty else { throw .empty }
        var parsed: [[GeoPosition]] = []
        for (ringIndex, ring) in rings.enumerated() {
            guard let positions = ring.array else {
                throw .malformed("ring \(ringIndex) of polygon \(index) must be an array of positions")
            }
            var ringPositions: [GeoPosition] = []
            ringPositions.reserveCapacity(positions.count)
            for (positionIndex, position) in positions.enumerated() {
                guard let pair = position.array, pair.count >= 2,
                    let longitude = pair[0].number, let latitude = pair[1].number
                else {
                    throw .malformed(
                        "position \(positionIndex) of ring \(ringIndex) of polygon \(index) must be [longitude, latitude]")
                }
                guard longitude.isFinite, latitude.isFinite else {
                    throw .notFinite(polygon: index, ring: ringIndex, position: positionIndex)
                }
                guard (-180...180).contains(longitude), (-90...90).contains(latitude) else {
                    throw .outOfRange(longitude: longitude, latitude: latitude)
                }
                let geo = GeoPosition(longitude: longitude, latitude: latitude)
                guard NationalGridArea.contains(geo) else {
                    throw .outsideNationalGrid(longitude: longitude, latitude: latitude)
                }
                ringPositions.append(geo)
            }
            guard ringPositions.count >= 4 else {
                throw .ringTooShort(polygon: index, ring: ringIndex, positions: ringPositions.count)
            }
            guard ringPositions.first == ringPositions.last else {
                throw .ringNotClosed(polygon: index, ring: ringIndex)
            }
            parsed.append(ringPositions)
        }
        return GeoPolygon(rings: parsed)
    }
}
