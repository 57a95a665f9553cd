import CSpatiaLite
import Foundation
import GRDB

/// A named query prepared once and bound by parameter position through SQLite's C API, for
/// statements run once per imported feature: GRDB's named arguments (a dictionary per row,
/// looked up by name) cost more than the insert itself. Used only inside one `write` block.
struct BoundStatement {
    private let statement: Statement  // keeps the prepared statement alive
    private let handle: OpaquePointer
    private let connection: OpaquePointer
    let query: Query

    init(_ query: Query, in db: Database) throws {
        statement = try db.makeStatement(sql: query.sql)
        handle = statement.sqliteStatement
        guard let connection = db.sqliteConnection else { throw StorageError("SQLite connection is closed") }
        self.connection = connection
        self.query = query
    }

    /// The position of a `:name` parameter; fails when the query has none by that name.
    func parameter(_ name: String) throws -> Int32 {
        let index = sqlite3_bind_parameter_index(handle, ":" + name)
        guard index > 0 else { throw StorageError("queries/\(query.name).sql has no parameter :\(name)") }
        return index
    }

    func bind(_ index: Int32, _ text: String?) {
        guard var text else { sqlite3_bind_null(handle, index); return }
        text.withUTF8 { utf8 in
            _ = utf8.withMemoryRebound(to: CChar.self) { cordon_bind_text(handle, index, $0.baseAddress, Int32(utf8.count)) }
        }
    }

    func bind(_ index: Int32, _ number: Double?) {
        guard let number else { sqlite3_bind_null(handle, index); return }
        sqlite3_bind_double(handle, index, number)
    }

    func bind(_ index: Int32, _ bytes: Data) {
        bytes.withUnsafeBytes { raw in _ = cordon_bind_blob(handle, index, raw.baseAddress, Int32(raw.count)) }
    }

    /// Steps once: true when a row is ready to read.
    func step() throws -> Bool {
        switch sqlite3_step(handle) {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        case let code:
            let message = String(cString: sqlite3_errmsg(connection))
            sqlite3_reset(handle)
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: query.sql)
        }
    }

    /// Runs to completion and readies the statement for the next bindings.
    func run() throws {
        defer { reset() }
        while try step() {}
    }

    func reset() {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
    }

    func text(_ column: Int32) -> String? {
        guard sqlite3_column_type(handle, column) != SQLITE_NULL, let bytes = sqlite3_column_text(handle, column) else { return nil }
        return String(cString: bytes)
    }

    func double(_ column: Int32) -> Double? {
        sqlite3_column_type(handle, column) == SQLITE_NULL ? nil : sqlite3_column_double(handle, column)
    }

    func integer(_ column: Int32) -> Int? {
        sqlite3_column_type(handle, column) == SQLITE_NULL ? nil : Int(sqlite3_column_int64(handle, column))
    }

    func blob(_ column: Int32) -> Data? {
        guard let bytes = sqlite3_column_blob(handle, column) else { return nil }
        return Data(bytes: bytes, count: Int(sqlite3_column_bytes(handle, column)))
    }

    /// Rows changed by the last statement on the connection.
    var changes: Int { Int(sqlite3_changes(connection)) }
}
