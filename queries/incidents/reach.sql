-- For the listed buildings (a JSON array of ids), or every building when :all is 1: the
-- distance from the incident's location (a grid point) and the firm that manages each.
SELECT b.id, ST_Distance(b.footprint, MakePoint(:x, :y, 27700)) AS distance_m, s.managed_by
FROM buildings AS b
LEFT JOIN building_sites AS s ON s.building_id = b.id
WHERE b.retired_at IS NULL AND (:all = 1 OR b.id IN (SELECT value FROM json_each(:ids)))
