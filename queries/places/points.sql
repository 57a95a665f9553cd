-- Every current building with what its label and search entry are made of, and a point on
-- its footprint in the grid: the centroid when it lies inside (most footprints), else
-- GEOS's point on the surface (L-shaped and hollow footprints). Ordered by id so that labels
-- come out the same whatever order the buildings were imported in.
SELECT b.id, b.name, b.address, b.postcode, b.ward,
       X(p.point) AS x, Y(p.point) AS y
FROM buildings AS b
JOIN (SELECT rowid,
             CASE WHEN ST_Contains(footprint, ST_Centroid(footprint)) = 1 THEN ST_Centroid(footprint)
                  ELSE ST_PointOnSurface(footprint) END AS point
      FROM buildings WHERE retired_at IS NULL) AS p ON p.rowid = b.rowid
WHERE b.retired_at IS NULL
ORDER BY b.id
