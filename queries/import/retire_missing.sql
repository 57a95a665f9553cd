-- Retires the current buildings lying wholly within the refreshed area (a grid box, and the
-- lon/lat box's exact outline as WKT when given) that the import did not have. Only ids of
-- a kind the import had ("way/...", "relation/...") are retired, so a refresh from
-- OpenStreetMap never retires buildings that came from another source.
UPDATE buildings SET retired_at = :retired_at
WHERE retired_at IS NULL
  AND rowid IN (
      SELECT pkid FROM idx_buildings_footprint
      WHERE xmin >= :min_x AND xmax <= :max_x AND ymin >= :min_y AND ymax <= :max_y)
  AND (:wkt IS NULL OR ST_Within(footprint, ST_GeomFromText(:wkt, 27700)) = 1)
  AND NOT EXISTS (SELECT 1 FROM import_seen AS s WHERE s.id = buildings.id)
  AND substr(id, 1, instr(id, '/')) IN (SELECT DISTINCT substr(s.id, 1, instr(s.id, '/')) FROM import_seen AS s)
RETURNING id
