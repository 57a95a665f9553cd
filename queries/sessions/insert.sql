INSERT INTO sessions (id, token_hash, key_id, created_at, expires_at)
VALUES (:id, :token_hash, :key_id, :created_at, :expires_at)
