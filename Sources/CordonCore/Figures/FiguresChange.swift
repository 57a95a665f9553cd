/// New values for some or all figures, checked: whole numbers, at least 0, at most the
/// documented upper bound, no unknown fields.
public struct FiguresChange: Sendable, Equatable {
    public let values: [Figure: Int]

    /// Upper bounds: far above any real City building, low enough to catch a typing slip
    /// (an extra zero) or a field given in the wrong column.
    public static let maximum: [Figure: Int] = [
        .occupancyDay: 50_000, .occupancyNight: 50_000, .guardsDay: 500, .guardsNight: 500,
        .traumaPacks: 1_000, .firstAidKits: 2_000, .defibrillators: 200, .receptionCapacity: 20_000,
        .occupancyWeekend: 50_000, .guardsWeekend: 500,
    ]

    public init(values: [Figure: Int]) throws(InputError) {
        for (figure, value) in values {
            try Self.check(figure, value)
        }
        self.values = values
    }

    /// All eight required figures (the weekend ones are optional).
    public var isComplete: Bool { Figure.required.allSatisfy { values[$0] != nil } }

    static func check(_ figure: Figure, _ value: Int) throws(InputError) {
        let maximum = Self.maximum[figure] ?? Int.max
        guard value >= 0, value <= maximum else {
            throw InputError(field: figure.rawValue, value: "\(value)", problem: "is out of range",
                             fix: "Give a whole number from 0 to \(maximum).")
        }
    }

    /// Parses a JSON object of figures. `complete` demands all eight (PUT).
    public static func parse(_ json: JSONValue, complete: Bool) throws(InputError) -> FiguresChange {
        guard case .object(let members) = json else {
            throw InputError(field: "body", value: json.typeName, problem: "is not a JSON object",
                             fix: "Send an object such as {\"guards_day\": 4}.")
        }
        var values: [Figure: Int] = [:]
        for (key, value) in members.sorted(by: { $0.key < $1.key }) {
            guard let figure = Figure(rawValue: key) else {
                throw InputError(field: key, value: Self.describe(value), problem: "is not a figure",
                                 fix: "Use only: \(Figure.allCases.map(\.rawValue).joined(separator: ", ")).")
            }
            guard case .number(let number) = value, number.isFinite, number == number.rounded(),
                  abs(number) < 1e15
            else {
                throw InputError(field: key, value: Self.describe(value), problem: "is not a whole number",
                                 fix: "Give a whole number from 0 to \(Self.maximum[figure] ?? 0), without quotes.")
            }
            try check(figure, Int(number))
            values[figure] = Int(number)
        }
        guard !values.isEmpty else {
            throw InputError(field: "body", value: "{}", problem: "names no figure",
                             fix: "Give at least one of: \(Figure.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
        if complete, let missing = Figure.required.first(where: { values[$0] == nil }) {
            throw InputError(field: missing.rawValue, value: "nothing", problem: "is missing",
                             fix: "PUT replaces all eight figures (the weekend ones are optional); send every one, or use PATCH to change some.")
        }
        return try FiguresChange(values: values)
    }

    private static func describe(_ value: JSONValue) -> String {
        switch value {
        case .string(let text): "'\(text)'"
        case .number(let number): JSONText.number(number, decimals: 6)
        case .bool(let flag): flag ? "true" : "false"
        default: value.typeName
        }
    }
}

/// The figures someone else wrote first: the client saw version `expected`, the building is
/// now at `current`.
public struct VersionConflict: Error, Sendable {
    public let expected: Int
    public let current: SiteFigures?
}
