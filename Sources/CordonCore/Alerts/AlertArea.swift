import Foundation
import GRDB

/// The areas an alert names, computed when it is sent: circles stay circles, everything else
/// becomes polygons (outer rings: CAP has no holes).
extension AlertArea {
    init(zone: Zone, cordon: ZoneCordon, in db: Database) throws {
        let description = "\(zone.label): \(cordon.summary)"
        switch cordon.cordon {
        case .radius(let query):
            self.init(description: description, circle: (query.centre, query.radius), polygons: [])
        case .area(let query):
            self.init(description: description, circle: nil, polygons: query.geo.polygons.compactMap(\.rings.first))
        case .corridor:
            self.init(description: description, circle: nil, polygons: try Registry.corridorBuffer(cordon.cordon, in: db).rings)
        }
    }

    static func city(in db: Database) throws -> AlertArea {
        // A registry loaded without the boundary still names the area, without a shape.
        guard let row = try Row.fetchOne(db.cachedStatement(sql: Query.planBoundary.sql)) else {
            return AlertArea(description: "Every building in the registry", circle: nil, polygons: [])
        }
        return AlertArea(description: "The whole City of London", circle: nil, polygons: try outerRings(row["area_geojson"]))
    }

    static func footprints(of ids: [String], in db: Database) throws -> [AlertArea] {
        try Row.fetchAll(db.cachedStatement(sql: Query.alertFootprints.sql),
                         arguments: ["ids": "[" + ids.map(JSONText.quoted).joined(separator: ",") + "]"]).map { row in
            AlertArea(description: "Building \(row["id"] as String)", circle: nil, polygons: try outerRings(row["footprint_geojson"]))
        }
    }

    /// The outer ring of each polygon of a GeoJSON Polygon or MultiPolygon.
    static func outerRings(_ geojson: String) throws -> [[GeoPosition]] {
        let json = try JSONValue.parse(Data(geojson.utf8))
        let polygons = json["type"]?.string == "MultiPolygon" ? (json["coordinates"]?.array ?? []) : [json["coordinates"] ?? .null]
        return polygons.compactMap { $0.array?.first?.array.map(positions) }
    }

    private static func positions(_ ring: [JSONValue]) -> [GeoPosition] {
        ring.compactMap { position in
            guard let pair = position.array, pair.count >= 2, let lon = pair[0].number, let lat = pair[1].number else { return nil }
            return GeoPosition(longitude: lon, latitude: lat)
        }
    }

    /// {"description", "circle": {"lat", "lon", "radius_m"}} or {"description", "polygons": [[[lon, lat], ...]]}.
    func json() -> String {
        var members: [(String, String?)] = [("description", JSONText.quoted(description))]
        if let circle {
            members.append(("circle", JSONText.object([("lat", "\(circle.centre.latitude)"), ("lon", "\(circle.centre.longitude)"),
                                                       ("radius_m", JSONText.number(circle.radius, decimals: 3))])))
        }
        members.append(("polygons", "[" + polygons.map { ring in
            "[" + ring.map { "[\(GeoJSONText.round7($0.longitude)),\(GeoJSONText.round7($0.latitude))]" }.joined(separator: ",") + "]"
        }.joined(separator: ",") + "]"))
        return JSONText.object(members)
    }

    init(json: JSONValue) {
        var circle: (GeoPosition, Double)?
        if let lat = json["circle"]?["lat"]?.number, let lon = json["circle"]?["lon"]?.number, let radius = json["circle"]?["radius_m"]?.number {
            circle = (GeoPosition(longitude: lon, latitude: lat), radius)
        }
        self.init(description: json["description"]?.string ?? "", circle: circle,
                  polygons: json["polygons"]?.array?.compactMap { $0.array.map(Self.positions) } ?? [])
    }
}
