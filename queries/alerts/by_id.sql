-- One alert, or an incident's alerts in order, with the incident's name, the alert that
-- cancelled it if any, and the sender and time of the alert it references (for CAP).
SELECT a.id, a.incident_id, i.name AS incident_name, a.msg_type, a.references_alert, a.priority, a.message,
       a.instruction, a.target, a.areas, a.cordon_version, a.sent_at, a.sent_by, a.sender_organisation,
       r.sent_at AS referenced_sent_at, coalesce(r.sender_organisation, r.sent_by) AS referenced_sender,
       (SELECT min(c.id) FROM alerts AS c WHERE c.references_alert = a.id AND c.msg_type = 'cancel') AS cancelled_by
FROM alerts AS a
JOIN incidents AS i ON i.id = a.incident_id
LEFT JOIN alerts AS r ON r.id = a.references_alert
WHERE (:id IS NULL OR a.id = :id)
  AND (:incident_id IS NULL OR a.incident_id = :incident_id)
ORDER BY a.id
