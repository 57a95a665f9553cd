-- When the next pending delivery is due (Unix seconds), NULL when none is pending.
SELECT min(next_attempt_at) FROM webhook_outbox WHERE delivered_at IS NULL AND gave_up_at IS NULL
