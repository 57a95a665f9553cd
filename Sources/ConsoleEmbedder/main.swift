import Foundation

// Usage: ConsoleEmbedder CONSOLE_DIR OUTPUT.swift
// Writes `enum EmbeddedConsole { static let files: [String: String] }` keyed by the path below
// CONSOLE_DIR (e.g. "index.html", "js/map.js"). The console is text only (HTML, CSS,
// JavaScript, SVG), so each file is embedded as a string.
let arguments = CommandLine.arguments
guard arguments.count == 3 else {
    FileHandle.standardError.write(Data("usage: ConsoleEmbedder CONSOLE_DIR OUTPUT.swift\n".utf8))
    exit(2)
}
let root = URL(fileURLWithPath: arguments[1]).standardizedFileURL
let embedded: Set<String> = ["html", "css", "js", "svg", "json"]
var entries: [(String, String)] = []
if let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) {
    for case let url as URL in walker where embedded.contains(url.pathExtension) {
        var name = String(url.standardizedFileURL.path.dropFirst(root.path.count))
        if name.hasPrefix("/") { name.removeFirst() }
        entries.append((name, try String(contentsOf: url, encoding: .utf8)))
    }
}
entries.sort { $0.0 < $1.0 }
var out = "// Generated from console/ by the EmbedConsole plugin. Do not edit.\n"
out += "enum EmbeddedConsole {\n    static let files: [String: String] = [\n"
for (name, text) in entries {
    // A raw string with enough # that no page, style or script can close it early.
    out += "        \"\(name)\": #####\"\"\"\n\(text)\n\"\"\"#####,\n"
}
out += "    ]\n}\n"
try out.write(to: URL(fileURLWithPath: arguments[2]), atomically: true, encoding: .utf8)
