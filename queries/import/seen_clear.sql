DELETE FROM import_seen
