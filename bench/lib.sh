# Shared by the bench scripts (sourced): the server-side latency of one URI from /actuator/prometheus's histogram of
# http.server.requests (the application started with percentiles-histogram on and this machine as an allowed scraper).

# histogram URI → "le count" lines of its 200 answers so far
histogram() { curl -sf "localhost:$PORT/actuator/prometheus" | grep '^http_server_requests_seconds_bucket{' | grep "uri=\"$1\"" | grep 'status="200"' \
  | sed -E 's/.*le="([^"]+)".*\} ([0-9.eE+-]+)$/\1 \2/'; }

# server_p95 before-file after-file → "p95 ms (n requests)" of the requests in between, linear within the bucket
server_p95() {
  join <(sort "$1") <(sort "$2") | awk '{ le = ($1 == "+Inf") ? 1e9 : $1; print le, $3 - $2 }' | sort -g | awk '
    { le[NR] = $1; c[NR] = $2; n = NR } END {
      total = c[n]; target = 0.95 * total; prev_le = 0; prev_c = 0
      for (i = 1; i <= n; i++) { if (c[i] >= target) { f = (c[i] == prev_c) ? 1 : (target - prev_c) / (c[i] - prev_c);
          printf "%.1f ms (%d requests)", 1000 * (prev_le + f * (le[i] - prev_le)), total; exit }
        prev_le = le[i]; prev_c = c[i] } }'; }
