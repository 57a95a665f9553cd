-- Buildings whose footprint lies within :reach metres of the grid point (:x, :y), nearest first.
-- The R*Tree narrows the candidates to the circle's bounding square; ST_Distance then decides
-- exactly (0 inside a footprint, else the distance to its nearest edge).
SELECT b.id, b.name, b.address, b.postcode, b.ward, b.footprint_geojson,
       ST_Distance(b.footprint, MakePoint(:x, :y, 27700)) AS distance_m,
       f.*
FROM buildings AS b
LEFT JOIN site_figures AS f ON f.building_id = b.id
WHERE b.rowid IN (
        SELECT pkid FROM idx_buildings_footprint
        WHERE xmin <= :x + :reach AND xmax >= :x - :reach
          AND ymin <= :y + :reach AND ymax >= :y - :reach)
  AND ST_Distance(b.footprint, MakePoint(:x, :y, 27700)) <= :reach
ORDER BY distance_m, b.id
