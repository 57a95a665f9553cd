-- A counter that moves whenever anything a radius lookup reads changes: a footprint, a name
-- or address, a figure. A server holding that data in memory reads this one row to know
-- whether its copy is current, including after writes by another process (the command line
-- on the same file).
CREATE TABLE lookup_revision (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    revision INTEGER NOT NULL CHECK (revision >= 0)
);
INSERT INTO lookup_revision (id, revision) VALUES (1, 0);

CREATE TRIGGER buildings_revision_insert AFTER INSERT ON buildings
BEGIN UPDATE lookup_revision SET revision = revision + 1 WHERE id = 1; END;
CREATE TRIGGER buildings_revision_update AFTER UPDATE ON buildings
BEGIN UPDATE lookup_revision SET revision = revision + 1 WHERE id = 1; END;
CREATE TRIGGER buildings_revision_delete AFTER DELETE ON buildings
BEGIN UPDATE lookup_revision SET revision = revision + 1 WHERE id = 1; END;
CREATE TRIGGER site_figures_revision_insert AFTER INSERT ON site_figures
BEGIN UPDATE lookup_revision SET revision = revision + 1 WHERE id = 1; END;
CREATE TRIGGER site_figures_revision_update AFTER UPDATE ON site_figures
BEGIN UPDATE lookup_revision SET revision = revision + 1 WHERE id = 1; END;
CREATE TRIGGER site_figures_revision_delete AFTER DELETE ON site_figures
BEGIN UPDATE lookup_revision SET revision = revision + 1 WHERE id = 1; END;
