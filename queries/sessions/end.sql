UPDATE sessions SET ended_at = :ended_at WHERE token_hash = :token_hash AND ended_at IS NULL
