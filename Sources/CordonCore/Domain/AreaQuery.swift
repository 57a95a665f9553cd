import Foundation

/// A query area: a GeoJSON Polygon or MultiPolygon in lon/lat, holes honoured, checked and
/// placed on the British National Grid at construction.
public struct AreaQuery: Sendable, Equatable {
    public let geo: GeoMultiPolygon
    public let grid: GridMultiPolygon

    /// Parses request text: a geometry, a Feature, or a FeatureCollection holding exactly one.
    public static func parse(_ data: Data, field: String = "polygon",
                             transformer: CoordinateTransformer = .shared) throws(InputError) -> AreaQuery {
        guard data.contains(where: { !($0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09) }) else {
            throw InputError(field: field, value: "nothing", problem: "is empty",
                             fix: "Send a GeoJSON Polygon or MultiPolygon in lon/lat.")
        }
        // Decoding a large body costs far more than refusing it: every position is an array,
        // so more arrays than the position budget allows (plus room for rings and polygons)
        // is refused before decoding. The same pass refuses deep nesting.
        let json: JSONValue
        do {
            let arrays = try JSONDepth.check(data, limit: JSONValue.maximumDepth)
            guard arrays <= maximumPositions + 1_000 else {
                throw InputError(field: field, value: "about \(arrays) positions", problem: "has more positions than a lookup allows",
                                 fix: "Give at most \(maximumPositions) positions in all; simplify the outline (for example ogr2ogr -simplify 1).")
            }
            json = try JSONParser.parse(data)
        } catch let tooMany as InputError {
            throw tooMany
        } catch let deep as JSONTooDeep {
            throw InputError(field: field, value: "JSON nested past level \(deep.limit) at byte \(deep.offset)",
                             problem: "is nested too deeply", fix: "Send a GeoJSON Polygon or MultiPolygon in lon/lat; it needs 5 levels at most.")
        } catch {
            let text = String(decoding: data.prefix(80), as: UTF8.self)
            throw InputError(field: field, value: "'\(text)'", problem: "is not valid JSON",
                             fix: "Send a GeoJSON Polygon or MultiPolygon in lon/lat.")
        }
        return try AreaQuery(json: json, field: field, transformer: transformer)
    }

    public init(json: JSONValue, field: String = "polygon",
                transformer: CoordinateTransformer = .shared) throws(InputError) {
        let geometry = try Self.unwrap(json, field: field)
        let geo: GeoMultiPolygon
        do {
            geo = try GeoMultiPolygon.parse(geometry: geometry)
        } catch {
            throw InputError(.invalidGeometry, field: field, value: Self.describe(geometry),
                             problem: error.message, fix: error.fix)
        }
        try Self.checkBudget(geo, field: field)
        guard let grid = GridMultiPolygon(geo, transformer: transformer) else {
            throw InputError(.invalidGeometry, field: field, value: Self.describe(geometry),
                             problem: "cannot be placed on the British National Grid",
                             fix: "Give positions in Great Britain as [longitude, latitude].")
        }
        try Self.checkWork(grid, field: field)
        if let crossing = RingCrossings.firstCrossing(in: grid.polygons) {
            let problem = GeometryProblem.selfIntersecting(detail: crossing)
            throw InputError(.invalidGeometry, field: field, value: Self.describe(geometry),
                             problem: problem.message, fix: problem.fix)
        }
        self.geo = geo
        self.grid = grid
    }

    /// Positions in one request, over all rings: a lookup's cost grows with them (GEOS tests
    /// every candidate footprint against every edge), and drawn cordons need far fewer.
    public static let maximumPositions = 10_000
    /// The largest area, in square metres: that of the largest radius lookup's circle.
    public static let maximumArea = Double.pi * RadiusQuery.maximumRadius * RadiusQuery.maximumRadius
    /// Positions times square kilometres: the candidates grow with the area and each costs
    /// a pass over the edges, so a large area must be drawn with fewer positions.
    public static let workBudget = 100_000.0

    private static func checkBudget(_ geo: GeoMultiPolygon, field: String) throws(InputError) {
        let positions = geo.polygons.reduce(0) { $0 + $1.rings.reduce(0) { $0 + $1.count } }
        guard positions <= maximumPositions else {
            throw InputError(field: field, value: "\(positions) positions", problem: "has more positions than a lookup allows",
                             fix: "Give at most \(maximumPositions) positions in all; simplify the outline (for example ogr2ogr -simplify 1).")
        }
    }

    /// Positions times square kilometres (at least one): what a lookup over this area costs,
    /// in the units of `workBudget`.
    public var work: Double {
        let positions = grid.polygons.reduce(0) { $0 + $1.reduce(0) { $0 + $1.count } }
        return Double(positions) * max(1, grid.area / 1e6)
    }

    private static func checkWork(_ grid: GridMultiPolygon, field: String) throws(InputError) {
        let area = grid.area
        guard area <= maximumArea else {
            throw InputError(field: field, value: "\(JSONText.number((area / 1e4).rounded() / 100)) km²",
                             problem: "covers more than a lookup allows",
                             fix: "Give an area of at most \(JSONText.number((maximumArea / 1e4).rounded() / 100)) km² (a circle of radius \(Int(RadiusQuery.maximumRadius)) m).")
        }
        let positions = grid.polygons.reduce(0) { $0 + $1.reduce(0) { $0 + $1.count } }
        let squareKilometres = max(1, area / 1e6)
        guard Double(positions) * squareKilometres <= workBudget else {
            let allowed = Int(workBudget / squareKilometres)
            throw InputError(field: field, value: "\(positions) positions over \(JSONText.number((area / 1e4).rounded() / 100)) km²",
                             problem: "is too detailed for its size",
                             fix: "Over an area this large give at most \(allowed) positions (positions times km² at most \(Int(workBudget))); simplify the outline.")
        }
    }

    private static func unwrap(_ json: JSONValue, field: String) throws(InputError) -> JSONValue {
        switch json["type"]?.string {
        case "Feature":
            guard let geometry = json["geometry"], geometry != .null else {
                throw InputError(.invalidGeometry, field: field, value: "a Feature without geometry",
                                 problem: "has no geometry", fix: GeometryProblem.notPolygonal(found: "").fix)
            }
            return geometry
        case "FeatureCollection":
            let features = json["features"]?.array ?? []
            guard features.count == 1 else {
                throw InputError(field: field, value: "a FeatureCollection of \(features.count) features",
                                 problem: "must hold exactly one feature",
                                 fix: "Send one Polygon or MultiPolygon; merge several areas into a MultiPolygon.")
            }
            return try unwrap(features[0], field: field)
        default:
            return json
        }
    }

    private static func describe(_ geometry: JSONValue) -> String {
        if let type = geometry["type"]?.string { return "a \(type)" }
        return geometry.typeName
    }
}
