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
            sourceDate: properties["source_date"]?.text ?? editDate(properties["@timestamp"]) ?? date(in: dataset),
            geo: geo, grid: grid))
    }

    /// The feature's `id` member, else `{osm_type}/{osm_id}` from its properties, else
    /// `{@type}/{@id}` as `osmium export --attributes type,id` writes them.
    private static func identifier(_ json: JSONValue, properties: JSONValue) -> String? {
        if let id = json["id"]?.text, !id.isEmpty { return id }
        for (typeKey, idKey) in [("osm_type", "osm_id"), ("@type", "@id")] {
            if let type = properties[typeKey]?.string, let osmID = properties[idKey]?.text, !type.isEmpty {
                return "\(type)/\(osmID)"
            }
        }
        return nil
    }

    /// The day an OpenStreetMap object was last edited, from osmium's `@timestamp` (seconds
    /// since 1970, or ISO 8601 text).
    private static func editDate(_ value: JSONValue?) -> String? {
        if let seconds = value?.number, seconds.isFinite, seconds >= 0, seconds < 32_503_680_000 {
            return String(LookupTime.text(Date(timeIntervalSince1970: seconds)).prefix(10))
        }
        if let text = value?.string, let day = date(in: String(text.prefix(10))), day.utf8.count == 10, text.hasPrefix(day) {
            return day
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

    /// The date embedded in a dataset name such as osm_overpass_2022-07-05 or osm_osmplotr_2016-02:
    /// the first four digits, with up to two "-NN" parts after them. Scanned by hand: a Regex
    /// literal is compiled again on every call, which cost more than the rest of an import.
    static func date(in dataset: String) -> String? {
        let bytes = Array(dataset.utf8)
        func digit(_ i: Int) -> Bool { i < bytes.count && (0x30...0x39).contains(bytes[i]) }
        var start = 0
        while start + 4 <= bytes.count {
            if digit(start) && digit(start + 1) && digit(start + 2) && digit(start + 3) {
                var end = start + 4
                for _ in 0..<2 where end + 2 < bytes.count && bytes[end] == UInt8(ascii: "-") && digit(end + 1) && digit(end + 2) {
                    end += 3
                }
                return String(decoding: bytes[start..<end], as: UTF8.self)
            }
            start += 1
        }
        return nil
    }
}
