-- Deliveries due now, oldest first, with the firm's current webhook (NULL when removed).
SELECT o.feed_id, o.firm_id, o.idempotency_key, o.payload, o.attempts, w.url, w.secret
FROM webhook_outbox AS o
LEFT JOIN webhooks AS w ON w.firm_id = o.firm_id
WHERE o.delivered_at IS NULL AND o.gave_up_at IS NULL AND o.next_attempt_at <= :now
ORDER BY o.next_attempt_at, o.feed_id
LIMIT :limit
