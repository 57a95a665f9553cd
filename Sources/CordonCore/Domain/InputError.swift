/// Input that the registry refuses: it names the field, the value given and how to fix it.
/// The front ends map it once: exit status 2 on the command line, 400 or 422 over HTTP.
public struct InputError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// A missing, malformed or out-of-range parameter.
        case invalidParameter
        /// Well-formed input whose geometry is unusable (not closed, self-intersecting...).
        case invalidGeometry
    }

    public let kind: Kind
    public let field: String
    public let value: String
    public let problem: String
    public let fix: String

    public init(_ kind: Kind = .invalidParameter, field: String, value: String, problem: String, fix: String) {
        self.kind = kind
        self.field = field
        self.value = Self.abbreviated(value)
        self.problem = problem
        self.fix = fix
    }

    public var description: String {
        "\(field): \(problem) (got \(value)). \(fix)"
    }

    /// Long values (a whole polygon, say) are cut so that messages stay readable; control
    /// characters are shown as \uXXXX so that a NUL or an escape is visible, not acted on.
    private static func abbreviated(_ value: String) -> String {
        let shown = TextInput.escaped(value)
        return shown.count > 120 ? String(shown.prefix(117)) + "..." : shown
    }
}
