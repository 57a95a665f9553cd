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
            // CAP has no holes: the buffer's outer rings, from grid metres to lon/lat.
            let transformer = CoordinateTransformer.shared
            let rings = try GeoJSONRings.outer(try Registry.corridorBuffer(cordon.cordon, in: db).gridGeoJSON).map { ring in
                ring.compactMap { transformer.toGeo(GridPoint(easting: $0.x, northing: $0.y)) }
            }
            self.init(description: description, circle: nil, polygons: rings)
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
            let id: String = row["id"]
            return AlertArea(description: "Building \(id)", circle: nil, polygons: try outerRings(row["footprint_geojson"]), buildingID: id)
        }
    }

    /// The outer ring of each polygon of lon/lat GeoJSON text.
    static func outerRings(_ geojson: String) throws -> [[GeoPosition]] {
        try GeoJSONRings.outer(geojson).map { $0.map { GeoPosition(longitude: $0.x, latitude: $0.y) } }
    }

    /// {"description", "circle": {"lat", "lon", "radius_m"}} or {"description", "polygons": [[[lon, lat], ...]]}.
    func json() -> String {
        var members: [(String, String?)] = [("description", JSONText.quoted(description))]
        if let buildingID { members.append(("building_id", JSONText.quoted(buildingID))) }
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
        let description = json["description"]?.string ?? ""
        // Alerts stored before footprints named their building carry it only in the description.
        let buildingID = json["building_id"]?.string
            ?? (description.hasPrefix("Building ") ? String(description.dropFirst("Building ".count)) : nil)
        self.init(description: description, circle: circle,
                  polygons: json["polygons"]?.array?.compactMap { ring in
                      ring.array.map { GeoJSONRings.pairs($0).map { GeoPosition(longitude: $0.x, latitude: $0.y) } }
                  } ?? [], buildingID: buildingID)
    }
}
