-- A building that a refresh no longer finds in its source is retired, never deleted: its
-- figures, their history and the audit log stay, and lookups leave it out. An import that
-- has the building again brings it back.
ALTER TABLE buildings ADD COLUMN retired_at TEXT;
CREATE INDEX buildings_retired ON buildings (retired_at) WHERE retired_at IS NOT NULL;
-- The ids read by the import in progress, with where each was first met: how duplicates
-- within one import are found without holding every id in memory, and which buildings a
-- refresh keeps. Emptied before the import commits, so it is empty between imports.
CREATE TABLE import_seen (
    id TEXT PRIMARY KEY,
    location TEXT NOT NULL
) WITHOUT ROWID;
