-- Buildings whose footprint intersects the query area (WKT in EPSG:27700), marked 'full' when
-- the footprint lies wholly within it. The R*Tree narrows to the area's bounding box first.
WITH query_area (area) AS MATERIALIZED (SELECT ST_GeomFromText(:wkt, 27700))
SELECT b.id, b.name, b.address, b.postcode, b.ward, b.footprint_geojson,
       CASE WHEN ST_Within(b.footprint, query_area.area) = 1 THEN 'full' ELSE 'partial' END AS inside,
       f.*
FROM query_area, buildings AS b
LEFT JOIN site_figures AS f ON f.building_id = b.id
WHERE b.rowid IN (
        SELECT pkid FROM idx_buildings_footprint
        WHERE xmin <= :max_x AND xmax >= :min_x AND ymin <= :max_y AND ymax >= :min_y)
  AND ST_Intersects(b.footprint, query_area.area) = 1
ORDER BY b.id
