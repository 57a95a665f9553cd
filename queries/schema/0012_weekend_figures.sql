-- Occupancy and guards on weekend days (Saturdays, Sundays, bank holidays) by day, when the
-- City empties: optional, so a building without them keeps its weekday figures (answers
-- say so). History rows for them come from triggers of their own: the history triggers of
-- 0003 list the eight figures that existed then.
ALTER TABLE site_figures ADD COLUMN occupancy_weekend INTEGER CHECK (occupancy_weekend IS NULL OR occupancy_weekend >= 0);
ALTER TABLE site_figures ADD COLUMN occupancy_weekend_confirmed_at TEXT;
ALTER TABLE site_figures ADD COLUMN occupancy_weekend_confirmed_by TEXT;
ALTER TABLE site_figures ADD COLUMN guards_weekend INTEGER CHECK (guards_weekend IS NULL OR guards_weekend >= 0);
ALTER TABLE site_figures ADD COLUMN guards_weekend_confirmed_at TEXT;
ALTER TABLE site_figures ADD COLUMN guards_weekend_confirmed_by TEXT;

CREATE TRIGGER site_figures_history_weekend_insert AFTER INSERT ON site_figures
WHEN NEW.occupancy_weekend IS NOT NULL OR NEW.guards_weekend IS NOT NULL
BEGIN
    INSERT INTO figures_history (building_id, figure, old_value, new_value, changed_at, changed_by, channel, demonstration)
    SELECT NEW.building_id, figure, NULL, new_value, changed_at, changed_by, NEW.channel, NEW.demonstration
    FROM (
        SELECT 'occupancy_weekend' AS figure, NEW.occupancy_weekend AS new_value,
               NEW.occupancy_weekend_confirmed_at AS changed_at, NEW.occupancy_weekend_confirmed_by AS changed_by
        UNION ALL SELECT 'guards_weekend', NEW.guards_weekend, NEW.guards_weekend_confirmed_at, NEW.guards_weekend_confirmed_by
    )
    WHERE new_value IS NOT NULL;
END;

CREATE TRIGGER site_figures_history_weekend_update AFTER UPDATE ON site_figures
BEGIN
    INSERT INTO figures_history (building_id, figure, old_value, new_value, changed_at, changed_by, channel, demonstration)
    SELECT NEW.building_id, figure, old_value, new_value, changed_at, changed_by, NEW.channel, NEW.demonstration
    FROM (
        SELECT 'occupancy_weekend' AS figure, OLD.occupancy_weekend AS old_value, NEW.occupancy_weekend AS new_value,
               NEW.occupancy_weekend_confirmed_at AS changed_at, NEW.occupancy_weekend_confirmed_by AS changed_by
        UNION ALL SELECT 'guards_weekend', OLD.guards_weekend, NEW.guards_weekend, NEW.guards_weekend_confirmed_at, NEW.guards_weekend_confirmed_by
    )
    WHERE old_value IS NOT new_value AND new_value IS NOT NULL;
END;
