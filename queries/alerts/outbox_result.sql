-- Records one attempt: delivered, to be retried at :next_attempt_at, or given up.
UPDATE webhook_outbox
SET attempts = attempts + 1, delivered_at = :delivered_at, gave_up_at = :gave_up_at,
    next_attempt_at = coalesce(:next_attempt_at, next_attempt_at),
    -- A success keeps the last failure's reason: the firm may want to know what went wrong.
    last_error = coalesce(:error, last_error)
WHERE feed_id = :feed_id AND delivered_at IS NULL AND gave_up_at IS NULL
