SELECT
    coalesce(sum(occupancy_day), 0) AS occupancy_day,
    coalesce(sum(occupancy_night), 0) AS occupancy_night,
    coalesce(sum(guards_day), 0) AS guards_day,
    coalesce(sum(guards_night), 0) AS guards_night,
    coalesce(sum(trauma_packs), 0) AS trauma_packs,
    coalesce(sum(first_aid_kits), 0) AS first_aid_kits,
    coalesce(sum(defibrillators), 0) AS defibrillators,
    coalesce(sum(reception_capacity), 0) AS reception_capacity,
    coalesce(sum(occupancy_weekend), 0) AS occupancy_weekend,
    coalesce(sum(guards_weekend), 0) AS guards_weekend,
    count(CASE WHEN reception_capacity > 0 THEN 1 END) AS reception_sites
FROM site_figures
