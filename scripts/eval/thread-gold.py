#!/usr/bin/env python3
"""Writes the comment gold of real discussion threads, every quote as offsets into the text a server stores.

usage: thread-gold.py BASE_URL QUOTES_JSON OUT_DIR [--texts DIR] [--only NAME ...]

QUOTES_JSON is the private annotation (kept outside this repository, e.g. /work/private/annot-threads/quotes.json):
{"<file name>": {"kind": "forum_thread", "title": "<quote>", "title_alternatives": ["<quote>"],
                 "published": "YYYY-MM-DD" | null, "published_alternatives": [...], "author": "<quote>" | null,
                 "start_after": "<quote>" (optional: comments are looked for after its first occurrence),
                 "comments": [[author quote | null, person key, anchor quote, reply_to, question, promotional,
                               {optional: "reply_alternatives": [...], "author_alternatives": [quotes]}], ...],
                 "boilerplate": ["<quote>", ...]}}
Anchors are searched in page order: each after the end of the previous one, so a repeated phrase resolves to the
right post. A comment's author is the occurrence of its name nearest before its anchor. Person keys become opaque
ids (p1, p2, ...) so that no name is written here. --texts DIR also writes each document's stored text to
DIR/<file name> (somewhere outside the repository, e.g. /tmp), the docs folder mock_api.py needs to check the gold. Run it against a server that has ingested the threads whenever
the stored visible text of the HTML pages changes; it fails loudly on a quote it cannot find."""
import json, pathlib, re, sys, urllib.parse

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from served import get, all_sources  # noqa: E402


class Missing(Exception):
    pass


def pattern(quote):
    """A quote matches across any run of whitespace (a no-break space, a line break where the reader wraps), so
    that a change in how the reader spaces the visible text does not lose the quote."""
    return re.compile(r"\s+".join(re.escape(w) for w in quote.split()))


def span(text, quote, start=0, before=None):
    """Offsets of a quote: the last occurrence ending before `before` if given (and one exists), else the first
    occurrence at or after `start`."""
    rx = pattern(quote)
    if before is not None:
        found = [m for m in rx.finditer(text, 0, before)]
        if found:
            return {"start": found[-1].start(), "end": found[-1].end()}
    m = rx.search(text, start)
    if not m:
        raise Missing(quote[:60])
    return {"start": m.start(), "end": m.end()}


def build(doc, q, text):
    keys = {}
    key_of = lambda k: keys.setdefault(k, f"p{len(keys) + 1}")
    cursor = span(text, q["start_after"])["end"] if q.get("start_after") else 0
    comments = []
    for n, row in enumerate(q["comments"], 1):
        author, person, anchor, reply_to, question, promotional = row[:6]
        extra = row[6] if len(row) > 6 else {}
        a = span(text, anchor, cursor)
        cursor = a["end"]
        c = {"number": n,
             "author": span(text, author, before=a["start"]) if author is not None else None,
             "author_alternatives": [span(text, x) for x in extra.get("author_alternatives", [])],
             "author_key": key_of(person), "anchor": a, "reply_to": reply_to,
             "question": question, "promotional": promotional}
        if extra.get("reply_alternatives"):
            c["reply_alternatives"] = extra["reply_alternatives"]
        comments.append(c)
    return {"document": doc,
            "source": {"kind": q["kind"], "title": span(text, q["title"]),
                       "title_alternatives": [span(text, t) for t in q.get("title_alternatives", [])],
                       "published": q.get("published"), "published_alternatives": q.get("published_alternatives", []),
                       "author": span(text, q["author"]) if q.get("author") else None, "publisher": None,
                       "industry_sponsored": False},
            "studies": [], "claims": [], "comments": comments,
            "boilerplate": [span(text, b) for b in q.get("boilerplate", [])]}


def main():
    args = sys.argv[1:]
    only, texts_dir = None, None
    if "--texts" in args:
        i = args.index("--texts"); texts_dir = pathlib.Path(args[i + 1]); del args[i:i + 2]
        texts_dir.mkdir(parents=True, exist_ok=True)
    if "--only" in args:
        i = args.index("--only"); only = set(args[i + 1:]); del args[i:]
    base, quotes, out = args[0].rstrip("/"), json.loads(pathlib.Path(args[1]).read_text()), pathlib.Path(args[2])
    out.mkdir(parents=True, exist_ok=True)
    by_file = {s.get("file"): s for s in all_sources(base)}
    failed = 0
    for doc, q in sorted(quotes.items()):
        if only is not None and doc not in only:
            continue
        source = by_file.get(doc)
        if not source:
            print(f"{doc}: not served", file=sys.stderr); failed += 1; continue
        text = get(base, f"/v1/sources/{urllib.parse.quote(str(source['id']))}/text")
        if texts_dir:
            (texts_dir / doc).write_text(text, encoding="utf-8")
        try:
            gold = build(doc, q, text)
        except Missing as e:
            print(f"{doc}: quote not found in the stored text: {e}", file=sys.stderr); failed += 1; continue
        (out / (pathlib.Path(doc).stem + ".json")).write_text(json.dumps(gold, indent=1, ensure_ascii=False) + "\n")
        print(f"{doc}: {len(gold['comments'])} comments")
    sys.exit(1 if failed else 0)


main()
