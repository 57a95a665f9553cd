SELECT count(*) FROM buildings WHERE retired_at IS NULL
