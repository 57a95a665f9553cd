import Foundation

/// One zone's boundary as the commander set it: a preset or custom radius (centred on the
/// incident unless given), a polygon, or, for the inner cordon, a corridor.
public struct ZoneCordon: Sendable, Equatable {
    public let cordon: PlanCordon
    /// The preset the radius came from, if any.
    public let preset: String?

    public init(cordon: PlanCordon, preset: String? = nil) {
        self.cordon = cordon
        self.preset = preset
    }

    /// Parses {"preset": "suitcase"} | {"type": "radius", "radius_m", ["lat", "lon"]} |
    /// {"type": "polygon", "geometry"} | {"type": "corridor", "route", "width_m"}.
    public static func parse(_ json: JSONValue, zone: Zone, location: GeoPosition, presets: CordonPresets,
                             field: String? = nil) throws(InputError) -> ZoneCordon {
        let field = field ?? zone.rawValue
        guard case .object(var members) = json else {
            throw InputError(field: field, value: json.typeName, problem: "is not a cordon",
                             fix: "Give {\"preset\": \"suitcase\"}, {\"type\": \"radius\", \"radius_m\": 250}, a polygon"
                                + (zone == .inner ? " or a corridor." : "."))
        }
        var preset: String?
        if let name = members["preset"] {
            guard let text = name.string else {
                throw InputError(field: field + ".preset", value: name.typeName, problem: "is not text", fix: "Name a preset, e.g. \"suitcase\".")
            }
            let found = try presets.preset(named: text, field: field + ".preset")
            preset = found.name
            members["type"] = members["type"] ?? .string("radius")
            members["radius_m"] = .number(found.radius)
        }
        if members["type"]?.string == "radius" {
            members["lat"] = members["lat"] ?? .number(location.latitude)
            members["lon"] = members["lon"] ?? .number(location.longitude)
        }
        if zone != .inner, members["type"]?.string == "corridor" {
            throw InputError(field: field + ".type", value: "'corridor'", problem: "is only for the inner cordon",
                             fix: "Give the \(zone.rawValue) ring as a radius or a polygon.")
        }
        do {
            return ZoneCordon(cordon: try PlanCordon.parse(.object(members), field: field), preset: preset)
        } catch let error where error.field == "radius" {
            throw InputError(error.kind, field: field + ".radius_m", value: error.value, problem: error.problem,
                             fix: "Give radius_m in metres, greater than 0 and at most 5000, or a preset.")
        }
    }

    /// Reads back what `json()` stored.
    init(stored text: String) throws {
        let json = try JSONValue.parse(Data(text.utf8))
        self.init(cordon: try PlanCordon.parse(json), preset: json["preset"]?.string)
    }

    /// The stored and published form, full precision for radius centres.
    public func json() -> String {
        var members = cordon.jsonMembers
        if let preset { members.append(("preset", JSONText.quoted(preset))) }
        return JSONText.object(members)
    }

    public var summary: String {
        preset.map { "\(cordon.summary) (preset \($0))" } ?? cordon.summary
    }
}

extension PlanCordon {
    /// Members of the form `parse` reads.
    var jsonMembers: [(String, String?)] {
        switch self {
        case .radius(let query):
            [("type", "\"radius\""), ("lat", "\(query.centre.latitude)"), ("lon", "\(query.centre.longitude)"),
             ("radius_m", JSONText.number(query.radius, decimals: 3))]
        case .area(let query):
            [("type", "\"polygon\""), ("geometry", GeoJSONText.geometry(query.geo))]
        case .corridor(let route, _, let width):
            [("type", "\"corridor\""),
             ("route", "{\"type\":\"LineString\",\"coordinates\":[" + route.map { "[\($0.longitude),\($0.latitude)]" }.joined(separator: ",") + "]}"),
             ("width_m", JSONText.number(width, decimals: 3))]
        }
    }
}
