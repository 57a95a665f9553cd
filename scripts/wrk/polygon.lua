-- Polygon lookups: random rectangles of about 210 x 170 m in the City (fixed seed).
math.randomseed(2026)
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/geo+json"
request = function()
  local w = -0.1138 + math.random() * 0.038
  local s = 51.5069 + math.random() * 0.015
  local e, n = w + 0.003, s + 0.0015
  local body = string.format('{"type":"Polygon","coordinates":[[[%.6f,%.6f],[%.6f,%.6f],[%.6f,%.6f],[%.6f,%.6f],[%.6f,%.6f]]]}',
    w, s, e, s, e, n, w, n, w, s)
  return wrk.format(nil, "/lookup/polygon", nil, body)
end
