import GRDB

/// Arguments for figures/create: every figure with the same confirmation.
public enum FigureArguments {
    public static func creating(_ buildingID: String, values: [Figure: Int], confirmedAt: String, confirmedBy: String,
                                demonstration: Bool, channel: String) -> StatementArguments {
        var arguments: [String: (any DatabaseValueConvertible)?] = [
            "building_id": buildingID, "demonstration": demonstration, "channel": channel,
        ]
        for figure in Figure.allCases {
            // A weekend figure not given stays NULL: lookups then fall back to the weekday one.
            let given = values[figure] ?? (Figure.required.contains(figure) ? 0 : nil)
            // updateValue keeps the key with a NULL value; assigning nil would drop it.
            arguments.updateValue(given, forKey: figure.rawValue)
            arguments.updateValue(given == nil ? nil : confirmedAt, forKey: figure.rawValue + "_confirmed_at")
            arguments.updateValue(given == nil ? nil : confirmedBy, forKey: figure.rawValue + "_confirmed_by")
        }
        return StatementArguments(arguments)
    }
}
