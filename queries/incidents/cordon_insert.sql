INSERT INTO incident_cordons (incident_id, version, inner_cordon, outer_cordon, advisory_cordon, reason, changed_at, changed_by)
VALUES (:incident_id, :version, :inner, :outer, :advisory, :reason, :at, :by)
