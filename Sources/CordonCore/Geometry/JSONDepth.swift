import Foundation

/// JSON nested deeper than a limit: refused after one linear pass over the bytes, before
/// any decoding is attempted.
public struct JSONTooDeep: Error, Sendable, Equatable, CustomStringConvertible {
    public let limit: Int
    /// Byte offset of the bracket that went past the limit.
    public let offset: Int

    public var description: String {
        "the JSON is nested more than \(limit) levels deep (at byte \(offset))"
    }
}

enum JSONDepth {
    /// One pass over the bytes: refuses nesting (`[` and `{` outside strings) deeper than
    /// `limit`, and returns how many arrays the text opens, an upper bound on the positions a
    /// GeoJSON geometry holds. Escapes inside strings are skipped, so that a quoted bracket or
    /// an escaped quote does not count.
    @discardableResult
    static func check(_ data: Data, limit: Int) throws(JSONTooDeep) -> Int {
        var depth = 0
        var arrays = 0
        var inString = false
        var escaped = false
        var offset = 0
        for byte in data {
            defer { offset += 1 }
            if inString {
                if escaped {
                    escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""):
                inString = true
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                if byte == UInt8(ascii: "[") { arrays += 1 }
                depth += 1
                if depth > limit { throw JSONTooDeep(limit: limit, offset: offset) }
            case UInt8(ascii: "]"), UInt8(ascii: "}"):
                depth -= 1
            default:
                break
            }
        }
        return arrays
    }
}
