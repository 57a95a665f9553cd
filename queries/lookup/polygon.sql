-- Buildings whose footprint intersects the query area (WKT in EPSG:27700), marked 'full' when
-- the footprint lies wholly within it. The R*Tree narrows to the area's bounding box first.
-- Confirmation texts equal to occupancy_day's come back NULL (see lookup/radius).
WITH query_area (area) AS MATERIALIZED (SELECT ST_GeomFromText(:wkt, 27700))
SELECT b.id, b.name, b.address, b.postcode, b.ward, COALESCE(pl.label, b.name, b.address, b.id) AS label,
       b.footprint_geojson,
       CASE WHEN ST_Within(b.footprint, query_area.area) = 1 THEN 'full' ELSE 'partial' END AS inside,
       f.occupancy_day,
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
FROM query_area, buildings AS b
LEFT JOIN site_figures AS f ON f.building_id = b.id
LEFT JOIN building_places AS pl ON pl.building_id = b.id
WHERE b.rowid IN (
        SELECT pkid FROM idx_buildings_footprint
        WHERE xmin <= :max_x AND xmax >= :min_x AND ymin <= :max_y AND ymax >= :min_y)
  AND b.retired_at IS NULL
  AND ST_Intersects(b.footprint, query_area.area) = 1
ORDER BY b.id
