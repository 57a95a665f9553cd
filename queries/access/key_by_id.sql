SELECT id, organisation_id, created_at, expires_at, revoked_at FROM api_keys WHERE id = :id
