-- Every acknowledgement of an alert, oldest first (one firm's when :firm_id is given).
SELECT k.id, k.building_id, k.status, k.people, k.note, k.at, k.by
FROM alert_acks AS k
JOIN alert_recipients AS r ON r.alert_id = k.alert_id AND r.building_id = k.building_id
WHERE k.alert_id = :alert_id AND (:firm_id IS NULL OR r.firm_id = :firm_id)
ORDER BY k.id
