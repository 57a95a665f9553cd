-- For one grid point: whether it is in the City, its ward, and the reception capacity outside
-- a :radius circle around it but within :walk metres of that circle's edge.
SELECT
    (SELECT count(*) FROM reference_areas AS c
     WHERE c.kind = 'boundary' AND ST_Contains(c.area, MakePoint(:x, :y, 27700)) = 1) AS in_city,
    (SELECT w.name FROM reference_areas AS w
     WHERE w.kind = 'ward' AND ST_Contains(w.area, MakePoint(:x, :y, 27700)) = 1
     ORDER BY w.name LIMIT 1) AS ward,
    (SELECT coalesce(sum(f.reception_capacity), 0)
     FROM site_figures AS f JOIN buildings AS b ON b.id = f.building_id
     WHERE f.reception_capacity > 0
       AND b.rowid IN (
           SELECT pkid FROM idx_buildings_footprint
           WHERE xmin <= :x + :reach AND xmax >= :x - :reach AND ymin <= :y + :reach AND ymax >= :y - :reach)
       AND ST_Distance(b.footprint, MakePoint(:x, :y, 27700)) > :radius
       AND ST_Distance(b.footprint, MakePoint(:x, :y, 27700)) <= :reach) AS capacity
