import Foundation

/// A cordon to plan for: a circle, a polygon, or a corridor (a route and its width).
public enum PlanCordon: Sendable, Equatable {
    case radius(RadiusQuery)
    case area(AreaQuery)
    case corridor(route: [GeoPosition], grid: [GridPoint], width: Double)

    public static let maximumCorridorWidth = 2_000.0

    /// Parses {"type": "radius", "lat", "lon", "radius_m"} | {"type": "polygon", "geometry"} |
    /// {"type": "corridor", "route": LineString, "width_m"}.
    public static func parse(_ json: JSONValue, field: String = "cordon") throws(InputError) -> PlanCordon {
        guard case .object = json else {
            throw InputError(field: field, value: json.typeName, problem: "is not an object",
                             fix: "Give {\"type\": \"radius\", \"lat\": 51.5144, \"lon\": -0.0803, \"radius_m\": 200}, a polygon or a corridor.")
        }
        switch json["type"]?.string {
        case "radius":
            return .radius(try RadiusQuery.parse(latitude: json["lat"]?.text, longitude: json["lon"]?.text,
                                                 radius: json["radius_m"]?.text))
        case "polygon":
            return .area(try AreaQuery(json: json["geometry"] ?? .null, field: field + ".geometry"))
        case "corridor":
            let width = try RadiusQuery.number(json["width_m"]?.text, field: field + ".width_m", example: "300")
            return try corridor(route: json["route"] ?? .null, width: width, field: field)
        default:
            throw InputError(field: field + ".type", value: json["type"]?.text.map { "'\($0)'" } ?? "nothing",
                             problem: "is not a cordon type", fix: "Use radius, polygon or corridor.")
        }
    }

    /// A route (GeoJSON LineString, bare or in a Feature) and a width in metres.
    public static func corridor(route json: JSONValue, width: Double, field: String = "cordon") throws(InputError) -> PlanCordon {
        guard width.isFinite, width > 0, width <= maximumCorridorWidth else {
            throw InputError(field: field + ".width_m", value: JSONText.number(width), problem: "is out of range",
                             fix: "Give the corridor's width in metres, greater than 0 and at most 2000.")
        }
        let geometry = json["type"]?.string == "Feature" ? (json["geometry"] ?? .null) : json
        guard geometry["type"]?.string == "LineString", let positions = geometry["coordinates"]?.array, positions.count >= 2 else {
            throw InputError(.invalidGeometry, field: field + ".route", value: geometry["type"]?.string ?? geometry.typeName,
                             problem: "is not a LineString of at least 2 positions",
                             fix: "Give the route as a GeoJSON LineString in [longitude, latitude] order.")
        }
        var route: [GeoPosition] = []
        var grid: [GridPoint] = []
        for position in positions {
            guard let pair = position.array, pair.count >= 2, let lon = pair[0].number, let lat = pair[1].number,
                  lon.isFinite, lat.isFinite, NationalGridArea.contains(GeoPosition(longitude: lon, latitude: lat)),
                  let point = CoordinateTransformer.shared.toGrid(GeoPosition(longitude: lon, latitude: lat))
            else {
                throw InputError(.invalidGeometry, field: field + ".route", value: "\(position)",
                                 problem: "has a position that is not [longitude, latitude] in Great Britain",
                                 fix: "Give positions as [longitude, latitude] in degrees (WGS84).")
            }
            route.append(GeoPosition(longitude: lon, latitude: lat))
            grid.append(point)
        }
        return .corridor(route: route, grid: grid, width: width)
    }

    var routeWKT: String? {
        guard case .corridor(_, let grid, _) = self else { return nil }
        return "LINESTRING(" + grid.map { "\($0.easting) \($0.northing)" }.joined(separator: ",") + ")"
    }

    public var summary: String {
        switch self {
        case .radius(let query): "\(JSONText.number(query.radius)) m around \(query.centre.latitude), \(query.centre.longitude)"
        case .area(let query): "polygon of \(JSONText.number(query.grid.area, decimals: 0)) m²"
        case .corridor(let route, _, let width): "corridor \(JSONText.number(width)) m wide along \(route.count) positions"
        }
    }
}
