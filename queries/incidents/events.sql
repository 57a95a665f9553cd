-- An incident's events after audit row :after, oldest first: its opening, cordon changes
-- and closing, and its alerts, updates, cancellations and acknowledgements. The audit log is
-- the one ordered record of all of them, so its row numbers serve as the stream's event ids.
SELECT seq, at, actor, action, target_type, target_id, building_id, after FROM (
    SELECT seq, at, actor, action, target_type, target_id, building_id, after
    FROM audit_log
    WHERE target_type = 'incident' AND target_id = CAST(:incident_id AS TEXT) AND seq > :after
    UNION ALL
    SELECT a.seq, a.at, a.actor, a.action, a.target_type, a.target_id, a.building_id, a.after
    FROM alerts AS l
    JOIN audit_log AS a ON a.target_type = 'alert' AND a.target_id = CAST(l.id AS TEXT) AND a.seq > :after
    WHERE l.incident_id = :incident_id
)
ORDER BY seq
LIMIT :limit
