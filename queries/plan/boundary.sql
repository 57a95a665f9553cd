-- The City boundary in lon/lat, with its extent on the grid.
SELECT area_geojson, MbrMinX(area) AS min_x, MbrMinY(area) AS min_y, MbrMaxX(area) AS max_x, MbrMaxY(area) AS max_y
FROM reference_areas WHERE kind = 'boundary' ORDER BY name LIMIT 1
