-- The totals of lookup/radius without the buildings, summed in SQL so that a totals-only
-- answer decodes one row. :night is 1 for night, :weekend 1 for a weekend day (a
-- building without weekend figures counts its weekday day ones, in weekday_fallbacks); figures confirmed before the cut-offs are
-- counted as stale.
WITH candidates (building_rowid) AS MATERIALIZED (
    -- A candidate whose bounding box lies wholly inside the circle is inside without asking
    -- GEOS (the R*Tree's boxes are rounded outwards, so this never admits a building wrongly);
    -- only boxes that straddle the circle need the exact distance.
    SELECT i.pkid
    FROM idx_buildings_footprint AS i
    WHERE i.xmin <= :x + :reach AND i.xmax >= :x - :reach
      AND i.ymin <= :y + :reach AND i.ymax >= :y - :reach
      AND (max((:x - i.xmin) * (:x - i.xmin), (:x - i.xmax) * (:x - i.xmax))
             + max((:y - i.ymin) * (:y - i.ymin), (:y - i.ymax) * (:y - i.ymax)) <= :reach * :reach
           OR ST_Distance((SELECT footprint FROM buildings WHERE rowid = i.pkid), MakePoint(:x, :y, 27700)) <= :reach)
)
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
FROM candidates AS c
JOIN buildings AS b ON b.rowid = c.building_rowid
LEFT JOIN site_figures AS f ON f.building_id = b.id
WHERE b.retired_at IS NULL
