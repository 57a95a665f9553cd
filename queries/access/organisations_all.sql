SELECT o.id, o.name, o.role, o.created_at,
       (SELECT count(*) FROM building_sites AS s WHERE s.managed_by = o.id) AS buildings,
       (SELECT count(*) FROM api_keys AS k WHERE k.organisation_id = o.id AND k.revoked_at IS NULL) AS active_keys
FROM organisations AS o ORDER BY o.id
