-- When the next pending delivery is due (Unix seconds), NULL when none is pending.
SELECT min(due) FROM (
    SELECT min(next_attempt_at) AS due FROM webhook_outbox WHERE delivered_at IS NULL AND gave_up_at IS NULL
    UNION ALL
    SELECT min(next_attempt_at) FROM checkpoint_outbox WHERE delivered_at IS NULL AND gave_up_at IS NULL
)
