INSERT INTO building_places (building_id, label, easting, northing, lat, lon)
VALUES (:building_id, :label, :easting, :northing, :lat, :lon)
