#!/usr/bin/env bash
# Runs scripts/evaluate.sh on every annotated set, on its tuning half and its held-back half (eval/split), and
# prints one table per figure: the numbers EVALUATION.md reports.
#
#   scripts/evaluate-all.sh [--json DIR]          (BEFORE=DIR of an earlier run adds its held-back column)
#
# Real documents are read from ../shared/corpus (set CORPUS to another copy); sets whose documents are absent
# are skipped with a message. EVIDENCE may name a built binary (default: a release build of this checkout).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
CORPUS=${CORPUS:-$ROOT/../shared/corpus}
out=${2:-$(mktemp -d)}
mkdir -p "$out"
if [ -z "${EVIDENCE:-}" ]; then
    swift build -c release --package-path "$ROOT" --product evidence >/dev/null
    export EVIDENCE=$ROOT/.build/release/evidence
fi
sets=("seeds|$ROOT/seeds|$ROOT/scripts/eval/seeds-gold"
      "real-dev|$CORPUS/real-dev/docs|$ROOT/eval/gold/real-dev"
      "fakehealth|$CORPUS/fakehealth|$ROOT/eval/gold/fakehealth"
      "own|$ROOT/eval/docs/own|$ROOT/eval/gold/own"
      "threads|$CORPUS/comments/threads|$ROOT/eval/gold/threads")
for entry in "${sets[@]}"; do
    IFS='|' read -r name docs gold <<<"$entry"
    if [ ! -d "$docs" ] || [ ! -d "$gold" ]; then echo "skipped $name: $docs or $gold is absent" >&2; continue; fi
    if [ "$name" = seeds ]; then
        "$ROOT/scripts/evaluate.sh" "$docs" "$gold" --json "$out/$name-all.json" >/dev/null
        continue
    fi
    for half in tune heldout; do
        "$ROOT/scripts/evaluate.sh" "$docs" "$gold" --only "$ROOT/eval/split/$half.txt" --json "$out/$name-$half.json" >/dev/null
    done
done
# The pooled row the targets speak of: real-dev, FakeHealth and our own documents together (one scorer run per
# half, so that each figure is pooled over all their studies and claims rather than averaged over sets).
for half in tune heldout; do
    pool=$(mktemp -d)
    mkdir -p "$pool/docs" "$pool/gold"
    for entry in "${sets[@]:1:3}"; do
        IFS='|' read -r name docs gold <<<"$entry"
        [ -d "$docs" ] && [ -d "$gold" ] || continue
        for g in "$gold"/*.json; do
            doc=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["document"])' "$g")
            grep -qxF "$doc" "$ROOT/eval/split/$half.txt" || continue
            [ -e "$pool/docs/$doc" ] && { echo "pooled: $doc is in two sets; kept once" >&2; continue; }
            ln -s "$docs/$doc" "$pool/docs/$doc"
            ln -s "$g" "$pool/gold/$(basename "$g")"
        done
    done
    "$ROOT/scripts/evaluate.sh" "$pool/docs" "$pool/gold" --json "$out/pooled-$half.json" >/dev/null
    rm -rf "$pool"
done
python3 "$ROOT/scripts/eval/figure-tables.py" "$out" ${BEFORE:+--before "$BEFORE"} > "$out/tables.md"
echo "one table per figure: $out/tables.md" >&2
python3 - "$out" <<'PY'
import json, pathlib, sys
out = pathlib.Path(sys.argv[1])
runs = {p.stem: json.loads(p.read_text()) for p in sorted(out.glob("*.json"))}
def figures(r):
    return r.get("figures", r)
names = []
for r in runs.values():
    for k in figures(r):
        if k not in names and isinstance(figures(r)[k], (int, float)): names.append(k)
cols = list(runs)
print("| figure | " + " | ".join(cols) + " |")
print("| --- |" + " --- |" * len(cols))
for k in names:
    cells = []
    for c in cols:
        v = figures(runs[c]).get(k)
        cells.append("" if v is None else (f"{v:.3f}" if isinstance(v, float) else str(v)))
    print(f"| {k} | " + " | ".join(cells) + " |")
PY
