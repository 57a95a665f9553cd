-- Grid centroids of the buildings named in :ids (a JSON array).
SELECT b.id, X(ST_Centroid(b.footprint)) AS x, Y(ST_Centroid(b.footprint)) AS y
FROM buildings AS b
WHERE b.id IN (SELECT value FROM json_each(:ids))
