-- Buildings with at least one figure confirmed before its cut-off: live figures (occupancy,
-- guards) before :live_cutoff, equipment and reception capacity before :equipment_cutoff.
-- :organisation_id limits the report to one firm's buildings (NULL: every building).
SELECT f.building_id, b.name, s.managed_by,
       f.occupancy_day_confirmed_at, f.occupancy_night_confirmed_at,
       f.guards_day_confirmed_at, f.guards_night_confirmed_at,
       f.trauma_packs_confirmed_at, f.first_aid_kits_confirmed_at,
       f.defibrillators_confirmed_at, f.reception_capacity_confirmed_at,
       f.demonstration
FROM site_figures AS f
JOIN buildings AS b ON b.id = f.building_id
LEFT JOIN building_sites AS s ON s.building_id = f.building_id
WHERE (:organisation_id IS NULL OR s.managed_by = :organisation_id)
  AND (min(f.occupancy_day_confirmed_at, f.occupancy_night_confirmed_at,
           f.guards_day_confirmed_at, f.guards_night_confirmed_at) < :live_cutoff
    OR min(f.trauma_packs_confirmed_at, f.first_aid_kits_confirmed_at,
           f.defibrillators_confirmed_at, f.reception_capacity_confirmed_at) < :equipment_cutoff)
ORDER BY s.managed_by IS NULL, s.managed_by, f.building_id
LIMIT :limit
