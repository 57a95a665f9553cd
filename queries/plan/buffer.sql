-- The area within :distance metres of a geometry (WKT in EPSG:27700): a corridor is the buffer
-- of its route by half its width. As WKT for queries and as GeoJSON (grid metres) for drawing.
SELECT AsText(area) AS wkt, AsGeoJSON(area, 3) AS geojson
FROM (SELECT ST_Buffer(ST_GeomFromText(:wkt, 27700), :distance) AS area)
