-- One page of buildings in id order, for OGC API - Features.
SELECT b.id, b.name, b.address, b.postcode, b.ward, b.building_type, b.levels, b.height_m,
       b.footprint_area_m2, b.source_dataset, b.source_date, b.imported_at, b.footprint_geojson,
       COALESCE(pl.label, b.name, b.address, b.id) AS label, f.*
FROM buildings AS b
LEFT JOIN site_figures AS f ON f.building_id = b.id
LEFT JOIN building_places AS pl ON pl.building_id = b.id
WHERE b.retired_at IS NULL
ORDER BY b.id
LIMIT :limit OFFSET :offset
