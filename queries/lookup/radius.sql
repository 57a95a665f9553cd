-- Buildings whose footprint lies within :reach metres of the grid point (:x, :y), nearest first.
-- The R*Tree narrows the candidates to the circle's bounding square; ST_Distance then decides
-- exactly (0 inside a footprint, else the distance to its nearest edge). The candidates are
-- materialised so that each distance is computed once. A figure confirmed at the same time
-- and by the same writer as occupancy_day comes back NULL in those columns: most rows then
-- carry two texts instead of sixteen (MatchColumns restores them).
WITH candidates (building_rowid, distance_m) AS MATERIALIZED (
    SELECT rowid, ST_Distance(footprint, MakePoint(:x, :y, 27700))
    FROM buildings
    WHERE retired_at IS NULL AND rowid IN (
        SELECT pkid FROM idx_buildings_footprint
        WHERE xmin <= :x + :reach AND xmax >= :x - :reach
          AND ymin <= :y + :reach AND ymax >= :y - :reach)
)
SELECT b.id, b.name, b.address, b.postcode, b.ward, COALESCE(pl.label, b.name, b.address, b.id) AS label,
       b.footprint_geojson, c.distance_m, f.occupancy_day,
       f.occupancy_day_confirmed_at,
       f.occupancy_day_confirmed_by,
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
       f.demonstration,
       f.version
FROM candidates AS c
JOIN buildings AS b ON b.rowid = c.building_rowid
LEFT JOIN site_figures AS f ON f.building_id = b.id
LEFT JOIN building_places AS pl ON pl.building_id = b.id
WHERE c.distance_m <= :reach
ORDER BY c.distance_m, b.id
