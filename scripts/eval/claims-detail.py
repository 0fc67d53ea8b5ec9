#!/usr/bin/env python3
"""Claim figures and failures read straight from an ingested database, per set and half.

usage: claims-detail.py DB GOLD_DIR [GOLD_DIR ...] [--only NAMES_FILE] [--show kind|missing|extra|hedged|confusion|matrix|all]

Figures beside the scorer's (which counts claim recall and kind only):
  recall      gold claims with a stored claim overlapping at least half of the anchor (the scorer's rule)
  kind        of those, kind right (or one of kinds_alternatives)
  hedged      of those, hedged as the gold says
  precision   stored claims of the gold's documents overlapping some gold claim anchor: a lower bound, since the
              gold keeps only the 6-15 clearest claims of a document
  boilerplate stored claims overlapping a gold boilerplate string (always wrong)
--show matrix prints the whole confusion matrix of kinds as a markdown table (rows gold, columns stored; a claim
whose stored kind is one of the gold's kinds_alternatives counts on the diagonal, as the scorer counts it right).
--show prints the failures of one class with the text of each claim, for reading in a terminal only (the
documents are not ours: never paste this output into the repository)."""
import json, pathlib, sqlite3, sys


def load(argv):
    only, show = None, None
    args = list(argv)
    if "--only" in args:
        i = args.index("--only"); only = set(pathlib.Path(args[i + 1]).read_text().split()); del args[i:i + 2]
    if "--show" in args:
        i = args.index("--show"); show = args[i + 1]; del args[i:i + 2]
    return args[0], args[1:], only, show


def overlap(a, b):
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def span(text, anchor):
    if isinstance(anchor, dict):
        return (anchor["start"], anchor["end"])
    i = text.find(anchor)
    return (i, i + len(anchor)) if i >= 0 else None


def main():
    db, gold_dirs, only, show = load(sys.argv[1:])
    con = sqlite3.connect(db)
    sources = {f: (sid, text) for sid, f, text in con.execute("select id, file, text from sources")}
    totals = dict(gold=0, found=0, kind=0, hedged=0, served=0, useful=0, boiler=0)
    confusion, matrix = {}, {}
    for gold_dir in gold_dirs:
        for path in sorted(pathlib.Path(gold_dir).glob("*.json")):
            g = json.loads(path.read_text())
            doc = g["document"]
            if only is not None and doc not in only or doc not in sources or not g.get("claims"):
                continue
            sid, text = sources[doc]
            served = list(con.execute('select start, "end", kind, hedged, attributed_to from claims where source_id=? order by start', (sid,)))
            anchors = []
            for gc in g["claims"]:
                a = span(text, gc["anchor"])
                if a is None:
                    continue
                anchors.append(a)
                totals["gold"] += 1
                best = next((c for c in served if overlap(c[:2], a) >= 0.5 * (a[1] - a[0])), None)
                snippet = text[a[0]:a[1]].replace("\n", " ")
                if best is None:
                    if show in ("missing", "all"):
                        print(f"MISSING {doc[:18]} [{gc['kind']}] {snippet[:160]}")
                    continue
                totals["found"] += 1
                kinds = [gc["kind"]] + gc.get("kinds_alternatives", [])
                confusion[(gc["kind"], best[2])] = confusion.get((gc["kind"], best[2]), 0) + 1
                cell = (gc["kind"], gc["kind"] if best[2] in kinds else best[2])
                matrix[cell] = matrix.get(cell, 0) + 1
                if best[2] in kinds:
                    totals["kind"] += 1
                elif show in ("kind", "all"):
                    print(f"KIND {doc[:18]} gold={'/'.join(kinds)} got={best[2]} :: {snippet[:200]}")
                if "hedged" in gc and bool(best[3]) == bool(gc["hedged"]):
                    totals["hedged"] += 1
                elif show in ("hedged", "all"):
                    print(f"HEDGED {doc[:18]} gold={gc.get('hedged')} got={bool(best[3])} :: {snippet[:200]}")
            boiler = [span(text, b) for b in g.get("boilerplate", [])]
            for c in served:
                totals["served"] += 1
                if any(overlap(c[:2], a) > 0 for a in anchors):
                    totals["useful"] += 1
                elif show in ("extra", "all"):
                    print(f"EXTRA {doc[:18]} [{c[2]}] {text[c[0]:c[1]][:200]!r}")
                if any(b and overlap(c[:2], b) > 0 for b in boiler):
                    totals["boiler"] += 1
                    if show in ("extra", "all"):
                        print(f"BOILERPLATE {doc[:18]} {text[c[0]:c[1]][:160]!r}")
    t = totals
    ratio = lambda a, b: round(a / b, 3) if b else 0.0
    print(json.dumps({"gold_claims": t["gold"], "recall": ratio(t["found"], t["gold"]), "kind": ratio(t["kind"], t["found"]),
                      "hedged": ratio(t["hedged"], t["found"]), "served": t["served"],
                      "precision": ratio(t["useful"], t["served"]), "boilerplate_hits": t["boiler"]}))
    if show == "matrix":
        print_matrix(matrix)
    if show in ("confusion", "all"):
        for (g, p), n in sorted(confusion.items(), key=lambda x: -x[1]):
            if g != p:
                print(f"  gold {g:15} got {p:15} {n}")


KINDS = ["efficacy", "safety", "epidemiology", "mechanism", "dosage", "interaction", "recommendation", "other"]


def print_matrix(matrix):
    short = {k: k[:5] for k in KINDS}
    print("| gold \\ stored | " + " | ".join(short[k] for k in KINDS) + " | right |")
    print("| --- " * (len(KINDS) + 2) + "|")
    for g in KINDS:
        row = [matrix.get((g, p), 0) for p in KINDS]
        total = sum(row)
        cells = [f"**{n}**" if p == g else (str(n) if n else ".") for p, n in zip(KINDS, row)]
        print(f"| {g} | " + " | ".join(cells) + f" | {matrix.get((g, g), 0)}/{total} |")


if __name__ == "__main__":
    main()
