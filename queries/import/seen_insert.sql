-- Records an id met by the import in progress; changes nothing when it was met before.
INSERT INTO import_seen (id, location) VALUES (:id, :location) ON CONFLICT (id) DO NOTHING
