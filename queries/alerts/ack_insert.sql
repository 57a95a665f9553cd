INSERT INTO alert_acks (alert_id, building_id, status, people, note, at, by)
VALUES (:alert_id, :building_id, :status, :people, :note, :at, :by)
