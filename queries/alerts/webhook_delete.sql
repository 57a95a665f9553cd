DELETE FROM webhooks WHERE firm_id = :firm_id
