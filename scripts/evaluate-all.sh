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
# pool NAME LIST FILTER SET...: one scorer run over the documents of several sets that LIST names, so that each
# figure is pooled over all their studies, claims and comments rather than averaged over sets. FILTER "comments"
# keeps only gold that has comments.
pool() {
    local name=$1 list=$2 filter=$3; shift 3
    local dir; dir=$(mktemp -d)
    mkdir -p "$dir/docs" "$dir/gold"
    for entry in "$@"; do
        IFS='|' read -r _ docs gold <<<"$entry"
        [ -d "$docs" ] && [ -d "$gold" ] || continue
        for g in "$gold"/*.json; do
            doc=$(python3 -c 'import json,sys; g=json.load(open(sys.argv[1])); print(g["document"] if sys.argv[2] != "comments" or g.get("comments") else "")' "$g" "$filter")
            [ -n "$doc" ] && grep -qxF "$doc" "$list" || continue
            [ -e "$dir/docs/$doc" ] && { echo "$name: $doc is in two sets; kept once" >&2; continue; }
            ln -s "$docs/$doc" "$dir/docs/$doc"
            ln -s "$g" "$dir/gold/$(basename "$g")"
        done
    done
    "$ROOT/scripts/evaluate.sh" "$dir/docs" "$dir/gold" --json "$out/$name.json" >/dev/null
    rm -rf "$dir"
}
# The pooled row the targets speak of: real-dev, FakeHealth and our own documents together; then every thread with
# comment gold, real and our own (the comment targets speak of all held-back threads).
for half in tune heldout; do
    pool "pooled-$half" "$ROOT/eval/split/$half.txt" all "${sets[@]:1:3}"
    pool "threads-pooled-$half" "$ROOT/eval/split/$half.txt" comments "${sets[@]:3:2}"
done
# Documents annotated blind in earlier rounds (eval/split/annotated-after-rules.txt), by half: their held-back
# half has never been tuned against (the tuning half became ordinary tuning data once a round looked at it).
if [ -s "$ROOT/eval/split/annotated-after-rules.txt" ]; then
    for half in tune heldout; do
        grep -xF -f "$ROOT/eval/split/$half.txt" "$ROOT/eval/split/annotated-after-rules.txt" >"$out/.after-rules-$half.txt" || true
        pool "after-rules-$half" "$out/.after-rules-$half.txt" all "${sets[@]:1:3}"
        rm -f "$out/.after-rules-$half.txt"
    done
fi
# Documents annotated blind during this round while the rules were written elsewhere (eval/split/unseen.txt): no
# rule has looked at either half yet, so the whole list is scored as held back. Until the round ends it is in
# neither tune.txt nor heldout.txt, so that the pooled figures of a round's start and end are on the same
# documents; then it moves into annotated-after-rules.txt and into the halves by file-number parity.
if [ -s "$ROOT/eval/split/unseen.txt" ]; then
    pool "unseen-all" "$ROOT/eval/split/unseen.txt" all "${sets[@]:1:3}"
fi
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
