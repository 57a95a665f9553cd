-- A session that still stands, with the key and organisation it stands for: not signed
-- out, not past its own expiry, and its key neither revoked nor expired.
SELECT s.id, s.expires_at, k.id AS key_id, k.expires_at AS key_expires_at, o.id AS organisation_id, o.name, o.role
FROM sessions AS s
JOIN api_keys AS k ON k.id = s.key_id
JOIN organisations AS o ON o.id = k.organisation_id
WHERE s.token_hash = :token_hash AND s.ended_at IS NULL AND s.expires_at > :now
  AND k.revoked_at IS NULL AND (k.expires_at IS NULL OR k.expires_at > :now)
