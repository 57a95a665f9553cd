-- Every building's current figures, to compare with what the audit log says they became.
SELECT * FROM site_figures ORDER BY building_id
