-- Every current building with its lon/lat footprint and figures, for the console's map. As in
-- lookup/resident, a confirmation equal to occupancy_day's comes back NULL (MatchColumns restores it).
SELECT b.id, b.name, b.address, b.postcode, b.ward, b.footprint_geojson,
       f.occupancy_day, f.occupancy_day_confirmed_at, f.occupancy_day_confirmed_by,
       f.occupancy_night,
       NULLIF(f.occupancy_night_confirmed_at, f.occupancy_day_confirmed_at) AS occupancy_night_confirmed_at,
       NULLIF(f.occupancy_night_confirmed_by, f.occupancy_day_confirmed_by) AS occupancy_night_confirmed_by,
       f.guards_day,
       NULLIF(f.guards_day_confirmed_at, f.occupancy_day_confirmed_at) AS guards_day_confirmed_at,
       NULLIF(f.guards_day_confirmed_by, f.occupancy_day_confirmed_by) AS guards_day_confirmed_by,
       f.guards_night,
       NULLIF(f.guards_night_confirmed_at, f.occupancy_day_confirmed_at) AS guards_night_confirmed_at,
       NULLIF(f.guards_night_confirmed_by, f.occupancy_day_confirmed_by) AS guards_night_confirmed_by,
       f.trauma_packs,
       NULLIF(f.trauma_packs_confirmed_at, f.occupancy_day_confirmed_at) AS trauma_packs_confirmed_at,
       NULLIF(f.trauma_packs_confirmed_by, f.occupancy_day_confirmed_by) AS trauma_packs_confirmed_by,
       f.first_aid_kits,
       NULLIF(f.first_aid_kits_confirmed_at, f.occupancy_day_confirmed_at) AS first_aid_kits_confirmed_at,
       NULLIF(f.first_aid_kits_confirmed_by, f.occupancy_day_confirmed_by) AS first_aid_kits_confirmed_by,
       f.defibrillators,
       NULLIF(f.defibrillators_confirmed_at, f.occupancy_day_confirmed_at) AS defibrillators_confirmed_at,
       NULLIF(f.defibrillators_confirmed_by, f.occupancy_day_confirmed_by) AS defibrillators_confirmed_by,
       f.reception_capacity,
       NULLIF(f.reception_capacity_confirmed_at, f.occupancy_day_confirmed_at) AS reception_capacity_confirmed_at,
       NULLIF(f.reception_capacity_confirmed_by, f.occupancy_day_confirmed_by) AS reception_capacity_confirmed_by,
       f.occupancy_weekend,
       NULLIF(f.occupancy_weekend_confirmed_at, f.occupancy_day_confirmed_at) AS occupancy_weekend_confirmed_at,
       NULLIF(f.occupancy_weekend_confirmed_by, f.occupancy_day_confirmed_by) AS occupancy_weekend_confirmed_by,
       f.guards_weekend,
       NULLIF(f.guards_weekend_confirmed_at, f.occupancy_day_confirmed_at) AS guards_weekend_confirmed_at,
       NULLIF(f.guards_weekend_confirmed_by, f.occupancy_day_confirmed_by) AS guards_weekend_confirmed_by,
       f.demonstration, f.version
FROM buildings AS b
LEFT JOIN site_figures AS f ON f.building_id = b.id
WHERE b.retired_at IS NULL
ORDER BY b.rowid
