#!/usr/bin/env bash
# Builds the image from this repository with podman and proves it: health, a studies query, non-root,
# read-only root filesystem, the image's own HEALTHCHECK, a bigger corpus ingested into a volume with the
# same image, a clean stop on SIGTERM within 10 s with exit 0, and the image's size. Cleans up after itself.
#
#   podman pull docker.io/library/swift:6.3-bookworm docker.io/library/debian:bookworm-slim   # once
#   scripts/container-test.sh                # prints build time, image size, health, query, stop time
#
# Needs podman, curl and python3. The build runs with --pull=never (so that it never reaches for a registry in the
# middle of a test), so both base images must already be in podman's local store: pull them as above.
#
# Note for machines without a registry: create local stand-ins under the same two names instead, so that
# `FROM debian:bookworm-slim` and `FROM swift:6.3-bookworm` resolve with --pull=never: debian:bookworm-slim from
# `debootstrap --variant=minbase bookworm` imported into podman, swift:6.3-bookworm as that base plus a Swift 6.3
# toolchain (and, with no access to GitHub either, a mirror of the Swift packages that git's url.insteadOf points
# to). On the project's own machine this is done once by ../shared/tools/container-images.sh, which lives outside
# this repository (it also sets podman to runc and cgroupfs for that host). Images built on such stand-ins
# differ in size from ones built on the published images.
#
# Environment:
#   IMAGE=evidence:test     the tag to build and test
#   BUILD_LOG=path          keep the build's output there
#   KEEP_IMAGE=1            keep the image afterwards (scripts/replicas-test.sh can then reuse it)
#   MAX_IMAGE_MB=300        fail when the image is bigger
#   SKIP_BUILD=1            test an image that is already built
#   NO_CACHE=1              build every layer again (podman build --no-cache): the time of a first build
# Exit 0: every check passed, or podman is missing and CI=true (it then says SKIPPED). Exit 1: a check failed.
set -euo pipefail
# Without systemd, podman cannot schedule the image's periodic health checks and says so on every run, start
# and stop; the checks are run on demand here (podman healthcheck run). Only that message is dropped.
podman() { command podman "$@" 2> >(grep -v 'systemd connection' >&2); }
cd "$(dirname "$0")/.."

IMAGE=${IMAGE:-evidence:test}
MAX_IMAGE_MB=${MAX_IMAGE_MB:-300}
RUN_ID="evidence-ct-$$"
SERVE="$RUN_ID-serve"
VOLUME="$RUN_ID-data"
FAILED=0
containers=()

say()  { printf '%s\n' "$*"; }
pass() { printf 'PASS  %s\n' "$*"; }
fail() { printf 'FAIL  %s\n' "$*"; FAILED=1; }

if ! command -v podman >/dev/null 2>&1; then
    if [ "${CI:-}" = true ]; then
        say "SKIPPED: podman is not installed, so the container test did not run"
        exit 0
    fi
    say "podman is not installed: install it (apt-get install podman), then pull the base images (see the top of this script)" >&2
    exit 1
fi
for base in docker.io/library/debian:bookworm-slim docker.io/library/swift:6.3-bookworm; do
    if [ -z "${SKIP_BUILD:-}" ] && ! podman image exists "$base"; then
        say "base image $base is missing: podman pull $base (machines without a registry: see the note at the top of this script)" >&2
        exit 1
    fi
done

cleanup() {
    local c
    for c in "${containers[@]}"; do podman rm -f -t 0 "$c" >/dev/null 2>&1 || true; done
    podman volume rm -f "$VOLUME" >/dev/null 2>&1 || true
    [ -n "${WORK:-}" ] && rm -rf "$WORK"
    if [ -z "${KEEP_IMAGE:-}" ] && [ -z "${SKIP_BUILD:-}" ]; then podman rmi -f "$IMAGE" >/dev/null 2>&1 || true; fi
}
trap cleanup EXIT
WORK=$(mktemp -d)

free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# Waits (at most $2 seconds) until http://127.0.0.1:$1/health answers 200.
wait_healthy() {
    local port=$1 limit=$2 start=$SECONDS
    while (( SECONDS - start < limit )); do
        if curl -fsS --max-time 2 "http://127.0.0.1:$port/health" -o /dev/null 2>/dev/null; then return 0; fi
        sleep 0.2
    done
    return 1
}

# --- build -----------------------------------------------------------------------------------------
if [ -z "${SKIP_BUILD:-}" ]; then
    say "== build: podman build --pull=never --format docker -t $IMAGE ."
    started=$(date +%s.%N)
    cache_flag=(); [ -n "${NO_CACHE:-}" ] && cache_flag=(--no-cache)
    if ! podman build --pull=never --format docker "${cache_flag[@]}" \
            --build-arg VERSION="$(git describe --always --dirty 2>/dev/null || echo dev)" \
            --build-arg REVISION="$(git rev-parse HEAD 2>/dev/null || echo unknown)" \
            --build-arg CREATED="$(date -u +%Y-%m-%dT%H:%M:%SZ)" \
            -t "$IMAGE" . > "$WORK/build.log" 2>&1; then
        tail -40 "$WORK/build.log"
        fail "podman build failed"
        exit 1
    fi
    build_seconds=$(python3 -c "import time; print(f'{time.time() - $started:.0f}')")
    cached=$(grep -c '^--> Using cache' "$WORK/build.log" || true)
    say "build time: ${build_seconds} s ($cached layers taken from the build cache; NO_CACHE=1 builds all)"
    [ -n "${BUILD_LOG:-}" ] && cp "$WORK/build.log" "$BUILD_LOG"
    say "binary links (ldd in the build stage):"
    sed -n '/^evidence links:/,/^STEP\|^-->/p' "$WORK/build.log" | grep '=>\|ld-linux' | sed 's/^/    /' || true
fi

# --- static checks of the image --------------------------------------------------------------------
size_bytes=$(podman image inspect --format '{{.Size}}' "$IMAGE")
size_mb=$(( size_bytes / 1000000 ))
say "image size: ${size_mb} MB (${size_bytes} bytes)"
if (( size_mb <= MAX_IMAGE_MB )); then pass "image is small (${size_mb} MB <= ${MAX_IMAGE_MB} MB)"; else fail "image is ${size_mb} MB, over ${MAX_IMAGE_MB} MB"; fi

config_user=$(podman image inspect --format '{{.Config.User}}' "$IMAGE")
[[ -n "$config_user" && "$config_user" != 0* && "$config_user" != root* ]] \
    && pass "image runs as user $config_user" || fail "image user is '${config_user}'"
stopsignal=$(podman image inspect --format '{{.Config.StopSignal}}' "$IMAGE")
[ "$stopsignal" = SIGTERM ] && pass "STOPSIGNAL SIGTERM" || fail "stop signal is '$stopsignal'"
healthcheck=$(podman image inspect --format '{{json .Config.Healthcheck}}' "$IMAGE")
[[ "$healthcheck" == *healthcheck* ]] && pass "HEALTHCHECK: $healthcheck" || fail "no HEALTHCHECK: $healthcheck"
podman image inspect --format '{{range $k, $v := .Config.Labels}}{{$k}}={{$v}}{{"\n"}}{{end}}' "$IMAGE" \
    | grep '^org.opencontainers' | sed 's/^/    /'

# --- run: read-only root filesystem, no capabilities, published on a loopback port -------------------
PORT=$(free_port)
say "== run: $IMAGE on 127.0.0.1:$PORT (read-only root filesystem, all capabilities dropped)"
containers+=("$SERVE")
podman run -d --name "$SERVE" --pull=never --read-only --cap-drop=ALL --security-opt=no-new-privileges \
    -p "127.0.0.1:$PORT:8080" "$IMAGE" >/dev/null
started=$(date +%s.%N)
if wait_healthy "$PORT" 60; then
    ready=$(python3 -c "import time; print(f'{time.time() - $started:.2f}')")
    health=$(curl -fsS --max-time 5 "http://127.0.0.1:$PORT/health")
    say "health (ready after ${ready} s): $health"
    if python3 -c 'import json,sys; d=json.loads(sys.argv[1]); sys.exit(0 if d["status"]=="ok" and d["documents"]>=1 else 1)' "$health"; then
        pass "/health is ok with documents"
    else
        fail "/health: $health"
    fi
else
    fail "/health did not answer within 60 s"
    podman logs --tail 20 "$SERVE" || true
fi

query="/v1/studies?condition=calciphylaxis"
body=$(curl -sS --max-time 5 -w '\n%{http_code}' "http://127.0.0.1:$PORT$query" || true)
code=${body##*$'\n'}; body=${body%$'\n'*}
summary=$(python3 -c '
import json, sys
d = json.loads(sys.argv[1])
print("total=%d first=%s design=%s dose=%s" % (d["meta"]["total"], d["data"][0]["id"], d["data"][0]["design"],
      [i["dose"] for i in d["data"][0]["interventions"]]))' "$body" 2>/dev/null || echo "unreadable: ${body:0:200}")
say "query $query -> $code $summary"
[[ "$code" = 200 && "$summary" == total=* && "$summary" != total=0* ]] && pass "studies query answers" || fail "studies query"

uid=$(podman exec "$SERVE" id -u)
[ "$uid" != 0 ] && pass "process runs as uid $uid (non-root)" || fail "process runs as root"
if podman exec "$SERVE" sh -c 'touch /app/x 2>/dev/null || touch /x 2>/dev/null'; then
    fail "root filesystem is writable"
else
    pass "root filesystem is read-only and the service still serves"
fi
if podman exec "$SERVE" evidence healthcheck >/dev/null; then pass "evidence healthcheck exits 0"; else fail "evidence healthcheck failed"; fi
if podman healthcheck run "$SERVE" >/dev/null 2>&1; then
    pass "podman healthcheck run: healthy"
else
    fail "podman healthcheck run: $(podman inspect --format '{{json .State.Health}}' "$SERVE" 2>/dev/null || true)"
fi
podman logs "$SERVE" 2>&1 | head -3 | sed 's/^/    log: /'
[ "$(podman logs "$SERVE" 2>/dev/null | grep -c '/v1/studies' || true)" -ge 1 ] \
    && pass "access log on stdout" || fail "no access log line on stdout"

# --- stop: SIGTERM, exit 0, within 10 s -------------------------------------------------------------
# Keep one request in flight while stopping: the server finishes it, then exits.
curl -sS --max-time 10 "http://127.0.0.1:$PORT/v1/search?q=vitamin" -o /dev/null 2>/dev/null &
curl_pid=$!
started=$(date +%s.%N)
podman stop -t 10 "$SERVE" >/dev/null
stop_seconds=$(python3 -c "import time; print(f'{time.time() - $started:.2f}')")
wait "$curl_pid" 2>/dev/null || true
exit_code=$(podman inspect --format '{{.State.ExitCode}}' "$SERVE")
say "stop: SIGTERM -> exited with $exit_code after ${stop_seconds} s"
if [ "$exit_code" = 0 ] && python3 -c "import sys; sys.exit(0 if $stop_seconds < 10 else 1)"; then
    pass "stops on SIGTERM within 10 s with exit 0"
else
    fail "stop took ${stop_seconds} s with exit code $exit_code"
fi

# --- a bigger corpus on a volume, ingested with the same image --------------------------------------
say "== volume: ingest documents into a named volume with the same image, then serve from it"
mkdir -p "$WORK/docs"
cp seeds/* "$WORK/docs/"
cat > "$WORK/docs/900_container_test.md" <<'DOC'
# Menaquinone-7 and arterial stiffness

In a randomised, placebo-controlled trial, 244 healthy postmenopausal women took 180 mcg/day of
menaquinone-7 (MK-7) for three years. Arterial stiffness improved compared with placebo.
DOC
chmod -R a+rX "$WORK"
podman volume create "$VOLUME" >/dev/null
INGEST="$RUN_ID-ingest"
containers+=("$INGEST")
if podman run --name "$INGEST" --pull=never --read-only --cap-drop=ALL \
        -v "$VOLUME:/data" -v "$WORK/docs:/data/docs:ro" -e EVIDENCE_DB=/data/evidence.sqlite \
        "$IMAGE" evidence ingest /data/docs > "$WORK/ingest.log" 2>&1; then
    pass "ingest into the volume: $(tail -1 "$WORK/ingest.log")"
else
    fail "ingest into the volume failed: $(tail -3 "$WORK/ingest.log")"
fi
VPORT=$(free_port)
VSERVE="$RUN_ID-volume"
containers+=("$VSERVE")
podman run -d --name "$VSERVE" --pull=never --read-only --cap-drop=ALL -v "$VOLUME:/data" \
    -e EVIDENCE_DB=/data/evidence.sqlite -p "127.0.0.1:$VPORT:8080" "$IMAGE" >/dev/null
if wait_healthy "$VPORT" 60; then
    vhealth=$(curl -fsS --max-time 5 "http://127.0.0.1:$VPORT/health")
    docs=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["documents"])' "$vhealth")
    expected=$(find "$WORK/docs" -type f | wc -l)
    [ "$docs" = "$expected" ] && pass "volume database serves $docs documents" || fail "volume serves $docs documents, expected $expected: $vhealth"
else
    fail "the volume's server did not become healthy"
    podman logs --tail 20 "$VSERVE" || true
fi
podman stop -t 10 "$VSERVE" >/dev/null

# --- summary -------------------------------------------------------------------------------------------
say "== summary: build ${build_seconds:+${build_seconds} s}${build_seconds:-skipped}, image ${size_mb} MB, stop ${stop_seconds} s (exit $exit_code)"
if [ "$FAILED" = 0 ]; then say "container test: all checks passed"; else say "container test: FAILED"; fi
exit "$FAILED"
