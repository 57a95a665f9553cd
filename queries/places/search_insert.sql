INSERT INTO building_search (building_id, name, address, postcode, ward, id, postcode_compact)
VALUES (:building_id, :name, :address, :postcode, :ward, :id, :postcode_compact)
