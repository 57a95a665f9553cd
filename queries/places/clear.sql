-- Labels are derived from every building together (the nearest named neighbour), so they
-- are rebuilt whole.
DELETE FROM building_places
