-- The search index is rebuilt with the labels.
DELETE FROM building_search
