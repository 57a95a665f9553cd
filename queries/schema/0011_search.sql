-- What a person can call each building and where to centre a cordon on it, derived at
-- import (and refresh) time from the buildings themselves, so that answers read a label
-- instead of computing one per request. `label` is the name, else the address, else a
-- description such as "unnamed building 25 m NE of 30 St Mary Axe, Aldgate ward". The point
-- lies on the footprint (its centroid when that is inside it), in both grids.
CREATE TABLE building_places (
    building_id TEXT PRIMARY KEY REFERENCES buildings (id),
    label TEXT NOT NULL CHECK (length(label) BETWEEN 1 AND 400),
    easting REAL NOT NULL,
    northing REAL NOT NULL,
    lat REAL NOT NULL CHECK (lat BETWEEN -90 AND 90),
    lon REAL NOT NULL CHECK (lon BETWEEN -180 AND 180)
) WITHOUT ROWID;

-- The text people search by: names, addresses, postcodes (also without their space), wards
-- and ids. unicode61 folds case and diacritics; prefixes are matched by the query ("mary"*).
CREATE VIRTUAL TABLE building_search USING fts5(
    building_id UNINDEXED, name, address, postcode, ward, id, postcode_compact,
    tokenize = 'unicode61 remove_diacritics 2'
);

-- Labels are part of what a radius lookup reads: the server's in-memory copy must notice them.
CREATE TRIGGER building_places_revision_insert AFTER INSERT ON building_places
BEGIN UPDATE lookup_revision SET revision = revision + 1 WHERE id = 1; END;
CREATE TRIGGER building_places_revision_update AFTER UPDATE ON building_places
BEGIN UPDATE lookup_revision SET revision = revision + 1 WHERE id = 1; END;
CREATE TRIGGER building_places_revision_delete AFTER DELETE ON building_places
BEGIN UPDATE lookup_revision SET revision = revision + 1 WHERE id = 1; END;
