#!/usr/bin/env python3
"""gen-scale-db.py DB [--studies 1000000] [--claims 300000] [--seed 42]

Adds generated studies (and claims) straight into an evidence database that `evidence ingest` created (so that
the schema, user_version, the lexicon tables and some real sources are there), for the scale check of
bench-scale.sh: ingesting a million studies would take hours, writing the rows takes minutes.

Each study gets what the ingest would write: a studies row with its rendered JSON (the API object, in the order
RenderedJSON.study writes its keys), one study_reports row, its condition and intervention rows in
study_report_concepts, one study_mentions row pointing into a real source, its study_concept_index rows (the
concept and every broader one, from concept_closure) and its studies_fts row. Conditions are drawn with a skew
like the real corpus: about a fifth of the studies fall under vascular calcification. Claims likewise get
claims, claim_concepts, claim_concept_index and claims_fts rows. concepts.study_count and claim_count are
recomputed at the end.
"""
import argparse
import hashlib
import json
import random
import sqlite3
import sys
import time

DESIGNS = [("rct", 2), ("controlled_trial", 3), ("single_arm_trial", 3), ("cohort", 3), ("case_control", 3),
           ("cross_sectional", 4), ("case_report", 4), ("case_series", 4), ("animal", 5), ("in_vitro", 5),
           ("review", 2), ("meta_analysis", 1), ("guideline", 1), ("unspecified_trials", None), ("unspecified", None)]
DIRECTIONS = ["benefit", "no_effect", "harm", "mixed", "unclear"]
JOURNALS = ["Blood", "Journal of Nutrition", "Kidney International", "Nephrology Dialysis Transplantation",
            "Atherosclerosis", "Thrombosis and Haemostasis", "American Journal of Clinical Nutrition",
            "Osteoporosis International", "Circulation", "Nutrients", "BMC Nephrology", None]
POPS = ["hemodialysis patients", "postmenopausal women", "adults with type 2 diabetes", "kidney transplant recipients",
        "patients with chronic kidney disease", "elderly men and women", "healthy volunteers", "rats", "mice"]
WORDS = ["progression", "calcification", "arterial", "stiffness", "bone", "density", "placebo", "reduced", "dose",
         "menaquinone", "phylloquinone", "warfarin", "matrix", "Gla", "protein", "dephosphorylated", "uncarboxylated",
         "coronary", "score", "Agatston", "aortic", "valve", "dialysis", "fracture", "vertebral", "mortality"]
# Weights of condition subtrees (by root), like the K2 / calcification corpus; the rest share what is left.
HEAVY = {"vascular-calcification": 3, "arterial-calcification": 2, "coronary-artery-calcification": 2,
         "aortic-calcification": 1, "calciphylaxis": 0.5, "chronic-kidney-disease": 5, "hemodialysis": 4,
         "osteoporosis": 4, "bone-mineral-density": 3, "arterial-stiffness": 3, "cardiovascular-disease": 3,
         "fractures": 2, "valvular-calcification": 2, "tendon-calcification": 1}
HEAVY_I = {"vitamin-k2": 8, "mk-7": 8, "mk-4": 4, "vitamin-k1": 4, "vitamin-d3": 4, "vitamin-d": 3, "magnesium": 3,
           "warfarin": 3, "sodium-thiosulfate": 2, "calcium": 2, "phosphate-binders": 2, "statins": 2}


def h(text, n=12):
    return hashlib.sha256(text.encode()).hexdigest()[:n]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("db")
    ap.add_argument("--studies", type=int, default=1_000_000)
    ap.add_argument("--claims", type=int, default=300_000)
    ap.add_argument("--seed", default="42")
    ap.add_argument("--analyze", action="store_true", help="run ANALYZE at the end (the ingest does not)")
    a = ap.parse_args()
    r = random.Random(a.seed)
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
    sources = [row for row in db.execute("SELECT id, substr(text, 1, 2000) FROM sources")]
    if not sources:
        sys.exit("no sources: ingest some documents first")
    conds = [c for c, (t, _) in concepts.items() if t == "condition"]
    inters = [c for c, (t, _) in concepts.items() if t == "intervention" and c not in forms]
    cw = [HEAVY.get(c, 0.15) for c in conds]
    iw = [HEAVY_I.get(c, 0.2) for c in inters]
    species = ["human"] * 8 + ["rat", "mouse"]
    fts_cols = [row[1] for row in db.execute("PRAGMA table_info(studies_fts)")]
    cfts_cols = [row[1] for row in db.execute("PRAGMA table_info(claims_fts)")]
    max_rowid = db.execute("SELECT coalesce(max(rowid), 0) FROM studies").fetchone()[0]
    max_claim = db.execute("SELECT coalesce(max(rowid), 0) FROM claims").fetchone()[0]

    started = time.time()
    db.execute("BEGIN")
    batch = {k: [] for k in ("studies", "reports", "rc", "mentions", "ci", "fts")}

    def flush():
        db.executemany("INSERT INTO studies (rowid, id, identity_key, title, name, design, evidence_level, species, "
                       "population_description, population_size, comparator, duration_text, duration_days, direction, "
                       "effect, journal, year, json) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", batch["studies"])
        db.executemany("INSERT INTO study_reports (study_id, source_id, ordinal, title, name, design, evidence_level, "
                       "species, population_description, population_size, comparator, duration_text, duration_days, "
                       "direction, effect, journal, year) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", batch["reports"])
        db.executemany("INSERT OR IGNORE INTO study_report_concepts (study_id, source_id, role, concept_id, form_id, "
                       "dose_text, mcg_per_day, ordinal) VALUES (?,?,?,?,?,?,?,?)", batch["rc"])
        db.executemany("INSERT OR IGNORE INTO study_mentions (study_id, source_id, start, \"end\", quote) VALUES (?,?,?,?,?)",
                       batch["mentions"])
        db.executemany("INSERT OR IGNORE INTO study_concept_index (concept_id, study_id) VALUES (?,?)", batch["ci"])
        db.executemany(f"INSERT INTO studies_fts (rowid, {', '.join(fts_cols)}) VALUES (?{', ?' * len(fts_cols)})", batch["fts"])
        for v in batch.values():
            v.clear()

    for n in range(a.studies):
        rowid = max_rowid + 1 + n
        key = f"scale:{a.seed}:{n}"
        sid = "st_" + h(key)
        design, level = DESIGNS[r.randrange(len(DESIGNS))]
        direction = r.choices(DIRECTIONS, [5, 3, 1, 1, 2])[0]
        sp = "human" if design not in ("animal", "in_vitro") else ("cell-culture" if design == "in_vitro" else r.choice(species[8:]))
        pop = r.choice(POPS)
        size = r.choice([None, r.randint(1, 20000)])
        journal = r.choice(JOURNALS)
        year = r.choice([None] + list(range(1990, 2026)))
        name = ("".join(r.choice("ABCDEFGHIKLMNOPRSTV") for _ in range(4)) + str(r.randint(1, 99))) if r.random() < 0.3 else None
        title = " ".join(r.choice(WORDS) for _ in range(r.randint(6, 12))).capitalize() if r.random() < 0.5 else None
        effect = " ".join(r.choice(WORDS) for _ in range(r.randint(4, 10))) if r.random() < 0.7 else None
        dur = r.choice([None, ("12 weeks", 84.0), ("three years", 1095.0), ("six months", 182.5)])
        src, stext = r.choice(sources)
        start = r.randint(0, max(0, len(stext) - 200))
        quote = stext[start:start + r.randint(60, 180)]
        cset = list(dict.fromkeys(r.choices(conds, cw, k=r.randint(1, 2))))
        iset = list(dict.fromkeys(r.choices(inters, iw, k=r.randint(1, 2))))
        conditions = [{"id": c, "name": concepts[c][1]} for c in cset]
        interventions = []
        for pos, i in enumerate(iset):
            form = None
            kids = [f for f in forms if i in ancestors.get(f, [])]
            if kids and r.random() < 0.5:
                form = r.choice(kids)
            dose = r.choice([None, ("90 mcg/day", 90.0), ("360 mcg a day", 360.0), ("45 mg/day", 45000.0)])
            interventions.append({"id": i, "name": concepts[i][1], "form": concepts[form][1] if form else None,
                                  "dose": {"text": dose[0], "mcg_per_day": dose[1]} if dose else None})
            batch["rc"].append((sid, src, "intervention", i, form, dose[0] if dose else None, dose[1] if dose else None, pos))
        for pos, c in enumerate(cset):
            batch["rc"].append((sid, src, "condition", c, None, None, None, pos))
        obj = {"id": sid, "title": title, "name": name, "design": design, "evidence_level": level, "species": sp,
               "population": {"description": pop, "size": size}, "conditions": conditions,
               "interventions": interventions, "comparator": r.choice([None, "placebo", "usual care"]),
               "duration": {"text": dur[0], "days": dur[1]} if dur else None, "direction": direction, "effect": effect,
               "publication": {"journal": journal, "year": year},
               "mentions": [{"source_id": src, "start": start, "end": start + len(quote), "quote": quote}]}
        batch["studies"].append((rowid, sid, key, title, name, design, level, sp, pop, size, obj["comparator"],
                                 dur[0] if dur else None, dur[1] if dur else None, direction, effect, journal, year,
                                 json.dumps(obj, ensure_ascii=False, separators=(",", ":"))))
        batch["reports"].append((sid, src, 0, title, name, design, level, sp, pop, size, obj["comparator"],
                                 dur[0] if dur else None, dur[1] if dur else None, direction, effect, journal, year))
        batch["mentions"].append((sid, src, start, start + len(quote), quote))
        linked = set()
        for c in cset + iset:
            linked.update(ancestors.get(c, [c]))
        for rc in batch["rc"][-len(cset) - len(iset):]:
            if rc[4]:
                linked.update(ancestors.get(rc[4], [rc[4]]))
        for c in linked:
            batch["ci"].append((c, sid))
        values = {"title": title, "name": name, "population": pop, "effect": effect, "journal": journal, "quotes": quote,
                  "concepts": " ; ".join(concepts[c][1] for c in cset + iset)}
        batch["fts"].append((rowid, *[values.get(col) for col in fts_cols]))
        if len(batch["studies"]) >= 20000:
            flush()
            print(f"\r{n + 1} studies, {time.time() - started:.0f} s", end="", file=sys.stderr)
    flush()
    print(file=sys.stderr)

    cbatch, ccon, cidx, cfts = [], [], [], []
    kinds = ["efficacy", "safety", "mechanism", "dosage", "interaction", "recommendation", "epidemiology", "other"]
    for n in range(a.claims):
        rowid = max_claim + 1 + n
        src, stext = r.choice(sources)
        start = r.randint(0, max(0, len(stext) - 200))
        text = " ".join(r.choice(WORDS) for _ in range(r.randint(8, 20))).capitalize() + "."
        cid = "cl_" + h(f"scale-claim:{a.seed}:{n}")
        cset = list(dict.fromkeys(r.choices(conds, cw, k=1)))
        iset = list(dict.fromkeys(r.choices(inters, iw, k=1)))
        kind, hedged = r.choice(kinds), r.random() < 0.4
        obj = {"id": cid, "source_id": src, "text": text, "start": start, "end": start + len(text), "kind": kind,
               "hedged": hedged, "attributed_to": None, "study_id": None,
               "conditions": [{"id": c, "name": concepts[c][1]} for c in cset],
               "interventions": [{"id": i, "name": concepts[i][1]} for i in iset]}
        cbatch.append((rowid, cid, src, start, start + len(text), text, kind, int(hedged),
                       json.dumps(obj, ensure_ascii=False, separators=(",", ":"))))
        for pos, c in enumerate(cset):
            ccon.append((cid, "condition", c, pos))
        for pos, c in enumerate(iset):
            ccon.append((cid, "intervention", c, pos))
        for c in {x for y in cset + iset for x in ancestors.get(y, [y])}:
            cidx.append((c, cid))
        cfts.append((rowid, *[{"text": text}.get(col) for col in cfts_cols]))
        if len(cbatch) >= 20000 or n == a.claims - 1:
            db.executemany("INSERT INTO claims (rowid, id, source_id, start, \"end\", text, kind, hedged, json) "
                           "VALUES (?,?,?,?,?,?,?,?,?)", cbatch)
            db.executemany("INSERT OR IGNORE INTO claim_concepts (claim_id, role, concept_id, ordinal) VALUES (?,?,?,?)", ccon)
            db.executemany("INSERT OR IGNORE INTO claim_concept_index (concept_id, claim_id) VALUES (?,?)", cidx)
            db.executemany(f"INSERT INTO claims_fts (rowid, {', '.join(cfts_cols)}) VALUES (?{', ?' * len(cfts_cols)})", cfts)
            cbatch, ccon, cidx, cfts = [], [], [], []
    db.execute("""UPDATE concepts SET
        study_count = (SELECT count(*) FROM study_concept_index WHERE concept_id = concepts.id),
        claim_count = (SELECT count(*) FROM claim_concept_index WHERE concept_id = concepts.id)""")
    db.execute("COMMIT")
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    if a.analyze:
        db.execute("ANALYZE")   # the ingest never runs ANALYZE, so by default neither do we: the same plans
    print(f"{a.studies} studies and {a.claims} claims written in {time.time() - started:.0f} s", file=sys.stderr)


if __name__ == "__main__":
    main()
