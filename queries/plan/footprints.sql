-- Every footprint in lon/lat, for drawing maps.
SELECT footprint_geojson FROM buildings WHERE retired_at IS NULL ORDER BY id
