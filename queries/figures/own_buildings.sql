-- The current buildings a firm manages (:firm_id), or every current building when :firm_id is
-- NULL, with their labels, managing firm and figures: a firm's own list, in id order.
SELECT b.id, b.name, b.address, b.postcode, b.ward, COALESCE(pl.label, b.name, b.address, b.id) AS label,
       s.managed_by, f.*
FROM buildings AS b
LEFT JOIN building_sites AS s ON s.building_id = b.id
LEFT JOIN site_figures AS f ON f.building_id = b.id
LEFT JOIN building_places AS pl ON pl.building_id = b.id
WHERE b.retired_at IS NULL AND (:firm_id IS NULL OR s.managed_by = :firm_id)
ORDER BY b.id
