import Foundation

/// One problem in an upload: the line (1 is the header), the column if known, and why.
public struct BulkProblem: Sendable, Equatable, CustomStringConvertible {
    public let line: Int
    public let column: String?
    public let reason: String

    public var description: String { "line \(line)\(column.map { ", column \($0)" } ?? ""): \(reason)" }

    public func json() -> String {
        JSONText.object([("line", "\(line)"), ("column", JSONText.string(column)), ("reason", JSONText.quoted(reason))])
    }
}

/// An upload that was refused whole: nothing was written.
public struct BulkRejection: Error, Sendable, CustomStringConvertible {
    public let problems: [BulkProblem]
    public var description: String {
        "the upload was refused and nothing was written: \(problems.count) problem(s); first: \(problems.first?.description ?? "")"
    }
}

/// A strict RFC 4180 reader: quoted fields may hold commas, quotes ("") and line breaks;
/// a quote inside an unquoted field or an unterminated quote is an error naming the line.
/// A UTF-8 byte-order mark and CRLF line ends, as spreadsheets write them, are accepted, and
/// so are semicolons between fields, as spreadsheets write CSV in locales where the comma is
/// the decimal separator: the header line decides which.
struct CSVTable {
    struct Record { let line: Int; let fields: [String] }
    let records: [Record]

    static func parse(_ data: Data) throws(BulkRejection) -> CSVTable {
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        guard String(validating: bytes, as: UTF8.self) != nil else {
            throw BulkRejection(problems: [BulkProblem(line: 1, column: nil, reason: "the file is not UTF-8 text; save the spreadsheet as CSV UTF-8")])
        }
        let separator = separator(of: bytes)
        var records: [Record] = []
        var fields: [String] = []
        var field: [UInt8] = []
        var line = 1, recordLine = 1
        var index = 0
        var inQuotes = false, wasQuoted = false
        func endField() {
            fields.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
            wasQuoted = false
        }
        func endRecord() {
            endField()
            if !(fields.count == 1 && fields[0].isEmpty) { records.append(Record(line: recordLine, fields: fields)) }
            fields.removeAll(keepingCapacity: true)
        }
        while index < bytes.count {
            let byte = bytes[index]
            if inQuotes {
                if byte == UInt8(ascii: "\"") {
                    if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\"") {
                        field.append(byte)
                        index += 1
                    } else {
                        inQuotes = false
                    }
                } else {
                    if byte == UInt8(ascii: "\n") { line += 1 }
                    field.append(byte)
                }
            } else {
                switch byte {
                case separator:
                    endField()
                case UInt8(ascii: "\n"):
                    endRecord()
                    line += 1
                    recordLine = line
                case UInt8(ascii: "\r"):
                    guard index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\n") else {
                        throw BulkRejection(problems: [BulkProblem(line: line, column: nil, reason: "a carriage return outside quotes that does not end the line")])
                    }
                case UInt8(ascii: "\""):
                    guard field.isEmpty, !wasQuoted else {
                        throw BulkRejection(problems: [BulkProblem(line: line, column: nil, reason: "a quote inside an unquoted field; quote the whole field and double inner quotes (\"\")")])
                    }
                    inQuotes = true
                    wasQuoted = true
                default:
                    guard !wasQuoted else {
                        throw BulkRejection(problems: [BulkProblem(line: line, column: nil, reason: "text after a closing quote; quote the whole field")])
                    }
                    field.append(byte)
                }
            }
            index += 1
        }
        if inQuotes {
            throw BulkRejection(problems: [BulkProblem(line: recordLine, column: nil, reason: "a quoted field is never closed")])
        }
        if !field.isEmpty || !fields.isEmpty || wasQuoted { endRecord() }
        return CSVTable(records: records)
    }

    /// A semicolon when the header line has semicolons and no comma outside quotes (column
    /// names never hold either), else a comma.
    static func separator(of bytes: [UInt8]) -> UInt8 {
        var commas = 0, semicolons = 0, inQuotes = false
        for byte in bytes {
            if byte == UInt8(ascii: "\"") { inQuotes.toggle(); continue }
            if inQuotes { continue }
            if byte == UInt8(ascii: "\n") { break }
            if byte == UInt8(ascii: ",") { commas += 1 }
            if byte == UInt8(ascii: ";") { semicolons += 1 }
        }
        return semicolons > 0 && commas == 0 ? UInt8(ascii: ";") : UInt8(ascii: ",")
    }
}
