-- 200 m radius lookups at random points of the City's bounding box (fixed seed).
-- Set TOTALS_ONLY=1 in the environment for the totals-only form.
math.randomseed(2026)
local suffix = os.getenv("TOTALS_ONLY") == "1" and "&totals_only=true" or ""
request = function()
  local lat = 51.5069 + math.random() * (51.5233 - 51.5069)
  local lon = -0.1138 + math.random() * (-0.0727 + 0.1138)
  return wrk.format("GET", string.format("/lookup/radius?lat=%.6f&lon=%.6f&radius=200%s", lat, lon, suffix))
end
