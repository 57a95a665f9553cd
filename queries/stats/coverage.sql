SELECT name, city_area_share FROM reference_areas WHERE kind = 'coverage' ORDER BY city_area_share DESC
