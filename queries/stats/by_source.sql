SELECT source_dataset, source_date, count(*) AS buildings, sum(footprint_area_m2) AS footprint_area_m2
FROM buildings GROUP BY source_dataset, source_date ORDER BY buildings DESC, source_dataset
