#!/usr/bin/env bash
# Load run of the web API (docs/performance.md, "Web API"): a database with 100,000 cases, then
# wrk on loopback for 60 s at about 200 requests/s in total: half "my tasks", half events posted
# to the demo case manager's cases. Prints wrk's latency distribution (p50, p99).
#   scripts/load-web.sh [CASES] [SECONDS]
# Needs a release build (scripts/build.sh release souhra) and wrk.
set -euo pipefail
cd "$(dirname "$0")/.."
cases=${1:-100000}
duration=${2:-60}
souhra=build/release/app/souhra
[ -x "$souhra" ] || souhra=build/release/souhra
work=$(mktemp -d)
trap 'kill $server 2>/dev/null || true; rm -rf "$work"' EXIT
db="$work/load.db"

# 100,000 cases through the engine's own bench workload, in the same file the server then opens.
"$souhra" bench --cases "$cases" --db "$db" >/dev/null 2>"$work/bench.log"
"$souhra" serve --demo --port 18080 --db "$db" --demo-password load-test >"$work/serve.out" \
  2>"$work/serve.log" &
server=$!
for _ in $(seq 100); do curl -sf http://127.0.0.1:18080/healthz >/dev/null && break; sleep 0.2; done

jar="$work/cookies"
csrf=$(curl -sf -c "$jar" -H 'Content-Type: application/json' \
  -d '{"login":"novakova","password":"load-test"}' http://127.0.0.1:18080/api/v1/session |
  python3 -c 'import json,sys; print(json.load(sys.stdin)["csrf_token"])')
cookie=$(awk '$6 == "souhra_session" {print $6 "=" $7}' "$jar")
# 200 cases of the case manager's, each on plan_review: completing the review re-enters the
# waiting state, so the same event can be posted again and again.
for i in $(seq 200); do
  curl -sf -b "$jar" -H "X-CSRF-Token: $csrf" -H 'Content-Type: application/json' \
    -d "{\"code\":\"L-$i\",\"workflow\":\"plan_review\"}" \
    http://127.0.0.1:18080/api/v1/cases >/dev/null
done
first=$(curl -sf -b "$jar" 'http://127.0.0.1:18080/api/v1/cases?limit=200' |
  python3 -c 'import json,sys; print(min(c["id"] for c in json.load(sys.stdin)["cases"]))')

cat >"$work/mix.lua" <<LUA
-- Alternates GET /api/v1/tasks and POST task.review.done to one of 200 cases; each connection
-- waits 35 ms between requests; 12 connections make about 200 requests/s at ~25 ms latency.
local n = 0
request = function()
  n = n + 1
  local headers = { ["Cookie"] = "$cookie", ["X-CSRF-Token"] = "$csrf",
                    ["Content-Type"] = "application/json" }
  if n % 2 == 0 then
    return wrk.format("GET", "/api/v1/tasks?assignee=me", headers)
  end
  local case_id = $first + (n % 200)
  return wrk.format("POST", "/api/v1/cases/" .. case_id .. "/events", headers,
                    '{"type":"task.review.done"}')
end
delay = function() return 35 end
LUA
wrk -t2 -c12 -d"${duration}s" --latency -s "$work/mix.lua" http://127.0.0.1:18080 | tee "$work/wrk.txt"
echo "status codes:"; python3 - "$work/serve.log" <<'PY'
import collections, json, sys
count = collections.Counter()
for line in open(sys.argv[1]):
    try:
        r = json.loads(line)
    except ValueError:
        continue
    count[(r.get("method"), r.get("route"), r.get("status"))] += 1
for key, n in sorted(count.items(), key=str):
    print(" ", key, n)
PY
