#!/usr/bin/env bash
# bench-scale.sh: the hot queries with a million studies in the database.
#
#   scripts/bench-scale.sh                    # 1,000,000 generated studies + 300,000 claims
#   STUDIES=100000 scripts/bench-scale.sh     # smaller
#
# 1. Builds a base database with `evidence ingest` (seeds + 1,000 generated documents: schema, lexicon, real
#    sources), copies it and adds STUDIES studies and CLAIMS claims straight into the tables with
#    scripts/gen-scale-db.py (kept under WORK, named by the hash of the generator and schema.sql, and reused).
# 2. Starts `evidence serve` and, for each query below, measures
#      - first: the first request of the URL since the server started, at the client (the evidence matrix is
#        kept rendered between ingests: this is its cold cost),
#      - sql: the SQL our route runs (page query + total, the matrix's counts and id queries, the search's
#        ranking, totals and per-hit details), in process (Python's sqlite3 on the same file: median of 50
#        runs after 3 warm-ups),
#      - server: the server's own mean time per request (delta of http_request_duration_seconds_sum/_count in
#        /metrics over 200 sequential requests, nothing else hitting the server),
#      - wrk -t1 -c1 -d5s --latency: req/s, p50, p99 at one connection.
# 3. Prints EXPLAIN QUERY PLAN for every hot query and flags full scans.
#
# Environment: WORK (/tmp/evidence-bench), STUDIES (1000000), CLAIMS (300000), PORT (18191), EVIDENCE, FRESH=1, DB,
# BASE_DB (a database `evidence ingest` made, used instead of ingesting seeds + 1,000 documents).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
WORK=${WORK:-/tmp/evidence-bench}
STUDIES=${STUDIES:-1000000}
CLAIMS=${CLAIMS:-300000}
PORT=${PORT:-18191}
mkdir -p "$WORK"

source scripts/bench-lib.sh
evidence_binary

# The generated database is reused while the generator and the schema are the same (their hash names it).
GEN=$(cat scripts/gen-scale-db.py schema.sql | sha256sum | cut -c1-8)
DB=${DB:-$WORK/scale-$STUDIES-$GEN.sqlite}
if [[ ! -f $DB.done || ${FRESH:-0} == 1 ]]; then
    rm -f "$DB" "$DB-wal" "$DB-shm" "$DB.done"
    CORPUS=$WORK/corpus-1000-s42
    if [[ ! -f $CORPUS/.done ]]; then
        rm -rf "$CORPUS"; python3 scripts/gen-corpus --count 1000 --out "$CORPUS" >&2; touch "$CORPUS/.done"
    fi
    if [[ -n ${BASE_DB:-} ]]; then cp "$BASE_DB" "$DB"; else "$EVIDENCE" ingest --db "$DB" seeds "$CORPUS" | tail -1 >&2; fi
    nice -n 10 python3 scripts/gen-scale-db.py "$DB" --studies "$STUDIES" --claims "$CLAIMS"
    touch "$DB.done"
fi

SERVER_PID=
cleanup() { [[ -n $SERVER_PID ]] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null; SERVER_PID=; true; }
trap 'cleanup; rm -f "$WORK/bench-scale-$$.py"' EXIT

echo "# bench-scale: $(date -u +%FT%TZ), $(git rev-parse --short HEAD)"
echo
echo "- database: $DB ($(du -m "$DB" | cut -f1) MB; $(sqlite3 "$DB" "SELECT (SELECT count(*) FROM sources)||' sources, '||(SELECT count(*) FROM studies)||' studies, '||(SELECT count(*) FROM claims)||' claims, '||(SELECT count(*) FROM comments)||' comments; vascular-calcification: '||(SELECT study_count FROM concepts WHERE id='vascular-calcification')||' studies, calciphylaxis: '||(SELECT study_count FROM concepts WHERE id='calciphylaxis')"))"
echo "- machine: $(nproc) cores; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo

# One pass: a fresh server (REPLY_CACHE=0 turns its list-reply cache off), the table, and EXPLAIN when asked.
run_pass() {
    EVIDENCE_REPLY_CACHE=$1 "$EVIDENCE" serve --db "$DB" --host 127.0.0.1 --port "$PORT" >"$WORK/scale-serve.log" 2>&1 &
    SERVER_PID=$!
    for _ in $(seq 100); do curl -fsS "http://127.0.0.1:$PORT/health" >/dev/null 2>&1 && break; sleep 0.1; done
    PASS=$2 EXPLAIN=$3 ROOT="$ROOT" DB="$DB" BASE="http://127.0.0.1:$PORT" python3 "$WORK/bench-scale-$$.py"
    cleanup
}

cat >"$WORK/bench-scale-$$.py" <<'PY'
import json, os, re, sqlite3, statistics, subprocess, time, urllib.request

DB, BASE = os.environ["DB"], os.environ["BASE"]
db = sqlite3.connect(f"file:{DB}?mode=ro", uri=True)
import urllib.error
statuses = {}
def get(path):
    # an error answer (a 503 when a request's queries ran past the server's 2 s limit) is counted, not fatal
    try:
        with urllib.request.urlopen(BASE + path) as r:
            return r.read()
    except urllib.error.HTTPError as e:
        statuses[path] = statuses.get(path, 0) + 1
        return e.read()

rare_name = db.execute("SELECT name FROM studies WHERE name IS NOT NULL AND name GLOB '[A-Z]*' LIMIT 1 OFFSET 5000").fetchone()[0]
study_id = db.execute("SELECT id FROM studies WHERE rowid = (SELECT max(rowid) / 2 FROM studies)").fetchone()
study_id = study_id[0] if study_id else db.execute("SELECT id FROM studies LIMIT 1").fetchone()[0]

# page 50 of condition=vascular calcification, by cursor; the in-process SQL binds page 49's last id
url = "/v1/studies?condition=vascular%20calcification"
cursor50, last49 = None, None
for page in range(49):
    body = json.loads(get(url + (f"&cursor={cursor50}" if cursor50 else "")))
    cursor50, last49 = body["meta"]["next_cursor"], body["data"][-1]["id"]
    if not cursor50:
        break

# The SQL each route runs now (StudyRoutes.list through ListQuery, EvidenceMatrixRoute, SearchRoute), with the
# parameters it binds; a list with a condition alone takes its total from concepts.study_count.
COND_PAGE = ("SELECT s.json, ci.study_id FROM studies s JOIN study_concept_index ci ON ci.study_id = s.id AND ci.concept_id = ?"
             " ORDER BY ci.study_id LIMIT ?")
COND_PAGE_AFTER = ("SELECT s.json, ci.study_id FROM studies s JOIN study_concept_index ci ON ci.study_id = s.id AND ci.concept_id = ?"
                   " WHERE (ci.study_id) > (?) ORDER BY ci.study_id LIMIT ?")
COND_TOTAL = "SELECT study_count FROM concepts WHERE id = ?"
PAIR_FROM = ("FROM studies s JOIN study_concept_index ci ON ci.study_id = s.id AND ci.concept_id = ?"
             " JOIN study_concept_index ii ON ii.study_id = s.id AND ii.concept_id = ?")
PAIR_TOTAL = ("SELECT count(*) FROM study_concept_index ci JOIN study_concept_index ii ON ii.study_id = ci.study_id"
              " AND ii.concept_id = ? WHERE ci.concept_id = ?")
STUDY_RANK_CHECK = "SELECT count(*) FROM (SELECT 1 FROM studies_fts WHERE studies_fts MATCH ? LIMIT ?)"
STUDY_FTS_TOTAL = "SELECT count(*) FROM studies_fts WHERE studies_fts MATCH ?"
STUDY_FTS_FROM = "FROM studies s JOIN studies_fts f ON f.rowid = s.rowid AND studies_fts MATCH ?"
SEARCH_UNION = """FROM (
    SELECT 'study' AS type, rowid AS row, rank FROM studies_fts WHERE studies_fts MATCH ?1
    UNION ALL SELECT 'claim', rowid, rank FROM claims_fts WHERE claims_fts MATCH ?1
    UNION ALL SELECT 'comment', rowid, rank FROM comments_fts WHERE comments_fts MATCH ?1
    UNION ALL SELECT 'source', rowid, rank FROM sources_fts WHERE sources_fts MATCH ?1
) hits"""
SEARCH_PAGE = f"SELECT json_object('type', hits.type, 'row', hits.row), hits.rank, hits.type, hits.row {SEARCH_UNION} ORDER BY hits.rank, hits.type, hits.row LIMIT ?2"
SEARCH_TOTAL = """SELECT (SELECT count(*) FROM studies_fts WHERE studies_fts MATCH ?1)
     + (SELECT count(*) FROM claims_fts WHERE claims_fts MATCH ?1)
     + (SELECT count(*) FROM comments_fts WHERE comments_fts MATCH ?1)
     + (SELECT count(*) FROM sources_fts WHERE sources_fts MATCH ?1)"""
SEARCH_DETAIL = {
    "study": "SELECT s.id, (SELECT min(source_id) FROM study_mentions m WHERE m.study_id = s.id), snippet(studies_fts, -1, '«', '»', '…', 12) FROM studies_fts f JOIN studies s ON s.rowid = f.rowid WHERE studies_fts MATCH ? AND f.rowid = ?",
    "claim": "SELECT c.id, c.source_id, snippet(claims_fts, -1, '«', '»', '…', 12) FROM claims_fts f JOIN claims c ON c.rowid = f.rowid WHERE claims_fts MATCH ? AND f.rowid = ?",
    "comment": "SELECT m.id, m.source_id, snippet(comments_fts, -1, '«', '»', '…', 12) FROM comments_fts f JOIN comments m ON m.rowid = f.rowid WHERE comments_fts MATCH ? AND f.rowid = ?",
    "source": "SELECT s.id, s.id, snippet(sources_fts, -1, '«', '»', '…', 12) FROM sources_fts f JOIN sources s ON s.rowid = f.rowid WHERE sources_fts MATCH ? AND f.rowid = ?",
}
MATRIX_COUNTS = """SELECT e.intervention_id, c.name, e.design, e.direction, e.level, e.studies
    FROM evidence_counts e JOIN concepts c ON c.id = e.intervention_id
    WHERE e.condition_id = ? ORDER BY e.intervention_id"""
MATRIX_IDS = "SELECT study_id FROM evidence_cells WHERE condition_id = ? AND intervention_id = ? ORDER BY study_id LIMIT ?"
# FindingRoutes.list: a concept's findings in index order; with one concept its total is concepts.finding_count,
# with a condition and an intervention (a matrix row's link) finding_pair_counts.
# Findings are rendered as they are read (schema 7): the route's expression, from its Swift source.
def swift_expression(path):
    with open(os.path.join(os.environ["ROOT"], path), encoding="utf-8") as f:
        return re.search(r'"""\n(.*?)\n\s*"""', f.read(), re.S).group(1)
# FindingJSON's head (id, study and its design and level) then the fields it shares with a stored study's findings.
FINDING_JSON = (swift_expression("Sources/EvidenceAPI/Queries/FindingJSON.swift") + "\n"
                + swift_expression("Sources/EvidenceModel/Store/FindingObjectSQL.swift") + ")")
FIND_COND_PAGE = (f"SELECT {FINDING_JSON}, ci.finding_id FROM findings f JOIN finding_concept_index ci ON ci.finding_id = f.id"
                  " AND ci.concept_id = ? ORDER BY ci.finding_id LIMIT ?")
FIND_TOTAL = "SELECT finding_count FROM concepts WHERE id = ?"
FIND_PAIR_FROM = ("FROM findings f JOIN finding_concept_index ci ON ci.finding_id = f.id AND ci.concept_id = ?"
                  " JOIN finding_concept_index ii ON ii.finding_id = f.id AND ii.concept_id = ?")

def fts(word):
    return '"' + word.lower() + '"'

KINDS = [("study", "studies_fts"), ("claim", "claims_fts"), ("comment", "comments_fts"), ("source", "sources_fts")]

def search(word):
    # SearchRoute: the total; ranked when it is at most 1,000, else by kind, newest first (each table's FTS index
    # walked backwards until the page is full); then one detail statement per hit of the page
    total = db.execute(SEARCH_TOTAL, [fts(word)]).fetchone()[0]
    if total <= 1000:
        rows = [(json.loads(r[0])["type"], json.loads(r[0])["row"]) for r in db.execute(SEARCH_PAGE, [fts(word), 21]).fetchall()[:20]]
        order = [(SEARCH_PAGE, [fts(word), 21])]
    else:
        rows, order = [], []
        for kind, table in KINDS:
            if len(rows) >= 21:
                break
            sql = f"SELECT rowid FROM {table} WHERE {table} MATCH ?1 ORDER BY rowid DESC LIMIT ?2"
            order.append((sql, [fts(word), 21 - len(rows)]))
            rows += [(kind, r[0]) for r in db.execute(sql, [fts(word), 21 - len(rows)])]
    return ([(SEARCH_TOTAL, [fts(word)])] + order
            + [(SEARCH_DETAIL[kind], [fts(word), row]) for kind, row in rows[:20]])

def matrix(condition):
    interventions = [r[0] for r in db.execute("SELECT DISTINCT intervention_id FROM evidence_counts WHERE condition_id = ?", [condition])]
    return ([("SELECT id FROM concepts WHERE id = ? AND type = 'condition'", [condition]),
             ("SELECT name FROM concepts WHERE id = ?", [condition]), (MATRIX_COUNTS, [condition])]
            + [(MATRIX_IDS, [condition, i, 20]) for i in interventions])

cases = [
    # label, URL, [(sql, params)]
    ("condition=vascular calcification, page 1", url,
     [(COND_PAGE, ["vascular-calcification", 21]), (COND_TOTAL, ["vascular-calcification"])]),
    ("condition=vascular calcification, page 50 (cursor)", url + f"&cursor={cursor50}",
     [(COND_PAGE_AFTER, ["vascular-calcification", last49, 21]), (COND_TOTAL, ["vascular-calcification"])]),
    ("condition=calciphylaxis, page 1", "/v1/studies?condition=calciphylaxis",
     [(COND_PAGE, ["calciphylaxis", 21]), (COND_TOTAL, ["calciphylaxis"])]),
    ("condition=vascular calcification & intervention=vitamin K2 (a matrix row's link)",
     "/v1/studies?condition=vascular%20calcification&intervention=vitamin%20K2",
     [(f"SELECT s.json, ci.study_id {PAIR_FROM} ORDER BY ci.study_id LIMIT ?", ["vascular-calcification", "vitamin-k2", 21]),
      (PAIR_TOTAL, ["vitamin-k2", "vascular-calcification"])]),
    (f"studies q={rare_name} (rare)", f"/v1/studies?q={rare_name}",
     [(STUDY_RANK_CHECK, [fts(rare_name), 1001]),
      (f"SELECT s.json, f.rank, s.id {STUDY_FTS_FROM} ORDER BY f.rank, s.id LIMIT ?", [fts(rare_name), 21]),
      (STUDY_FTS_TOTAL, [fts(rare_name)])]),
    ("studies q=agatston (common: newest first)", "/v1/studies?q=agatston",
     [(STUDY_RANK_CHECK, [fts("agatston"), 1001]),
      (f"SELECT s.json, f.rowid {STUDY_FTS_FROM} ORDER BY f.rowid DESC LIMIT ?", [fts("agatston"), 21]),
      (STUDY_FTS_TOTAL, [fts("agatston")])]),
    ("studies q=agatston&sort=relevance (ranked)", "/v1/studies?q=agatston&sort=relevance",
     [(f"SELECT s.json, f.rank, s.id {STUDY_FTS_FROM} ORDER BY f.rank, s.id LIMIT ?", [fts("agatston"), 21]),
      (STUDY_FTS_TOTAL, [fts("agatston")])]),
    (f"search q={rare_name} (rare)", f"/v1/search?q={rare_name}", search(rare_name)),
    ("search q=menaquinone (common)", "/v1/search?q=menaquinone", search("menaquinone")),
    ("evidence matrix, vascular-calcification", "/v1/conditions/vascular-calcification/evidence",
     matrix("vascular-calcification")),
    ("evidence matrix, calciphylaxis", "/v1/conditions/calciphylaxis/evidence", matrix("calciphylaxis")),
    ("study by id", f"/v1/studies/{study_id}", [("SELECT json FROM studies WHERE id = ?", [study_id])]),
    ("findings, condition=vascular calcification", "/v1/findings?condition=vascular%20calcification",
     [(FIND_COND_PAGE, ["vascular-calcification", 21]), (FIND_TOTAL, ["vascular-calcification"])]),
    ("findings, vascular calcification & vitamin K2 (a matrix row's link)",
     "/v1/findings?condition=vascular-calcification&intervention=vitamin-k2",
     [(f"SELECT {FINDING_JSON}, ci.finding_id {FIND_PAIR_FROM} ORDER BY ci.finding_id LIMIT ?", ["vascular-calcification", "vitamin-k2", 21]),
      ("SELECT findings FROM finding_pair_counts WHERE condition_id = ? AND intervention_id = ?",
       ["vascular-calcification", "vitamin-k2"])]),
]

def sql_ms(statements, runs=50):
    def once():
        t = time.perf_counter()
        for sql, params in statements:
            db.execute(sql, params).fetchall()
        return (time.perf_counter() - t) * 1000
    first = once()
    warm = 3 if first < 200 else 0          # a slow query: no more warm-ups, a few runs (bounded: 20 s a case)
    for _ in range(warm):
        once()
    times = []
    while len(times) < runs and (len(times) < 3 or sum(times) < 20000):
        times.append(once())
    return statistics.median(times), len(times)

def metrics():
    text = get("/metrics").decode()
    s = float(re.search(r"^http_request_duration_seconds_sum (\S+)", text, re.M).group(1))
    c = float(re.search(r"^http_request_duration_seconds_count (\S+)", text, re.M).group(1))
    return s, c

def server_ms(path, n=200, budget=20.0):
    get(path)
    s0, c0 = metrics()
    started = time.time()
    done = 0
    while done < n and time.time() - started < budget:
        get(path); done += 1
    s1, c1 = metrics()
    return (s1 - s0) / (c1 - c0 - 1) * 1000, done   # minus the first /metrics request itself

def wrk(path):
    out = subprocess.run(["wrk", "-t1", "-c1", "-d5s", "--timeout", "30s", "--latency", BASE + path],
                         capture_output=True, text=True).stdout
    m = re.search(r"Requests/sec:\s+(\S+)", out)
    rps = float(m.group(1)) if m else float("nan")
    m = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    if m:
        statuses[path] = statuses.get(path, 0) + int(m.group(1))
    def lat(p):
        m = re.search(rf"^\s+{p}%\s+(\S+)", out, re.M)
        if not m:
            return float("nan")
        v = m.group(1)
        mult = {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[re.sub(r"[0-9.]", "", v)]
        return float(re.sub(r"[a-z]", "", v)) * mult
    return rps, lat(50), lat(99)

print(f"### {os.environ['PASS']}")
print()
print("| query | body bytes | first request ms (client) | sql in process ms (median) | server mean ms | wrk -c1 req/s | wrk p50 ms | wrk p99 ms | < 2 ms (server mean and wrk p50)? |")
print("|---|---|---|---|---|---|---|---|---|")
plans = []
for label, path, statements in cases:
    # the first request of this URL since the server started: what a cache (the evidence matrix's) does not hide
    t = time.perf_counter()
    size = len(get(path))
    first_ms = (time.perf_counter() - t) * 1000
    sq, runs = sql_ms(statements)
    srv, n = server_ms(path)
    rps, p50, p99 = wrk(path)
    ok = "yes" if srv < 2 and p50 < 2 and not statuses.get(path) else "**no**"   # p99 at c1 mostly shows the machine's scheduling
    if statuses.get(path):
        label += f" ({statuses[path]} error answers, e.g. 503)"
    print(f"| {label} | {size} | {first_ms:.3f} | {sq:.3f} | {srv:.3f} | {rps:.0f} | {p50:.3f} | {p99:.3f} | {ok} |", flush=True)
    for sql, params in statements:
        plans.append((label, sql, db.execute("EXPLAIN QUERY PLAN " + sql, params).fetchall()))

print()
if os.environ.get("EXPLAIN") != "1":
    raise SystemExit(0)
print("## EXPLAIN QUERY PLAN of the hot queries")
print()
seen = set()
for label, sql, plan in plans:
    key = sql
    if key in seen:
        continue
    seen.add(key)
    flat = " ".join(" ".join(str(x) for x in row) for row in plan)
    scans = [row[3] for row in plan if re.match(r"SCAN ", row[3]) and "VIRTUAL TABLE" not in row[3]
             and "USING INDEX" not in row[3] and "COVERING INDEX" not in row[3] and not re.match(r"SCAN (hits|CONSTANT ROW|[a-z_]+ \(subquery|\(subquery)", row[3])]
    temp = [row[3] for row in plan if "TEMP B-TREE" in row[3]]
    verdict = ("FULL SCAN: " + "; ".join(scans)) if scans else "no full scan"
    if temp:
        verdict += "; sorts: " + "; ".join(temp)
    print(f"### {label}: {verdict}")
    print()
    print("```")
    print(" ".join(sql.split())[:400])
    for row in plan:
        print(f"  {row[0]:>3} {row[1]:>3} {row[3]}")
    print("```")
    print()
PY
run_pass 1 "reply cache on (as served)" 0
run_pass 0 "reply cache off (EVIDENCE_REPLY_CACHE=0: every list request runs its SQL; the matrix keeps its own cache)" 1
echo "- load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
