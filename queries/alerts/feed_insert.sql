INSERT INTO firm_feed (firm_id, alert_id, created_at) VALUES (:firm_id, :alert_id, :at)
