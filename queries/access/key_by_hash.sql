-- The key and its organisation, for authenticating a request.
SELECT k.id, k.expires_at, k.revoked_at, o.id AS organisation_id, o.name, o.role
FROM api_keys AS k JOIN organisations AS o ON o.id = k.organisation_id
WHERE k.secret_hash = :secret_hash
