#!/usr/bin/env bash
# Ingests a folder of documents into a fresh database, serves it on 127.0.0.1, runs the extraction scorer
# against the server and prints its table.
#
#   scripts/evaluate.sh DOCS_DIR GOLD_DIR [--json OUT] [--only LIST]
#
# DOCS_DIR: the documents (a file list in --only restricts both the ingest and the gold to those names).
# GOLD_DIR: one gold JSON per document, in the scorer's format (scripts/eval/FORMAT.md); quotes may be offsets.
# The scorer is scripts/eval/evaluate.py (EVAL_SCORER overrides it); EVIDENCE may name a built binary
# (default: a release build of this checkout).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
docs=${1:?usage: evaluate.sh DOCS_DIR GOLD_DIR [--json OUT] [--only names.txt]}
gold=${2:?usage: evaluate.sh DOCS_DIR GOLD_DIR [--json OUT] [--only names.txt]}
shift 2
json=""; only=""
while [ $# -gt 0 ]; do
    case $1 in
        --json) json=$2; shift 2 ;;
        --only) only=$2; shift 2 ;;
        *) echo "unknown option $1" >&2; exit 2 ;;
    esac
done
scorer=${EVAL_SCORER:-$ROOT/scripts/eval/evaluate.py}
if [ ! -f "$scorer" ]; then
    echo "no scorer at $scorer: set EVAL_SCORER to the path of evaluate.py" >&2; exit 2
fi
if [ -z "${EVIDENCE:-}" ]; then
    swift build -c release --package-path "$ROOT" --product evidence >/dev/null
    EVIDENCE=$ROOT/.build/release/evidence
fi
work=$(mktemp -d)
trap 'kill $server 2>/dev/null || true; rm -rf "$work"' EXIT
server=""
mkdir -p "$work/docs" "$work/gold"
for g in "$gold"/*.json; do
    name=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["document"])' "$g")
    if [ -n "$only" ] && ! grep -qxF "$name" "$only"; then continue; fi
    [ -f "$docs/$name" ] || { echo "gold $g names $name, which is not in $docs" >&2; continue; }
    cp "$docs/$name" "$work/docs/$name"
    cp "$g" "$work/gold/$(basename "$g")"
done
"$EVIDENCE" ingest --db "$work/e.sqlite" "$work/docs" >"$work/ingest.log" 2>&1 || { echo "ingest reported failures:" >&2; grep -v ' added' "$work/ingest.log" >&2 || true; }
port=$((20000 + RANDOM % 20000))
"$EVIDENCE" serve --db "$work/e.sqlite" --port "$port" >/dev/null 2>"$work/serve.log" &
server=$!
# Up to a minute: a loaded machine (builds beside) can take seconds to open the database; a server that never
# answers is reported rather than scored as an empty answer.
up=""
for _ in $(seq 1 600); do curl -sf "http://127.0.0.1:$port/health" >/dev/null 2>&1 && { up=1; break; }; sleep 0.1; done
[ -n "$up" ] || { echo "the server did not answer within 60 s; its log:" >&2; cat "$work/serve.log" >&2; exit 1; }
python3 "$ROOT/scripts/eval/resolve-gold.py" "http://127.0.0.1:$port" "$work/gold" "$work/resolved"
args=("http://127.0.0.1:$port" "$work/resolved")
[ -n "$json" ] && args+=(--json "$json")
python3 "$scorer" "${args[@]}"
