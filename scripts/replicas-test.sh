#!/usr/bin/env bash
# Scale-out, run for real: three replicas behind nginx (deploy/pod.sh), wrk through nginx, one replica
# stopped in the middle of the load and started again. Passes when no request fails (wrk sees no socket
# error and no non-2xx answer; nginx logs no status other than 200), when nginx retried on another replica
# or had already taken the stopped one out, and when the replica comes back and answers through nginx.
#
#   podman pull docker.io/library/swift:6.3-bookworm docker.io/library/debian:bookworm-slim   # once
#   scripts/replicas-test.sh                  # builds $IMAGE if missing; about a minute after that
#
# Needs podman, wrk, curl and python3. Images are built with --pull=never, so the base images must be in podman's
# local store (pulled as above; machines without a registry: see the note in scripts/container-test.sh).
#
# Environment: IMAGE (evidence:test), DURATION (wrk seconds, 24), CONNECTIONS (8). Loopback only; bounded in time.
set -euo pipefail
# Without systemd, podman cannot schedule the image's periodic health checks and says so on every run, start
# and stop; the checks are run on demand here (podman healthcheck run). Only that message is dropped.
podman() { command podman "$@" 2> >(grep -v 'systemd connection' >&2); }
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

export IMAGE=${IMAGE:-evidence:test}
export POD="evidence-rt-$$"
DURATION=${DURATION:-24}
CONNECTIONS=${CONNECTIONS:-8}
URL_PATH="/v1/studies?condition=calciphylaxis"
FAILED=0
pass() { printf 'PASS  %s\n' "$*"; }
fail() { printf 'FAIL  %s\n' "$*"; FAILED=1; }

if ! command -v podman >/dev/null 2>&1; then
    if [ "${CI:-}" = true ]; then
        echo "SKIPPED: podman is not installed, so the replicas test did not run"
        exit 0
    fi
    echo "podman is not installed: install it (apt-get install podman), then pull the base images (see the top of this script)" >&2
    exit 1
fi
command -v wrk >/dev/null 2>&1 || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }

WORK=$(mktemp -d)
cleanup() {
    [ -n "${wrk_pid:-}" ] && kill "$wrk_pid" 2>/dev/null || true
    "$root/deploy/pod.sh" down || true
    rm -rf "$WORK"
}
trap cleanup EXIT

if ! podman image exists "$IMAGE"; then
    echo "== building $IMAGE"
    podman build --pull=never --format docker -t "$IMAGE" . > "$WORK/build.log" 2>&1 || { tail -30 "$WORK/build.log"; exit 1; }
fi
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
export PORT
BASE="http://127.0.0.1:$PORT"

echo "== up: pod $POD, 3 replicas of $IMAGE behind nginx on $BASE"
started=$SECONDS
"$root/deploy/pod.sh" up
echo "up and healthy in $(( SECONDS - started )) s"
"$root/deploy/pod.sh" status | sed 's/^/    /'

# Which replicas answer: nginx names the upstream in X-Upstream.
upstreams() {
    local n
    for n in $(seq 1 "$1"); do
        curl -fsS --max-time 3 -o /dev/null -D - "$BASE$URL_PATH" 2>/dev/null | tr -d '\r' | awk -F': ' 'tolower($1)=="x-upstream" {print $2}'
    done | sort | uniq -c | awk '{printf "%s×%s ", $2, $1}'
}
seen=$(upstreams 30)
echo "before: 30 requests answered by $seen"
[ "$(grep -o '127.0.0.1:808[123]' <<<"$seen" | sort -u | wc -l)" = 3 ] && pass "all three replicas answer" || fail "not all replicas answer: $seen"

echo "== load: wrk -t2 -c$CONNECTIONS -d${DURATION}s through nginx; replica 2 is stopped at 6 s and started again at 14 s"
since=$(date -u +%Y-%m-%dT%H:%M:%SZ)
sleep 1
wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --timeout 5s --latency "$BASE$URL_PATH" > "$WORK/wrk.txt" 2>&1 &
wrk_pid=$!
sleep 6
t0=$(date +%s.%N)
podman stop -t 10 "$POD-2" >/dev/null
stop_s=$(python3 -c "import time; print(f'{time.time() - $t0:.2f}')")
echo "    replica 2 stopped (SIGTERM) in ${stop_s} s, exit code $(podman inspect --format '{{.State.ExitCode}}' "$POD-2")"
sleep 8
podman start "$POD-2" >/dev/null
t0=$SECONDS
until podman healthcheck run "$POD-2" >/dev/null 2>&1; do
    (( SECONDS - t0 < 30 )) || { fail "replica 2 not healthy 30 s after its start"; break; }
    sleep 0.2
done
echo "    replica 2 started again, healthy after $(( SECONDS - t0 )) s"
wait "$wrk_pid"; wrk_pid=
sed 's/^/    /' "$WORK/wrk.txt"

requests=$(awk '/requests in/ {print $1}' "$WORK/wrk.txt")
non2xx=$(awk -F': ' '/Non-2xx or 3xx responses/ {print $2}' "$WORK/wrk.txt"); non2xx=${non2xx:-0}
socket_errors=$(grep -o 'Socket errors:.*' "$WORK/wrk.txt" || true)
[ -n "$requests" ] && [ "$requests" -gt 0 ] && pass "wrk sent $requests requests" || fail "wrk sent no requests"
[ "$non2xx" = 0 ] && pass "no non-2xx answer" || fail "$non2xx non-2xx answers"
[ -z "$socket_errors" ] && pass "no socket error" || fail "$socket_errors"

# nginx's view: every request answered 200; the ones that met the stopping replica were retried on another.
podman logs --since "$since" "$POD-nginx" 2>/dev/null | grep ' upstream=' > "$WORK/nginx.log" || true
logged=$(wc -l < "$WORK/nginx.log")
bad=$(awk '$0 !~ /" 200 /' "$WORK/nginx.log" | wc -l)
retried=$(grep -c 'upstream=[^ ]*, ' "$WORK/nginx.log" || true)
by_replica=$(grep -o 'upstream=127.0.0.1:808[123]' "$WORK/nginx.log" | sort | uniq -c | awk '{sub("upstream=", "", $2); printf "%s×%s ", $2, $1}')
echo "nginx: $logged requests logged, by replica: $by_replica; $retried retried on another replica; $bad not 200"
[ "$bad" = 0 ] && pass "nginx answered every request with 200" || { fail "nginx logged $bad answers other than 200"; awk '$0 !~ /" 200 /' "$WORK/nginx.log" | head -5; }
grep 'upstream=[^ ]*, ' "$WORK/nginx.log" | head -3 | sed 's/^/    retried: /' || true

seen=$(upstreams 30)
echo "after: 30 requests answered by $seen"
[[ "$seen" == *127.0.0.1:8082* ]] && pass "replica 2 is back behind nginx" || fail "replica 2 does not answer again: $seen"

echo "== summary: $requests requests, $non2xx non-2xx, ${socket_errors:-no socket errors}, $bad nginx non-200, $retried retried; replica stop ${stop_s} s"
if [ "$FAILED" = 0 ]; then echo "replicas test: all checks passed"; else echo "replicas test: FAILED"; fi
exit "$FAILED"
