WITH query_area (area) AS MATERIALIZED (SELECT ST_GeomFromText(:wkt, 27700))
SELECT count(*)
FROM query_area, buildings AS b
WHERE b.rowid IN (
        SELECT pkid FROM idx_buildings_footprint
        WHERE xmin <= :max_x AND xmax >= :min_x AND ymin <= :max_y AND ymax >= :min_y)
  AND b.retired_at IS NULL
  AND ST_Intersects(b.footprint, query_area.area) = 1
