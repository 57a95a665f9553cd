SELECT version, inner_cordon, outer_cordon, advisory_cordon, reason, changed_at, changed_by
FROM incident_cordons WHERE incident_id = :incident_id ORDER BY version
