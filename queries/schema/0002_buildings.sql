-- One row per building footprint. `id` is the stable public id (`way/4959489`, `mesh/12`);
-- the integer rowid is what the spatial index refers to.
CREATE TABLE buildings (
    rowid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE CHECK (length(id) BETWEEN 1 AND 200),
    name TEXT,
    address TEXT,
    postcode TEXT,
    ward TEXT,
    building_type TEXT,
    levels REAL CHECK (levels IS NULL OR levels >= 0),
    height_m REAL CHECK (height_m IS NULL OR height_m >= 0),
    footprint_area_m2 REAL NOT NULL CHECK (footprint_area_m2 > 0),
    source_dataset TEXT NOT NULL,
    source_date TEXT,
    -- The footprint in lon/lat (RFC 7946), written at import so reads never transform back.
    footprint_geojson TEXT NOT NULL CHECK (json_valid(footprint_geojson)),
    imported_at TEXT NOT NULL
);
SELECT AddGeometryColumn('buildings', 'footprint', 27700, 'MULTIPOLYGON', 'XY', 1);
SELECT CreateSpatialIndex('buildings', 'footprint');
CREATE INDEX buildings_ward ON buildings (ward);
