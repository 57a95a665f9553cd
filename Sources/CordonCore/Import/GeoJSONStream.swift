import Foundation

/// Reads GeoJSON features one at a time from a FeatureCollection, a single Feature, or a
/// GeoJSON text sequence (one feature per line, RFC 8142 record separators allowed, as
/// `osmium export -f geojsonseq` writes). Only the feature being read is held in memory.
///
/// The first value decides: an object with a "features" array is a collection whose members
/// are read one by one; a first value that ends on its first line starts a sequence; a
/// first value over several lines is a single feature (lines after it are read as a sequence).
struct GeoJSONStream: ~Copyable {
    private var input: ByteInput
    private let name: String
    private let dataset: String
    private var index: Int

    init(_ input: consuming ByteInput, name: String, dataset: String, startIndex: Int) {
        self.input = input
        self.name = name
        self.dataset = dataset
        self.index = startIndex
    }

    /// Calls `body` with each feature in order and the bytes read from the input so far.
    mutating func forEach(_ body: (SourceFeature, Int) throws -> Void) throws {
        var line = 1
        // Find the first value.
        var position = 0
        while true {
            while position < input.end {
                let byte = input[position]
                if byte == 0x0A { line += 1 }
                guard byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 || byte == 0x1E else { break }
                position += 1
            }
            if position < input.end { break }
            input.start = position
            let (more, shift) = try input.fill()
            position -= shift
            if !more { return }
        }
        input.start = position
        if input[position] == UInt8(ascii: "{") {
            let first = try scanFirstObject(from: position, body)
            switch first {
            case .collection: return
            case .multiLine(let lines): line += lines
            case .oneLine: break
            }
        }
        try readLines(firstLine: line, body)
    }

    private enum FirstValue { case collection, oneLine, multiLine(Int) }

    private mutating func emit(_ range: Range<Int>, location: String, _ body: (SourceFeature, Int) throws -> Void) throws {
        let json: Result<JSONValue, ImportRejection.Reason>
        if let value = try? JSONValue.parse(bytes: input.bytes(range)) {
            json = .success(value)
        } else {
            json = .failure(.notJSON)
        }
        try body(SourceFeature(location: location, index: index, dataset: dataset, json: json), input.consumed)
        index += 1
    }

    /// Scans the first top-level object. Streams the members of its "features" array when it
    /// has one; otherwise emits it whole when it spans several lines, or leaves it in place
    /// for `readLines` when it fits on one.
    private mutating func scanFirstObject(from begin: Int, _ body: (SourceFeature, Int) throws -> Void) throws -> FirstValue {
        var position = begin
        var depth = 0
        var inString = false
        var escaped = false
        var newlines = 0
        var keyStart = -1
        var lastKey: (Int, Int)? = nil
        var expectFeatures = false
        var inFeatures = false
        var elementStart = -1
        var member = 0
        while true {
            if position == input.end {
                let (more, shift) = try input.fill()
                position -= shift
                if keyStart >= 0 { keyStart -= shift }
                if let key = lastKey { lastKey = (key.0 - shift, key.1 - shift) }
                if elementStart >= 0 { elementStart -= shift }
                if !more {
                    // Truncated: what was read is one broken feature.
                    if inFeatures, elementStart >= 0 {
                        try emit(elementStart..<position, location: "\(name) features[\(member)]", body)
                        return .collection
                    }
                    if inFeatures { return .collection }
                    try emit(input.start..<position, location: "\(name) feature", body)
                    input.start = position
                    return .collection
                }
                continue
            }
            let byte = input[position]
            if inString {
                if escaped {
                    escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                    if depth == 1 && keyStart >= 0 { lastKey = (keyStart, position) }
                }
                position += 1
                continue
            }
            switch byte {
            case UInt8(ascii: "\""):
                inString = true
                if inFeatures && depth == 2 && elementStart < 0 { elementStart = position }
                keyStart = depth == 1 ? position + 1 : -1
            case UInt8(ascii: ":") where depth == 1:
                if let (from, to) = lastKey {
                    let key = input.bytes(from..<to)
                    expectFeatures = key.elementsEqual("features".utf8)
                }
                lastKey = nil
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                if inFeatures && depth == 2 && elementStart < 0 { elementStart = position }
                if depth == 1 && expectFeatures && byte == UInt8(ascii: "[") && !inFeatures {
                    inFeatures = true
                    input.start = position + 1
                }
                depth += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                depth -= 1
                if inFeatures && depth == 2 && elementStart >= 0 {
                    try emit(elementStart..<(position + 1), location: "\(name) features[\(member)]", body)
                    member += 1
                    elementStart = -1
                    input.start = position + 1
                } else if inFeatures && depth == 1 && elementStart >= 0 {
                    // A scalar member before the closing bracket.
                    try emit(elementStart..<position, location: "\(name) features[\(member)]", body)
                    member += 1
                    elementStart = -1
                }
                if depth == 1 && inFeatures { input.start = position + 1 }
                if depth == 0 {
                    if inFeatures {
                        input.start = position + 1
                        try drainTrailing()
                        return .collection
                    }
                    if newlines == 0 { return .oneLine }
                    try emit(input.start..<(position + 1), location: "\(name) feature", body)
                    input.start = position + 1
                    return .multiLine(newlines)
                }
            case UInt8(ascii: ","):
                if depth == 1 { expectFeatures = false }
                if inFeatures && depth == 2 && elementStart >= 0 {
                    try emit(elementStart..<position, location: "\(name) features[\(member)]", body)
                    member += 1
                    elementStart = -1
                    input.start = position + 1
                }
            case 0x0A:
                newlines += 1
            case 0x20, 0x0D, 0x09:
                break
            default:
                if inFeatures && depth == 2 && elementStart < 0 { elementStart = position }
            }
            position += 1
        }
    }

    /// Reads (and drops) whatever follows a collection.
    private mutating func drainTrailing() throws {
        input.start = input.end
        while try input.fill().more { input.start = input.end }
    }

    /// One feature per non-empty line.
    private mutating func readLines(firstLine: Int, _ body: (SourceFeature, Int) throws -> Void) throws {
        var line = firstLine
        var scanFrom = input.start
        while true {
            if let newline = input.newline(from: scanFrom) {
                try emitLine(input.start..<newline, line: line, body)
                line += 1
                input.start = newline + 1
                scanFrom = input.start
                continue
            }
            scanFrom = input.end
            let (more, shift) = try input.fill()
            scanFrom -= shift
            if !more {
                if input.start < input.end { try emitLine(input.start..<input.end, line: line, body) }
                input.start = input.end
                return
            }
        }
    }

    private mutating func emitLine(_ range: Range<Int>, line: Int, _ body: (SourceFeature, Int) throws -> Void) throws {
        var lower = range.lowerBound, upper = range.upperBound
        func blank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0D || byte == 0x09 || byte == 0x1E }
        while lower < upper, blank(input[lower]) { lower += 1 }
        while upper > lower, blank(input[upper - 1]) { upper -= 1 }
        guard lower < upper else { return }
        try emit(lower..<upper, location: "\(name) line \(line)", body)
    }
}
