-- Who may do what. `role` decides the rights: admin (the operator), commander (police:
-- reads everything), planner (reads figures and plans, never contacts), firm (keeps the
-- figures of the buildings it manages).
CREATE TABLE organisations (
    id TEXT PRIMARY KEY CHECK (length(id) BETWEEN 2 AND 40 AND id NOT GLOB '*[^a-z0-9-]*'),
    name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    role TEXT NOT NULL CHECK (role IN ('admin', 'commander', 'planner', 'firm')),
    created_at TEXT NOT NULL
) WITHOUT ROWID;

-- API keys: only a SHA-256 hash of each secret is kept; the key itself is shown once.
CREATE TABLE api_keys (
    id TEXT PRIMARY KEY,
    organisation_id TEXT NOT NULL REFERENCES organisations (id),
    secret_hash TEXT NOT NULL UNIQUE CHECK (length(secret_hash) = 64),
    created_at TEXT NOT NULL,
    expires_at TEXT,
    revoked_at TEXT
) WITHOUT ROWID;
CREATE INDEX api_keys_organisation ON api_keys (organisation_id);

-- Who manages a building (a firm manages many; a building has at most one) and the
-- building's contact, visible only to that firm and to commanders.
CREATE TABLE building_sites (
    building_id TEXT PRIMARY KEY REFERENCES buildings (id) ON DELETE CASCADE,
    managed_by TEXT REFERENCES organisations (id),
    control_room_phone TEXT CHECK (control_room_phone IS NULL OR length(control_room_phone) <= 40),
    contact_email TEXT CHECK (contact_email IS NULL OR length(contact_email) <= 200),
    -- The most people the building may hold, when its owner declares one.
    max_occupancy INTEGER CHECK (max_occupancy IS NULL OR max_occupancy >= 0)
) WITHOUT ROWID;
CREATE INDEX building_sites_managed_by ON building_sites (managed_by);

CREATE TRIGGER building_sites_managed_by_firm_insert BEFORE INSERT ON building_sites
WHEN NEW.managed_by IS NOT NULL
 AND (SELECT role FROM organisations WHERE id = NEW.managed_by) IS NOT 'firm'
BEGIN SELECT RAISE(ABORT, 'buildings can only be managed by an organisation with the firm role'); END;
CREATE TRIGGER building_sites_managed_by_firm_update BEFORE UPDATE OF managed_by ON building_sites
WHEN NEW.managed_by IS NOT NULL
 AND (SELECT role FROM organisations WHERE id = NEW.managed_by) IS NOT 'firm'
BEGIN SELECT RAISE(ABORT, 'buildings can only be managed by an organisation with the firm role'); END;
