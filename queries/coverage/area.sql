-- How much of a cordon lies in the City and in each coverage zone with building data: the
-- parts of an answer's data_coverage, measured on the grid by GEOS. The cordon is grid WKT,
-- or when :wkt is NULL the circle of radius :r around (:x, :y), drawn with 128 segments a
-- quarter (within 4 mm of the true circle; the caller scales the parts to its exact area).
-- The City is its boundary, else the union of the coverage zones; no 'city' row when the
-- registry has no coverage zones. Zones whose box misses the cordon's are skipped.
WITH cordon (g) AS MATERIALIZED (
    SELECT CASE WHEN :wkt IS NULL THEN ST_Buffer(MakePoint(:x, :y, 27700), :r, 128)
                ELSE ST_GeomFromText(:wkt, 27700) END
),
city (area) AS MATERIALIZED (
    SELECT coalesce((SELECT ST_Union(area) FROM reference_areas WHERE kind = 'boundary'),
                    (SELECT ST_Union(area) FROM reference_areas WHERE kind = 'coverage'))
    WHERE EXISTS (SELECT 1 FROM reference_areas WHERE kind = 'coverage')
)
SELECT 'cordon' AS part, NULL AS name, NULL AS source_date, ST_Area(cordon.g) AS area_m2 FROM cordon
UNION ALL
SELECT 'city', NULL, NULL, coalesce(ST_Area(ST_Intersection(cordon.g, city.area)), 0)
FROM cordon, city WHERE city.area IS NOT NULL
UNION ALL
SELECT 'data', z.name, (SELECT max(b.source_date) FROM buildings AS b WHERE b.source_dataset = z.name),
       coalesce(ST_Area(ST_Intersection(cordon.g, ST_Intersection(z.area, city.area))), 0)
FROM reference_areas AS z, cordon, city
WHERE z.kind = 'coverage' AND z.name NOT LIKE 'NO\_DATA%' ESCAPE '\' AND city.area IS NOT NULL
  AND MbrIntersects(z.area, cordon.g) = 1
