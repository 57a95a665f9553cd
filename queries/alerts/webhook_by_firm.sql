SELECT firm_id, url, secret, set_at, set_by FROM webhooks WHERE firm_id = :firm_id
