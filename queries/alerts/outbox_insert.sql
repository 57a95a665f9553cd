INSERT INTO webhook_outbox (feed_id, firm_id, idempotency_key, payload, attempts, next_attempt_at)
VALUES (:feed_id, :firm_id, :idempotency_key, :payload, 0, :now)
