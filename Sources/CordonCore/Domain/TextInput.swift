/// The one check every piece of text from outside passes before the registry uses it.
///
/// SQLite binds text only up to a NUL, so `relation/1\u{0}x` would be looked up and stored as
/// `relation/1` while the audit log hashed the whole string; other control characters
/// hide in logs, terminals and spreadsheets. They are refused everywhere: C0 controls
/// (U+0000-U+001F), DEL (U+007F) and C1 controls (U+0080-U+009F). Multi-line free text
/// (notes, messages, reasons) may hold line feeds and tabs, nothing else.
public enum TextInput {
    public enum Kind: Sendable {
        /// Ids, names, e-mail addresses, phone numbers, URLs, CSV cells: one line.
        case singleLine
        /// Notes and messages: line feed (\n) and tab (\t) are allowed.
        case multiLine
    }

    /// Returns `text` unchanged when it holds no refused character; otherwise an InputError
    /// naming the field, showing the value escaped and saying what to send instead.
    @discardableResult
    public static func checked(_ text: String, field: String, _ kind: Kind = .singleLine) throws(InputError) -> String {
        try check(text, field: field, kind)
        return text
    }

    private static func check(_ text: String, field: String, _ kind: Kind) throws(InputError) {
        guard let bad = firstRefused(in: text, kind) else { return }
        let fix = kind == .multiLine
            ? "Remove control characters such as NUL, carriage return or escape (line breaks and tabs are allowed) and send it again."
            : "Remove control characters such as NUL, line breaks, tabs or escape and send it again."
        throw InputError(field: field, value: "'\(text)'",
                         problem: "contains the control character \(escaped(String(Character(bad))))", fix: fix)
    }

    /// Checks each text of a list, naming the field once for all of them.
    @discardableResult
    public static func checked(_ texts: [String], field: String) throws(InputError) -> [String] {
        for text in texts { try check(text, field: field, .singleLine) }
        return texts
    }

    /// Optional text: nil passes.
    public static func checked(_ text: String?, field: String, _ kind: Kind = .singleLine) throws(InputError) {
        guard let text else { return }
        try check(text, field: field, kind)
    }

    public static func firstRefused(in text: String, _ kind: Kind = .singleLine) -> Unicode.Scalar? {
        text.unicodeScalars.first { isRefused($0, kind) }
    }

    public static func isRefused(_ scalar: Unicode.Scalar, _ kind: Kind = .singleLine) -> Bool {
        let value = scalar.value
        guard value < 0x20 || (0x7F...0x9F).contains(value) else { return false }
        return !(kind == .multiLine && (scalar == "\n" || scalar == "\t"))
    }

    /// `text` with every control character written as \uXXXX, so a message shows what was sent.
    public static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { isRefused($0) }) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            if isRefused(scalar) {
                let hex = String(scalar.value, radix: 16, uppercase: true)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Every member name and string of a JSON body, at the edge: strings may be multi-line
    /// here (which fields must be one line is for the parsers that read them), names may not.
    /// The field named is the member's path, e.g. `target.buildings`.
    public static func checkStrings(in json: JSONValue, field: String = "body") throws(InputError) {
        switch json {
        case .string(let text):
            try checked(text, field: field, .multiLine)
        case .array(let items):
            for item in items { try checkStrings(in: item, field: field) }
        case .object(let members):
            for (key, value) in members.sorted(by: { $0.key < $1.key }) {
                let path = field == "body" ? key : field + "." + key
                try checked(key, field: path)
                try checkStrings(in: value, field: path)
            }
        case .null, .bool, .number:
            return
        }
    }
}
