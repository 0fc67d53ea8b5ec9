#!/usr/bin/env bash
# Checks gold before anyone trusts it: the offset checks (check-offset-gold.py), then the perfect answer built from
# the gold itself (mock_api.py), which the scorer must give 1.0, finding figures included.
#
#   scripts/eval/validate-gold.sh GOLD_DIR DOCS_DIR
#
# Quotes given as offsets (titles too) are resolved from DOCS_DIR first (resolve-gold.py --docs), since the mock
# serves the gold's source fields as they are.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
gold=${1:?usage: validate-gold.sh GOLD_DIR DOCS_DIR}
docs=${2:?usage: validate-gold.sh GOLD_DIR DOCS_DIR}
work=$(mktemp -d)
mock=""
trap '[ -n "$mock" ] && kill "$mock" 2>/dev/null; rm -rf "$work"' EXIT
python3 "$HERE/check-offset-gold.py" "$gold" "$docs"
python3 "$HERE/resolve-gold.py" --docs "$docs" "$gold" "$work/resolved"
port=$((20000 + RANDOM % 20000))
python3 "$HERE/mock_api.py" "$port" "$work/resolved" "$docs" &
mock=$!
for _ in $(seq 1 50); do curl -sf "http://127.0.0.1:$port/v1/sources" >/dev/null 2>&1 && break; sleep 0.1; done
timeout 300 python3 "$HERE/evaluate.py" "http://127.0.0.1:$port" "$work/resolved" --json "$work/figures.json"
python3 - "$work/figures.json" <<'PY'
import json, sys
f = json.load(open(sys.argv[1]))
figures = f.get("figures", f)
bad = {k: v for k, v in figures.items() if isinstance(v, float) and k != "studies_merged_wrongly" and v != 1.0}
if bad:
    print("gold is not self-consistent:", bad); sys.exit(1)
print("gold validated: every figure 1.0")
PY
