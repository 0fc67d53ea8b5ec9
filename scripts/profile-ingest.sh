#!/usr/bin/env bash
# profile-ingest.sh: the deterministic cost of ingesting N documents into a fresh database, in instructions
# (valgrind's callgrind, one output file per thread), so that two builds can be compared on a loaded machine.
#
#   scripts/profile-ingest.sh [CORPUS_FOLDER] [N]        # default: the first 100 documents of the 10k corpus
#
# Prints the instruction count of each thread (the main thread stores; the others extract) and their total.
# The callgrind files stay in $WORK/profile-ingest for `callgrind_annotate --inclusive=yes FILE`. Valgrind 3.19
# cannot read Swift 6.3's DWARF 5, so the binary is profiled as a copy without debug sections (symbols are kept).
# Environment: WORK (/tmp/evidence-bench), EVIDENCE (a built binary; otherwise a release build of HEAD, bench-lib.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
WORK=${WORK:-/tmp/evidence-bench}
CORPUS=${1:-$WORK/corpus-10000-s42}
N=${2:-100}
command -v valgrind >/dev/null || { echo "needs valgrind (apt-get install valgrind)" >&2; exit 2; }
source scripts/bench-lib.sh
evidence_binary
OUT=$WORK/profile-ingest
rm -rf "$OUT"; mkdir -p "$OUT/docs"
# The documents with the lowest numbers, whatever their genre (file names are <genre>_<number>.<ext>).
find "$CORPUS" -type f \( -name '*.txt' -o -name '*.md' -o -name '*.html' \) |
    awk -F_ '{print $NF "\t" $0}' | sort | cut -f2 | awk -v n="$N" 'NR <= n' |
    while read -r f; do cp "$f" "$OUT/docs/"; done
objcopy --strip-debug "$EVIDENCE" "$OUT/evidence"
valgrind --tool=callgrind --separate-threads=yes --callgrind-out-file="$OUT/callgrind.out" \
    "$OUT/evidence" ingest "$OUT/docs" --db "$OUT/profile.sqlite" >/dev/null 2>"$OUT/valgrind.log"
echo "instructions per thread, ingesting $N documents of $CORPUS with $EVIDENCE:"
for f in "$OUT"/callgrind.out-*; do
    printf '%s %s\n' "$(basename "$f")" "$(awk '/^summary:/ {print $2}' "$f")"
done | awk '{total += $2; printf "  %-18s %15.0f\n", $1, $2} END {printf "  %-18s %15.0f\n", "total", total}'
