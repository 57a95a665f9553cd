-- The figures a site reports, at most one row per building. Every figure carries when it
-- was last confirmed and by whom. `demonstration` marks generated (not reported) figures.
CREATE TABLE site_figures (
    building_id TEXT PRIMARY KEY REFERENCES buildings (id) ON DELETE CASCADE,
    occupancy_day INTEGER NOT NULL CHECK (occupancy_day >= 0),
    occupancy_day_confirmed_at TEXT NOT NULL,
    occupancy_day_confirmed_by TEXT NOT NULL,
    occupancy_night INTEGER NOT NULL CHECK (occupancy_night >= 0),
    occupancy_night_confirmed_at TEXT NOT NULL,
    occupancy_night_confirmed_by TEXT NOT NULL,
    guards_day INTEGER NOT NULL CHECK (guards_day >= 0),
    guards_day_confirmed_at TEXT NOT NULL,
    guards_day_confirmed_by TEXT NOT NULL,
    guards_night INTEGER NOT NULL CHECK (guards_night >= 0),
    guards_night_confirmed_at TEXT NOT NULL,
    guards_night_confirmed_by TEXT NOT NULL,
    trauma_packs INTEGER NOT NULL CHECK (trauma_packs >= 0),
    trauma_packs_confirmed_at TEXT NOT NULL,
    trauma_packs_confirmed_by TEXT NOT NULL,
    first_aid_kits INTEGER NOT NULL CHECK (first_aid_kits >= 0),
    first_aid_kits_confirmed_at TEXT NOT NULL,
    first_aid_kits_confirmed_by TEXT NOT NULL,
    defibrillators INTEGER NOT NULL CHECK (defibrillators >= 0),
    defibrillators_confirmed_at TEXT NOT NULL,
    defibrillators_confirmed_by TEXT NOT NULL,
    reception_capacity INTEGER NOT NULL CHECK (reception_capacity >= 0),
    reception_capacity_confirmed_at TEXT NOT NULL,
    reception_capacity_confirmed_by TEXT NOT NULL,
    demonstration INTEGER NOT NULL DEFAULT 0 CHECK (demonstration IN (0, 1)),
    -- How the latest change arrived (import, cli, http, bulk): copied into the history.
    channel TEXT NOT NULL,
    -- Increases with every change; the figures' version for optimistic concurrency.
    version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1)
) WITHOUT ROWID;  -- clustered on building_id: a lookup joins it once per building found

-- Every change of every figure, old and new value, who, when and through which channel.
-- Written by triggers so no code path can change a figure without leaving a row here.
CREATE TABLE figures_history (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    building_id TEXT NOT NULL REFERENCES buildings (id),
    figure TEXT NOT NULL,
    old_value INTEGER,
    new_value INTEGER NOT NULL,
    changed_at TEXT NOT NULL,
    changed_by TEXT NOT NULL,
    channel TEXT NOT NULL,
    demonstration INTEGER NOT NULL CHECK (demonstration IN (0, 1))
);
CREATE INDEX figures_history_building ON figures_history (building_id, seq);

CREATE TRIGGER figures_history_no_update BEFORE UPDATE ON figures_history
BEGIN SELECT RAISE(ABORT, 'figures_history only grows: rows cannot be updated'); END;
CREATE TRIGGER figures_history_no_delete BEFORE DELETE ON figures_history
BEGIN SELECT RAISE(ABORT, 'figures_history only grows: rows cannot be deleted'); END;

CREATE TRIGGER site_figures_history_insert AFTER INSERT ON site_figures
BEGIN
    INSERT INTO figures_history (building_id, figure, old_value, new_value, changed_at, changed_by, channel, demonstration)
    VALUES
        (NEW.building_id, 'occupancy_day', NULL, NEW.occupancy_day, NEW.occupancy_day_confirmed_at, NEW.occupancy_day_confirmed_by, NEW.channel, NEW.demonstration),
        (NEW.building_id, 'occupancy_night', NULL, NEW.occupancy_night, NEW.occupancy_night_confirmed_at, NEW.occupancy_night_confirmed_by, NEW.channel, NEW.demonstration),
        (NEW.building_id, 'guards_day', NULL, NEW.guards_day, NEW.guards_day_confirmed_at, NEW.guards_day_confirmed_by, NEW.channel, NEW.demonstration),
        (NEW.building_id, 'guards_night', NULL, NEW.guards_night, NEW.guards_night_confirmed_at, NEW.guards_night_confirmed_by, NEW.channel, NEW.demonstration),
        (NEW.building_id, 'trauma_packs', NULL, NEW.trauma_packs, NEW.trauma_packs_confirmed_at, NEW.trauma_packs_confirmed_by, NEW.channel, NEW.demonstration),
        (NEW.building_id, 'first_aid_kits', NULL, NEW.first_aid_kits, NEW.first_aid_kits_confirmed_at, NEW.first_aid_kits_confirmed_by, NEW.channel, NEW.demonstration),
        (NEW.building_id, 'defibrillators', NULL, NEW.defibrillators, NEW.defibrillators_confirmed_at, NEW.defibrillators_confirmed_by, NEW.channel, NEW.demonstration),
        (NEW.building_id, 'reception_capacity', NULL, NEW.reception_capacity, NEW.reception_capacity_confirmed_at, NEW.reception_capacity_confirmed_by, NEW.channel, NEW.demonstration);
END;

CREATE TRIGGER site_figures_history_update AFTER UPDATE ON site_figures
BEGIN
    INSERT INTO figures_history (building_id, figure, old_value, new_value, changed_at, changed_by, channel, demonstration)
    SELECT NEW.building_id, figure, old_value, new_value, changed_at, changed_by, NEW.channel, NEW.demonstration
    FROM (
        SELECT 'occupancy_day' AS figure, OLD.occupancy_day AS old_value, NEW.occupancy_day AS new_value, NEW.occupancy_day_confirmed_at AS changed_at, NEW.occupancy_day_confirmed_by AS changed_by
        UNION ALL SELECT 'occupancy_night', OLD.occupancy_night, NEW.occupancy_night, NEW.occupancy_night_confirmed_at, NEW.occupancy_night_confirmed_by
        UNION ALL SELECT 'guards_day', OLD.guards_day, NEW.guards_day, NEW.guards_day_confirmed_at, NEW.guards_day_confirmed_by
        UNION ALL SELECT 'guards_night', OLD.guards_night, NEW.guards_night, NEW.guards_night_confirmed_at, NEW.guards_night_confirmed_by
        UNION ALL SELECT 'trauma_packs', OLD.trauma_packs, NEW.trauma_packs, NEW.trauma_packs_confirmed_at, NEW.trauma_packs_confirmed_by
        UNION ALL SELECT 'first_aid_kits', OLD.first_aid_kits, NEW.first_aid_kits, NEW.first_aid_kits_confirmed_at, NEW.first_aid_kits_confirmed_by
        UNION ALL SELECT 'defibrillators', OLD.defibrillators, NEW.defibrillators, NEW.defibrillators_confirmed_at, NEW.defibrillators_confirmed_by
        UNION ALL SELECT 'reception_capacity', OLD.reception_capacity, NEW.reception_capacity, NEW.reception_capacity_confirmed_at, NEW.reception_capacity_confirmed_by
    )
    WHERE old_value IS NOT new_value;
END;
