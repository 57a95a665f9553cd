-- Writes a whole figures row when the stored version is still :expected_version (optimistic
-- concurrency: zero rows changed means someone else wrote first). The history triggers log
-- each value that changed.
UPDATE site_figures SET
    occupancy_day = :occupancy_day, occupancy_day_confirmed_at = :occupancy_day_confirmed_at, occupancy_day_confirmed_by = :occupancy_day_confirmed_by,
    occupancy_night = :occupancy_night, occupancy_night_confirmed_at = :occupancy_night_confirmed_at, occupancy_night_confirmed_by = :occupancy_night_confirmed_by,
    guards_day = :guards_day, guards_day_confirmed_at = :guards_day_confirmed_at, guards_day_confirmed_by = :guards_day_confirmed_by,
    guards_night = :guards_night, guards_night_confirmed_at = :guards_night_confirmed_at, guards_night_confirmed_by = :guards_night_confirmed_by,
    trauma_packs = :trauma_packs, trauma_packs_confirmed_at = :trauma_packs_confirmed_at, trauma_packs_confirmed_by = :trauma_packs_confirmed_by,
    first_aid_kits = :first_aid_kits, first_aid_kits_confirmed_at = :first_aid_kits_confirmed_at, first_aid_kits_confirmed_by = :first_aid_kits_confirmed_by,
    defibrillators = :defibrillators, defibrillators_confirmed_at = :defibrillators_confirmed_at, defibrillators_confirmed_by = :defibrillators_confirmed_by,
    reception_capacity = :reception_capacity, reception_capacity_confirmed_at = :reception_capacity_confirmed_at, reception_capacity_confirmed_by = :reception_capacity_confirmed_by,
    occupancy_weekend = :occupancy_weekend, occupancy_weekend_confirmed_at = :occupancy_weekend_confirmed_at, occupancy_weekend_confirmed_by = :occupancy_weekend_confirmed_by,
    guards_weekend = :guards_weekend, guards_weekend_confirmed_at = :guards_weekend_confirmed_at, guards_weekend_confirmed_by = :guards_weekend_confirmed_by,
    demonstration = :demonstration, channel = :channel, version = version + 1
WHERE building_id = :building_id AND version = :expected_version
