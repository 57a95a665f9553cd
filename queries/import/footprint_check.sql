-- Whether a footprint (SpatiaLite geometry in EPSG:27700) is valid, and its area in square metres.
SELECT ST_IsValid(:footprint) AS valid, ST_Area(:footprint) AS area_m2
