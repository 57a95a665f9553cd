-- Figures for a building that has none yet. An import's demonstration figures use it too;
-- figures already kept for a building are never overwritten (DO NOTHING).
INSERT INTO site_figures (building_id,
    occupancy_day, occupancy_day_confirmed_at, occupancy_day_confirmed_by,
    occupancy_night, occupancy_night_confirmed_at, occupancy_night_confirmed_by,
    guards_day, guards_day_confirmed_at, guards_day_confirmed_by,
    guards_night, guards_night_confirmed_at, guards_night_confirmed_by,
    trauma_packs, trauma_packs_confirmed_at, trauma_packs_confirmed_by,
    first_aid_kits, first_aid_kits_confirmed_at, first_aid_kits_confirmed_by,
    defibrillators, defibrillators_confirmed_at, defibrillators_confirmed_by,
    reception_capacity, reception_capacity_confirmed_at, reception_capacity_confirmed_by,
    occupancy_weekend, occupancy_weekend_confirmed_at, occupancy_weekend_confirmed_by,
    guards_weekend, guards_weekend_confirmed_at, guards_weekend_confirmed_by,
    demonstration, channel)
VALUES (:building_id,
    :occupancy_day, :occupancy_day_confirmed_at, :occupancy_day_confirmed_by,
    :occupancy_night, :occupancy_night_confirmed_at, :occupancy_night_confirmed_by,
    :guards_day, :guards_day_confirmed_at, :guards_day_confirmed_by,
    :guards_night, :guards_night_confirmed_at, :guards_night_confirmed_by,
    :trauma_packs, :trauma_packs_confirmed_at, :trauma_packs_confirmed_by,
    :first_aid_kits, :first_aid_kits_confirmed_at, :first_aid_kits_confirmed_by,
    :defibrillators, :defibrillators_confirmed_at, :defibrillators_confirmed_by,
    :reception_capacity, :reception_capacity_confirmed_at, :reception_capacity_confirmed_by,
    :occupancy_weekend, :occupancy_weekend_confirmed_at, :occupancy_weekend_confirmed_by,
    :guards_weekend, :guards_weekend_confirmed_at, :guards_weekend_confirmed_by,
    :demonstration, :channel)
ON CONFLICT (building_id) DO NOTHING
