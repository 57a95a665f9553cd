SELECT count(*) FROM buildings
