-- The totals of lookup/polygon without the buildings. :night is 1 for night, :weekend 1 for a weekend day (a
-- building without weekend figures counts its weekday day ones, in weekday_fallbacks); figures
-- confirmed before the cut-offs are counted as stale.
WITH query_area (area) AS MATERIALIZED (SELECT ST_GeomFromText(:wkt, 27700))
SELECT count(*) AS buildings,
       count(f.building_id) AS buildings_with_figures,
       coalesce(sum(CASE WHEN :night THEN f.occupancy_night
                         WHEN :weekend THEN coalesce(f.occupancy_weekend, f.occupancy_day) ELSE f.occupancy_day END), 0) AS occupancy,
       coalesce(sum(CASE WHEN :night THEN f.guards_night
                         WHEN :weekend THEN coalesce(f.guards_weekend, f.guards_day) ELSE f.guards_day END), 0) AS guards,
       count(CASE WHEN :weekend AND (f.occupancy_weekend IS NULL OR f.guards_weekend IS NULL) THEN f.building_id END) AS weekday_fallbacks,
       coalesce(sum(f.trauma_packs), 0) AS trauma_packs,
       coalesce(sum(f.first_aid_kits), 0) AS first_aid_kits,
       coalesce(sum(f.defibrillators), 0) AS defibrillators,
       coalesce(sum(f.reception_capacity), 0) AS reception_capacity,
       coalesce(max(f.demonstration), 0) AS demonstration,
       coalesce(sum(
           (CASE WHEN :night THEN f.occupancy_night_confirmed_at
                 WHEN :weekend THEN coalesce(f.occupancy_weekend_confirmed_at, f.occupancy_day_confirmed_at)
                 ELSE f.occupancy_day_confirmed_at END < :live_cutoff)
           + (CASE WHEN :night THEN f.guards_night_confirmed_at
                   WHEN :weekend THEN coalesce(f.guards_weekend_confirmed_at, f.guards_day_confirmed_at)
                   ELSE f.guards_day_confirmed_at END < :live_cutoff)
           + (f.trauma_packs_confirmed_at < :equipment_cutoff) + (f.first_aid_kits_confirmed_at < :equipment_cutoff)
           + (f.defibrillators_confirmed_at < :equipment_cutoff) + (f.reception_capacity_confirmed_at < :equipment_cutoff)
       ), 0) AS stale_figures
FROM query_area, buildings AS b
LEFT JOIN site_figures AS f ON f.building_id = b.id
WHERE b.rowid IN (
        SELECT pkid FROM idx_buildings_footprint
        WHERE xmin <= :max_x AND xmax >= :min_x AND ymin <= :max_y AND ymax >= :min_y)
  AND b.retired_at IS NULL
  AND ST_Intersects(b.footprint, query_area.area) = 1
