-- Every footprint in lon/lat, for drawing maps.
SELECT footprint_geojson FROM buildings ORDER BY id
