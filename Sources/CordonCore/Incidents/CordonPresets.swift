import Foundation

/// Cordon radii by threat, from public UK guidance for suspect items: rule-of-thumb minimums,
/// which police adjust on the day. Deployments replace the table (500 m variants exist).
public struct CordonPresets: Sendable, Equatable {
    public struct Preset: Sendable, Equatable {
        public let name: String
        public let radius: Double
        public let description: String
    }

    public let presets: [Preset]

    public static let standard = CordonPresets(presets: [
        Preset(name: "small-item", radius: 100, description: "small item such as a rucksack or briefcase"),
        Preset(name: "rucksack", radius: 100, description: "rucksack"),
        Preset(name: "briefcase", radius: 100, description: "briefcase"),
        Preset(name: "suitcase", radius: 200, description: "suitcase"),
        Preset(name: "car", radius: 200, description: "car"),
        Preset(name: "van", radius: 400, description: "van"),
        Preset(name: "lorry", radius: 400, description: "lorry"),
    ])

    public init(presets: [Preset]) { self.presets = presets }

    public func preset(named name: String, field: String) throws(InputError) -> Preset {
        guard let preset = presets.first(where: { $0.name == name.lowercased() }) else {
            throw InputError(field: field, value: "'\(name)'", problem: "is not a cordon preset",
                             fix: "Use one of " + presets.map { "\($0.name) (\(JSONText.number($0.radius)) m)" }.joined(separator: ", ")
                                + ", or give radius_m.")
        }
        return preset
    }

    /// A replacement table: {"suitcase": 200, "van": {"radius_m": 500, "description": "van or lorry"}}.
    public static func parse(_ data: Data, source: String) throws(InputError) -> CordonPresets {
        guard let json = try? JSONValue.parse(data), case .object(let members) = json, !members.isEmpty else {
            throw InputError(field: source, value: "'\(String(decoding: data.prefix(60), as: UTF8.self))'",
                             problem: "is not a JSON object of presets",
                             fix: "Write {\"rucksack\": 100, \"suitcase\": 200, \"van\": 400} (radii in metres).")
        }
        var presets: [Preset] = []
        for name in members.keys.sorted() {
            let value = members[name] ?? .null
            let radius = value.number ?? value["radius_m"]?.number
            guard let radius, radius.isFinite, radius > 0, radius <= RadiusQuery.maximumRadius,
                  !name.isEmpty, name == name.lowercased(), !name.contains(" ") else {
                throw InputError(field: "\(source): \(name)", value: value.text ?? value.typeName,
                                 problem: "is not a preset name (lower case, no spaces) with a radius",
                                 fix: "Give a radius in metres, greater than 0 and at most 5000.")
            }
            presets.append(Preset(name: name, radius: radius, description: value["description"]?.string ?? name))
        }
        return CordonPresets(presets: presets.sorted { ($0.radius, $0.name) < ($1.radius, $1.name) })
    }
}
