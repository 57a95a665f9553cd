import Foundation
import GRDB

/// What an accepted upload did.
public struct BulkReport: Sendable, Equatable {
    public let rows: Int
    public let buildings: [String]

    public func json() -> String {
        JSONText.object([("rows", "\(rows)"), ("buildings_updated", "\(buildings.count)")])
    }
}

extension Registry {
    /// Applies a CSV of figures (header `building_id` plus any figure columns; an empty cell
    /// leaves that figure as it is) all or nothing: any bad line refuses the whole upload and
    /// the rejection lists every problem found.
    public func importFiguresCSV(_ data: Data, actor: Actor, now: Date = Date()) async throws -> BulkReport {
        guard actor.isLocalOperator || actor.role == .firm || actor.role == .admin else {
            throw AccessDenied("figures are kept by the firms that manage the buildings; organisation \(actor.name) has the \(actor.role.rawValue) role")
        }
        let rows = try Self.parseFiguresCSV(data)
        let at = LookupTime.text(now)
        let bulkActor = actor.channel == .cli ? actor : actor.via(.bulk)
        return try await database.write { db in
            var problems: [BulkProblem] = []
            var updated: [String] = []
            for row in rows {
                do {
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
            if !problems.isEmpty { throw BulkRejection(problems: problems) }
            return BulkReport(rows: rows.count, buildings: updated)
        }
    }

    struct FiguresRow {
        let line: Int
        let buildingID: String
        let values: [Figure: Int]
    }

    /// Checks the whole file before anything is written, collecting every problem.
    static func parseFiguresCSV(_ data: Data) throws(BulkRejection) -> [FiguresRow] {
        let table = try CSVTable.parse(data)
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
            } else if let figure = Figure(rawValue: name) {
                if columns.contains(figure) { problems.append(BulkProblem(line: 1, column: name, reason: "appears twice")) }
                columns.append(figure)
            } else {
                problems.append(BulkProblem(line: 1, column: name, reason: "is not a column of this upload; use building_id and \(Figure.allCases.map(\.rawValue).joined(separator: ", "))"))
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
            let problemsBefore = problems.count
            for (index, figure) in columns.enumerated() {
                guard let figure else { continue }
                let text = record.fields[index].trimmingCharacters(in: .whitespaces)
                if text.isEmpty { continue }
                guard let value = Int(text) else {
                    problems.append(BulkProblem(line: record.line, column: figure.rawValue, reason: "'\(text)' is not a whole number"))
                    continue
                }
                do {
                    try FiguresChange.check(figure, value)
                    values[figure] = value
                } catch {
                    problems.append(BulkProblem(line: record.line, column: figure.rawValue, reason: "\(value) \(error.problem); \(error.fix)"))
                }
            }
            if values.isEmpty, problems.count == problemsBefore {
                problems.append(BulkProblem(line: record.line, column: nil, reason: "gives no figure for \(buildingID)"))
                continue
            }
            rows.append(FiguresRow(line: record.line, buildingID: buildingID, values: values))
        }
        if table.records.count < 2 {
            problems.append(BulkProblem(line: 2, column: nil, reason: "there are no rows after the header"))
        }
        if !problems.isEmpty { throw BulkRejection(problems: problems) }
        return rows
    }
}
