import Foundation

/// One example of README.md: a command and the output shown under it.
///
/// Examples are found in fenced code blocks. In a block with `$ ` prompts, each `$ ` line is
/// a command (continued on the next line while a line ends with `\`) and the lines under it,
/// up to the next `$ ` line or the end of the block, are its output. In a block without
/// prompts, each `curl` command is an example with no output shown. An example whose
/// output is not shown must succeed: exit status 0 and, for curl, no problem document.
///
/// In shown output, `<time>` stands for an ISO 8601 UTC time, `<date>` for a date, `<n>`
/// for a whole number, `<key>` for an API key, and `...` for any text (on one line or
/// several). Everything else must match exactly, line by line, trailing spaces aside.
///
/// `<!-- example: skip (reason) -->` on the lines before a block skips every example in it;
/// `<!-- example: skip TEXT (reason) -->` skips the examples whose command contains TEXT.
struct ReadmeExample: Sendable, CustomStringConvertible {
    /// 1-based line of the command's `$` (or `curl`) line in README.md.
    let line: Int
    let command: String
    /// nil when the README shows no output.
    let output: String?
    /// Why the README marks this example as one the tests cannot run.
    let skipReason: String?

    var description: String { "README.md line \(line): $ \(command)" }

    struct Marker: Sendable {
        let line: Int
        let text: String?
        let reason: String
        var used = false
    }

    struct ParseProblem: Sendable, CustomStringConvertible {
        let line: Int
        let problem: String
        var description: String { "README.md line \(line): \(problem)" }
    }

    /// Every example of the README, and what could not be read.
    static func parse(_ readme: String) -> (examples: [ReadmeExample], problems: [ParseProblem]) {
        let lines = readme.components(separatedBy: "\n")
        var examples: [ReadmeExample] = []
        var problems: [ParseProblem] = []
        var pending: [Marker] = []
        var index = 0
        while index < lines.count {
            let text = lines[index]
            if let marker = Self.marker(text, line: index + 1) {
                if let marker { pending.append(marker) } else {
                    problems.append(ParseProblem(line: index + 1, problem: "an example marker that is not `<!-- example: skip [TEXT] (reason) -->`"))
                }
                index += 1
                continue
            }
            guard text.hasPrefix("```") else {
                if !text.trimmingCharacters(in: .whitespaces).isEmpty { pending.removeAll() }
                index += 1
                continue
            }
            // A fenced block: lines up to the closing fence.
            let start = index + 1
            var end = start
            while end < lines.count, !lines[end].hasPrefix("```") { end += 1 }
            var found = block(Array(lines[start..<min(end, lines.count)]), firstLine: start + 1, problems: &problems)
            for i in found.indices {
                if let m = pending.firstIndex(where: { marker in marker.text.map { found[i].command.contains($0) } ?? true }) {
                    found[i] = ReadmeExample(line: found[i].line, command: found[i].command, output: found[i].output,
                                             skipReason: pending[m].reason)
                    pending[m].used = true
                }
            }
            for marker in pending where !marker.used {
                problems.append(ParseProblem(line: marker.line, problem: "a skip marker that matches no example of the block after it"))
            }
            pending.removeAll()
            examples += found
            index = end + 1
        }
        return (examples, problems)
    }

    /// nil: not a marker; .some(nil): a malformed marker.
    private static func marker(_ text: String, line: Int) -> Marker?? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasPrefix("<!-- example:") else { return nil }
        guard let match = trimmed.wholeMatch(of: /<!-- example: skip (?:(.+?) )?\((.+)\) -->/) else { return .some(nil) }
        return .some(Marker(line: line, text: match.1.map(String.init), reason: String(match.2)))
    }

    private static func block(_ lines: [String], firstLine: Int, problems: inout [ParseProblem]) -> [ReadmeExample] {
        let prompted = lines.contains { $0.hasPrefix("$ ") }
        var examples: [ReadmeExample] = []
        var i = 0
        while i < lines.count {
            let text = lines[i]
            let isCommand = prompted ? text.hasPrefix("$ ") : text.trimmingCharacters(in: .whitespaces).hasPrefix("curl ")
            guard isCommand else {
                i += 1
                continue
            }
            let line = firstLine + i
            var command = prompted ? String(text.dropFirst(2)) : text.trimmingCharacters(in: .whitespaces)
            while command.hasSuffix("\\") {
                i += 1
                guard i < lines.count else {
                    problems.append(ParseProblem(line: line, problem: "a command continued with \\ past the end of its block"))
                    break
                }
                command += "\n" + lines[i]
            }
            i += 1
            var output: [String] = []
            if prompted {
                while i < lines.count, !lines[i].hasPrefix("$ ") {
                    output.append(lines[i])
                    i += 1
                }
                while output.last?.trimmingCharacters(in: .whitespaces).isEmpty == true { output.removeLast() }
            }
            examples.append(ReadmeExample(line: line, command: command, output: output.isEmpty ? nil : output.joined(separator: "\n"),
                                          skipReason: nil))
        }
        return examples
    }

    /// The command's text with trailing spaces of each line removed, `\r` dropped and no
    /// trailing blank lines, as the README shows output.
    static func normalised(_ text: String) -> String {
        var lines = text.replacingOccurrences(of: "\r", with: "").components(separatedBy: "\n").map { line in
            var line = Substring(line)
            while line.last == " " || line.last == "\t" { line = line.dropLast() }
            return String(line)
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines.joined(separator: "\n")
    }

    static let placeholders: [(String, String)] = [
        ("<time>", #"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z"#),
        ("<date>", #"\d{4}-\d{2}-\d{2}"#),
        ("<n>", #"\d+"#),
        ("<key>", #"[A-Za-z0-9_-]+"#),
    ]

    /// Whether `actual` is what `expected` shows, placeholders standing for what varies.
    static func matches(expected: String, actual: String) -> Bool {
        var pattern = ""
        var rest = Substring(normalised(expected))
        while !rest.isEmpty {
            if let dots = rest.prefixMatch(of: #/ ?\.\.\. ?/#) {
                pattern += #"[\s\S]*?"#
                rest = rest[dots.range.upperBound...]
            } else if let (placeholder, regex) = placeholders.first(where: { rest.hasPrefix($0.0) }) {
                pattern += regex
                rest = rest.dropFirst(placeholder.count)
            } else {
                pattern += NSRegularExpression.escapedPattern(for: String(rest.prefix(1)))
                rest = rest.dropFirst()
            }
        }
        guard let regex = try? NSRegularExpression(pattern: "^" + pattern + "$") else { return false }
        let text = normalised(actual)
        let range = NSRange(text.startIndex..., in: text)
        return regex.firstMatch(in: text, options: [.anchored], range: range).map { $0.range == range } ?? false
    }
}
