#!/bin/sh
# 60-second wrk soak at 256 connections against the bench server (access log on, to a
# file): prints socket errors and VmRSS before, after and 10 s after the load.
# usage: soak.sh [bench-server binary] [seconds] [connections]
set -eu
BIN=${1:-/tmp/http-bench-pkg/.build/release/bench-server}
SECS=${2:-60}
CONNS=${3:-256}
LOG=$(mktemp /tmp/soak-access.XXXXXX)
PORT=0 "$BIN" >"$LOG" 2>"$LOG.err" &
PID=$!
trap 'kill $PID 2>/dev/null; rm -f "$LOG" "$LOG.err"' EXIT
sleep 0.5
PORT=$(sed -n 's/listening on //p' "$LOG.err")
rss() { awk '/VmRSS/ {print $2 " kB"}' /proc/$PID/status; }
wrk -t1 -c32 -d3s "http://127.0.0.1:$PORT/q" >/dev/null   # warm-up
echo "RSS after warm-up: $(rss)"
ulimit -n 4096 2>/dev/null || true
wrk -t2 -c"$CONNS" -d"${SECS}s" --latency "http://127.0.0.1:$PORT/q"
echo "RSS right after: $(rss)"
sleep 10
echo "RSS 10 s later: $(rss)"
echo "access log lines: $(wc -l < "$LOG")"
curl -s "http://127.0.0.1:$PORT/metrics" | grep -E '^http_(open_connections|access_log_dropped)'
