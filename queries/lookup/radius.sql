-- Buildings whose footprint lies within :reach metres of the grid point (:x, :y), nearest first.
-- The R*Tree narrows the candidates to the circle's bounding square; ST_Distance then decides
-- exactly (0 inside a footprint, else the distance to its nearest edge). The candidates are
-- materialised so that each distance is computed once.
WITH candidates (building_rowid, distance_m) AS MATERIALIZED (
    SELECT rowid, ST_Distance(footprint, MakePoint(:x, :y, 27700))
    FROM buildings
    WHERE rowid IN (
        SELECT pkid FROM idx_buildings_footprint
        WHERE xmin <= :x + :reach AND xmax >= :x - :reach
          AND ymin <= :y + :reach AND ymax >= :y - :reach)
)
SELECT b.id, b.name, b.address, b.postcode, b.ward, b.footprint_geojson, c.distance_m, f.*
FROM candidates AS c
JOIN buildings AS b ON b.rowid = c.building_rowid
LEFT JOIN site_figures AS f ON f.building_id = b.id
WHERE c.distance_m <= :reach
ORDER BY c.distance_m, b.id
