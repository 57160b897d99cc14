-- For wrk: sends GETs that carry "Authorization: Bearer <token>", the tokens taken in turn from the
-- file named by BENCH_TOKENS (one per line), and ends with one machine-readable line.
-- Requests are formatted once, up front, so the load generator does the same work for every target.
local requests = {}
local next_request = 0

local file = assert(io.open(os.getenv("BENCH_TOKENS"), "r"))
for token in file:lines() do
  if #token > 0 then
    table.insert(requests, wrk.format("GET", nil, { ["Authorization"] = "Bearer " .. token }))
  end
end
file:close()
assert(#requests > 0, "no tokens in " .. os.getenv("BENCH_TOKENS"))

request = function()
  next_request = next_request % #requests + 1
  return requests[next_request]
end

done = function(summary, latency, _)
  local errors = summary.errors
  io.write(string.format("wrk-report requests=%d duration_us=%d non_2xx=%d socket_errors=%d p50_us=%d p99_us=%d\n",
    summary.requests, summary.duration, errors.status, errors.connect + errors.read + errors.write + errors.timeout,
    latency:percentile(50), latency:percentile(99)))
end
