#!/usr/bin/env bash
# bench-http.sh: our server against the peers (../shared/peers: Hummingbird, FlyingFox, Datasette, nginx static)
# on the same SQLite file, for three queries, each with SQL that returns the byte-identical JSON body:
#   1. /v1/studies?condition=vascular%20calcification   (narrower concepts included, via study_concept_index)
#   2. /v1/studies/{id}
#   3. /v1/search?q=menaquinone
#
#   scripts/bench-http.sh                 # seeds + 10,000 generated documents
#   DOCS=2000 scripts/bench-http.sh       # smaller database
#   ONLY=2 scripts/bench-http.sh          # one query
#
# Environment: WORK (/tmp/evidence-bench), DOCS (10000), SEED (42), PORT (18190), EVIDENCE (a built binary;
# otherwise a release build of HEAD, see bench-lib.sh), FRESH=1 rebuilds the database (from bench-ingest.sh's
# database of the same corpus when there is one, unless FRESH_INGEST=1), Q (menaquinone), plus bench.sh's
# own knobs (DURATION, ROUNDS, CONNECTIONS, WARMUP, BASE_PORT, KEEP_WORK).
#
# Equivalence notes. The peers run one SQL statement per request; ours runs the page query and the total
# (meta.total: concepts.study_count for a lone concept, four FTS counts for search), so the SQL below does both
# too. The concept name is resolved by the SQL through
# concept_terms (term_key is the name lower-cased with non-letters removed); our server resolves it in memory.
# next_cursor is an HMAC-sealed token SQLite cannot compute: the SQL emits the one our server issued as a literal
# (when the page is full), so the peers skip one HMAC-SHA256 and its base64 per request (about 2 µs).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
WORK=${WORK:-/tmp/evidence-bench}
DOCS=${DOCS:-10000}
SEED=${SEED:-42}
PORT=${PORT:-18190}
Q=${Q:-menaquinone}
PEERS=${PEERS:-$ROOT/../shared/peers}
mkdir -p "$WORK"
if [[ ! -x $PEERS/bench.sh ]]; then
    echo "bench-http: no peers folder at $PEERS (it needs bench.sh and the built peer servers)." >&2
    echo "Set PEERS=/path/to/peers, or measure our server alone: scripts/bench-scale.sh (STUDIES=100000 for a short run)" >&2
    echo "or the HTTP stack alone: scripts/http/soak.sh." >&2
    exit 2
fi

source scripts/bench-lib.sh
evidence_binary

DB=$WORK/http-$DOCS.sqlite
if [[ ! -f $DB || ${FRESH:-0} == 1 ]]; then
    rm -f "$DB" "$DB-wal" "$DB-shm"
    CORPUS=$WORK/corpus-$DOCS-s$SEED
    if [[ ! -f $CORPUS/.done ]]; then
        rm -rf "$CORPUS"; python3 scripts/gen-corpus --count "$DOCS" --seed "$SEED" --out "$CORPUS" >&2; touch "$CORPUS/.done"
    fi
    if [[ -f $WORK/ingest-$DOCS.sqlite && -z ${FRESH_INGEST:-} ]]; then
        # bench-ingest.sh's database of the same corpus: copy it and add the seeds (the corpus part is unchanged).
        sqlite3 "$WORK/ingest-$DOCS.sqlite" "PRAGMA wal_checkpoint(TRUNCATE);" >/dev/null
        cp "$WORK/ingest-$DOCS.sqlite" "$DB"
        "$EVIDENCE" ingest --db "$DB" seeds | tail -1 >&2   # (its corpus may hold bench-ingest's edited 10%)
    else
        echo "ingesting seeds + $DOCS documents into $DB ..." >&2
        "$EVIDENCE" ingest --db "$DB" seeds "$CORPUS" | tail -1 >&2
    fi
fi
# The peers open the file immutable: fold the WAL in first.
sqlite3 "$DB" "PRAGMA wal_checkpoint(TRUNCATE);" >/dev/null

SERVER_PID=
cleanup() { [[ -n $SERVER_PID ]] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null; true; }
trap cleanup EXIT
"$EVIDENCE" serve --db "$DB" --host 127.0.0.1 --port "$PORT" >"$WORK/serve.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 100); do curl -fsS "http://127.0.0.1:$PORT/health" >/dev/null 2>&1 && break; sleep 0.1; done
curl -fsS "http://127.0.0.1:$PORT/health" >/dev/null
BASE=http://127.0.0.1:$PORT

# cursor_of URL: the next_cursor our server issues for that URL (empty when none).
cursor_of() { curl -fsS "$1" | python3 -c 'import json,sys; c=json.load(sys.stdin)["meta"]["next_cursor"]; print(c or "")'; }
sql_string() { printf "'%s'" "${1//\'/\'\'}"; }

COND="vascular calcification"
COND_URL="$BASE/v1/studies?condition=vascular%20calcification"
COND_CURSOR=$(cursor_of "$COND_URL")
CONCEPT="SELECT t.concept_id FROM concept_terms t JOIN concepts k ON k.id = t.concept_id
          WHERE t.term_key = replace(replace(lower(?), ' ', ''), '-', '') AND k.type = 'condition' LIMIT 1"
SQL_COND="WITH c(id) AS ($CONCEPT),
 page AS (SELECT s.json FROM study_concept_index ci JOIN studies s ON s.id = ci.study_id
          WHERE ci.concept_id = (SELECT id FROM c) ORDER BY ci.study_id LIMIT 20),
 total(n) AS (SELECT coalesce((SELECT study_count FROM concepts WHERE id = (SELECT id FROM c)), 0))
SELECT '{\"data\":[' || coalesce((SELECT group_concat(json, ',') FROM page), '') || '],\"meta\":'
       || json_object('total', n, 'limit', 20, 'next_cursor', CASE WHEN n > 20 THEN $(sql_string "$COND_CURSOR") END) || '}'
FROM total"

STUDY_ID=$(curl -fsS "$COND_URL" | python3 -c 'import json,sys; print(json.load(sys.stdin)["data"][0]["id"])')
SQL_ITEM="SELECT json FROM studies WHERE id = ?"

SEARCH_URL="$BASE/v1/search?q=$Q"
SEARCH_CURSOR=$(cursor_of "$SEARCH_URL")
# Like the route: the order is decided on bare FTS5 rows, then id, source id and snippet are made for the page's
# rows only; the total is four FTS counts. A q with more than 1,000 matches (menaquinone: 6,391 at 10k documents)
# is listed by kind, newest first (meta.order "recent"); a rarer one is ranked by bm25 ("relevance"). The SQL runs
# the branch our server took for Q (from its meta.order); our server decides by the total, which it needs anyway.
MATCHQ="(SELECT m FROM q)"
SEARCH_ORDER=$(curl -fsS "$SEARCH_URL" | python3 -c 'import json,sys; print(json.load(sys.stdin)["meta"]["order"])')
detail() {   # detail TYPE FTS TABLE ALIAS SOURCE_EXPR
    echo "WHEN '$1' THEN (SELECT json_object('type', '$1', 'id', $4.id, 'snippet', snippet($2, -1, '«', '»', '…', 12),
        'source_id', $5) FROM $2 f JOIN $3 $4 ON $4.rowid = f.rowid WHERE $2 MATCH $MATCHQ AND f.rowid = picked.row)"
}
if [[ $SEARCH_ORDER == relevance ]]; then
    PICKED="SELECT type, row, rank AS k1, type AS k2, row AS k3 FROM (
        SELECT 'study' AS type, rowid AS row, rank FROM studies_fts WHERE studies_fts MATCH $MATCHQ
        UNION ALL SELECT 'claim', rowid, rank FROM claims_fts WHERE claims_fts MATCH $MATCHQ
        UNION ALL SELECT 'comment', rowid, rank FROM comments_fts WHERE comments_fts MATCH $MATCHQ
        UNION ALL SELECT 'source', rowid, rank FROM sources_fts WHERE sources_fts MATCH $MATCHQ
    ) ORDER BY rank, type, row LIMIT 20"
else
    recent() { echo "SELECT * FROM (SELECT $1 AS k1, '$2' AS type, rowid AS row FROM $3 WHERE $3 MATCH $MATCHQ ORDER BY rowid DESC LIMIT 20)"; }
    PICKED="SELECT type, row, k1, 0 AS k2, -row AS k3 FROM (
        $(recent 0 study studies_fts) UNION ALL $(recent 1 claim claims_fts)
        UNION ALL $(recent 2 comment comments_fts) UNION ALL $(recent 3 source sources_fts)
    ) ORDER BY k1, row DESC LIMIT 20"
fi
# FullTextQuery.compile of one plain word is the word, lower-cased, in double quotes.
SQL_SEARCH="WITH q(m) AS (SELECT '\"' || lower(?) || '\"'),
 picked AS ($PICKED),
 page AS (SELECT CASE type
        $(detail study studies_fts studies s '(SELECT min(source_id) FROM study_mentions m WHERE m.study_id = s.id)')
        $(detail claim claims_fts claims c c.source_id)
        $(detail comment comments_fts comments c c.source_id)
        $(detail source sources_fts sources s s.id)
    END AS j FROM picked ORDER BY k1, k2, k3),
 total(n) AS (SELECT (SELECT count(*) FROM studies_fts WHERE studies_fts MATCH $MATCHQ)
        + (SELECT count(*) FROM claims_fts WHERE claims_fts MATCH $MATCHQ)
        + (SELECT count(*) FROM comments_fts WHERE comments_fts MATCH $MATCHQ)
        + (SELECT count(*) FROM sources_fts WHERE sources_fts MATCH $MATCHQ))
SELECT '{\"data\":[' || coalesce((SELECT group_concat(j, ',') FROM page), '') || '],\"meta\":'
       || json_object('total', n, 'limit', 20, 'next_cursor', CASE WHEN n > 20 THEN $(sql_string "$SEARCH_CURSOR") END,
                      'order', '$SEARCH_ORDER') || '}'
FROM total"

# check NAME SQL PARAM URL: the SQL's answer (sqlite3 CLI) must be byte-identical to our server's.
check() {
    local ours theirs
    ours=$(curl -fsS "$4")
    theirs=$(sqlite3 -cmd ".parameter set ?1 $(sql_string "$3")" "$DB" "$2")
    if [[ "$ours" == "$theirs" ]]; then echo "- $1: SQL answer byte-identical to ours (${#ours} chars)"
    else echo "- $1: SQL answer DIFFERS from ours (ours ${#ours} chars, SQL ${#theirs})"
        diff <(echo "$ours" | fold -w 120) <(echo "$theirs" | fold -w 120) | head -10
    fi
}

echo "# bench-http: $(date -u +%FT%TZ), binary $(basename "$EVIDENCE") (HEAD $(git rev-parse --short HEAD) when the report ends)"
echo
echo "- database: $DB ($(du -m "$DB" | cut -f1) MB; $(sqlite3 "$DB" "SELECT (SELECT count(*) FROM sources)||' sources, '||(SELECT count(*) FROM studies)||' studies, '||(SELECT count(*) FROM claims)||' claims, '||(SELECT count(*) FROM comments)||' comments'"))"
echo "- load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
check condition "$SQL_COND" "$COND" "$COND_URL"
check study "$SQL_ITEM" "$STUDY_ID" "$BASE/v1/studies/$STUDY_ID"
check search "$SQL_SEARCH" "$Q" "$SEARCH_URL"
echo

run() {   # run N TITLE SQL PARAM URL
    [[ -n ${ONLY:-} && ${ONLY} != "$1" ]] && return 0
    echo "## $1. $2"
    echo
    echo "- load average: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo
    "$PEERS/bench.sh" "$DB" "$3" "$4" "$5" 2>&1
    echo
}
run 1 "/v1/studies?condition=vascular%20calcification" "$SQL_COND" "$COND" "$COND_URL"
run 2 "/v1/studies/{id}" "$SQL_ITEM" "$STUDY_ID" "$BASE/v1/studies/$STUDY_ID"
run 3 "/v1/search?q=$Q" "$SQL_SEARCH" "$Q" "$SEARCH_URL"
echo "- load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
