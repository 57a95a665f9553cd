-- The ids of the current buildings a firm manages, for confirming all of them at once.
SELECT s.building_id
FROM building_sites AS s
JOIN buildings AS b ON b.id = s.building_id
WHERE s.managed_by = :firm_id AND b.retired_at IS NULL
ORDER BY s.building_id
