-- A firm's feed after an event id, oldest first.
SELECT id, alert_id, created_at FROM firm_feed WHERE firm_id = :firm_id AND id > :after ORDER BY id LIMIT :limit
