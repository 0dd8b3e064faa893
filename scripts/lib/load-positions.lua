-- wrk script for scripts/load and scripts/chaos: reads one household's positions (GET
-- /api/households/{id}/positions) with a bearer token, both from the environment (GLIDEPATH_TOKEN,
-- GLIDEPATH_HOUSEHOLD; scripts/load signs in and finds them). Counts the answers by status over every
-- thread and prints them, the latency percentiles and one summary line that the scripts parse:
--   load: requests=N duration_s=S rps=R non2xx=N socket_errors=N p50_ms=… p90_ms=… p99_ms=…
local token = os.getenv("GLIDEPATH_TOKEN")
local household = os.getenv("GLIDEPATH_HOUSEHOLD")
if token == nil or household == nil then
  error("GLIDEPATH_TOKEN and GLIDEPATH_HOUSEHOLD must be set (scripts/load sets them)")
end

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  statuses = {}
  path = "/api/households/" .. household .. "/positions"
  headers = { ["Authorization"] = "Bearer " .. token, ["Accept"] = "application/json" }
end

function request()
  return wrk.format("GET", path, headers)
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local counts = {}
  for _, thread in ipairs(threads) do
    for status, n in pairs(thread:get("statuses")) do
      counts[status] = (counts[status] or 0) + n
    end
  end
  local non2xx = 0
  for status, n in pairs(counts) do
    io.write(string.format("status %d: %d\n", status, n))
    if status < 200 or status > 299 then non2xx = non2xx + n end
  end
  local errors = summary.errors
  local socket = errors.connect + errors.read + errors.write + errors.timeout
  local seconds = summary.duration / 1e6
  io.write(string.format("load: requests=%d duration_s=%.1f rps=%.1f non2xx=%d socket_errors=%d p50_ms=%.1f p90_ms=%.1f p99_ms=%.1f\n",
    summary.requests, seconds, summary.requests / seconds, non2xx, socket,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000))
end
