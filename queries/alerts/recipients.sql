-- An alert's recipients (only one firm's when :firm_id is given) with each one's latest
-- acknowledgement, how many it has sent, its label, and the site's control-room phone (which
-- only those allowed to see contacts are shown); inner zone first, then nearest.
SELECT r.building_id, b.name, b.address, COALESCE(pl.label, b.name, b.address, b.id) AS label, r.zone, r.distance_m, r.firm_id,
       s.control_room_phone AS phone,
       k.id AS ack_id, k.status, k.people, k.note, k.at, k.by,
       (SELECT count(*) FROM alert_acks AS n WHERE n.alert_id = r.alert_id AND n.building_id = r.building_id) AS acks
FROM alert_recipients AS r
JOIN buildings AS b ON b.id = r.building_id
LEFT JOIN building_sites AS s ON s.building_id = r.building_id
LEFT JOIN building_places AS pl ON pl.building_id = r.building_id
LEFT JOIN alert_acks AS k
       ON k.id = (SELECT max(id) FROM alert_acks AS l WHERE l.alert_id = r.alert_id AND l.building_id = r.building_id)
WHERE r.alert_id = :alert_id
  AND (:firm_id IS NULL OR r.firm_id = :firm_id)
ORDER BY CASE r.zone WHEN 'inner' THEN 0 WHEN 'outer' THEN 1 WHEN 'advisory' THEN 2 ELSE 3 END,
         r.distance_m, r.building_id
