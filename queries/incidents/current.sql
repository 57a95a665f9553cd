-- Incidents with their current cordon version: one by id, or all (newest first) with an
-- optional status.
SELECT i.id, i.name, i.location_lat, i.location_lon, i.location_description, i.status,
       i.opened_at, i.opened_by, i.closed_at, i.closed_by,
       c.version, c.inner_cordon, c.outer_cordon, c.advisory_cordon, c.reason, c.changed_at, c.changed_by
FROM incidents AS i
JOIN incident_cordons AS c
  ON c.incident_id = i.id
 AND c.version = (SELECT max(version) FROM incident_cordons WHERE incident_id = i.id)
WHERE (:id IS NULL OR i.id = :id)
  AND (:status IS NULL OR i.status = :status)
ORDER BY i.id DESC
LIMIT :limit
