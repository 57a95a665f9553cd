-- Every figures change the triggers recorded, to match each against an audit row.
SELECT seq, building_id, figure, old_value, new_value, changed_at, changed_by, channel
FROM figures_history ORDER BY seq
