import Foundation

// Usage: QueryEmbedder QUERIES_DIR OUTPUT.swift
// Writes `enum EmbeddedQueries { static let files: [String: String] }` keyed by the path
// below QUERIES_DIR without the extension (e.g. "lookup/radius", "schema/0001_buildings").
let arguments = CommandLine.arguments
guard arguments.count == 3 else {
    FileHandle.standardError.write(Data("usage: QueryEmbedder QUERIES_DIR OUTPUT.swift\n".utf8))
    exit(2)
}
let root = URL(fileURLWithPath: arguments[1]).standardizedFileURL
var entries: [(String, String)] = []
if let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) {
    for case let url as URL in walker where url.pathExtension == "sql" {
        let full = url.standardizedFileURL.path
        var name = String(full.dropFirst(root.path.count))
        if name.hasPrefix("/") { name.removeFirst() }
        name = String(name.dropLast(4))
        let text = try String(contentsOf: url, encoding: .utf8)
        entries.append((name, text))
    }
}
entries.sort { $0.0 < $1.0 }
var out = "// Generated from queries/ by the EmbedQueries plugin. Do not edit.\n"
out += "enum EmbeddedQueries {\n    static let files: [String: String] = [\n"
for (name, text) in entries {
    // A raw string with enough # that no SQL text can close it early.
    out += "        \"\(name)\": ####\"\"\"\n\(text)\n\"\"\"####,\n"
}
out += "    ]\n}\n"
try out.write(to: URL(fileURLWithPath: arguments[2]), atomically: true, encoding: .utf8)
