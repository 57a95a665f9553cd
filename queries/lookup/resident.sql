-- Everything a radius lookup reads, for the server's in-memory copy of it: every building
-- with its grid footprint as WKB and its figures. Read in the same transaction as
-- lookup/revision, so the copy knows which revision it holds.
SELECT b.id, b.name, b.address, b.postcode, b.ward, b.footprint_geojson, AsBinary(b.footprint) AS footprint_wkb,
       f.occupancy_day, f.occupancy_day_confirmed_at, f.occupancy_day_confirmed_by,
       f.occupancy_night, f.occupancy_night_confirmed_at, f.occupancy_night_confirmed_by,
       f.guards_day, f.guards_day_confirmed_at, f.guards_day_confirmed_by,
       f.guards_night, f.guards_night_confirmed_at, f.guards_night_confirmed_by,
       f.trauma_packs, f.trauma_packs_confirmed_at, f.trauma_packs_confirmed_by,
       f.first_aid_kits, f.first_aid_kits_confirmed_at, f.first_aid_kits_confirmed_by,
       f.defibrillators, f.defibrillators_confirmed_at, f.defibrillators_confirmed_by,
       f.reception_capacity, f.reception_capacity_confirmed_at, f.reception_capacity_confirmed_by,
       f.demonstration, f.version
FROM buildings AS b
LEFT JOIN site_figures AS f ON f.building_id = b.id
ORDER BY b.rowid
