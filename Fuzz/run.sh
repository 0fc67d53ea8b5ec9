#!/usr/bin/env bash
# Runs one libFuzzer target for SECONDS (default 600) on a working copy of its seed corpus, then prints the
# executions and coverage reached.   Usage: Fuzz/run.sh parser|router|ingest [SECONDS]
# Crashes land in Fuzz/.work/artifacts/TARGET/; copy each into Fuzz/regressions/TARGET/ once understood.
# Replay the regression inputs alone: Fuzz/run.sh TARGET regress
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
T=${1:?parser, router or ingest}; SECONDS_=${2:-600}
BIN=${FUZZ_BIN_DIR:-Fuzz/.work/bin}/$T-fuzz
[ -x "$BIN" ] || Fuzz/build.sh "$T"
export EVIDENCE_HOME=$ROOT
case $T in
    parser) MAXLEN=4096 ;;
    router) MAXLEN=512
        export FUZZ_DB=$ROOT/Fuzz/.work/router.sqlite
        if [ ! -f "$FUZZ_DB" ]; then
            EVIDENCE=${EVIDENCE_BIN:-$(find "$ROOT"/.build*/release -maxdepth 1 -name evidence -type f | head -1)}
            "$EVIDENCE" ingest --db "$FUZZ_DB" "$ROOT/seeds" > /dev/null
        fi ;;
    ingest) MAXLEN=16384 ;;
    *) echo "unknown target $T" >&2; exit 2 ;;
esac
if [ "$SECONDS_" = regress ]; then
    files=$(find "Fuzz/regressions/$T" -type f 2>/dev/null)
    [ -n "$files" ] || { echo "no regression inputs for $T"; exit 0; }
    exec "$BIN" $files
fi
WORK=Fuzz/.work/corpus/$T; ART=Fuzz/.work/artifacts/$T
mkdir -p "$WORK" "$ART"
cp -n Fuzz/corpus/$T/* "$WORK/" 2>/dev/null || true
[ -d "Fuzz/regressions/$T" ] && cp -n Fuzz/regressions/$T/* "$WORK/" 2>/dev/null || true
LOG=Fuzz/.work/$T${FUZZ_LOG_SUFFIX:-}.log
set +e
ASAN_OPTIONS=detect_leaks=0 "$BIN" "$WORK" -max_total_time="$SECONDS_" -timeout=10 -rss_limit_mb=3072 -max_len=$MAXLEN \
    -print_final_stats=1 -artifact_prefix="$ART/" > "$LOG" 2>&1
status=$?
set -e
grep -E "^#[0-9]+.*(DONE|pulse)" "$LOG" | tail -1
grep -E "stat::number_of_executed_units|stat::average_exec_per_sec|stat::peak_rss_mb|Done [0-9]+ runs" "$LOG" || true
grep -E "ERROR|SUMMARY|Fatal error|deadly signal|timeout" "$LOG" | head -5 || true
echo "corpus: $(ls "$WORK" | wc -l) inputs; artifacts: $(ls "$ART" | wc -l); exit $status (log $LOG)"
exit $status
