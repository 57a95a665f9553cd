SELECT b.id AS building_id, s.managed_by, s.control_room_phone, s.contact_email, s.max_occupancy
FROM buildings AS b LEFT JOIN building_sites AS s ON s.building_id = b.id
WHERE b.id = :building_id
