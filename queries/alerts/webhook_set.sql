INSERT INTO webhooks (firm_id, url, secret, set_at, set_by) VALUES (:firm_id, :url, :secret, :at, :by)
ON CONFLICT (firm_id) DO UPDATE SET url = excluded.url, secret = excluded.secret, set_at = excluded.set_at, set_by = excluded.set_by
