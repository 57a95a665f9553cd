-- Buildings offering survivor reception, other than those in :excluded (a JSON array: the
-- buildings inside the cordon and the outer cordon), with their distance from the cordon's
-- edge: from the circle (:x, :y, :radius) when :radius is given, else from :cordon_wkt.
SELECT b.id, b.name, b.address, COALESCE(pl.label, b.name, b.address, b.id) AS label, X(ST_Centroid(b.footprint)) AS x, Y(ST_Centroid(b.footprint)) AS y,
       CASE WHEN :radius IS NOT NULL
            THEN max(0, ST_Distance(b.footprint, MakePoint(:x, :y, 27700)) - :radius)
            ELSE ST_Distance(b.footprint, ST_GeomFromText(:cordon_wkt, 27700))
       END AS edge_distance_m,
       f.*
FROM site_figures AS f
JOIN buildings AS b ON b.id = f.building_id
LEFT JOIN building_places AS pl ON pl.building_id = b.id
WHERE f.reception_capacity > 0
  AND b.id NOT IN (SELECT value FROM json_each(:excluded))
ORDER BY edge_distance_m, b.id
