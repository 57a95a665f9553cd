-- Records one attempt to deliver a checkpoint: delivered, to be retried, or given up.
UPDATE checkpoint_outbox
SET attempts = attempts + 1, delivered_at = :delivered_at, gave_up_at = :gave_up_at,
    next_attempt_at = coalesce(:next_attempt_at, next_attempt_at),
    last_error = coalesce(:error, last_error)
WHERE id = :id AND delivered_at IS NULL AND gave_up_at IS NULL
