-- Incidents, their cordons, the alerts sent for them and every acknowledgement, plus the
-- per-firm feed and the webhook outbox that deliver those alerts.

CREATE TABLE incidents (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    location_lat REAL NOT NULL CHECK (location_lat BETWEEN -90 AND 90),
    location_lon REAL NOT NULL CHECK (location_lon BETWEEN -180 AND 180),
    location_description TEXT CHECK (location_description IS NULL OR length(location_description) <= 200),
    status TEXT NOT NULL CHECK (status IN ('open', 'closed')),
    opened_at TEXT NOT NULL,
    opened_by TEXT NOT NULL,
    closed_at TEXT,
    closed_by TEXT,
    CHECK ((status = 'closed') = (closed_at IS NOT NULL AND closed_by IS NOT NULL))
);
CREATE INDEX incidents_status ON incidents (status, id);

-- Every version of an incident's cordons, each zone as the JSON it was set with. A change
-- adds a version: real cordons move (Plymouth 2024 grew from 200 m to 309 m), and who moved
-- them and when must stay on record.
CREATE TABLE incident_cordons (
    incident_id INTEGER NOT NULL REFERENCES incidents (id),
    version INTEGER NOT NULL CHECK (version >= 1),
    inner_cordon TEXT NOT NULL CHECK (json_valid(inner_cordon)),
    outer_cordon TEXT CHECK (outer_cordon IS NULL OR json_valid(outer_cordon)),
    advisory_cordon TEXT CHECK (advisory_cordon IS NULL OR json_valid(advisory_cordon)),
    reason TEXT CHECK (reason IS NULL OR length(reason) <= 500),
    changed_at TEXT NOT NULL,
    changed_by TEXT NOT NULL,
    PRIMARY KEY (incident_id, version)
) WITHOUT ROWID;
CREATE TRIGGER incident_cordons_no_update BEFORE UPDATE ON incident_cordons
BEGIN SELECT RAISE(ABORT, 'incident_cordons only grows: change a cordon by adding a version'); END;
CREATE TRIGGER incident_cordons_no_delete BEFORE DELETE ON incident_cordons
BEGIN SELECT RAISE(ABORT, 'incident_cordons only grows: versions cannot be deleted'); END;

-- An alert, update or cancellation. Its target and the areas it named are frozen when sent.
CREATE TABLE alerts (
    id INTEGER PRIMARY KEY,
    incident_id INTEGER NOT NULL REFERENCES incidents (id),
    msg_type TEXT NOT NULL CHECK (msg_type IN ('alert', 'update', 'cancel')),
    references_alert INTEGER REFERENCES alerts (id),
    priority TEXT NOT NULL CHECK (priority IN ('red', 'amber', 'green')),
    message TEXT NOT NULL CHECK (length(message) BETWEEN 1 AND 2000),
    instruction TEXT CHECK (instruction IS NULL OR length(instruction) <= 2000),
    target TEXT NOT NULL CHECK (json_valid(target)),
    areas TEXT NOT NULL CHECK (json_valid(areas)),
    cordon_version INTEGER NOT NULL,
    sent_at TEXT NOT NULL,
    sent_by TEXT NOT NULL,
    sender_organisation TEXT,
    CHECK ((msg_type = 'alert') = (references_alert IS NULL))
);
CREATE INDEX alerts_incident ON alerts (incident_id, id);
CREATE TRIGGER alerts_no_update BEFORE UPDATE ON alerts
BEGIN SELECT RAISE(ABORT, 'alerts are kept as sent: send an update or a cancellation instead'); END;
CREATE TRIGGER alerts_no_delete BEFORE DELETE ON alerts
BEGIN SELECT RAISE(ABORT, 'alerts are kept as sent: they cannot be deleted'); END;

-- The buildings an alert was sent to, resolved at sending, with the firm that managed each
-- then. A NULL firm is a building the alert could not reach.
CREATE TABLE alert_recipients (
    alert_id INTEGER NOT NULL REFERENCES alerts (id),
    building_id TEXT NOT NULL REFERENCES buildings (id),
    zone TEXT CHECK (zone IS NULL OR zone IN ('inner', 'outer', 'advisory')),
    distance_m REAL CHECK (distance_m IS NULL OR distance_m >= 0),
    firm_id TEXT REFERENCES organisations (id),
    PRIMARY KEY (alert_id, building_id)
) WITHOUT ROWID;
CREATE INDEX alert_recipients_firm ON alert_recipients (firm_id, alert_id);

-- Acknowledgements per building: the latest counts, every one is kept.
CREATE TABLE alert_acks (
    id INTEGER PRIMARY KEY,
    alert_id INTEGER NOT NULL,
    building_id TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('received', 'invacuated', 'evacuated', 'sheltering', 'need_assistance')),
    people INTEGER CHECK (people IS NULL OR people >= 0),
    note TEXT CHECK (note IS NULL OR length(note) <= 2000),
    at TEXT NOT NULL,
    by TEXT NOT NULL,
    FOREIGN KEY (alert_id, building_id) REFERENCES alert_recipients (alert_id, building_id),
    CHECK (status <> 'sheltering' OR people IS NOT NULL)
);
CREATE INDEX alert_acks_latest ON alert_acks (alert_id, building_id, id);
CREATE TRIGGER alert_acks_no_update BEFORE UPDATE ON alert_acks
BEGIN SELECT RAISE(ABORT, 'alert_acks only grows: a later acknowledgement supersedes an earlier one'); END;
CREATE TRIGGER alert_acks_no_delete BEFORE DELETE ON alert_acks
BEGIN SELECT RAISE(ABORT, 'alert_acks only grows: acknowledgements cannot be deleted'); END;

-- What each firm has been sent, in order. The ids are the event ids of the live stream, so
-- AUTOINCREMENT: an id is never reused, and Last-Event-ID replay stays exact.
CREATE TABLE firm_feed (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    firm_id TEXT NOT NULL REFERENCES organisations (id),
    alert_id INTEGER NOT NULL REFERENCES alerts (id),
    created_at TEXT NOT NULL,
    UNIQUE (firm_id, alert_id)
);
CREATE INDEX firm_feed_firm ON firm_feed (firm_id, id);

-- A firm's webhook: alerts are POSTed there too, signed with the secret (HMAC-SHA256).
CREATE TABLE webhooks (
    firm_id TEXT PRIMARY KEY REFERENCES organisations (id),
    url TEXT NOT NULL CHECK (length(url) <= 2000 AND (url LIKE 'http://%' OR url LIKE 'https://%')),
    secret TEXT NOT NULL CHECK (length(secret) >= 32),
    set_at TEXT NOT NULL,
    set_by TEXT NOT NULL
) WITHOUT ROWID;

-- Webhook deliveries still to make or made: written in the alert's own transaction, so a
-- restart loses none; retried with back-off until delivered or given up.
CREATE TABLE webhook_outbox (
    feed_id INTEGER PRIMARY KEY REFERENCES firm_feed (id),
    firm_id TEXT NOT NULL REFERENCES organisations (id),
    idempotency_key TEXT NOT NULL UNIQUE,
    payload TEXT NOT NULL CHECK (json_valid(payload)),
    attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    -- Unix seconds: back-off starts below a second.
    next_attempt_at REAL NOT NULL,
    delivered_at TEXT,
    gave_up_at TEXT,
    last_error TEXT
);
CREATE INDEX webhook_outbox_due ON webhook_outbox (next_attempt_at) WHERE delivered_at IS NULL AND gave_up_at IS NULL;
