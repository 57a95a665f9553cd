-- The buildings whose least recently confirmed figure is oldest.
SELECT building_id, min(occupancy_day_confirmed_at, occupancy_night_confirmed_at,
           guards_day_confirmed_at, guards_night_confirmed_at, trauma_packs_confirmed_at,
           first_aid_kits_confirmed_at, defibrillators_confirmed_at,
           reception_capacity_confirmed_at) AS oldest_confirmed_at,
       demonstration
FROM site_figures
ORDER BY oldest_confirmed_at, building_id
LIMIT :limit
