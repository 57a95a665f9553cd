#ifndef CORDON_CSPATIALITE_SHIM_H
#define CORDON_CSPATIALITE_SHIM_H
#include <sqlite3.h>

// sqlite3_db_config is variadic, which Swift cannot call: this wrapper enables
// extension loading through the C API only (the SQL function load_extension()
// stays disabled), then loads mod_spatialite into the connection.
// Returns SQLITE_OK or an error code; *errorMessage must be freed with sqlite3_free.
static inline int cordon_load_spatialite(sqlite3 *db, char **errorMessage) {
    int rc = sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 1, (int *)0);
    if (rc != SQLITE_OK) return rc;
    return sqlite3_load_extension(db, "mod_spatialite", 0, errorMessage);
}

// SQLITE_TRANSIENT is a macro Swift cannot see: these bind copies of the caller's bytes.
static inline int cordon_bind_text(sqlite3_stmt *statement, int index, const char *text, int length) {
    return sqlite3_bind_text(statement, index, text, length, SQLITE_TRANSIENT);
}
static inline int cordon_bind_blob(sqlite3_stmt *statement, int index, const void *bytes, int length) {
    return sqlite3_bind_blob(statement, index, bytes, length, SQLITE_TRANSIENT);
}
#endif
