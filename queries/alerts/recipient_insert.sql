INSERT INTO alert_recipients (alert_id, building_id, zone, distance_m, firm_id)
VALUES (:alert_id, :building_id, :zone, :distance_m, :firm_id)
