import GRDB

/// Arguments for figures/create: every figure with the same confirmation.
public enum FigureArguments {
    public static func creating(_ buildingID: String, values: [Figure: Int], confirmedAt: String, confirmedBy: String,
                                demonstration: Bool, channel: String) -> StatementArguments {
        var arguments: [String: (any DatabaseValueConvertible)?] = [
            "building_id": buildingID, "demonstration": demonstration, "channel": channel,
        ]
        for figure in Figure.allCases {
            arguments[figure.rawValue] = values[figure] ?? 0
            arguments[figure.rawValue + "_confirmed_at"] = confirmedAt
            arguments[figure.rawValue + "_confirmed_by"] = confirmedBy
        }
        return StatementArguments(arguments)
    }
}
