import GRDB

/// Applies the numbered files in queries/schema once each, in order, recording each in
/// GRDB's migrations table. Landed migrations are never edited: add a new file instead.
enum Migrations {
    static func migrator() -> DatabaseMigrator {
        var migrator = DatabaseMigrator()
        for query in Query.migrations {
            migrator.registerMigration(query.name) { db in
                try apply(query, in: db)
            }
        }
        return migrator
    }

    /// Runs each statement of a migration; a statement that returns a value must return 1,
    /// because SpatiaLite's admin functions report failure by returning 0.
    private static func apply(_ query: Query, in db: Database) throws {
        let statements = try db.allStatements(sql: query.sql)
        while let statement = try statements.next() {
            // SQLite reports result columns for ALTER TABLE too: only a SELECT has a value to check.
            if statement.columnCount > 0, Self.isSelect(statement.sql) {
                let result = try Int.fetchOne(statement)
                guard result == 1 else {
                    throw StorageError(
                        "migration \(query.name) failed at `\(statement.sql)`: returned "
                            + "\(result.map(String.init) ?? "NULL") instead of 1")
                }
            } else {
                try statement.execute()
            }
        }
    }

    /// Whether a statement's first word, after its comment lines, is SELECT.
    static func isSelect(_ sql: String) -> Bool {
        let code = sql.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.first { !$0.isEmpty && !$0.hasPrefix("--") }
        return code?.uppercased().hasPrefix("SELECT") ?? false
    }
}
