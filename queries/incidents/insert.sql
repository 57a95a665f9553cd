INSERT INTO incidents (name, location_lat, location_lon, location_description, status, opened_at, opened_by)
VALUES (:name, :lat, :lon, :description, 'open', :at, :by)
