#!/usr/bin/env python3
"""How much of the field the concept lexicon covers.

usage: scripts/lexicon-coverage.py [--no-ingest] [--list]

1. Gold names: the share of the condition and intervention names of all gold annotations (the seeds' gold and
   every set under eval/gold) that name a concept of lexicon/concepts.json: its name, a synonym, an
   abbreviation, a brand or a misspelling, compared as the API's concept resolver compares them (lower case,
   letters and digits only). --list prints the names not recognised.
2. Real documents: ingests every document of the FakeHealth folder (FAKEHEALTH, default
   ../shared/corpus/fakehealth beside the repository) with the release binary (EVIDENCE, default
   .build/release/evidence), fails if any document fails, and prints the share of documents in which at least
   one condition is found, and the share with at least one study that names a condition.
"""
import glob, json, os, pathlib, sqlite3, subprocess, sys, tempfile

ROOT = pathlib.Path(__file__).resolve().parent.parent


def key(term):
    """The API's concept key: lower case, letters and digits only."""
    return "".join(ch for ch in term.lower() if ch.isalpha() or ch.isnumeric())


def lexicon_keys():
    data = json.loads((ROOT / "lexicon/concepts.json").read_text())
    keys = {"condition": set(), "intervention": set()}
    for concept in data["concepts"]:
        if concept["type"] not in keys:
            continue
        names = [concept["id"], concept["name"]]
        for field in ("synonyms", "abbreviations", "brands", "misspellings"):
            names += concept.get(field, [])
        keys[concept["type"]].update(key(n) for n in names)
    return keys, len(data["concepts"])


def gold_names():
    folders = [ROOT / "scripts/eval/seeds-gold"] + sorted(p for p in (ROOT / "eval/gold").iterdir() if p.is_dir())
    names = {"condition": {}, "intervention": {}}
    for folder in folders:
        for path in sorted(folder.glob("*.json")):
            gold = json.loads(path.read_text())
            for study in gold.get("studies", []):
                for name in study.get("conditions", []):
                    names["condition"].setdefault(name, set()).add(folder.name)
                for iv in study.get("interventions", []):
                    names["intervention"].setdefault(iv["name"], set()).add(folder.name)
    return names


def gold_coverage(show_missing):
    keys, count = lexicon_keys()
    names = gold_names()
    print(f"lexicon: {count} concepts ({len(keys['condition'])} condition terms, {len(keys['intervention'])} intervention terms)")
    for kind in ("condition", "intervention"):
        distinct = names[kind]
        known = [n for n in distinct if key(n) in keys[kind]]
        share = len(known) / len(distinct) if distinct else 0.0
        print(f"gold {kind} names recognised: {len(known)}/{len(distinct)} = {share:.3f}")
        if show_missing:
            for name in sorted(set(distinct) - set(known)):
                print(f"    not recognised: {name} ({', '.join(sorted(distinct[name]))})")


def corpus_coverage():
    folder = pathlib.Path(os.environ.get("FAKEHEALTH", ROOT.parent / "shared/corpus/fakehealth"))
    if not folder.is_dir():
        print(f"skipped the FakeHealth documents: {folder} is absent (set FAKEHEALTH)", file=sys.stderr)
        return 0
    binary = os.environ.get("EVIDENCE", str(ROOT / ".build/release/evidence"))
    if not os.path.exists(binary):
        print(f"no binary at {binary}: build it (swift build -c release --product evidence) or set EVIDENCE", file=sys.stderr)
        return 2
    documents = [p for p in folder.iterdir() if p.is_file()]
    with tempfile.TemporaryDirectory() as work:
        db = os.path.join(work, "coverage.sqlite")
        run = subprocess.run([binary, "ingest", "--db", db, str(folder)], capture_output=True, text=True)
        conn = sqlite3.connect(db)
        ingested = conn.execute("SELECT count(*) FROM sources").fetchone()[0]
        with_condition = conn.execute("""
            SELECT count(DISTINCT m.source_id) FROM mentions m JOIN concepts c ON c.id = m.concept_id
            WHERE c.type = 'condition'""").fetchone()[0]
        with_study_condition = conn.execute(
            "SELECT count(DISTINCT source_id) FROM study_report_concepts WHERE role = 'condition'").fetchone()[0]
        fuzzy = conn.execute("SELECT count(*) FROM mentions WHERE fuzzy = 1").fetchone()[0]
        conn.close()
    failed = len(documents) - ingested
    print(f"fakehealth documents ingested: {ingested}/{len(documents)} (exit {run.returncode})")
    print(f"documents with at least one condition found: {with_condition}/{ingested} = {with_condition / max(ingested, 1):.3f}")
    print(f"documents with a study that names a condition: {with_study_condition}/{ingested} = "
          f"{with_study_condition / max(ingested, 1):.3f}")
    print(f"mentions found through a misspelling correction: {fuzzy}")
    if failed or run.returncode != 0:
        print("ingest failures:\n" + "\n".join(l for l in (run.stdout + run.stderr).splitlines() if " added" not in l)[:4000],
              file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    gold_coverage("--list" in sys.argv)
    sys.exit(0 if "--no-ingest" in sys.argv else corpus_coverage())
