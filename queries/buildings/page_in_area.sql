-- One page of the buildings intersecting an area (WKT in EPSG:27700), in id order.
WITH query_area (area) AS MATERIALIZED (SELECT ST_GeomFromText(:wkt, 27700))
SELECT b.id, b.name, b.address, b.postcode, b.ward, b.building_type, b.levels, b.height_m,
       b.footprint_area_m2, b.source_dataset, b.source_date, b.imported_at, b.footprint_geojson,
       COALESCE(pl.label, b.name, b.address, b.id) AS label, f.*
FROM query_area, buildings AS b
LEFT JOIN site_figures AS f ON f.building_id = b.id
LEFT JOIN building_places AS pl ON pl.building_id = b.id
WHERE b.rowid IN (
        SELECT pkid FROM idx_buildings_footprint
        WHERE xmin <= :max_x AND xmax >= :min_x AND ymin <= :max_y AND ymax >= :min_y)
  AND b.retired_at IS NULL
  AND ST_Intersects(b.footprint, query_area.area) = 1
ORDER BY b.id
LIMIT :limit OFFSET :offset
