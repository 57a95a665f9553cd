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
        let json: JSONValue
        do {
            json = try JSONValue.parse(data)
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
        guard let grid = GridMultiPolygon(geo, transformer: transformer) else {
            throw InputError(.invalidGeometry, field: field, value: Self.describe(geometry),
                             problem: "cannot be placed on the British National Grid",
                             fix: "Give positions in Great Britain as [longitude, latitude].")
        }
        if let crossing = RingCrossings.firstCrossing(in: grid.polygons) {
            let problem = GeometryProblem.selfIntersecting(detail: crossing)
            throw InputError(.invalidGeometry, field: field, value: Self.describe(geometry),
                             problem: problem.message, fix: problem.fix)
        }
        self.geo = geo
        self.grid = grid
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
