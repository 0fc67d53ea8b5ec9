#!/usr/bin/env bash
# conformance.sh: the HTTP/1.1 conformance and request-smuggling suite (291 black-box cases from Node's llhttp
# tests and AWS's http-desync-guardian corpus) against a freshly started server on the bundled seeds.
#
#   scripts/conformance.sh                  # exit 0 when no case fails; about 20 s
#   RUNNER=/path/to/conformance scripts/conformance.sh --only transfer-encoding
#
# The runner is not part of this repository: it is looked for in $RUNNER, else ../shared/conformance (beside the
# checkout). When it is absent the script says so and exits 0 (skipped), so that a fresh clone's CI still passes;
# to run it, put a copy of the conformance folder (run.py, cases.json) there or point RUNNER at it.
# Environment: EVIDENCE (a built binary; default .build/debug/evidence, built if missing), PORT (28560),
# JSON (where to keep every case's answers; default $WORK/conformance.json), WORK (a temporary folder).
# Extra arguments go to run.py.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNNER=${RUNNER:-../shared/conformance}
if [[ ! -f $RUNNER/run.py || ! -f $RUNNER/cases.json ]]; then
    echo "conformance: SKIPPED: no runner at $RUNNER (run.py and cases.json)."
    echo "conformance: to run it, set RUNNER=/path/to/conformance (the folder with run.py and cases.json)."
    exit 0
fi
PORT=${PORT:-28560}
WORK=${WORK:-$(mktemp -d)}
JSON=${JSON:-$WORK/conformance.json}
EVIDENCE=${EVIDENCE:-.build/debug/evidence}
if [[ ! -x $EVIDENCE ]]; then
    echo "conformance: building evidence (debug) ..." >&2
    swift build --product evidence >&2
fi
if curl -s -o /dev/null "http://127.0.0.1:$PORT/" 2>/dev/null; then
    echo "conformance: port $PORT is in use; set PORT" >&2
    exit 2
fi

DB=$WORK/conformance.sqlite
rm -f "$DB" "$DB-wal" "$DB-shm"
"$EVIDENCE" ingest --db "$DB" seeds >"$WORK/ingest.log" 2>&1 || { tail -5 "$WORK/ingest.log" >&2; exit 2; }

SERVER_PID=
cleanup() {
    if [[ -n $SERVER_PID ]]; then
        kill -TERM "$SERVER_PID" 2>/dev/null || true
        wait "$SERVER_PID" 2>/dev/null || true
    fi
}
trap cleanup EXIT
"$EVIDENCE" serve --db "$DB" --host 127.0.0.1 --port "$PORT" >"$WORK/access.log" 2>"$WORK/serve.log" &
SERVER_PID=$!
for _ in $(seq 100); do curl -fsS -o /dev/null "http://127.0.0.1:$PORT/health" 2>/dev/null && break; sleep 0.1; done
if ! curl -fsS -o /dev/null "http://127.0.0.1:$PORT/health"; then
    echo "conformance: the server did not start; its log:" >&2
    tail -20 "$WORK/serve.log" >&2
    exit 2
fi

set +e
timeout 300 python3 "$RUNNER/run.py" 127.0.0.1 "$PORT" --quiet --json "$JSON" "$@"
status=$?
set -e
if ! kill -0 "$SERVER_PID" 2>/dev/null; then
    echo "conformance: the server died during the run; its log:" >&2
    tail -20 "$WORK/serve.log" >&2
    status=1
fi
echo "conformance: $([[ $status == 0 ]] && echo passed || echo FAILED) (answers of every case: $JSON)"
exit "$status"
