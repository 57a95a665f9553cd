-- Repairs an invalid footprint (self-intersections, bow-ties) and keeps only its polygons.
-- No row when nothing polygonal is left.
SELECT p AS footprint, AsGeoJSON(p, 3) AS geojson, ST_Area(p) AS area_m2
FROM (SELECT CastToMultiPolygon(CollectionExtract(MakeValid(:footprint), 3)) AS p)
WHERE p IS NOT NULL AND ST_IsEmpty(p) = 0 AND ST_Area(p) > 0
