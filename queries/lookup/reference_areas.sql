-- The City boundary, its wards and the coverage zones in lon/lat, for the console's map.
SELECT kind, name, code, area_geojson FROM reference_areas ORDER BY kind, name
