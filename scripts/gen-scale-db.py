#!/usr/bin/env python3
"""gen-scale-db.py DB [--studies 1000000] [--claims 300000] [--seed 42] [--analyze]

Adds generated studies (and claims) straight into an evidence database that `evidence ingest` created (so that
the schema, user_version, the lexicon tables and some real sources are there), for the scale check of
bench-scale.sh: ingesting a million studies would take days, writing the rows takes minutes.

The rows are the ones the ingest writes, made the way the ingest makes them:
- written here, like EvidenceStore.insertStudies: a studies row (already merged: one report per study),
  its study_reports row (with the duration's offsets), its study_mentions (one to five consecutive sentences
  of a real source, read from the source by those offsets), its study_report_concepts rows (conditions,
  interventions with form, dose text, µg a day and the dose's offsets);
- study_concept_index: each linked concept or form and all their broader concepts (concept_closure), as
  refreshStudy's INSERT … SELECT does;
- derived with the ingest's own SQL, read at start-up from Sources/EvidenceModel/Store (so that the generator
  follows the code): the rendered JSON (RenderedJSON.study, RenderedJSON.claim), the evidence matrix cells
  (EvidenceStore.refreshEvidenceCells), the full-text rows (FullTextQueue.insertSQL). evidence_counts is then
  rebuilt from evidence_cells (what the store's per-cell increments add up to), and concepts.study_count /
  claim_count are recounted from the concept indexes.
- findings: each studied intervention of a study on one or two of its conditions (a mixed study's findings
  disagree), with their finding_concept_index rows (the intervention, form and outcome and their broader
  concepts) and their JSON (RenderedJSON.findingsOfStudy); the interventions' roles (the first is studied).
- claims: a real sentence of a real source (text = the source's text at its offsets), one or two concepts,
  a kind, hedged or not, sometimes attributed, a fifth of them citing a generated study.

Realism: conditions and interventions are drawn with a skew like the K2 / calcification corpus (about a third
of the studies fall under vascular calcification), and each intervention has a profile of a few design ×
direction combinations (1 to 6, Zipf-weighted); a study's further interventions are drawn among those whose
profile has the study's combination. So every (condition, intervention) pair has a few combinations, as a real
literature does (the ingested 1k corpus: 5.6 count rows per pair), instead of a uniform spread over 15 × 5: the
evidence matrix then has the number of rows a real one would.
"""
import argparse
import hashlib
import os
import random
import re
import sqlite3
import sys
import textwrap
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
STORING = os.path.join(ROOT, "Sources", "EvidenceModel", "Store")

# The designs with their evidence level (StudyDesign.evidenceLevel) and how often each occurs in a profile.
LEVEL = {"meta_analysis": 1, "rct": 2, "controlled_trial": 3, "cohort": 3, "case_control": 4, "cross_sectional": 4,
         "case_series": 4, "case_report": 4, "single_arm_trial": 4, "animal": 5, "in_vitro": 5, "guideline": 5,
         "review": 5, "unspecified_trials": None, "unspecified": None}
DESIGN_WEIGHT = {"rct": 8, "cohort": 6, "review": 5, "case_report": 4, "animal": 4, "controlled_trial": 3,
                 "meta_analysis": 3, "case_control": 3, "cross_sectional": 3, "single_arm_trial": 3,
                 "case_series": 2, "in_vitro": 2, "unspecified": 3, "unspecified_trials": 1, "guideline": 1}
DIRECTION_WEIGHT = {"benefit": 6, "no_effect": 3, "mixed": 2, "unclear": 2, "harm": 1}
JOURNALS = ["Blood", "Journal of Nutrition", "Kidney International", "Nephrology Dialysis Transplantation",
            "Atherosclerosis", "Thrombosis and Haemostasis", "American Journal of Clinical Nutrition",
            "Osteoporosis International", "Circulation", "Nutrients", "BMC Nephrology", "PLoS One", None]
POPS = ["hemodialysis patients", "postmenopausal women", "adults with type 2 diabetes", "kidney transplant recipients",
        "patients with chronic kidney disease", "elderly men and women", "healthy volunteers"]
ANIMALS = {"rat": "rats", "mouse": "mice", "rabbit": "rabbits", "pig": "pigs"}
WORDS = ["progression", "calcification", "arterial", "stiffness", "bone", "density", "placebo", "reduced", "dose",
         "menaquinone", "phylloquinone", "warfarin", "matrix", "Gla", "protein", "dephosphorylated", "uncarboxylated",
         "coronary", "score", "Agatston", "aortic", "valve", "dialysis", "fracture", "vertebral", "mortality"]
DOSES = [("90 µg daily", 90.0), ("180 mcg/day", 180.0), ("360 mcg a day", 360.0), ("45 mg/day", 45000.0),
         ("1,000 IU daily", None)]
DURATIONS = [("12 weeks", 84.0), ("three years", 1095.75), ("six months", 182.625), ("10 years", 3652.5)]
ATTRIBUTIONS = [None] * 6 + ["Dr. Jane Okafor", "the authors", "researchers at Maastricht University"]
# Weights of condition subtrees (by root), like the K2 / calcification corpus; the rest share what is left.
HEAVY = {"vascular-calcification": 3, "arterial-calcification": 2, "coronary-artery-calcification": 2,
         "aortic-calcification": 1, "calciphylaxis": 0.5, "chronic-kidney-disease": 5, "hemodialysis": 4,
         "osteoporosis": 4, "bone-mineral-density": 3, "arterial-stiffness": 3, "cardiovascular-disease": 3,
         "fractures": 2, "valvular-calcification": 2, "tendon-calcification": 1}
HEAVY_I = {"vitamin-k2": 8, "mk-7": 8, "mk-4": 4, "vitamin-k1": 4, "vitamin-d3": 4, "vitamin-d": 3, "magnesium": 3,
           "warfarin": 3, "sodium-thiosulfate": 2, "calcium": 2, "phosphate-binders": 2, "statins": 2}


def stable_id(prefix, text):
    """StableID.hash: the first 12 hex digits of SHA-256."""
    return prefix + hashlib.sha256(text.encode()).hexdigest()[:12]


def swift_literal(file, anchor):
    """The multi-line string literal that follows `anchor` in a Swift file of the store, de-indented."""
    with open(os.path.join(STORING, file), encoding="utf-8") as f:
        source = f.read()
    at = source.find(anchor)
    if at < 0:
        sys.exit(f"gen-scale-db: '{anchor}' not found in {file}: update the generator to the store's code")
    m = re.compile(r'"""\n(.*?)\n\s*"""', re.S).search(source, at)
    if not m or "\\(" in m.group(1):
        sys.exit(f"gen-scale-db: no plain SQL literal after '{anchor}' in {file}")
    return textwrap.dedent(m.group(1))


def ranged(sql, old, new, file):
    """The store's per-row statement turned into one over a rowid range: its one clause `old` becomes `new`."""
    if sql.count(old) != 1:
        sys.exit(f"gen-scale-db: the SQL in {file} no longer has one '{old}': update the generator")
    return sql.replace(old, new)


def ingest_sql():
    """The store's statements for a study's JSON, cells and full-text row and a claim's, over rowid ranges."""
    rendered, matrix, queue = "RenderedJSON.swift", "EvidenceStore+Matrix.swift", "FullTextQueue.swift"
    study_json = ranged(swift_literal(rendered, "static let study ="), "WHERE id = ?",
                        "WHERE rowid BETWEEN ? AND ?", rendered)
    with open(os.path.join(STORING, rendered), encoding="utf-8") as f:
        rendered_source = f.read()
    # Schema 7 renders findings and claims when they are read: no stored JSON to write for them.
    finding_json = claim_json = None
    if "static let findingsOfStudy =" in rendered_source:
        finding_json = ranged(swift_literal(rendered, "static let findingsOfStudy ="), "WHERE study_id = ?",
                              "WHERE study_id IN (SELECT id FROM studies WHERE rowid BETWEEN ? AND ?)", rendered)
    if "static let claimUpdate =" in rendered_source:   # `claim = claimUpdate + " WHERE id = ?"`
        claim_json = swift_literal(rendered, "static let claimUpdate =").rstrip() + "\nWHERE rowid BETWEEN ? AND ?"
    elif "static let claim =" in rendered_source:
        claim_json = ranged(swift_literal(rendered, "static let claim ="), "WHERE id = ?",
                            "WHERE rowid BETWEEN ? AND ?", rendered)
    cells = ranged(swift_literal(matrix, "DELETE FROM evidence_cells WHERE study_id = ?"), "WHERE s.id = ?",
                   "WHERE s.rowid BETWEEN ? AND ?", matrix)
    if not cells.startswith("INSERT OR IGNORE INTO evidence_cells"):
        sys.exit(f"gen-scale-db: the evidence cells INSERT of {matrix} moved: update the generator")
    json_each = "IN (SELECT value FROM json_each(?))"
    study_fts = ranged(swift_literal(queue, "case .studies:\n                return"), json_each, "BETWEEN ? AND ?", queue)
    claim_fts = ranged(swift_literal(queue, "case .claims:\n                return"), json_each, "BETWEEN ? AND ?", queue)
    return study_json, claim_json, cells, study_fts, claim_fts, finding_json


def sentences(text):
    """(start, end) of each sentence-like run of a source's text (offsets in code points, as the API counts)."""
    spans = []
    for m in re.finditer(r"[^\n.!?]+[.!?]?", text):
        start, end = m.start(), m.end()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end - start >= 25:
            spans.append((start, end))
    return spans


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("db")
    ap.add_argument("--studies", type=int, default=1_000_000)
    ap.add_argument("--claims", type=int, default=300_000)
    ap.add_argument("--seed", default="42")
    ap.add_argument("--analyze", action="store_true", help="run ANALYZE at the end (the ingest does not)")
    a = ap.parse_args()
    r = random.Random(a.seed)
    study_json_sql, claim_json_sql, cells_sql, study_fts_sql, claim_fts_sql, finding_json_sql = ingest_sql()
    db = sqlite3.connect(a.db, isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=OFF")
    db.execute("PRAGMA cache_size=-400000")
    concepts = {cid: (ctype, name) for cid, ctype, name in db.execute("SELECT id, type, name FROM concepts")}
    if not concepts:
        sys.exit("no concepts: create the database with `evidence ingest` first")
    ancestors = {}
    for anc, desc in db.execute("SELECT ancestor_id, descendant_id FROM concept_closure"):
        ancestors.setdefault(desc, []).append(anc)
    forms = {cid for (cid,) in db.execute("SELECT id FROM concepts WHERE is_form = 1")}
    sources = []
    for sid, text in db.execute("SELECT id, text FROM sources ORDER BY id"):
        spans = sentences(text)
        if spans:
            sources.append((sid, text, spans))
    if not sources:
        sys.exit("no sources: ingest some documents first")
    conds = [c for c, (t, _) in concepts.items() if t == "condition"]
    inters = [c for c, (t, _) in concepts.items() if t == "intervention" and c not in forms]
    form_of = {i: sorted(f for f in forms if i in ancestors.get(f, [])) for i in inters}
    cw = [HEAVY.get(c, 0.15) for c in conds]
    iw = [HEAVY_I.get(c, 0.2) for c in inters]
    designs, dweights = list(DESIGN_WEIGHT), list(DESIGN_WEIGHT.values())
    directions, rweights = list(DIRECTION_WEIGHT), list(DIRECTION_WEIGHT.values())
    profiles = {}

    def profile(intervention):
        """The few (design, direction) combinations the literature on this intervention has, with their weights."""
        if intervention not in profiles:
            pr = random.Random(f"{a.seed}:{intervention}")
            combos = []
            for _ in range(pr.choice([1, 2, 2, 3, 3, 4, 5, 6])):
                combo = (pr.choices(designs, dweights)[0], pr.choices(directions, rweights)[0])
                if combo not in combos:
                    combos.append(combo)
            profiles[intervention] = (combos, [1 / (rank + 1) for rank in range(len(combos))])
        return profiles[intervention]

    # The interventions whose profile has each combination: a study's further interventions come from these, so
    # that every (condition, intervention) pair only ever gets its intervention's few combinations.
    having = {}
    for i in inters:
        for combo in profile(i)[0]:
            having.setdefault(combo, []).append(i)

    max_rowid = db.execute("SELECT coalesce(max(rowid), 0) FROM studies").fetchone()[0]
    max_claim = db.execute("SELECT coalesce(max(rowid), 0) FROM claims").fetchone()[0]
    started = time.time()
    db.execute("BEGIN")
    batch = {k: [] for k in ("studies", "reports", "rc", "mentions", "ci", "findings", "fi")}
    study_ids = []

    def flush(first_rowid, last_rowid):
        db.executemany("INSERT INTO studies (rowid, id, identity_key, title, name, design, evidence_level, species, "
                       "population_description, population_size, comparator, duration_text, duration_days, direction, "
                       "effect, journal, year) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", batch["studies"])
        db.executemany("INSERT INTO study_reports (study_id, source_id, ordinal, title, name, design, evidence_level, "
                       "species, population_description, population_size, comparator, duration_text, duration_days, "
                       "duration_start, duration_end, direction, effect, journal, year) "
                       "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", batch["reports"])
        db.executemany("INSERT OR IGNORE INTO study_report_concepts (study_id, source_id, role, concept_id, form_id, "
                       "dose_text, mcg_per_day, dose_start, dose_end, ordinal, study_role) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                       batch["rc"])
        db.executemany("INSERT OR IGNORE INTO study_mentions (study_id, source_id, start, \"end\") VALUES (?,?,?,?)",
                       batch["mentions"])
        db.executemany("INSERT OR IGNORE INTO study_concept_index (concept_id, study_id) VALUES (?,?)", batch["ci"])
        db.executemany("INSERT OR IGNORE INTO findings (id, study_id, source_id, ordinal, intervention_id, form_id, arm, "
                       "outcome_id, direction, effect, hedged, start, \"end\") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                       batch["findings"])
        db.executemany("INSERT OR IGNORE INTO finding_concept_index (concept_id, finding_id) VALUES (?,?)", batch["fi"])
        if finding_json_sql:
            db.execute(finding_json_sql, (first_rowid, last_rowid))
        db.execute(study_json_sql, (first_rowid, last_rowid))
        db.execute(cells_sql, (first_rowid, last_rowid))
        db.execute(study_fts_sql, (first_rowid, last_rowid))
        for v in batch.values():
            v.clear()

    batch_start = max_rowid + 1
    for n in range(a.studies):
        rowid = max_rowid + 1 + n
        key = f"scale:{a.seed}:{n}"
        sid = stable_id("st_", key)
        study_ids.append(sid)
        src, stext, spans = r.choice(sources)
        first = r.randrange(len(spans))
        mentioned = spans[first:first + r.choice([1, 1, 2, 2, 3, 4, 5])]
        cset = list(dict.fromkeys(r.choices(conds, cw, k=r.choice([1, 1, 2, 2, 3]))))
        first = r.choices(inters, iw)[0]
        combos, weights = profile(first)
        design, direction = r.choices(combos, weights)[0]
        iset = list(dict.fromkeys([first] + r.choices(having[(design, direction)], k=r.choice([0, 0, 0, 1, 2]))))
        level = LEVEL[design]
        sp = {"animal": r.choice(["rat", "mouse", "rabbit", "pig"]), "in_vitro": "cell"}.get(
            design, "human" if r.random() < 0.9 else None)
        pop = (ANIMALS.get(sp) or ("cultured cells" if sp == "cell" else r.choice(POPS))) if r.random() < 0.7 else None
        size = r.randint(1, 20000) if pop and r.random() < 0.8 else None
        journal = r.choice(JOURNALS)
        year = r.choice([None] + list(range(1990, 2026)))
        name = ("".join(r.choice("ABCDEFGHIKLMNOPRSTV") for _ in range(4)) + str(r.randint(1, 99))) if r.random() < 0.3 else None
        title = " ".join(r.choice(WORDS) for _ in range(r.randint(6, 12))).capitalize() if r.random() < 0.5 else None
        effect = " ".join(r.choice(WORDS) for _ in range(r.randint(4, 10))) if r.random() < 0.4 else None
        comparator = r.choice([None, None, "placebo", "usual care"])
        # Durations and doses are stated inside the study's sentences: offsets within a mention.
        def inside():
            s, e = r.choice(mentioned)
            at = r.randint(s, max(s, e - 8))
            return at, min(e, at + 8)
        dur = r.choice([None, None] + DURATIONS)
        dspan = inside() if dur else (None, None)
        linked = set()
        for pos, c in enumerate(cset):
            batch["rc"].append((sid, src, "condition", c, None, None, None, None, None, pos, None))
            linked.update(ancestors.get(c, [c]))
        for pos, i in enumerate(iset):
            form = r.choice(form_of[i]) if form_of[i] and r.random() < 0.5 else None
            dose = r.choice([None, None] + DOSES)
            at = inside() if dose else (None, None)
            role = "studied" if pos == 0 or r.random() < 0.6 else r.choice(["comparator", "co_intervention", "inducer", "mentioned"])
            batch["rc"].append((sid, src, "intervention", i, form, dose[0] if dose else None, dose[1] if dose else None,
                                at[0], at[1], pos, role))
            linked.update(ancestors.get(i, [i]))
            if form:
                linked.update(ancestors.get(form, [form]))
        batch["studies"].append((rowid, sid, key, title, name, design, level, sp, pop, size, comparator,
                                 dur[0] if dur else None, dur[1] if dur else None, direction, effect, journal, year))
        batch["reports"].append((sid, src, 0, title, name, design, level, sp, pop, size, comparator,
                                 dur[0] if dur else None, dur[1] if dur else None, dspan[0], dspan[1], direction,
                                 effect, journal, year))
        for s, e in mentioned:
            batch["mentions"].append((sid, src, s, e))
        # Findings, as the findings stage gives them: each studied intervention on one or two of the study's
        # conditions; a mixed study's findings disagree, the others carry its direction.
        ordinal = 0
        for (i, form, role) in [(row[3], row[4], row[10]) for row in batch["rc"][-len(iset):]]:
            if role != "studied":
                continue
            for c in cset[: r.choice([1, 1, 2])]:
                fdir = r.choice(["benefit", "no_effect"]) if direction == "mixed" else direction
                s, e = r.choice(mentioned)
                fid = stable_id("fd_", f"{sid}|{src}|{i}||{c}")
                batch["findings"].append((fid, sid, src, ordinal, i, form, None, c, fdir, effect, int(r.random() < 0.3),
                                          s, e))
                ordinal += 1
                for concept in set(ancestors.get(i, [i]) + ancestors.get(c, [c]) + (ancestors.get(form, [form]) if form else [])):
                    batch["fi"].append((concept, fid))
        for c in linked:
            batch["ci"].append((c, sid))
        if len(batch["studies"]) >= 20000:
            flush(batch_start, rowid)
            batch_start = rowid + 1
            print(f"\r{n + 1} studies, {time.time() - started:.0f} s", end="", file=sys.stderr, flush=True)
    if batch["studies"]:
        flush(batch_start, max_rowid + a.studies)
    print(file=sys.stderr)

    kinds = ["efficacy", "safety", "mechanism", "dosage", "interaction", "recommendation", "epidemiology", "other"]
    cbatch, ccon, cidx = [], [], []
    cbatch_start = max_claim + 1
    for n in range(a.claims):
        rowid = max_claim + 1 + n
        src, stext, spans = r.choice(sources)
        start, end = r.choice(spans)
        cid = stable_id("cl_", f"scale-claim:{a.seed}:{n}")
        cset = list(dict.fromkeys(r.choices(conds, cw, k=r.choice([0, 1, 1, 2]))))
        iset = list(dict.fromkeys(r.choices(inters, iw, k=r.choice([0, 1, 1, 2]))))
        study = r.choice(study_ids) if study_ids and r.random() < 0.2 else None
        cbatch.append((rowid, cid, src, start, end, r.choice(kinds), int(r.random() < 0.4), r.choice(ATTRIBUTIONS),
                       study))
        linked = set()
        for pos, c in enumerate(cset):
            ccon.append((rowid, "condition", pos, c))
            linked.update(ancestors.get(c, [c]))
        for pos, c in enumerate(iset):
            ccon.append((rowid, "intervention", pos, c))
            linked.update(ancestors.get(c, [c]))
        cidx.extend((c, src, start, rowid) for c in linked)
        if len(cbatch) >= 20000 or n == a.claims - 1:
            db.executemany("INSERT INTO claims (rowid, id, source_id, start, \"end\", kind, hedged, attributed_to, "
                           "study_id) VALUES (?,?,?,?,?,?,?,?,?)", cbatch)
            # keyed by the claim's and the concept's rowids (schema 8), as EvidenceStore.insertClaims writes them
            db.executemany("INSERT OR IGNORE INTO claim_concepts (claim_row, role, concept_row, ordinal) "
                           "SELECT ?, ?, rowid, ? FROM concepts WHERE id = ?", ccon)
            # keyed by the concept's and the claim's rowids (schema 9), as EvidenceStore.insertClaims writes them
            db.executemany("INSERT OR IGNORE INTO claim_concept_rows (concept_row, source_id, start, claim_row) "
                           "SELECT rowid, ?, ?, ? FROM concepts WHERE id = ?", [(s_, st, r_, c) for c, s_, st, r_ in cidx])
            if claim_json_sql:
                db.execute(claim_json_sql, (cbatch_start, rowid))
            db.execute(claim_fts_sql, (cbatch_start, rowid))
            cbatch, ccon, cidx = [], [], []
            cbatch_start = rowid + 1
            print(f"\r{n + 1} claims, {time.time() - started:.0f} s", end="", file=sys.stderr, flush=True)
    print(file=sys.stderr)
    # What the store's per-cell increments add up to, over every cell (the ingested ones included).
    db.execute("DELETE FROM evidence_counts")
    db.execute("""INSERT INTO evidence_counts (condition_id, intervention_id, design, direction, level, studies)
        SELECT condition_id, intervention_id, design, direction, coalesce(evidence_level, 9), count(*)
        FROM evidence_cells GROUP BY 1, 2, 3, 4, 5""")
    db.execute("""UPDATE concepts SET
        study_count = (SELECT count(*) FROM study_concept_index WHERE concept_id = concepts.id),
        claim_count = (SELECT count(*) FROM claim_concept_rows WHERE concept_row = concepts.rowid),
        finding_count = (SELECT count(*) FROM finding_concept_index WHERE concept_id = concepts.id)""")
    db.execute("DELETE FROM finding_pair_counts")
    db.execute("""INSERT INTO finding_pair_counts (condition_id, intervention_id, findings)
        SELECT c.concept_id, i.concept_id, count(*) FROM findings f
        JOIN finding_concept_index c ON c.finding_id = f.id JOIN concepts cc ON cc.id = c.concept_id AND cc.type = 'condition'
        JOIN finding_concept_index i ON i.finding_id = f.id JOIN concepts ic ON ic.id = i.concept_id AND ic.type = 'intervention'
        GROUP BY 1, 2""")
    db.execute("COMMIT")
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    if a.analyze:
        db.execute("ANALYZE")   # the ingest never runs ANALYZE, so by default neither do we: the same plans
    print(f"{a.studies} studies and {a.claims} claims written in {time.time() - started:.0f} s", file=sys.stderr)


if __name__ == "__main__":
    main()
