import Foundation
import GRDB

/// What an accepted upload did.
public struct BulkReport: Sendable, Equatable {
    public let rows: Int
    /// Buildings whose figures were written (and confirmed now).
    public let buildings: [String]
    /// Rows that gave exactly the figures already held, or none: nothing written for them.
    public var unchanged = 0

    public func json() -> String {
        JSONText.object([("rows", "\(rows)"), ("buildings_updated", "\(buildings.count)"), ("buildings_unchanged", "\(unchanged)")])
    }
}

extension Registry {
    /// Applies a CSV of figures (header `building_id` plus any figure columns; an empty cell
    /// leaves that figure as it is) all or nothing: any bad line refuses the whole upload and
    /// the rejection lists every problem found, of every kind, in one round: values, and
    /// buildings the actor does not manage. A row giving exactly the figures already held
    /// writes nothing, so that a downloaded spreadsheet uploaded back changes nothing.
    public func importFiguresCSV(_ data: Data, actor: Actor, now: Date = Date()) async throws -> BulkReport {
        guard actor.isLocalOperator || actor.role == .firm || actor.role == .admin else {
            throw AccessDenied("figures are kept by the firms that manage the buildings; organisation \(actor.name) has the \(actor.role.rawValue) role")
        }
        let (rows, found) = try Self.parseFiguresCSV(data)
        let at = LookupTime.text(now)
        let bulkActor = actor.channel == .cli ? actor : actor.via(.bulk)
        let badLines = Set(found.map(\.line))
        return try await database.write { db in
            var problems = found
            var updated: [String] = []
            var unchanged = 0
            for row in rows {
                do {
                    let state = try FiguresState.load(row.buildingID, in: db)
                    try bulkActor.mayWriteFigures(of: row.buildingID, managedBy: state.managedBy)
                    // Its values are already reported; its building was still checked above.
                    if badLines.contains(row.line) { continue }
                    if row.values.allSatisfy({ state.figures?[$0.key]?.value == $0.value }) {
                        unchanged += 1
                        continue
                    }
                    _ = try Self.apply(row.values, confirmingAll: false, to: row.buildingID, expectedVersion: nil,
                                       actor: bulkActor, at: at, in: db)
                    updated.append(row.buildingID)
                } catch let error as InputError {
                    problems.append(BulkProblem(line: row.line, column: error.field, reason: "\(error.problem) (got \(error.value)). \(error.fix)"))
                } catch let error as AccessDenied {
                    problems.append(BulkProblem(line: row.line, column: "building_id", reason: error.reason))
                } catch is NotFoundError {
                    // Worded like a refusal, so an upload cannot probe which buildings exist.
                    problems.append(BulkProblem(line: row.line, column: "building_id",
                                                reason: "organisation \(actor.name) does not manage building \(row.buildingID)"))
                }
            }
            // Line order, whatever pass found each problem (the sort is stable).
            if !problems.isEmpty { throw BulkRejection(problems: problems.enumerated().sorted { ($0.element.line, $0.offset) < ($1.element.line, $1.offset) }.map(\.element)) }
            var report = BulkReport(rows: rows.count, buildings: updated)
            report.unchanged = unchanged
            return report
        }
    }

    /// Why a cell is not a figure, saying so when a spreadsheet wrote a thousands separator
    /// ("1,200", "1.200", "1 200"): the number is meant, but the separator cannot be read
    /// safely (in some locales "1.200" is one point two).
    static func notAWholeNumber(_ text: String) -> String {
        let grouped = text.range(of: #"^[0-9]{1,3}([,. \x{00A0}\x{202F}'][0-9]{3})+$"#, options: .regularExpression) != nil
        guard grouped else { return "'\(text)' is not a whole number" }
        let digits = text.filter(\.isNumber)
        return "'\(text)' has a thousands separator; write the number without one (\(digits)), "
            + "or format the column as a plain number in the spreadsheet before saving"
    }

    struct FiguresRow {
        let line: Int
        let buildingID: String
        let values: [Figure: Int]
    }

    /// Refuses a file with a control character in any cell (a NUL would be stored cut short),
    /// naming the first one's line and column: the file itself is damaged, not one row.
    static func checkCells(_ table: CSVTable) throws(InputError) {
        let header = table.records.first?.fields ?? []
        for record in table.records {
            for (index, cell) in record.fields.enumerated() {
                let column = record.line == 1 || index >= header.count || TextInput.firstRefused(in: header[index]) != nil
                    ? "\(index + 1)" : header[index].trimmingCharacters(in: .whitespaces)
                try TextInput.checked(cell, field: "line \(record.line), column \(column)")
            }
        }
    }

    /// Checks the whole file before anything is written, collecting every problem. A bad
    /// header refuses the file at once (its rows cannot be read); otherwise the rows come back
    /// with the problems found in them, rows with bad values included (with the values that
    /// are good), so that their buildings are checked too.
    static func parseFiguresCSV(_ data: Data) throws -> (rows: [FiguresRow], problems: [BulkProblem]) {
        let table = try CSVTable.parse(data)
        try checkCells(table)
        guard let header = table.records.first else {
            throw BulkRejection(problems: [BulkProblem(line: 1, column: nil, reason: "the file is empty; the first line must name the columns: building_id and figures")])
        }
        var problems: [BulkProblem] = []
        var columns: [Figure?] = []
        var idColumn: Int?
        for (index, raw) in header.fields.enumerated() {
            let name = raw.trimmingCharacters(in: .whitespaces)
            if name == "building_id" {
                if idColumn != nil { problems.append(BulkProblem(line: 1, column: name, reason: "appears twice")) }
                idColumn = index
                columns.append(nil)
            } else if name == "label" {
                // The downloaded spreadsheet's description of each row, for people: not read.
                columns.append(nil)
            } else if let figure = Figure(rawValue: name) {
                if columns.contains(figure) { problems.append(BulkProblem(line: 1, column: name, reason: "appears twice")) }
                columns.append(figure)
            } else {
                problems.append(BulkProblem(line: 1, column: name, reason: "is not a column of this upload; use building_id, label (not read) and \(Figure.allCases.map(\.rawValue).joined(separator: ", "))"))
                columns.append(nil)
            }
        }
        if idColumn == nil {
            problems.append(BulkProblem(line: 1, column: nil, reason: "there is no building_id column"))
        }
        // Rows cannot be read against a wrong header: report the header alone.
        guard let idColumn, problems.isEmpty else { throw BulkRejection(problems: problems) }
        var rows: [FiguresRow] = []
        var firstLine: [String: Int] = [:]
        for record in table.records.dropFirst() {
            guard record.fields.count == header.fields.count else {
                problems.append(BulkProblem(line: record.line, column: nil, reason: "has \(record.fields.count) fields; the header has \(header.fields.count)"))
                continue
            }
            let buildingID = record.fields[idColumn].trimmingCharacters(in: .whitespaces)
            guard !buildingID.isEmpty else {
                problems.append(BulkProblem(line: record.line, column: "building_id", reason: "is empty"))
                continue
            }
            if let earlier = firstLine[buildingID] {
                problems.append(BulkProblem(line: record.line, column: "building_id", reason: "\(buildingID) is already on line \(earlier)"))
                continue
            }
            firstLine[buildingID] = record.line
            var values: [Figure: Int] = [:]
            for (index, figure) in columns.enumerated() {
                guard let figure else { continue }
                let text = record.fields[index].trimmingCharacters(in: .whitespaces)
                if text.isEmpty { continue }
                guard let value = Int(text) else {
                    problems.append(BulkProblem(line: record.line, column: figure.rawValue, reason: Self.notAWholeNumber(text)))
                    continue
                }
                do {
                    try FiguresChange.check(figure, value)
                    values[figure] = value
                } catch {
                    problems.append(BulkProblem(line: record.line, column: figure.rawValue, reason: "\(value) \(error.problem); \(error.fix)"))
                }
            }
            // A row without figures (a building with none yet, in a downloaded spreadsheet)
            // changes nothing.
            rows.append(FiguresRow(line: record.line, buildingID: buildingID, values: values))
        }
        if table.records.count < 2 {
            problems.append(BulkProblem(line: 2, column: nil, reason: "there are no rows after the header"))
        }
        return (rows, problems)
    }
}
