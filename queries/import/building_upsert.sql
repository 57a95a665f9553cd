-- Adds a building or updates it by id; :footprint is a SpatiaLite MULTIPOLYGON in EPSG:27700.
-- A building that comes back after being retired is current again.
INSERT INTO buildings (id, name, address, postcode, ward, building_type, levels, height_m,
                       footprint_area_m2, source_dataset, source_date, footprint_geojson,
                       imported_at, footprint)
VALUES (:id, :name, :address, :postcode,
        COALESCE(:ward, (
            SELECT w.name FROM reference_areas AS w
            WHERE w.kind = 'ward'
              AND ST_Contains(w.area, ST_PointOnSurface(:footprint)) = 1
            ORDER BY w.name LIMIT 1)),
        :building_type, :levels, :height_m, :area_m2, :source_dataset, :source_date,
        :footprint_geojson, :imported_at, :footprint)
ON CONFLICT (id) DO UPDATE SET
    name = excluded.name, address = excluded.address, postcode = excluded.postcode,
    ward = excluded.ward, building_type = excluded.building_type, levels = excluded.levels,
    height_m = excluded.height_m, footprint_area_m2 = excluded.footprint_area_m2,
    source_dataset = excluded.source_dataset, source_date = excluded.source_date,
    footprint_geojson = excluded.footprint_geojson, imported_at = excluded.imported_at,
    footprint = excluded.footprint, retired_at = NULL
