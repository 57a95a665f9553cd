import Foundation

/// Any JSON value, decoded once so that GeoJSON can be inspected member by member and each
/// problem reported precisely.
public enum JSONValue: Sendable, Equatable, Decodable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    /// Deeper nesting than any GeoJSON or request body needs: refused by a linear pre-scan
    /// with an error of its own (`JSONTooDeep`) that names the limit.
    public static let maximumDepth = 64

    /// Parses JSON text (RFC 8259); throws when it is not exactly one valid JSON value.
    public static func parse(_ data: Data) throws -> JSONValue {
        try JSONDepth.check(data, limit: maximumDepth)
        return try JSONParser.parse(data)
    }

    /// Parses JSON text held in a byte buffer, without copying it (the import's stream; the
    /// parser's own depth limit applies).
    public static func parse(bytes: UnsafeRawBufferPointer) throws -> JSONValue {
        try JSONParser.parse(bytes)
    }

    public subscript(key: String) -> JSONValue? {
        if case .object(let members) = self { return members[key] }
        return nil
    }

    public var string: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    public var number: Double? {
        if case .number(let value) = self { return value }
        return nil
    }

    public var array: [JSONValue]? {
        if case .array(let value) = self { return value }
        return nil
    }

    /// A short name of the value's JSON type, for error messages.
    public var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }

    /// Text or number as text; other values as nil. OSM tags arrive as either.
    public var text: String? {
        switch self {
        case .string(let value): value
        case .number(let value): value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
        default: nil
        }
    }
}
