-- Signed checkpoints of the audit log's head owed to admin organisations' webhooks, so that
-- a second party keeps copies a file-level attacker cannot rewrite. Rows are written in the
-- transaction of the audited write they sign, and delivered like alerts: retried with
-- back-off until delivered or given up. An admin organisation sets its webhook as a firm
-- does (the webhooks table, keyed by organisation).
CREATE TABLE checkpoint_outbox (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    organisation_id TEXT NOT NULL REFERENCES organisations (id),
    seq INTEGER NOT NULL CHECK (seq >= 1),
    idempotency_key TEXT NOT NULL UNIQUE,
    payload TEXT NOT NULL CHECK (json_valid(payload)),
    attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    -- Unix seconds, as in webhook_outbox.
    next_attempt_at REAL NOT NULL,
    delivered_at TEXT,
    gave_up_at TEXT,
    last_error TEXT
);
CREATE INDEX checkpoint_outbox_due ON checkpoint_outbox (next_attempt_at) WHERE delivered_at IS NULL AND gave_up_at IS NULL;

-- An incident's live stream reads its events from the audit log by target (the incident
-- itself, and each of its alerts), so that following one never scans the whole log.
CREATE INDEX audit_log_target ON audit_log (target_type, target_id, seq);
