/// Left-aligned text columns, numbers right-aligned, for people reading a terminal.
struct TextTable {
    var header: [String]
    var rows: [[String]] = []
    var numeric: Set<Int> = []

    func render() -> String {
        var widths = header.map(\.count)
        for row in rows {
            for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.count) }
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { index, cell in
                let pad = String(repeating: " ", count: widths[index] - cell.count)
                return numeric.contains(index) ? pad + cell : cell + pad
            }.joined(separator: "  ").trimmingTrailingSpaces() + "\n"
        }
        return line(header) + line(widths.map { String(repeating: "-", count: $0) }) + rows.map(line).joined()
    }

    static func clip(_ text: String?, _ width: Int) -> String {
        guard let text else { return "" }
        return text.count > width ? String(text.prefix(width - 1)) + "…" : text
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var copy = self
        while copy.last == " " { copy.removeLast() }
        return copy
    }
}
