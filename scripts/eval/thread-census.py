#!/usr/bin/env python3
"""Counts, per discussion thread, the comments a server found against the replies the thread has.

usage: thread-census.py BASE_URL META_DIR [--gold GOLD_DIR]

META_DIR holds one JSON per thread (as /work/shared/corpus/comments/meta/): its `file` names the document and
`comments` the number of replies, the opening post not counted. With --gold, a thread that has comment gold
(eval/gold/threads) is also checked against the gold's count, which was counted from the page itself and wins
where the two disagree. Prints one line per thread and the totals; exits 0 (it measures, it does not judge)."""
import json, pathlib, sys, urllib.parse, urllib.request


def get(base, path):
    with urllib.request.urlopen(base + path, timeout=30) as r:
        return json.loads(r.read().decode("utf-8"))


def all_items(base, route):
    out, cursor = [], None
    while True:
        page = get(base, f"{route}?limit=100" + (f"&cursor={urllib.parse.quote(cursor)}" if cursor else ""))
        out += page.get("data", [])
        cursor = (page.get("meta") or {}).get("next_cursor")
        if not cursor:
            return out


def main():
    args = sys.argv[1:]
    gold_dir = None
    if "--gold" in args:
        i = args.index("--gold"); gold_dir = pathlib.Path(args[i + 1]); del args[i:i + 2]
    if len(args) != 2:
        sys.exit(__doc__)
    base, meta_dir = args[0].rstrip("/"), pathlib.Path(args[1])
    gold_counts = {}
    if gold_dir:
        for p in gold_dir.glob("*.json"):
            g = json.loads(p.read_text())
            gold_counts[g["document"]] = len(g.get("comments", []))
    sources = {s.get("file"): s for s in all_items(base, "/v1/sources")}
    served = {}
    for c in all_items(base, "/v1/comments"):
        served[c.get("source_id")] = served.get(c.get("source_id"), 0) + 1
    rows, tot = [], {"served": 0, "meta": 0, "exact": 0, "n": 0, "gold": 0, "gold_served": 0, "gold_exact": 0, "gold_n": 0}
    for p in sorted(meta_dir.glob("*.json")):
        m = json.loads(p.read_text())
        doc = pathlib.Path(m["file"]).name
        s = sources.get(doc)
        got = served.get(s["id"], 0) if s else None
        want = m.get("comments")
        gold = gold_counts.get(doc)
        rows.append((doc, got, want, gold))
        tot["n"] += 1; tot["served"] += got or 0; tot["meta"] += want or 0; tot["exact"] += got == want
        if gold is not None:
            tot["gold_n"] += 1; tot["gold"] += gold; tot["gold_served"] += got or 0; tot["gold_exact"] += got == gold
    w = max(len(r[0]) for r in rows) if rows else 10
    print(f"{'thread':<{w}}  served  meta  gold")
    for doc, got, want, gold in rows:
        flag = "" if got == (gold if gold is not None else want) else "  ≠"
        print(f"{doc:<{w}}  {'-' if got is None else got:>6}  {want:>4}  {'' if gold is None else gold:>4}{flag}")
    print(f"\ntotal: served {tot['served']} comments, meta expects {tot['meta']} replies in {tot['n']} threads; "
          f"count exactly right in {tot['exact']}/{tot['n']} threads")
    if tot["gold_n"]:
        print(f"threads with gold: served {tot['gold_served']}, gold {tot['gold']} in {tot['gold_n']} threads; "
              f"count exactly right in {tot['gold_exact']}/{tot['gold_n']}")


main()
