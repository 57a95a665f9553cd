/// A named area kept for ward look-ups, coverage statistics and maps.
public struct ReferenceArea: Sendable {
    public enum Kind: String, Sendable {
        case boundary, ward, coverage
    }

    public let kind: Kind
    public let name: String
    public let code: String?
    public let cityAreaShare: Double?
    public let geo: GeoMultiPolygon
    public let grid: GridMultiPolygon

    /// Reads the areas of a FeatureCollection, naming each by the first property present.
    static func read(_ json: JSONValue, kind: Kind, nameKeys: [String], codeKey: String?,
                     transformer: CoordinateTransformer) throws -> [ReferenceArea] {
        try (json["features"]?.array ?? []).enumerated().map { index, feature in
            let properties = feature["properties"] ?? .null
            guard let name = nameKeys.lazy.compactMap({ properties[$0]?.text }).first else {
                throw StorageError("\(kind.rawValue) feature \(index) has none of the properties \(nameKeys)")
            }
            let geo = try GeoMultiPolygon.parse(geometry: feature["geometry"] ?? .null)
            guard let grid = GridMultiPolygon(geo, transformer: transformer) else {
                throw StorageError("\(kind.rawValue) \(name) cannot be placed on the national grid")
            }
            return ReferenceArea(
                kind: kind, name: name, code: codeKey.flatMap { properties[$0]?.text },
                cityAreaShare: properties["city_area_share"]?.number, geo: geo, grid: grid)
        }
    }
}
