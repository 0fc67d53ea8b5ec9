#!/usr/bin/env python3
"""Turns gold written with quotes into gold written with offsets, so that no sentence of a document that is not
ours enters this repository.

usage: offsets-from-quotes.py GOLD_IN DOCS_DIR OUT_DIR [--overlay DIR] [--only NAMES_FILE]

GOLD_IN is a folder of gold JSON files (the scorer's format) whose quotes are exact substrings of the documents in
DOCS_DIR (for instance the shared real-dev gold, read at run time). Every quote becomes {"start": S, "end": E},
Python code-point offsets into the document's text: the source title and its alternatives, study titles, study
anchors (every occurrence: the scorer matches a quoted anchor wherever it occurs), finding anchors, claim anchors
(first occurrence, as the scorer and the mock take it), comment anchors and boilerplate.

--overlay DIR: DIR/<gold file name> holds {"findings": {study_key: [finding, ...]}} written with quotes (kept
outside the repository); the findings are added to the studies before the conversion.

Free-text fields that should be the annotator's own words (population, comparator, effect, intervention form)
are kept only when they share no run of six words with the document, else set to null and reported: a
paraphrase may stay, a copied phrase may not."""
import json, pathlib, re, sys

RUN = 6   # words in a row shared with the document that make a free-text field a quote


def words(s):
    return re.findall(r"[a-z0-9]+", s.lower().replace("\u2019", "'"))


def copies_text(value, text_grams):
    w = words(value)
    return any(tuple(w[i:i + RUN]) in text_grams for i in range(len(w) - RUN + 1))


class Converter:
    def __init__(self, name, text):
        self.name, self.text, self.problems = name, text, []
        w = words(text)
        self.grams = {tuple(w[i:i + RUN]) for i in range(len(w) - RUN + 1)}

    def first(self, quote, what):
        if isinstance(quote, dict):           # already offsets
            return quote
        i = self.text.find(quote)
        if i < 0:
            self.problems.append(f"{self.name}: {what} not in the document: {quote[:60]!r}")
            return None
        if self.text.find(quote, i + 1) >= 0 and what.startswith("claim"):
            self.problems.append(f"{self.name}: note, {what} occurs more than once; first taken: {quote[:50]!r}")
        return {"start": i, "end": i + len(quote)}

    def every(self, quote, what):
        if isinstance(quote, dict):
            return [quote]
        out, i = [], self.text.find(quote)
        while i >= 0:
            out.append({"start": i, "end": i + len(quote)}); i = self.text.find(quote, i + 1)
        if not out:
            self.problems.append(f"{self.name}: {what} not in the document: {quote[:60]!r}")
        return out

    def own_words(self, value, what):
        if isinstance(value, str) and copies_text(value, self.grams):
            self.problems.append(f"{self.name}: {what} copies the document, set to null")
            return None
        return value

    def convert(self, g):
        src = g["source"]
        src["title"] = self.first(src["title"], "title") if src.get("title") else None
        src["title_alternatives"] = [self.first(t, "title alternative") for t in src.get("title_alternatives", [])]
        for s in g["studies"]:
            k = s["key"]
            s["anchors"] = [o for a in s["anchors"] for o in self.every(a, f"study {k} anchor")]
            if s.get("title"):
                s["title"] = self.first(s["title"], f"study {k} title")
            for f in ("population", "comparator", "effect"):
                s[f] = self.own_words(s.get(f), f"study {k} {f}")
            for iv in s.get("interventions", []):
                iv["form"] = self.own_words(iv.get("form"), f"study {k} form of {iv['name']}")
            for fd in s.get("findings", []):
                fd["anchor"] = self.first(fd["anchor"], f"finding anchor of {k}") if fd.get("anchor") else None
                fd["arm"] = self.own_words(fd.get("arm"), f"study {k} finding arm")
        for c in g["claims"]:
            c["anchor"] = self.first(c["anchor"], "claim anchor")
        for c in g.get("comments", []):
            c["anchor"] = self.first(c["anchor"], "comment anchor")
        g["boilerplate"] = [o for b in g.get("boilerplate", []) for o in self.every(b, "boilerplate")]
        return g


def main():
    args = sys.argv[1:]
    overlay = only = None
    if "--overlay" in args:
        i = args.index("--overlay"); overlay = pathlib.Path(args[i + 1]); del args[i:i + 2]
    if "--only" in args:
        i = args.index("--only"); only = set(pathlib.Path(args[i + 1]).read_text().split()); del args[i:i + 2]
    gold_in, docs, out = (pathlib.Path(a) for a in args[:3])
    out.mkdir(parents=True, exist_ok=True)
    problems = []
    for path in sorted(gold_in.glob("*.json")):
        g = json.loads(path.read_text(encoding="utf-8"))
        if only is not None and g["document"] not in only:
            continue
        if overlay is not None and (overlay / path.name).exists():
            extra = json.loads((overlay / path.name).read_text(encoding="utf-8"))
            for s in g["studies"]:
                if s["key"] in extra.get("findings", {}):
                    s["findings"] = extra["findings"][s["key"]]
            unknown = set(extra.get("findings", {})) - {s["key"] for s in g["studies"]}
            problems += [f"{path.name}: overlay names unknown study {k}" for k in sorted(unknown)]
        text = (docs / g["document"]).read_text(encoding="utf-8")
        conv = Converter(path.name, text)
        (out / path.name).write_text(json.dumps(conv.convert(g), indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        problems += conv.problems
    for p in problems:
        print(p, file=sys.stderr)
    return 1 if any("not in the document" in p or "unknown study" in p for p in problems) else 0


sys.exit(main())
