-- Parts of the City with no building data, to mark on maps.
SELECT area_geojson FROM reference_areas WHERE kind = 'coverage' AND name LIKE 'NO\_DATA%' ESCAPE '\' ORDER BY name
