#!/usr/bin/env bash
# The database under faults. Each case must give a clear one-line error and a non-zero exit, never a crash or a
# hang; the server must answer 503 on /health when its file becomes unreadable, and recover when it is back.
# Needs root for the tmpfs mounts (disk full, read-only).   Usage: scripts/reliability/db-faults.sh
source "$(dirname "$0")/lib.sh"
BIN=$(evidence_bin)
WORK=$(mktemp -d /tmp/evidence-faults.XXXXXX)
MNT=$WORK/mnt; mkdir -p "$MNT"
cleanup() { stop_server; mountpoint -q "$MNT" && umount "$MNT"; rm -rf "$WORK"; }
trap cleanup EXIT
failures=0
crashy() { grep -qE "Fatal error|Stack dump|Segmentation|\.swift:[0-9]+" "$1"; }
expect_clean_failure() { # name status stderr-file
    local name=$1 status=$2 err=$3
    local lines; lines=$(grep -c . "$err" || true)
    if [ "$status" -ne 0 ] && ! crashy "$err" && [ -s "$err" ]; then
        echo "PASS $name: exit $status: $(grep -v '^added\|^unchanged' "$err" | tail -1 | cut -c1-160)"
    else
        echo "FAIL $name: exit $status, stderr: $(head -c 300 "$err")"; failures=$((failures + 1))
    fi
}
make_corpus 200 "$WORK/docs"

# 1. Disk full: a 2 MiB tmpfs that fills part-way through the ingest.
mount -t tmpfs -o size=2m tmpfs "$MNT"
set +e; timeout 300 "$BIN" ingest --db "$MNT/e.sqlite" "$WORK/docs" > "$WORK/out" 2> "$WORK/err"; st=$?; set -e
cat "$WORK/out" >> "$WORK/err"
expect_clean_failure "disk full (2 MiB tmpfs)" $st "$WORK/err"
echo "  stored $(sqlite3 "$MNT/e.sqlite" 'SELECT count(*) FROM sources') documents; integrity $(sqlite3 "$MNT/e.sqlite" 'PRAGMA integrity_check' | head -1); failed lines: $(grep -c 'failed' "$WORK/out" || true)"
umount "$MNT"

# 2. Read-only: a database on a tmpfs remounted read-only.
mount -t tmpfs -o size=64m tmpfs "$MNT"
"$BIN" ingest --db "$MNT/e.sqlite" "$ROOT/seeds" > /dev/null
mount -o remount,ro "$MNT"
set +e; timeout 120 "$BIN" ingest --db "$MNT/e.sqlite" "$WORK/docs" > "$WORK/out" 2> "$WORK/err"; st=$?; set -e
cat "$WORK/out" >> "$WORK/err"
expect_clean_failure "read-only file system" $st "$WORK/err"
# ... and the server can still serve it read-only.
PORT=$(free_port); start_server "$MNT/e.sqlite" "$PORT" "$WORK/serve.log" || true
echo "  NOTE serve on the read-only mount: /health $(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/health") (a WAL database cannot be opened read-only on read-only media without its -shm file)"
stop_server
umount "$MNT"

# 3. Read-only file (mode 0444) for a non-root user.
"$BIN" ingest --db "$WORK/ro.sqlite" "$ROOT/seeds" > /dev/null
chmod 0444 "$WORK/ro.sqlite"; chmod 0777 "$WORK"; chmod -R a+rX "$WORK/docs"
if command -v setpriv >/dev/null; then
    set +e; timeout 120 setpriv --reuid=65534 --regid=65534 --clear-groups "$BIN" ingest --db "$WORK/ro.sqlite" "$WORK/docs" > "$WORK/out" 2> "$WORK/err"; st=$?; set -e
    cat "$WORK/out" >> "$WORK/err"
    expect_clean_failure "read-only file (0444, uid 65534)" $st "$WORK/err"
fi

# 4. Locked: another connection holds an exclusive lock for 20 s.
"$BIN" ingest --db "$WORK/lock.sqlite" "$ROOT/seeds" > /dev/null
( printf 'BEGIN EXCLUSIVE;\nSELECT 1;\n'; sleep 20; printf 'ROLLBACK;\n' ) | sqlite3 "$WORK/lock.sqlite" > /dev/null &
LOCKER=$!
sleep 1
t0=$(date +%s)
set +e; timeout 60 "$BIN" ingest --db "$WORK/lock.sqlite" "$WORK/docs" > "$WORK/out" 2> "$WORK/err"; st=$?; set -e
cat "$WORK/out" >> "$WORK/err"
expect_clean_failure "locked database (exclusive lock held)" $st "$WORK/err"
echo "  gave up after $(( $(date +%s) - t0 )) s"
kill "$LOCKER" 2>/dev/null || true; wait "$LOCKER" 2>/dev/null || true

# 5. Corrupt: random bytes, and a truncated file.
head -c 65536 /dev/urandom > "$WORK/random.sqlite"
set +e; timeout 60 "$BIN" ingest --db "$WORK/random.sqlite" "$ROOT/seeds" > "$WORK/out" 2> "$WORK/err"; st=$?; set -e
expect_clean_failure "corrupt file (random bytes), ingest" $st "$WORK/err"
set +e; timeout 20 "$BIN" serve --db "$WORK/random.sqlite" --port 0 > "$WORK/out" 2> "$WORK/err"; st=$?; set -e
expect_clean_failure "corrupt file (random bytes), serve" $st "$WORK/err"
"$BIN" ingest --db "$WORK/trunc.sqlite" "$WORK/docs" > /dev/null || true
size=$(stat -c %s "$WORK/trunc.sqlite"); truncate -s $((size / 3)) "$WORK/trunc.sqlite"
set +e; timeout 60 "$BIN" ingest --db "$WORK/trunc.sqlite" "$WORK/docs" > "$WORK/out" 2> "$WORK/err"; st=$?; set -e
cat "$WORK/out" >> "$WORK/err"
expect_clean_failure "truncated file (1/3 of $size bytes), ingest" $st "$WORK/err"

# 6. The server while its file goes bad: corrupt in place, then truncate; /health must be 503, the process
#    alive; restored, it answers 200 again.
"$BIN" ingest --db "$WORK/live.sqlite" "$ROOT/seeds" > /dev/null
cp "$WORK/live.sqlite" "$WORK/live.backup"
PORT=$(free_port); start_server "$WORK/live.sqlite" "$PORT" "$WORK/serve.log"
h0=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/health")
dd if=/dev/urandom of="$WORK/live.sqlite" bs=4096 count=$(( $(stat -c %s "$WORK/live.sqlite") / 4096 )) conv=notrunc status=none
h1=$(curl -s -o "$WORK/body" -w '%{http_code}' "http://127.0.0.1:$PORT/health")
s1=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/v1/studies")
truncate -s 0 "$WORK/live.sqlite"
h2=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/health")
cp "$WORK/live.backup" "$WORK/live.sqlite"
sleep 0.5
h3=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/health")
alive=$(kill -0 "$SERVER_PID" 2>/dev/null && echo alive || echo DEAD)
leak=$(grep -cE "/tmp|\.sqlite|SELECT|\.swift" "$WORK/body" || true)
# Random bytes written over a file whose pages the server has cached may go unnoticed by /health (it reads few
# pages); a list route reads the file and must answer 503. After truncation /health itself must be 503.
if [ "$h0" = 200 ] && { [ "$h1" = 503 ] || [ "$s1" = 503 ]; } && [ "$h2" = 503 ] && [ "$h3" = 200 ] && [ "$alive" = alive ] && [ "$leak" = 0 ]; then
    echo "PASS server under a corrupted file: /health $h0 -> corrupt $h1 (/v1/studies $s1) -> truncated $h2 -> restored $h3, process $alive, body leaks nothing"
else
    echo "FAIL server under a corrupted file: /health $h0 -> corrupt $h1 (/v1/studies $s1) -> truncated $h2 -> restored $h3, process $alive, leaks $leak: $(cat "$WORK/body")"
    failures=$((failures + 1))
fi
stop_server
echo "RESULT: $failures failures"
[ "$failures" = 0 ]
