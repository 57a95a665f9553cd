-- Every write: who, what, when, before and after. Rows can only be added: the triggers
-- refuse UPDATE and DELETE, and each row's hash covers its content and the previous row's
-- hash, so an edit made to the file directly breaks the chain (`cordon audit verify`).
CREATE TABLE audit_log (
    seq INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    key_id TEXT,
    channel TEXT NOT NULL CHECK (channel IN ('http', 'bulk', 'cli', 'import')),
    action TEXT NOT NULL,
    target_type TEXT NOT NULL,
    target_id TEXT NOT NULL,
    building_id TEXT,
    organisation_id TEXT,
    before TEXT CHECK (before IS NULL OR json_valid(before)),
    after TEXT CHECK (after IS NULL OR json_valid(after)),
    prev_hash TEXT NOT NULL CHECK (length(prev_hash) = 64),
    hash TEXT NOT NULL UNIQUE CHECK (length(hash) = 64)
);
CREATE INDEX audit_log_building ON audit_log (building_id, seq);
CREATE INDEX audit_log_organisation ON audit_log (organisation_id, seq);
CREATE INDEX audit_log_at ON audit_log (at);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log only grows: rows cannot be updated'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log only grows: rows cannot be deleted'); END;
