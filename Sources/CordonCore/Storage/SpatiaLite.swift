import CSpatiaLite
import GRDB

/// Loads mod_spatialite into a raw SQLite connection.
enum SpatiaLite {
    static func load(into connection: OpaquePointer) throws(StorageError) {
        var message: UnsafeMutablePointer<CChar>?
        let status = cordon_load_spatialite(connection, &message)
        defer { sqlite3_free(message) }
        guard status == SQLITE_OK else {
            let detail = message.map { String(cString: $0) } ?? "status \(status)"
            throw StorageError(
                "could not load SpatiaLite (mod_spatialite): \(detail). "
                    + "Install Debian's libsqlite3-mod-spatialite.")
        }
    }
}
