-- The revision of what radius lookups read (buildings and their figures): it moves with
-- every change, whichever process makes it.
SELECT revision FROM lookup_revision WHERE id = 1
