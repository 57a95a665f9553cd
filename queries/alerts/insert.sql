INSERT INTO alerts (incident_id, msg_type, references_alert, priority, message, instruction, target, areas,
                    cordon_version, sent_at, sent_by, sender_organisation)
VALUES (:incident_id, :msg_type, :references_alert, :priority, :message, :instruction, :target, :areas,
        :cordon_version, :sent_at, :sent_by, :sender_organisation)
