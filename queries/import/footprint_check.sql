-- Whether a footprint (WKT in EPSG:27700) is valid, and its area in square metres.
SELECT ST_IsValid(g) AS valid, ST_Area(g) AS area_m2
FROM (SELECT ST_GeomFromText(:wkt, 27700) AS g)
