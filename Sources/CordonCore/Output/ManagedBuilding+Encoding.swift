import Foundation

extension ManagedBuilding {
    /// `{"id", "label", ..., "managed_by", "version", "figures_reported", "figures": {name:
    /// {value, confirmed_at, confirmed_by, stale, stale_at}}, "stale", "soon_stale",
    /// "stale_at", "oldest_confirmed_at"}`: `stale_at` is when the next figure goes stale (or
    /// went), so that a list sorted by it puts the most urgent site first.
    public func json(policy: StalenessPolicy, now: Date) -> String {
        let stale = staleFigures(policy.cutoffs(at: now))
        var soon = false
        var firstStaleAt: String?
        let values = figures.map { figures in
            JSONText.object(Figure.allCases.map { figure -> (String, String?) in
                (figure.rawValue, figures[figure].map { reported in
                    let freshness = policy.freshness(figure, confirmedAt: reported.confirmedAt, now: now)
                    let staleAt = freshness?.staleAt
                    if let staleAt, firstStaleAt.map({ staleAt < $0 }) ?? true { firstStaleAt = staleAt }
                    if freshness?.soonStale == true { soon = true }
                    return JSONText.object([("value", "\(reported.value)"), ("confirmed_at", JSONText.quoted(reported.confirmedAt)),
                                            ("confirmed_by", JSONText.quoted(reported.confirmedBy)),
                                            ("stale", JSONText.bool(stale.contains(figure))), ("stale_at", JSONText.string(staleAt))])
                } ?? "null")
            })
        } ?? "null"
        return JSONText.object([
            ("id", JSONText.quoted(id)), ("label", JSONText.quoted(label)),
            ("name", JSONText.string(name)), ("address", JSONText.string(address)),
            ("postcode", JSONText.string(postcode)), ("ward", JSONText.string(ward)),
            ("managed_by", JSONText.string(managedBy)),
            ("version", "\(version)"), ("etag", JSONText.quoted("\"\(version)\"")),
            ("figures_reported", JSONText.bool(figures != nil)), ("figures", values),
            ("stale", JSONText.bool(!stale.isEmpty)), ("stale_figures", "[" + stale.map { JSONText.quoted($0.rawValue) }.joined(separator: ",") + "]"),
            ("soon_stale", JSONText.bool(stale.isEmpty && soon)), ("stale_at", JSONText.string(firstStaleAt)),
            ("oldest_confirmed_at", JSONText.string(figures?.oldestConfirmation)),
            ("demonstration_figures", JSONText.bool(figures?.demonstration ?? false)),
        ])
    }

    /// The columns of the figures spreadsheet: exactly what the bulk upload reads, and the
    /// `label` it ignores, so that a person can tell the rows apart.
    public static let csvHeader = ["building_id"] + Figure.allCases.map(\.rawValue) + ["label"]

    /// The building's row of the figures spreadsheet: empty cells where no figure is held,
    /// which an upload leaves as they are.
    public var csvRow: String {
        var cells: [CSVCell] = [.number(id)]
        cells += Figure.allCases.map { figure in .number(figures?[figure].map { "\($0.value)" } ?? "") }
        cells.append(.text(label))
        return CSVField.line(cells)
    }

    /// The whole spreadsheet, CRLF line ends as spreadsheets write them.
    public static func csv(_ buildings: [ManagedBuilding]) -> String {
        ([csvHeader.joined(separator: ",")] + buildings.map(\.csvRow)).joined(separator: "\r\n") + "\r\n"
    }
}
