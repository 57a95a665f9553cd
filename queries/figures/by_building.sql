SELECT f.*, s.managed_by, s.max_occupancy
FROM buildings AS b
LEFT JOIN site_figures AS f ON f.building_id = b.id
LEFT JOIN building_sites AS s ON s.building_id = b.id
WHERE b.id = :building_id
