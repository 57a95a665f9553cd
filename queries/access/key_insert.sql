INSERT INTO api_keys (id, organisation_id, secret_hash, created_at, expires_at)
VALUES (:id, :organisation_id, :secret_hash, :created_at, :expires_at)
