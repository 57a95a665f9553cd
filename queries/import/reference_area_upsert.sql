INSERT INTO reference_areas (kind, name, code, city_area_share, area_geojson, area)
VALUES (:kind, :name, :code, :city_area_share, :area_geojson,
        CastToMultiPolygon(ST_GeomFromText(:wkt, 27700)))
ON CONFLICT (kind, name) DO UPDATE SET
    code = excluded.code, city_area_share = excluded.city_area_share,
    area_geojson = excluded.area_geojson, area = excluded.area
