# Sourced by the bench-*.sh scripts. Sets EVIDENCE to a release binary of the committed HEAD (unless EVIDENCE is
# already set): the tree is copied with `git archive` to $WORK/src-COMMIT and built there, with the scratch path
# .build-bench of this checkout (so the dependencies are built once), because other engineers edit Sources/
# meanwhile and a build of the working tree fails with "modified during the build". The binary is kept as
# $WORK/evidence-COMMIT and reused.
evidence_binary() {
    [[ -n "${EVIDENCE:-}" ]] && return 0
    local commit src
    commit=$(git rev-parse --short HEAD)
    EVIDENCE=$WORK/evidence-$commit
    [[ -x $EVIDENCE ]] && return 0
    src=$WORK/src-$commit
    rm -rf "$src"; mkdir -p "$src"
    git archive HEAD | tar -x -C "$src"
    echo "building evidence at $commit (release) ..." >&2
    for attempt in 1 2 3; do
        if swift build -c release --package-path "$src" --scratch-path "$ROOT/.build-bench" --product evidence \
            >"$WORK/build-$commit.log" 2>&1; then
            cp "$ROOT/.build-bench/release/evidence" "$EVIDENCE"
            return 0
        fi
        echo "build failed (attempt $attempt): $(grep -m1 'error:' "$WORK/build-$commit.log" || true)" >&2
        sleep 10
    done
    tail -20 "$WORK/build-$commit.log" >&2
    exit 1
}
