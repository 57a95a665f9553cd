-- Everything a radius lookup reads, for the server's in-memory copy of it: every building
-- with its grid footprint as WKB and its figures. Read in the same transaction as
-- lookup/revision, so the copy knows which revision it holds. As in lookup/radius, a
-- confirmation equal to occupancy_day's comes back NULL, so that the copy holds one string
-- for all of them (MatchColumns restores them).
SELECT b.id, b.name, b.address, b.postcode, b.ward, COALESCE(pl.label, b.name, b.address, b.id) AS label,
       b.footprint_geojson, AsBinary(b.footprint) AS footprint_wkb,
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
LEFT JOIN building_places AS pl ON pl.building_id = b.id
WHERE b.retired_at IS NULL
ORDER BY b.rowid
