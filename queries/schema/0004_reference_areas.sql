-- The City boundary, its wards and the building-data coverage zones, for ward lookups,
-- coverage statistics and maps.
CREATE TABLE reference_areas (
    rowid INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('boundary', 'ward', 'coverage')),
    name TEXT NOT NULL,
    code TEXT,
    city_area_share REAL CHECK (city_area_share IS NULL OR city_area_share BETWEEN 0 AND 1),
    area_geojson TEXT NOT NULL CHECK (json_valid(area_geojson)),
    UNIQUE (kind, name)
);
SELECT AddGeometryColumn('reference_areas', 'area', 27700, 'MULTIPOLYGON', 'XY', 1);
SELECT CreateSpatialIndex('reference_areas', 'area');
