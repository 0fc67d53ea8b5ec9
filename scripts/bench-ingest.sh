#!/usr/bin/env bash
# bench-ingest.sh: times `evidence ingest` on a generated corpus (scripts/gen-corpus), three ways:
#   1. a fresh database (documents/s, MB/s of text, peak RSS, database size),
#   2. the same corpus again, unchanged (must be much faster: hashes only),
#   3. the corpus with 10% of its documents edited (about 10% `updated`).
#
#   scripts/bench-ingest.sh              # 10,000 documents
#   scripts/bench-ingest.sh 100000       # 100,000 documents
#   N=1000 scripts/bench-ingest.sh       # quick check
#   DOCS=/path/to/folder scripts/bench-ingest.sh   # a folder of real documents: fresh and unchanged runs only
#
# Environment: WORK (/tmp/evidence-bench), EVIDENCE (a built binary; otherwise a release build of HEAD, see bench-lib.sh),
# SEED (42), CHANGE (0.1). The corpus is kept under WORK between runs (the 10k corpus is a prefix of the 100k one).
# Memory is /usr/bin/time -v's "Maximum resident set size"; MB/s counts the documents' bytes (10^6 bytes).
# "DB ÷ text" is the database file's size over the stored text (the sources' text, in UTF-8 bytes).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
N=${1:-${N:-10000}}
SEED=${SEED:-42}
CHANGE=${CHANGE:-0.1}
WORK=${WORK:-/tmp/evidence-bench}
mkdir -p "$WORK"

source scripts/bench-lib.sh
evidence_binary

if [[ -n "${DOCS:-}" ]]; then
    [[ -d $DOCS ]] || { echo "DOCS=$DOCS is not a folder" >&2; exit 2; }
    CORPUS=$DOCS
    N=$(find "$CORPUS" -type f \( -name '*.txt' -o -name '*.md' -o -name '*.html' \) | wc -l)
fi
CORPUS=${CORPUS:-$WORK/corpus-$N-s$SEED}
if [[ -z "${DOCS:-}" && ! -f $CORPUS/.done ]]; then
    rm -rf "$CORPUS"
    python3 scripts/gen-corpus --count "$N" --seed "$SEED" --out "$CORPUS" >&2
    touch "$CORPUS/.done"
fi
CHANGED=$WORK/corpus-$N-s$SEED-changed
if [[ -z "${DOCS:-}" && ! -f $CHANGED/.done ]]; then
    rm -rf "$CHANGED"
    cp -r "$CORPUS" "$CHANGED"
    python3 scripts/gen-corpus --count "$N" --seed "$SEED" --out "$CHANGED" --change "$CHANGE" --variant 1 >&2
    touch "$CHANGED/.done"
fi
BYTES=$(find "$CORPUS" -type f \( -name '*.txt' -o -name '*.md' -o -name '*.html' \) -printf '%s\n' | awk '{s+=$1} END {print s}')
DB=$WORK/ingest-$N.sqlite
rm -f "$DB" "$DB-wal" "$DB-shm"

# run LABEL DIR: one timed ingest into $DB; prints one Markdown row.
run() {
    local label=$1 dir=$2 log=$WORK/ingest-$N-$1.log
    /usr/bin/time -v "$EVIDENCE" ingest --db "$DB" "$dir" >"$log.out" 2>"$log.time" || true
    local wall rss summary cpu
    wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,t,":"); s=0; for(i=1;i<=n;i++) s=s*60+t[i]; print s}' "$log.time")
    cpu=$(awk -F': ' '/User time|System time/ {s+=$2} END {print s}' "$log.time")
    rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2/1024}' "$log.time")
    summary=$(tail -1 "$log.out")
    local size text
    size=$(du -b "$DB" | cut -f1)
    text=$(sqlite3 "$DB" "SELECT coalesce(sum(length(CAST(text AS BLOB))), 0) FROM sources")
    awk -v l="$label" -v n="$N" -v b="$BYTES" -v w="$wall" -v c="$cpu" -v r="$rss" -v s="$size" -v t="$text" -v sum="$summary" 'BEGIN {
        printf "| %s | %d | %.1f | %.2f | %.2f | %.0f | %.3f | %.3f | %d | %.0f | %.1f | %s |\n", l, n, b/1e6, w, c, n/w, b/1e6/w, b/1e6/c, r, s/1e6, (t > 0 ? s/t : 0), sum }'
}

echo "## bench-ingest: $N documents (seed $SEED), $(date -u +%FT%TZ)"
echo
echo "- machine: $(nproc) cores, $(uname -r); load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "- binary: $EVIDENCE (checkout HEAD: $(git rev-parse --short HEAD))"
echo "- corpus: $CORPUS ($BYTES bytes)"
echo
echo "| run | documents | MB | wall s | CPU s (user+sys) | docs/s | MB/s (wall) | MB per CPU-s | peak RSS MiB | DB MB | DB ÷ text | summary line |"
echo "|---|---|---|---|---|---|---|---|---|---|---|---|"
run fresh "$CORPUS"
run unchanged "$CORPUS"
if [[ -n "${DOCS:-}" ]]; then
    echo
    echo "- load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
    exit 0
fi
run changed-$CHANGE "$CHANGED"
# Flatness: 1,000 more new documents into the full database, against 1,000 into an empty one.
EXTRA=$WORK/corpus-extra-$N-s$SEED
if [[ ! -f $EXTRA/.done ]]; then
    rm -rf "$EXTRA"; python3 scripts/gen-corpus --count 1000 --start "$((N + 1000000))" --seed "$SEED" --out "$EXTRA" >&2; touch "$EXTRA/.done"
fi
BYTES_ALL=$BYTES; N_ALL=$N
BYTES=$(find "$EXTRA" -type f -printf '%s\n' | awk '{s+=$1} END {print s}'); N=1000
run "+1000 new into full DB" "$EXTRA"
FULL_DB=$DB; DB=$WORK/ingest-empty-1000.sqlite; rm -f "$DB" "$DB-wal" "$DB-shm"
run "same 1000 into empty DB" "$EXTRA"
DB=$FULL_DB; N=$N_ALL; BYTES=$BYTES_ALL
echo
echo "- load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "- rows of the full database after all runs: $(sqlite3 "$DB" "SELECT (SELECT count(*) FROM sources)||' sources, '||(SELECT count(*) FROM studies)||' studies, '||(SELECT count(*) FROM claims)||' claims, '||(SELECT count(*) FROM comments)||' comments'")"
