-- Deliveries due now (for one organisation, or all when :firm_id is NULL), oldest first,
-- with the organisation's current webhook (NULL when removed): firms' alerts and admins'
-- audit checkpoints.
SELECT 'alert' AS kind, o.feed_id AS id, o.firm_id, o.idempotency_key, o.payload, o.attempts, o.next_attempt_at, w.url, w.secret
FROM webhook_outbox AS o
LEFT JOIN webhooks AS w ON w.firm_id = o.firm_id
WHERE o.delivered_at IS NULL AND o.gave_up_at IS NULL AND o.next_attempt_at <= :now
  AND (:firm_id IS NULL OR o.firm_id = :firm_id)
UNION ALL
SELECT 'checkpoint', c.id, c.organisation_id, c.idempotency_key, c.payload, c.attempts, c.next_attempt_at, w.url, w.secret
FROM checkpoint_outbox AS c
LEFT JOIN webhooks AS w ON w.firm_id = c.organisation_id
WHERE c.delivered_at IS NULL AND c.gave_up_at IS NULL AND c.next_attempt_at <= :now
  AND (:firm_id IS NULL OR c.organisation_id = :firm_id)
ORDER BY next_attempt_at, id
LIMIT :limit
