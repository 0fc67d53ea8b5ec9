#!/usr/bin/env python3
"""Checks gold written with offsets against its documents.

usage: check-offset-gold.py GOLD_DIR DOCS_DIR [--print]

Every quote must be {"start": S, "end": E} inside the text and cut at word edges; claim anchors must not overlap
one another nor boilerplate; anchors of different studies must not overlap; every required study lists findings
whose intervention is one of the study's and whose outcome is one of its conditions; names are the scorer's
canonical ones, not its synonyms; 6-15 claims; and no string in the file copies six words in a row of the
document (the repository keeps no sentence of a document). --print shows every slice, to read them over."""
import json, pathlib, re, sys

sys.path.insert(0, str(pathlib.Path(__file__).parent))
from evaluate import COND_SYN, IV_SYN, norm  # noqa: E402

DESIGNS = {"case_report", "case_series", "rct", "controlled_trial", "single_arm_trial", "cohort", "case_control",
           "cross_sectional", "animal", "in_vitro", "review", "meta_analysis", "guideline", "unspecified_trials",
           "unspecified"}
DIRECTIONS = {"benefit", "no_effect", "harm", "mixed", "unclear"}
KINDS = {"efficacy", "safety", "mechanism", "dosage", "interaction", "recommendation", "epidemiology", "other"}
SYN_C = {norm(s): c for c, ss in COND_SYN.items() for s in ss if norm(s) != norm(c)}
SYN_I = {norm(s): c for c, ss in IV_SYN.items() for s in ss if norm(s) != norm(c)}


def words(s):
    return re.findall(r"[a-z0-9]+", s.lower().replace("\u2019", "'"))


NAMES = {"journal", "publisher", "author"}   # proper names, not sentences


def strings(v):
    if isinstance(v, str):
        yield v
    elif isinstance(v, list):
        for x in v:
            yield from strings(x)
    elif isinstance(v, dict):
        for k, x in v.items():
            if k not in NAMES:
                yield from strings(x)


def main():
    args = sys.argv[1:]
    show = "--print" in args
    args = [a for a in args if a != "--print"]
    gold_dir, docs = pathlib.Path(args[0]), pathlib.Path(args[1])
    bad = 0
    for path in sorted(gold_dir.glob("*.json")):
        g = json.loads(path.read_text(encoding="utf-8"))
        text = (docs / g["document"]).read_text(encoding="utf-8")
        name = path.name
        out = []

        def span(a, what):
            if not (isinstance(a, dict) and set(a) == {"start", "end"}):
                out.append(f"{what}: not an offset: {str(a)[:40]!r}"); return None
            s, e = a["start"], a["end"]
            if not (0 <= s < e <= len(text)):
                out.append(f"{what}: offsets out of range"); return None
            if (s > 0 and text[s - 1].isalnum() and text[s].isalnum()) or (e < len(text) and text[e].isalnum() and text[e - 1].isalnum()):
                out.append(f"{what}: cuts a word: {text[max(0, s - 5):e + 5]!r}")
            if show:
                print(f"  {name} {what}: {text[s:e]}")
            return (s, e)

        src = g["source"]
        span(src["title"], "title")
        for t in src.get("title_alternatives", []):
            span(t, "title alternative")
        study_spans = {}
        for s in g["studies"]:
            k = s["key"]
            if s["design"] not in DESIGNS or any(d not in DESIGNS for d in s.get("design_alternatives", [])):
                out.append(f"study {k}: design {s['design']}")
            if s["direction"] not in DIRECTIONS:
                out.append(f"study {k}: direction {s['direction']}")
            if s.get("title") is not None:
                span(s["title"], f"study {k} title")
            study_spans[k] = [sp for a in s["anchors"] if (sp := span(a, f"study {k} anchor"))]
            if not study_spans[k]:
                out.append(f"study {k}: no anchor")
            for c in s["conditions"]:
                if norm(c) in SYN_C:
                    out.append(f"study {k}: condition {c!r} is a synonym of {SYN_C[norm(c)]!r}")
            for iv in s["interventions"]:
                if norm(iv["name"]) in SYN_I:
                    out.append(f"study {k}: intervention {iv['name']!r} is a synonym of {SYN_I[norm(iv['name'])]!r}")
                if iv.get("dose_mcg_per_day") is not None and iv["dose_mcg_per_day"] <= 0:
                    out.append(f"study {k}: dose not positive")
            if s["required"] and "findings" not in s:
                out.append(f"study {k}: required study without findings")
            ivs = {norm(iv["name"]) for iv in s["interventions"]}
            conds = {norm(c) for c in s["conditions"]}
            for f in s.get("findings", []):
                if f["direction"] not in DIRECTIONS or any(d not in DIRECTIONS for d in f.get("direction_alternatives", [])):
                    out.append(f"study {k}: finding direction {f['direction']}")
                if f["direction"] in f.get("direction_alternatives", []):
                    out.append(f"study {k}: finding alternative repeats the direction")
                if norm(f["intervention"]) not in ivs:
                    out.append(f"study {k}: finding intervention {f['intervention']!r} not among the study's")
                if norm(f["outcome"]) not in conds:
                    out.append(f"study {k}: finding outcome {f['outcome']!r} not among the study's conditions")
                if norm(f["outcome"]) in SYN_C:
                    out.append(f"study {k}: finding outcome {f['outcome']!r} is a synonym")
                span(f["anchor"], f"study {k} finding {f['intervention']} / {f['outcome']}")
        keys = list(study_spans)
        for i, a in enumerate(keys):
            for b in keys[i + 1:]:
                if any(x[0] < y[1] and y[0] < x[1] for x in study_spans[a] for y in study_spans[b]):
                    out.append(f"anchors of {a} and {b} overlap")
        claims = []
        for j, c in enumerate(g["claims"]):
            if c["kind"] not in KINDS or any(x not in KINDS for x in c.get("kinds_alternatives", [])):
                out.append(f"claim {j}: kind {c['kind']}")
            if c["kind"] in c.get("kinds_alternatives", []):
                out.append(f"claim {j}: alternative repeats the kind")
            sp = span(c["anchor"], f"claim {j} [{c['kind']}{'/' + ','.join(c.get('kinds_alternatives', [])) if c.get('kinds_alternatives') else ''}{' hedged' if c['hedged'] else ''}]")
            if sp:
                if text.count(text[sp[0]:sp[1]]) > 1:
                    out.append(f"claim {j}: its text occurs more than once")
                claims.append((j, sp))
        if not 6 <= len(g["claims"]) <= 15:
            out.append(f"{len(g['claims'])} claims")
        for x in range(len(claims)):
            for y in range(x + 1, len(claims)):
                (i, a), (j, b) = claims[x], claims[y]
                if a[0] < b[1] and b[0] < a[1]:
                    out.append(f"claims {i} and {j} overlap")
        for b in g.get("boilerplate", []):
            bs = span(b, "boilerplate")
            if bs:
                for j, cs in claims:
                    if bs[0] < cs[1] and cs[0] < bs[1]:
                        out.append(f"claim {j} overlaps boilerplate")
        w = words(text)
        grams = {tuple(w[i:i + 6]) for i in range(len(w) - 5)}
        for s in strings(g):
            sw = words(s)
            if any(tuple(sw[i:i + 6]) in grams for i in range(len(sw) - 5)):
                out.append(f"a string copies the document: {s[:50]!r}")
        for o in out:
            print(f"{name}: {o}")
        bad += sum(1 for o in out if "occurs more than once" not in o)
    print(f"{bad} problems")
    return 1 if bad else 0


sys.exit(main())
