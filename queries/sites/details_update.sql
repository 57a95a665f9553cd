INSERT INTO building_sites (building_id, control_room_phone, contact_email, max_occupancy)
VALUES (:building_id, :control_room_phone, :contact_email, :max_occupancy)
ON CONFLICT (building_id) DO UPDATE SET
    control_room_phone = excluded.control_room_phone,
    contact_email = excluded.contact_email,
    max_occupancy = excluded.max_occupancy
