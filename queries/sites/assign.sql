-- The site contact belongs to the managing firm: a building that changes hands loses it, so
-- the new firm never sees the old firm's control room and sets its own.
INSERT INTO building_sites (building_id, managed_by) VALUES (:building_id, :managed_by)
ON CONFLICT (building_id) DO UPDATE SET
    managed_by = excluded.managed_by,
    control_room_phone = CASE WHEN building_sites.managed_by IS excluded.managed_by THEN building_sites.control_room_phone END,
    contact_email = CASE WHEN building_sites.managed_by IS excluded.managed_by THEN building_sites.contact_email END
