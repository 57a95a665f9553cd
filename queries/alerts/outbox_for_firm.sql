-- An organisation's recent webhook deliveries, newest first: a firm's alerts or an admin's
-- checkpoints (an organisation has only one kind).
SELECT feed_id AS id, idempotency_key, attempts, next_attempt_at, delivered_at, gave_up_at, last_error
FROM webhook_outbox WHERE firm_id = :firm_id
UNION ALL
SELECT id, idempotency_key, attempts, next_attempt_at, delivered_at, gave_up_at, last_error
FROM checkpoint_outbox WHERE organisation_id = :firm_id
ORDER BY id DESC LIMIT :limit
