-- Lon/lat footprints of the listed buildings (a JSON array of ids), for an alert's areas.
SELECT id, footprint_geojson FROM buildings WHERE id IN (SELECT value FROM json_each(:ids)) ORDER BY id
