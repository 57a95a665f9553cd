/// Builds JSON text directly. Lookup output embeds stored GeoJSON geometry verbatim, which
/// an encoder of typed values cannot do without parsing it again.
public struct JSONText: Sendable {
    public private(set) var text = ""

    public init() {}

    public static func quoted(_ value: String) -> String {
        var out = ""
        appendQuoted(value, to: &out)
        return out
    }

    /// Appends a JSON string literal; text needing no escapes (almost all) is copied whole.
    public static func appendQuoted(_ value: String, to out: inout String) {
        if !value.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) {
            out += "\""
            out += value
            out += "\""
            return
        }
        out += "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case let c where c.value < 0x20:
                let hex = String(c.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }

    public static func appendOptional(_ value: String?, to out: inout String) {
        if let value { appendQuoted(value, to: &out) } else { out += "null" }
    }

    public static func number(_ value: Double, decimals: Int = 2) -> String {
        guard value.isFinite else { return "null" }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let rounded = (value * scale).rounded() / scale
        if rounded == rounded.rounded(), abs(rounded) < 1e15 { return String(Int64(rounded)) }
        return String(rounded)
    }

    /// An object from (key, already-encoded value) pairs, skipping nil values.
    public static func object(_ members: [(String, String?)]) -> String {
        "{" + members.compactMap { key, value in value.map { quoted(key) + ":" + $0 } }.joined(separator: ",") + "}"
    }

    public static func string(_ value: String?) -> String {
        value.map(quoted) ?? "null"
    }

    public static func bool(_ value: Bool) -> String { value ? "true" : "false" }
}
