SELECT name, address, postcode, ward, building_type, levels, height_m, source_dataset, source_date,
       footprint_geojson, retired_at
FROM buildings WHERE id = :id
