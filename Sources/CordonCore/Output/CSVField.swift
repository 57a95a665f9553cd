/// One cell of a CSV export. The writer must know which cells are text: a text cell that a
/// spreadsheet would run as a formula is neutralised, while a number such as the longitude
/// -0.0803 stays a number.
public enum CSVCell: Sendable, Equatable {
    /// Text, possibly from outside (OpenStreetMap names, firms' notes).
    case text(String)
    /// A number the registry wrote itself, or an empty cell for a missing one.
    case number(String)
}

/// The one CSV cell writer of every export: RFC 4180 quoting, and text that begins like a
/// formula (=, +, -, @, tab or carriage return) prefixed with a single quote and quoted, so
/// spreadsheets show it as text (the OWASP approach to CSV injection).
public enum CSVField {
    /// U+FEFF at the start of a file: without it, spreadsheets open UTF-8 as the local code
    /// page and "Société Générale" arrives as "SociÃ©tÃ© GÃ©nÃ©rale".
    public static let byteOrderMark = "\u{FEFF}"

    /// A whole CSV file for a spreadsheet: the byte-order mark, the header, one line a row,
    /// each ended by CRLF (RFC 4180).
    public static func document(header: [String], rows: [[CSVCell]]) -> String {
        byteOrderMark + ([header.joined(separator: ",")] + rows.map(line)).map { $0 + "\r\n" }.joined()
    }

    public static func line(_ cells: [CSVCell]) -> String {
        cells.map(cell).joined(separator: ",")
    }

    public static func cell(_ cell: CSVCell) -> String {
        switch cell {
        case .text(let text): self.text(text)
        case .number(let number): quoted(number)
        }
    }

    /// A text cell, neutralised when it begins like a formula.
    public static func text(_ field: String) -> String {
        guard let first = field.unicodeScalars.first, formulaStarts.contains(first) else { return quoted(field) }
        return "\"'" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// RFC 4180 quoting only: a field with a comma, quote or line break is quoted.
    public static func quoted(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    private static let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]
}
