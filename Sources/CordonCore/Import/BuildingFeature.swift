import Foundation

/// A building as parsed from a GeoJSON feature, before it meets the database.
struct BuildingFeature: Sendable {
    let id: String
    let name: String?
    let address: String?
    let postcode: String?
    let ward: String?
    let buildingType: String?
    let levels: Double?
    let height: Double?
    let sourceDataset: String
    let sourceDate: String?
    let geo: GeoMultiPolygon
    let grid: GridMultiPolygon

    /// Parses one feature; `defaultDataset` names the source when the feature does not.
    static func parse(_ json: JSONValue, defaultDataset: String,
                      transformer: CoordinateTransformer) -> Result<BuildingFeature, ImportRejection.Reason> {
        guard json["type"]?.string == "Feature" else { return .failure(.notFeature) }
        let properties = json["properties"] ?? .null
        guard let id = identifier(json, properties: properties) else { return .failure(.missingID) }
        let geo: GeoMultiPolygon
        do {
            geo = try GeoMultiPolygon.parse(geometry: json["geometry"] ?? .null)
        } catch {
            return .failure(.geometry(error))
        }
        guard let grid = GridMultiPolygon(geo, transformer: transformer) else {
            let first = geo.polygons[0].rings[0][0]
            return .failure(.geometry(.outsideNationalGrid(longitude: first.longitude, latitude: first.latitude)))
        }
        let dataset = properties["source_dataset"]?.string ?? defaultDataset
        return .success(BuildingFeature(
            id: id,
            name: properties["name"]?.text,
            address: address(properties),
            postcode: properties["addr:postcode"]?.text ?? properties["postcode"]?.text,
            ward: properties["ward_2013"]?.text ?? properties["ward"]?.text,
            buildingType: properties["building"]?.text.flatMap { $0 == "yes" ? nil : $0 },
            levels: leadingNumber(properties["building:levels"]),
            height: leadingNumber(properties["height"]),
            sourceDataset: dataset,
            sourceDate: properties["source_date"]?.text ?? date(in: dataset),
            geo: geo, grid: grid))
    }

    /// The feature's `id` member, else `{osm_type}/{osm_id}` from its properties.
    private static func identifier(_ json: JSONValue, properties: JSONValue) -> String? {
        if let id = json["id"]?.text, !id.isEmpty { return id }
        if let type = properties["osm_type"]?.string, let osmID = properties["osm_id"]?.text, !type.isEmpty {
            return "\(type)/\(osmID)"
        }
        return nil
    }

    private static func address(_ properties: JSONValue) -> String? {
        let number = properties["addr:housenumber"]?.text
        let street = properties["addr:street"]?.text
        switch (number, street) {
        case let (number?, street?): return "\(number) \(street)"
        case let (nil, street?): return street
        default: return properties["addr:housename"]?.text ?? properties["address"]?.text
        }
    }

    /// "41" -> 41, "88 m" -> 88, "0.5" -> 0.5; anything else -> nil.
    private static func leadingNumber(_ value: JSONValue?) -> Double? {
        if let number = value?.number { return number >= 0 && number.isFinite ? number : nil }
        guard let text = value?.string else { return nil }
        let digits = text.prefix { $0.isNumber || $0 == "." }
        guard let number = Double(digits), number >= 0 else { return nil }
        return number
    }

    /// The date embedded in a dataset name such as osm_overpass_2022-07-05 or osm_osmplotr_2016-02.
    private static func date(in dataset: String) -> String? {
        guard let match = dataset.firstMatch(of: /(\d{4})(-\d{2})?(-\d{2})?/) else { return nil }
        return String(match.0)
    }
}
