-- A firm's recent webhook deliveries, newest first.
SELECT feed_id, idempotency_key, attempts, next_attempt_at, delivered_at, gave_up_at, last_error
FROM webhook_outbox WHERE firm_id = :firm_id ORDER BY feed_id DESC LIMIT :limit
