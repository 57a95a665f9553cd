import ArgumentParser
import CordonCore
import Foundation

/// Files named on the command line; `-` is standard input.
enum InputFile {
    static func data(_ path: String, field: String) throws -> Data {
        if path == "-" { return FileHandle.standardInput.readDataToEndOfFile() }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputError(field: field, value: path, problem: "cannot be read", fix: "Give the path of a JSON file, or - for standard input.")
        }
        return data
    }

    static func json(_ path: String, field: String) throws -> JSONValue {
        let data = try data(path, field: field)
        guard let json = try? JSONValue.parse(data) else {
            throw InputError(field: field, value: "'\(String(decoding: data.prefix(60), as: UTF8.self))'", problem: "is not JSON",
                             fix: "Give a GeoJSON geometry or Feature in [longitude, latitude] order.")
        }
        return json
    }

    /// Standard input can be read once, so at most one option may name it.
    static func checkStandardInput(_ given: [(field: String, path: String?)]) throws {
        let readers = given.filter { $0.path == "-" }.map(\.field)
        guard readers.count <= 1 else {
            throw InputError(field: readers.joined(separator: ", "), value: "-", problem: "would each read standard input",
                             fix: "Let at most one of them read standard input; name files for the others.")
        }
    }
}

/// Cordon members in the JSON form the core parses, so that the command line and the HTTP
/// service refuse the same input with the same field names.
enum CordonMember {
    /// The one shape given for a zone, nil when none was; more than one is refused rather
    /// than one silently winning.
    static func shape(zone: String, flags: String, preset: String? = nil, radius: String? = nil, polygon: String? = nil,
                      corridor: String? = nil, width: String? = nil) throws -> JSONValue? {
        let given = [("preset", preset), ("radius", radius), ("polygon", polygon), ("corridor", corridor)].filter { $0.1 != nil }
        guard given.count <= 1 else {
            throw InputError(field: zone, value: given.map { "--\(flags)\($0.0)" }.joined(separator: " and "),
                             problem: "names more than one shape", fix: "Give the \(zone) cordon one shape.")
        }
        if width != nil, corridor == nil {
            throw InputError(field: "--\(flags)width", value: width ?? "", problem: "is only for a corridor",
                             fix: "Give --\(flags)corridor FILE with it, or leave it out.")
        }
        if corridor != nil, width == nil {
            throw InputError(field: "--\(flags)width", value: "nothing", problem: "is missing for a corridor",
                             fix: "Give the corridor's width in metres, e.g. --\(flags)width 300.")
        }
        if let preset { return .object(["preset": .string(preset)]) }
        if let radius { return .object(["type": .string("radius"), "radius_m": number(radius)]) }
        if let polygon {
            return .object(["type": .string("polygon"), "geometry": try InputFile.json(polygon, field: "--\(flags)polygon")])
        }
        if let corridor, let width {
            return .object(["type": .string("corridor"), "route": try InputFile.json(corridor, field: "--\(flags)corridor"),
                            "width_m": number(width)])
        }
        return nil
    }

    /// Text that is not a number is passed on as text, so the core names the field it spoils.
    static func number(_ text: String) -> JSONValue {
        Double(text).map(JSONValue.number) ?? .string(text)
    }
}

/// The inner cordon's shape, for opening an incident or changing its cordons.
struct InnerCordonOptions: ParsableArguments {
    @Option(help: "A cordon preset for the inner cordon, e.g. suitcase (100-400 m; see --presets).") var preset: String?
    @Option(help: ArgumentHelp("The inner cordon's radius around the incident.", valueName: "metres")) var radius: String?
    @Option(help: ArgumentHelp("A GeoJSON polygon for the inner cordon; - reads standard input.", valueName: "file")) var polygon: String?
    @Option(help: ArgumentHelp("A GeoJSON LineString route: the inner cordon is a corridor along it.", valueName: "file")) var corridor: String?
    @Option(help: ArgumentHelp("The corridor's width.", valueName: "metres")) var width: String?

    func json() throws -> JSONValue? {
        try CordonMember.shape(zone: "inner", flags: "", preset: preset, radius: radius, polygon: polygon, corridor: corridor, width: width)
    }

    var files: [(field: String, path: String?)] { [("--polygon", polygon), ("--corridor", corridor)] }
}

/// The outer cordon and the advisory ring around the incident.
struct RingOptions: ParsableArguments {
    @Option(name: .customLong("outer-preset"), help: "A cordon preset for the outer cordon, e.g. van.") var outerPreset: String?
    @Option(name: .customLong("outer-radius"), help: ArgumentHelp("The outer cordon's radius.", valueName: "metres")) var outerRadius: String?
    @Option(name: .customLong("outer-polygon"), help: ArgumentHelp("A GeoJSON polygon for the outer cordon.", valueName: "file")) var outerPolygon: String?
    @Option(name: .customLong("advisory-radius"), help: ArgumentHelp("The advisory ring's radius.", valueName: "metres")) var advisoryRadius: String?
    @Option(name: .customLong("advisory-polygon"), help: ArgumentHelp("A GeoJSON polygon for the advisory ring.", valueName: "file")) var advisoryPolygon: String?

    func outer() throws -> JSONValue? {
        try CordonMember.shape(zone: "outer", flags: "outer-", preset: outerPreset, radius: outerRadius, polygon: outerPolygon)
    }

    func advisory() throws -> JSONValue? {
        try CordonMember.shape(zone: "advisory", flags: "advisory-", radius: advisoryRadius, polygon: advisoryPolygon)
    }

    var files: [(field: String, path: String?)] { [("--outer-polygon", outerPolygon), ("--advisory-polygon", advisoryPolygon)] }
}

/// Cordon radii by threat: the standard table unless a deployment names its own.
struct PresetOptions: ParsableArguments {
    @Option(help: ArgumentHelp("A JSON file of cordon presets replacing the standard ones (default: $CORDON_PRESETS), "
                               + "e.g. {\"suitcase\": 200, \"van\": 500}.", valueName: "file"))
    var presets: String?

    func load() throws -> CordonPresets {
        let configured = ProcessInfo.processInfo.environment["CORDON_PRESETS"].flatMap { $0.isEmpty ? nil : $0 }
        guard let path = presets ?? configured else { return .standard }
        let field = presets == nil ? "CORDON_PRESETS" : "--presets"
        return try CordonPresets.parse(try InputFile.data(path, field: field), source: field)
    }

    var files: [(field: String, path: String?)] { [("--presets", presets)] }
}
