-- Repairs an invalid footprint (self-intersections, bow-ties) and keeps only its polygons.
-- NULL when nothing polygonal is left.
SELECT AsText(p) AS wkt, AsGeoJSON(p, 3) AS geojson, ST_Area(p) AS area_m2
FROM (SELECT CastToMultiPolygon(CollectionExtract(MakeValid(ST_GeomFromText(:wkt, 27700)), 3)) AS p)
WHERE p IS NOT NULL AND ST_IsEmpty(p) = 0 AND ST_Area(p) > 0
