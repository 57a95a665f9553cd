-- Audit rows filtered by building, organisation (as actor or as subject) and time; newest first.
SELECT seq, at, actor, key_id, channel, action, target_type, target_id, building_id,
       organisation_id, before, after, prev_hash, hash
FROM audit_log
WHERE (:building_id IS NULL OR building_id = :building_id)
  AND (:organisation_id IS NULL OR organisation_id = :organisation_id OR actor = :organisation_id)
  AND (:from IS NULL OR at >= :from)
  AND (:to IS NULL OR at < :to)
ORDER BY seq DESC
LIMIT :limit
