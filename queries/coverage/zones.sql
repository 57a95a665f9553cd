-- The data-coverage model a server keeps in memory: the City's extent (its boundary, else the
-- union of the coverage zones), and each coverage zone with building data clipped to it, on
-- the grid, with the newest date of the buildings from that source. No rows when the registry
-- has no coverage zones: then nobody can tell where building data is missing.
WITH city (area) AS MATERIALIZED (
    SELECT coalesce((SELECT ST_Union(area) FROM reference_areas WHERE kind = 'boundary'),
                    (SELECT ST_Union(area) FROM reference_areas WHERE kind = 'coverage'))
    WHERE EXISTS (SELECT 1 FROM reference_areas WHERE kind = 'coverage')
)
SELECT 'city' AS part, NULL AS name, NULL AS source_date, AsBinary(city.area) AS wkb
FROM city WHERE city.area IS NOT NULL
UNION ALL
SELECT 'data', z.name, (SELECT max(b.source_date) FROM buildings AS b WHERE b.source_dataset = z.name),
       AsBinary(ST_Intersection(z.area, city.area))
FROM reference_areas AS z, city
WHERE z.kind = 'coverage' AND z.name NOT LIKE 'NO\_DATA%' ESCAPE '\' AND city.area IS NOT NULL
ORDER BY part, name
