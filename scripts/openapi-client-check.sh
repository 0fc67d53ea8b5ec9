#!/usr/bin/env bash
# Generates a Python client from a running server's /openapi.json with openapi-python-client (PyPI), then
# uses it: calls every operation, follows cursors, and parses every answer into the generated models
# (hedged=true and the CSV operations included). Exit 0 when every call parses.
#
#   scripts/openapi-client-check.sh [BASE_URL]      # default: a server started here on the bundled seeds
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
command -v openapi-python-client >/dev/null || python3 -m pip install -q openapi-python-client
work=$(mktemp -d)
server=""
trap '[ -n "$server" ] && kill $server 2>/dev/null; rm -rf "$work"' EXIT
base=${1:-}
if [ -z "$base" ]; then
    bin=${EVIDENCE:-$ROOT/.build/debug/evidence}
    [ -x "$bin" ] || swift build --package-path "$ROOT" --product evidence >/dev/null
    "$bin" ingest --db "$work/seeds.sqlite" "$ROOT/seeds" >/dev/null
    port=$((20000 + RANDOM % 20000))
    "$bin" serve --db "$work/seeds.sqlite" --port "$port" >/dev/null 2>&1 &
    server=$!
    base=http://127.0.0.1:$port
    for _ in $(seq 1 100); do curl -sf "$base/health" >/dev/null 2>&1 && break; sleep 0.1; done
fi
curl -sf "$base/openapi.json" >"$work/openapi.json"
openapi-python-client generate --path "$work/openapi.json" --output-path "$work/client" --meta none >/dev/null
PYTHONPATH="$work" python3 "$ROOT/scripts/openapi_client_check.py" "$base" "$work/client"
