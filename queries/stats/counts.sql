SELECT
    (SELECT count(*) FROM buildings) AS buildings,
    (SELECT count(*) FROM site_figures) AS with_figures,
    (SELECT count(*) FROM site_figures WHERE demonstration = 1) AS demonstration_figures,
    (SELECT count(*) FROM buildings WHERE ward IS NULL) AS without_ward,
    (SELECT count(*) FROM figures_history) AS history_rows
