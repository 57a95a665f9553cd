-- The organisations with at least one delivery due now: firms' alerts, admins' checkpoints.
SELECT firm_id FROM webhook_outbox
WHERE delivered_at IS NULL AND gave_up_at IS NULL AND next_attempt_at <= :now
UNION
SELECT organisation_id FROM checkpoint_outbox
WHERE delivered_at IS NULL AND gave_up_at IS NULL AND next_attempt_at <= :now
ORDER BY 1
