-- wrk script for bench/needs-list.sh: each request takes one of the paths of the file named by the
-- environment variable PATHS (one a line), uniformly at random, as pgbench's `\set i random(1, n)` does.
-- Sends Accept-Encoding: gzip when GZIP=1, as browsers and the app do.
local paths = {}

init = function(args)
  for line in io.lines(os.getenv("PATHS")) do
    if line ~= "" then paths[#paths + 1] = line end
  end
  math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16) % 100000)
  if os.getenv("GZIP") == "1" then wrk.headers["Accept-Encoding"] = "gzip" end
end

request = function()
  return wrk.format("GET", paths[math.random(#paths)])
end

done = function(summary, latency, requests)
  local errors = summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("wrk: %d requests, %.1f req/s, non-2xx or errors: %d, client p95 %.1f ms\n",
    summary.requests, summary.requests / (summary.duration / 1e6), errors, latency:percentile(95) / 1000))
end
