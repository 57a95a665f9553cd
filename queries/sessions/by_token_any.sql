-- A session by its token whatever its state, for signing out.
SELECT id, key_id, ended_at FROM sessions WHERE token_hash = :token_hash
