-- The grid box holding every building footprint, from the R*Tree: where the registry has data.
SELECT min(xmin) AS min_x, min(ymin) AS min_y, max(xmax) AS max_x, max(ymax) AS max_y
FROM idx_buildings_footprint
