import Foundation

/// A cordon to plan for: a circle, a polygon, or a corridor (a route and its width).
public enum PlanCordon: Sendable, Equatable {
    case radius(RadiusQuery)
    case area(AreaQuery)
    case corridor(route: [GeoPosition], grid: [GridPoint], width: Double)

    /// Narrower than a metre is no cordon (and too thin for the buffer to be drawn reliably).
    public static let minimumCorridorWidth = 1.0
    public static let maximumCorridorWidth = 2_000.0
    /// As many positions as a hand-drawn or exported route needs; more is refused before any
    /// of them is transformed.
    public static let maximumRoutePositions = 1_000

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
        guard width.isFinite, width >= minimumCorridorWidth, width <= maximumCorridorWidth else {
            throw InputError(field: path(field, "width_m"), value: JSONText.number(width), problem: "is out of range",
                             fix: "Give the corridor's whole width in metres, from 1 to 2000 (half of it on each side of the route).")
        }
        let geometry = json["type"]?.string == "Feature" ? (json["geometry"] ?? .null) : json
        guard geometry["type"]?.string == "LineString", let positions = geometry["coordinates"]?.array, positions.count >= 2 else {
            throw InputError(.invalidGeometry, field: path(field, "route"), value: geometry["type"]?.string ?? geometry.typeName,
                             problem: "is not a LineString of at least 2 positions",
                             fix: "Give the route as a GeoJSON LineString in [longitude, latitude] order.")
        }
        guard positions.count <= maximumRoutePositions else {
            throw InputError(field: path(field, "route"), value: "\(positions.count) positions", problem: "has more positions than a corridor allows",
                             fix: "Give at most \(maximumRoutePositions) positions; simplify the route (for example ogr2ogr -simplify 1).")
        }
        var route: [GeoPosition] = []
        var grid: [GridPoint] = []
        for position in positions {
            guard let pair = position.array, pair.count >= 2, let lon = pair[0].number, let lat = pair[1].number,
                  lon.isFinite, lat.isFinite, NationalGridArea.contains(GeoPosition(longitude: lon, latitude: lat)),
                  let point = CoordinateTransformer.shared.toGrid(GeoPosition(longitude: lon, latitude: lat))
            else {
                throw InputError(.invalidGeometry, field: path(field, "route"), value: "\(position)",
                                 problem: "has a position that is not [longitude, latitude] in Great Britain",
                                 fix: "Give positions as [longitude, latitude] in degrees (WGS84).")
            }
            route.append(GeoPosition(longitude: lon, latitude: lat))
            grid.append(point)
        }
        let length = Self.length(of: grid)
        guard length >= 0.01 else {
            throw InputError(.invalidGeometry, field: path(field, "route"), value: "\(positions.count) positions at one place",
                             problem: "has no length", fix: "Give a route whose positions are not all the same; for a circle use a radius cordon.")
        }
        // The same bound as a polygon's: a corridor covers about its length times its width.
        guard length * width <= AreaQuery.maximumArea else {
            throw InputError(field: path(field, "route"), value: "\(JSONText.number((length / 10).rounded() / 100)) km at \(JSONText.number(width)) m wide",
                             problem: "covers more than a cordon may",
                             fix: "Give a corridor of at most \(JSONText.number((AreaQuery.maximumArea / 1e4).rounded() / 100)) km² (its length times its width): a shorter route or a narrower width.")
        }
        return .corridor(route: route, grid: grid, width: width)
    }

    /// A member's name under `field`, or alone when the cordon is the whole body.
    private static func path(_ field: String, _ member: String) -> String {
        field.isEmpty ? member : field + "." + member
    }

    static func length(of grid: [GridPoint]) -> Double {
        zip(grid, grid.dropFirst()).reduce(0) { $0 + hypot($1.1.easting - $1.0.easting, $1.1.northing - $1.0.northing) }
    }

    /// What a lookup of this cordon costs, in the unit of `AreaQuery.work` (positions times
    /// km²), for deciding which lookups run in a costly slot. A corridor's buffer has several
    /// positions for each of its route's (its round ends and bends), counted as ten.
    public var work: Double {
        switch self {
        case .radius(let query): Double.pi * query.radius * query.radius / 1e6
        case .area(let query): query.work
        case .corridor(_, let grid, let width): 10 * Double(grid.count) * max(1, Self.length(of: grid) * width / 1e6)
        }
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
