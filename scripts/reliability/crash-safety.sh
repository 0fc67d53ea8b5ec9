#!/usr/bin/env bash
# Crash safety of ingest: kill -9 an ingest of a generated corpus at random moments (KILLS, default 20).
# After each kill: PRAGMA integrity_check is ok and every stored document's row counts equal those of a clean
# ingest of the same file (no half documents). Finally a second ingest completes the rest and the database
# equals the clean one.   Usage: scripts/reliability/crash-safety.sh [KILLS] [DOCS]
source "$(dirname "$0")/lib.sh"
KILLS=${1:-20}; DOCS=${2:-200}
BIN=$(evidence_bin)
WORK=$(mktemp -d /tmp/evidence-crash.XXXXXX); trap 'rm -rf "$WORK"' EXIT
make_corpus "$DOCS" "$WORK/docs"
echo "corpus: $(find "$WORK/docs" -type f | wc -l) files, $(du -sh "$WORK/docs" | cut -f1)"

start=$(date +%s.%N)
"$BIN" ingest --db "$WORK/clean.sqlite" "$WORK/docs" >/dev/null || true
clean_s=$(echo "$(date +%s.%N) - $start" | bc)
sqlite3 "$WORK/clean.sqlite" "$COUNTS_SQL" > "$WORK/clean.counts"
echo "clean ingest: $(wc -l < "$WORK/clean.counts") documents in ${clean_s}s"
max_ms=$(python3 -c "print(max(200, int(float('$clean_s') * 900)))")
total=$(wc -l < "$WORK/clean.counts")

killed=0; bad=0
for k in $(seq 1 "$KILLS"); do
    # Start again from an empty file once a round got to the end, so that every kill lands mid-ingest; otherwise
    # the next ingest resumes a killed one (which is the "second ingest completes the rest" case, killed again).
    if [ -f "$WORK/crash.sqlite" ] && [ "$(sqlite3 "$WORK/crash.sqlite" 'SELECT count(*) FROM sources')" = "$total" ]; then
        rm -f "$WORK"/crash.sqlite*
    fi
    "$BIN" ingest --db "$WORK/crash.sqlite" "$WORK/docs" >/dev/null 2>&1 &
    pid=$!
    delay=$(python3 -c "import random; print(random.randint(20, $max_ms) / 1000)")
    sleep "$delay"
    if kill -9 "$pid" 2>/dev/null; then killed=$((killed + 1)); fi
    wait "$pid" 2>/dev/null || true
    [ -f "$WORK/crash.sqlite" ] || { echo "kill $k after ${delay}s: no database yet"; continue; }
    ic=$(sqlite3 "$WORK/crash.sqlite" "PRAGMA integrity_check" 2>&1 | head -1)
    sqlite3 "$WORK/crash.sqlite" "$COUNTS_SQL" > "$WORK/crash.counts"
    stored=$(wc -l < "$WORK/crash.counts")
    # Every stored line must appear verbatim among the clean lines.
    partial=$(grep -vxFf "$WORK/clean.counts" "$WORK/crash.counts" | wc -l || true)
    echo "kill $k after ${delay}s: integrity=$ic stored=$stored not-whole=$partial"
    if [ "$ic" != "ok" ] || [ "$partial" != 0 ]; then bad=$((bad + 1)); fi
done
"$BIN" ingest --db "$WORK/crash.sqlite" "$WORK/docs" > "$WORK/final.out" || true
sqlite3 "$WORK/crash.sqlite" "$COUNTS_SQL" > "$WORK/crash.counts"
same=$(cmp -s "$WORK/clean.counts" "$WORK/crash.counts" && echo yes || echo no)
echo "final ingest: $(tail -1 "$WORK/final.out")"
echo "RESULT: $killed kills, $bad bad states, integrity=$(sqlite3 "$WORK/crash.sqlite" 'PRAGMA integrity_check' | head -1), final equals clean: $same"
[ "$bad" = 0 ] && [ "$same" = yes ]
