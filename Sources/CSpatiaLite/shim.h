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
#endif
