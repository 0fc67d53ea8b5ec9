#!/usr/bin/env python3
"""Turns gold of ours into the scorer's format against a running server.

usage: resolve-gold.py BASE_URL GOLD_DIR OUT_DIR [--only NAMES_FILE]
       resolve-gold.py --docs DOCS_DIR GOLD_DIR OUT_DIR [--only NAMES_FILE]

With --docs the text is each document file's content (what the service stores for a .txt file), so that gold can
be resolved without a server, e.g. to serve it with mock_api.py and check that the scorer gives it 1.0.

Gold for documents that are not ours gives every quote as {"start": S, "end": E}: code-point offsets into the
text the service stores (GET /v1/sources/{id}/text). The scorer takes offsets for anchors already; titles,
alternatives and other quoted strings are resolved here, from the served text, so that no sentence of a
document is kept in this repository."""
import json, pathlib, sys, urllib.parse

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from served import get, all_sources  # noqa: E402

def resolve(value, text):
    """Offsets become the quoted text; lists and objects are walked; anchors stay offsets (the scorer reads them)."""
    if isinstance(value, dict) and set(value) == {"start", "end"}:
        return text[value["start"]:value["end"]]
    if isinstance(value, list):
        return [resolve(v, text) for v in value]
    if isinstance(value, dict):
        return {k: (v if k in ("anchors", "anchor") else resolve(v, text)) for k, v in value.items()}
    return value

def main():
    args = sys.argv[1:]
    only = None
    if "--only" in args:
        i = args.index("--only"); only = set(pathlib.Path(args[i + 1]).read_text().split()); del args[i:i + 2]
    docs = None
    if "--docs" in args:
        i = args.index("--docs"); docs = pathlib.Path(args[i + 1]); del args[i:i + 2]
        args.insert(0, "")
    base, gold_dir, out_dir = args[0].rstrip("/"), pathlib.Path(args[1]), pathlib.Path(args[2])
    out_dir.mkdir(parents=True, exist_ok=True)
    by_file = {} if docs is not None else {s.get("file"): s for s in all_sources(base)}
    for path in sorted(gold_dir.glob("*.json")):
        gold = json.loads(path.read_text())
        doc = gold["document"]
        if only is not None and doc not in only:
            continue
        if docs is not None:
            text = (docs / doc).read_text(encoding="utf-8") if (docs / doc).exists() else ""
        else:
            source = by_file.get(doc)
            text = get(base, f"/v1/sources/{urllib.parse.quote(str(source['id']))}/text") if source else ""
        (out_dir / path.name).write_text(json.dumps(resolve(gold, text if isinstance(text, str) else ""), indent=1))

main()
