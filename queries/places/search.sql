-- Buildings whose names, addresses, postcodes, wards or ids hold every term of :match (an
-- FTS5 expression of quoted terms built by the registry, never the user's text itself),
-- best first: bm25 weighs a hit in a name above one in an address or postcode, and one in a
-- ward (which every building of the ward shares) lowest.
SELECT building_search.building_id AS id, b.name, b.address, b.postcode, b.ward, p.label,
       p.lat, p.lon, p.easting, p.northing,
       bm25(building_search, 0.0, 10.0, 6.0, 8.0, 1.0, 4.0, 8.0) AS rank
FROM building_search
JOIN buildings AS b ON b.id = building_search.building_id
JOIN building_places AS p ON p.building_id = building_search.building_id
WHERE building_search MATCH :match AND b.retired_at IS NULL
ORDER BY rank, building_search.building_id
LIMIT :limit
