# Shared helpers for scripts/reliability/*.sh (source it). Servers listen on 127.0.0.1 only; every loop is
# bounded in time; every process started here is stopped by its pid.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
SCRATCH_BUILD=${SCRATCH_BUILD:-$ROOT/.build-rel}
export EVIDENCE_HOME=$ROOT

# The release binary (built into .build-rel unless EVIDENCE_BIN is given).
evidence_bin() {
    if [ -n "${EVIDENCE_BIN:-}" ]; then echo "$EVIDENCE_BIN"; return; fi
    if [ ! -x "$SCRATCH_BUILD/release/evidence" ] || [ -z "${NO_BUILD:-}" ]; then
        (cd "$ROOT" && swift build -c release --scratch-path "$SCRATCH_BUILD" --product evidence >&2)
    fi
    echo "$SCRATCH_BUILD/release/evidence"
}

# A free TCP port on 127.0.0.1.
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# start_server DB PORT LOG -> sets SERVER_PID; waits until /health answers (up to 30 s).
start_server() {
    local db=$1 port=$2 log=$3
    "$BIN" serve --db "$db" --host 127.0.0.1 --port "$port" >/dev/null 2>"$log" &
    SERVER_PID=$!
    for _ in $(seq 1 300); do
        if curl -s -o /dev/null "http://127.0.0.1:$port/health"; then return 0; fi
        kill -0 "$SERVER_PID" 2>/dev/null || { echo "server exited: $(cat "$log")" >&2; return 1; }
        sleep 0.1
    done
    echo "server did not come up" >&2; return 1
}

stop_server() {
    if [ -n "${SERVER_PID:-}" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
        kill -TERM "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true
    fi
    SERVER_PID=
}

rss_kb() { awk '/VmRSS/ {print $2}' "/proc/$1/status"; }
fd_count() { ls "/proc/$1/fd" | wc -l; }

# A corpus of COUNT documents in DIR: scripts/gen-corpus when it works, else copies of seeds/ with a distinct
# last line each.
make_corpus() {
    local count=$1 dir=$2
    rm -rf "$dir"; mkdir -p "$dir"
    if python3 "$ROOT/scripts/gen-corpus" --count "$count" --out "$dir" >/dev/null 2>&1 \
        && [ "$(find "$dir" -type f | wc -l)" -ge "$count" ]; then
        return 0
    fi
    rm -rf "$dir"; mkdir -p "$dir"
    local i=0
    while [ $i -lt "$count" ]; do
        for f in "$ROOT"/seeds/*; do
            [ $i -ge "$count" ] && break
            local base ext
            base=$(basename "$f"); ext=${base##*.}
            { cat "$f"; printf '\nCopy %d.\n' "$i"; } > "$dir/${base%.*}-$i.$ext"
            i=$((i + 1))
        done
    done
}

# Per-file row counts of everything a document contributed (see Tests/ReliabilityTests/Support.swift).
COUNTS_SQL="SELECT s.file, s.sha256,
  (SELECT count(*) FROM claims c WHERE c.source_id = s.id),
  (SELECT count(*) FROM comments c WHERE c.source_id = s.id),
  (SELECT count(*) FROM study_reports r WHERE r.source_id = s.id),
  (SELECT count(*) FROM mentions m WHERE m.source_id = s.id),
  (SELECT count(*) FROM regions r WHERE r.source_id = s.id),
  s.claim_count, s.comment_count
FROM sources s ORDER BY s.file"
