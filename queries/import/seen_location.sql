SELECT location FROM import_seen WHERE id = :id
