-- Owes a signed checkpoint to every admin organisation that has a webhook.
INSERT INTO checkpoint_outbox (organisation_id, seq, idempotency_key, payload, attempts, next_attempt_at)
SELECT w.firm_id, :seq, lower(hex(randomblob(16))), :payload, 0, :now
FROM webhooks AS w JOIN organisations AS o ON o.id = w.firm_id
WHERE o.role = 'admin'
