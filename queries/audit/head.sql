-- The newest row and how many rows the log holds: what a checkpoint signs.
SELECT seq, hash, (SELECT count(*) FROM audit_log) AS rows
FROM audit_log ORDER BY seq DESC LIMIT 1
