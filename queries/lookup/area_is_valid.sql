-- 1 when the query area (WKT in EPSG:27700) is a valid polygon, else 0, with GEOS's reason.
SELECT ST_IsValid(g) AS valid, ST_IsValidReason(g) AS reason
FROM (SELECT ST_GeomFromText(:wkt, 27700) AS g)
