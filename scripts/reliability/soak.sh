#!/usr/bin/env bash
# Soak: wrk over a mix of routes at 128 connections for DURATION (default 600 s), RSS of the server sampled every
# 10 s. Passes when wrk reports zero socket errors and zero non-2xx/3xx answers, and RSS is flat: the last third
# of the samples stays within 10% (and 8 MB) of the first sample taken after warm-up.
#   Usage: scripts/reliability/soak.sh [DURATION_SECONDS] [CONNECTIONS] [DOCS]
source "$(dirname "$0")/lib.sh"
DURATION=${1:-600}; CONNS=${2:-128}; DOCS=${3:-300}
BIN=$(evidence_bin)
WORK=$(mktemp -d /tmp/evidence-soak.XXXXXX)
trap 'stop_server; rm -rf "$WORK"' EXIT
make_corpus "$DOCS" "$WORK/docs"
"$BIN" ingest --db "$WORK/e.sqlite" "$WORK/docs" > /dev/null || true
STUDY=$(sqlite3 "$WORK/e.sqlite" "SELECT id FROM studies LIMIT 1")
SOURCE=$(sqlite3 "$WORK/e.sqlite" "SELECT id FROM sources LIMIT 1")
cat > "$WORK/mix.lua" <<LUA
local paths = {
  "/v1/studies", "/v1/studies?limit=50", "/v1/studies?condition=CKD", "/v1/studies?intervention=vitamin%20K2&sort=-year",
  "/v1/studies/$STUDY", "/v1/claims?hedged=true", "/v1/claims?intervention=warfarin", "/v1/comments?question=true",
  "/v1/search?q=menaquinone*", "/v1/search?q=calcification", "/v1/conditions", "/v1/conditions/vascular-calcification/evidence",
  "/v1/interventions", "/v1/sources", "/v1/sources/$SOURCE", "/v1/studies?format=csv", "/health", "/v1/nope",
}
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1])
end
local bad = 0
response = function(status, headers, body)
  if status >= 500 then bad = bad + 1 end
end
done = function(summary, latency, requests)
  io.write(string.format("wrk: %d requests, %d socket errors (connect %d read %d write %d timeout %d), non-2xx/3xx %d\n",
    summary.requests, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.timeout, summary.errors.status))
  io.write(string.format("latency p50 %.2f ms p99 %.2f ms max %.2f ms\n", latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000))
end
LUA
PORT=$(free_port)
start_server "$WORK/e.sqlite" "$PORT" "$WORK/serve.log"
echo "soak: $DURATION s, $CONNS connections, $(sqlite3 "$WORK/e.sqlite" 'SELECT count(*) FROM sources') documents, server pid $SERVER_PID"
wrk -t2 -c"$CONNS" -d"${DURATION}s" --timeout 10s -s "$WORK/mix.lua" "http://127.0.0.1:$PORT" > "$WORK/wrk.out" 2>&1 &
WRK=$!
series=()
t=0
while kill -0 "$WRK" 2>/dev/null; do
    series+=("$(rss_kb "$SERVER_PID")")
    echo "t=${t}s rss=$(( ${series[-1]} / 1024 )) MB fds=$(fd_count "$SERVER_PID")"
    sleep 10; t=$((t + 10))
done
wait "$WRK" || true
cat "$WORK/wrk.out"
sleep 10
after=$(rss_kb "$SERVER_PID")
echo "RSS series (MB, every 10 s): $(for s in "${series[@]}"; do printf '%s ' $((s / 1024)); done)"
echo "RSS 10 s after the load: $((after / 1024)) MB"
# The '/v1/nope' path is in the mix on purpose: it answers 404, which wrk counts as non-2xx/3xx.
python3 - "$WORK/wrk.out" "${series[@]}" <<'PY'
import re, sys
out = open(sys.argv[1]).read()
series = [int(x) for x in sys.argv[2:]]
m = re.search(r"(\d+) requests, (\d+) socket errors.*non-2xx/3xx (\d+)", out)
req, sock, non2xx = map(int, m.groups()) if m else (0, -1, -1)
warm = series[min(3, len(series) - 1)] if series else 0
tail = series[len(series) * 2 // 3:] or [0]
growth = max(tail) - warm
flat = growth <= max(warm * 0.10, 8 * 1024)
expected_404 = req // 18 + 1  # one path of 18 is the deliberate 404
ok = sock == 0 and non2xx <= expected_404 and flat
print(f"RESULT: {'PASS' if ok else 'FAIL'}: {req} requests, {sock} socket errors, {non2xx} non-2xx/3xx "
      f"(deliberate 404s ~{req // 18}), RSS after warm-up {warm // 1024} MB, max of last third {max(tail) // 1024} MB")
sys.exit(0 if ok else 1)
PY
