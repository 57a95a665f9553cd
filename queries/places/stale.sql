-- Whether the labels are behind the buildings: a current building without one, or a label
-- left for a retired building. A database made before labels existed has none at all.
SELECT EXISTS (SELECT 1 FROM buildings AS b
               WHERE b.retired_at IS NULL
                 AND NOT EXISTS (SELECT 1 FROM building_places AS p WHERE p.building_id = b.id))
    OR EXISTS (SELECT 1 FROM building_places AS p JOIN buildings AS b ON b.id = p.building_id
               WHERE b.retired_at IS NOT NULL) AS stale
