SELECT seq, figure, old_value, new_value, changed_at, changed_by, channel, demonstration
FROM figures_history WHERE building_id = :building_id ORDER BY seq DESC LIMIT :limit
