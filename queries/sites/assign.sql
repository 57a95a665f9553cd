INSERT INTO building_sites (building_id, managed_by) VALUES (:building_id, :managed_by)
ON CONFLICT (building_id) DO UPDATE SET managed_by = excluded.managed_by
