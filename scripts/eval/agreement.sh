#!/usr/bin/env bash
# Inter-annotator agreement: how well one gold agrees with another under the same scorer. Each gold in turn is
# served as a perfect answer (mock_api.py, after resolve-gold.py --docs, as validate-gold.sh does) and scored by
# evaluate.py against the other: "A served, B gold" gives B's recall and A's precision, and the reverse.
# Printed pooled over the documents both golds annotate, then per document.
#
#   scripts/eval/agreement.sh [--json DIR] GOLD_A GOLD_B DOCS [GOLD_A GOLD_B DOCS ...]
#
# Several triples (one per set, e.g. real-dev and fakehealth) are pooled together. Only gold files present in
# both GOLD_A and GOLD_B (same file name) count. --json DIR keeps every run's figures and problem list.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
keep=""
if [ "${1:-}" = "--json" ]; then keep=${2:?--json needs a folder}; shift 2; fi
if [ $# -lt 3 ] || [ $(($# % 3)) -ne 0 ]; then
  echo "usage: agreement.sh [--json DIR] GOLD_A GOLD_B DOCS [GOLD_A GOLD_B DOCS ...]" >&2; exit 2
fi
work=$(mktemp -d)
mock=""
trap '[ -n "$mock" ] && kill "$mock" 2>/dev/null; rm -rf "$work"' EXIT
mkdir -p "$work/A" "$work/B" "$work/docs" "$work/runs"

# Resolve both golds (titles and other offset quotes become text; anchors stay offsets) into one tree per side.
while [ $# -ge 3 ]; do
  ga=$1 gb=$2 docs=$3; shift 3
  [ -d "$ga" ] && [ -d "$gb" ] && [ -d "$docs" ] || { echo "no such folder among: $ga $gb $docs" >&2; exit 2; }
  rm -rf "$work/ina" "$work/inb"; mkdir -p "$work/ina" "$work/inb"
  for f in "$ga"/*.json; do
    n=$(basename "$f")
    [ -f "$gb/$n" ] || continue
    cp "$f" "$work/ina/$n"; cp "$gb/$n" "$work/inb/$n"
    doc=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["document"])' "$f")
    ln -sf "$(cd "$docs" && pwd)/$doc" "$work/docs/$doc"
  done
  python3 "$HERE/resolve-gold.py" --docs "$docs" "$work/ina" "$work/A"
  python3 "$HERE/resolve-gold.py" --docs "$docs" "$work/inb" "$work/B"
done
names=$(cd "$work/A" && ls -- *.json 2>/dev/null | sort)
[ -n "$names" ] || { echo "the two golds share no file" >&2; exit 2; }

# score SERVED_DIR GOLD_DIR OUT_JSON: serve one gold, score the other
score() {
  local port
  port=$((20000 + RANDOM % 20000))
  python3 "$HERE/mock_api.py" "$port" "$1" "$work/docs" &
  mock=$!
  for _ in $(seq 1 50); do curl -sf "http://127.0.0.1:$port/v1/sources" >/dev/null 2>&1 && break; sleep 0.1; done
  timeout 300 python3 "$HERE/evaluate.py" "http://127.0.0.1:$port" "$2" --json "$3" >/dev/null
  kill "$mock" 2>/dev/null; wait "$mock" 2>/dev/null || true; mock=""
}

for dir in A_served_B_gold B_served_A_gold; do
  if [ "$dir" = A_served_B_gold ]; then served=A gold=B; else served=B gold=A; fi
  score "$work/$served" "$work/$gold" "$work/runs/$dir.pooled.json"
  for n in $names; do
    mkdir -p "$work/one/$served" "$work/one/$gold"
    rm -f "$work/one/$served"/*.json "$work/one/$gold"/*.json
    cp "$work/$served/$n" "$work/one/$served/"; cp "$work/$gold/$n" "$work/one/$gold/"
    score "$work/one/$served" "$work/one/$gold" "$work/runs/$dir.${n%.json}.json"
  done
done

python3 - "$work/runs" $names <<'PY'
import json, pathlib, sys
runs, names = pathlib.Path(sys.argv[1]), [n[:-5] for n in sys.argv[2:]]
rows = ["source_fields", "study_recall", "study_precision", "studies_merged_wrongly", "study_attributes",
        "by_condition_recall", "by_condition_precision", "finding_recall", "finding_direction_accuracy",
        "claim_recall", "claim_kind_accuracy", "score"]
for direction, what in (("A_served_B_gold", "A served, scored against B (B's recall, A's precision)"),
                        ("B_served_A_gold", "B served, scored against A (A's recall, B's precision)")):
    cols = ["pooled"] + names
    figs = {c: json.loads((runs / f"{direction}.{c}.json").read_text())["figures"] for c in cols}
    short = ["pooled"] + [c.split("_")[0] for c in names]
    print(f"\n## {what}\n")
    print("| figure | " + " | ".join(short) + " |")
    print("| --- |" + " --- |" * len(short))
    for r in rows:
        print(f"| {r} | " + " | ".join(str(figs[c].get(r, "-")) for c in cols) + " |")
PY
if [ -n "$keep" ]; then mkdir -p "$keep"; cp "$work/runs"/*.json "$keep/"; fi
