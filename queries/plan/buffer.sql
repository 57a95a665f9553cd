-- The area within :distance metres of a geometry (WKT in EPSG:27700): a corridor is the buffer
-- of its route by half its width.
SELECT AsText(ST_Buffer(ST_GeomFromText(:wkt, 27700), :distance)) AS wkt
