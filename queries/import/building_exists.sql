SELECT name, address, postcode, ward, building_type, levels, height_m, source_dataset, source_date,
       footprint_geojson
FROM buildings WHERE id = :id
