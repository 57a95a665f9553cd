INSERT INTO audit_log (seq, at, actor, key_id, channel, action, target_type, target_id,
                       building_id, organisation_id, before, after, prev_hash, hash)
VALUES (:seq, :at, :actor, :key_id, :channel, :action, :target_type, :target_id,
        :building_id, :organisation_id, :before, :after, :prev_hash, :hash)
