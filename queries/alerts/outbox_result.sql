-- Records one attempt: delivered, to be retried at :next_attempt_at, or given up.
UPDATE webhook_outbox
SET attempts = attempts + 1, delivered_at = :delivered_at, gave_up_at = :gave_up_at,
    next_attempt_at = coalesce(:next_attempt_at, next_attempt_at), last_error = :error
WHERE feed_id = :feed_id AND delivered_at IS NULL AND gave_up_at IS NULL
