-- SpatiaLite's metadata with only the two reference systems the registry uses.
-- InitSpatialMetadata(1, ...) would open its own transaction; migrations already run inside
-- one, so the non-transactional form is used (fast here because nothing autocommits).
-- Every SELECT in a migration must return 1: SpatiaLite admin functions report failure by
-- returning 0, not by raising an SQL error.
SELECT InitSpatialMetadata('NONE');
SELECT InsertEpsgSrid(4326);
SELECT InsertEpsgSrid(27700);
