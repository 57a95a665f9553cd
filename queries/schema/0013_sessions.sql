-- Console sign-ins: a key exchanged once for a session cookie. Only a SHA-256 hash of each
-- session token is kept, as for keys. A session stands for its key: it ends when the key
-- is revoked or expires, when it is signed out (ended_at), or at expires_at.
CREATE TABLE sessions (
    id TEXT PRIMARY KEY CHECK (id GLOB 'ses_*'),
    token_hash TEXT NOT NULL UNIQUE CHECK (length(token_hash) = 64),
    key_id TEXT NOT NULL REFERENCES api_keys (id),
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL CHECK (expires_at > created_at),
    ended_at TEXT
) WITHOUT ROWID;
CREATE INDEX sessions_key ON sessions (key_id);
