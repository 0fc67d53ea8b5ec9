#!/usr/bin/env python3
"""Why each `/v1/studies?condition=` query of the scorer misses or over-answers, against a running server.

usage: conditions-detail.py BASE_URL RESOLVED_GOLD_DIR [--json OUT]

Replays the scorer's by-condition figures (scripts/eval/evaluate.py: the same study matching by anchor overlap,
the same expected and relevant sets) and classifies every miss and every extra study:
  miss/unresolved   the query name resolves to no concept (the server answered through its text fallback or not at all)
  miss/unnamed      the study's document never names the query's concept (nor a narrower one)
  miss/unlinked     the document names it, the study is not linked to it
  miss/nostudy      the gold study has no predicted study (a study-stage miss)
  extra/direct      a gold study linked to the query's concept itself, whose gold does not list it
  extra/narrower    a gold study returned through a narrower concept (the query is the broader one)
  extra/invented    a predicted study that matches no gold study
Prints one line per case, for reading in a terminal only (names of real documents and their gold, no text).
--json writes the counts and cases."""
import collections, json, pathlib, sys, urllib.parse

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import evaluate as ev  # noqa: E402


def main():
    args = sys.argv[1:]
    out = None
    if "--json" in args:
        i = args.index("--json"); out = args[i + 1]; del args[i:i + 2]
    api = ev.API(args[0])
    golds = {json.loads(p.read_text())["document"]: json.loads(p.read_text()) for p in sorted(pathlib.Path(args[1]).glob("*.json"))}
    sources, _ = api.all("/v1/sources")
    by_file = {s.get("file"): s for s in sources}
    file_of = {s.get("id"): s.get("file") for s in sources}
    texts = {}
    for doc in golds:
        s = by_file.get(doc)
        if s:
            _, t = api.get(f"/v1/sources/{urllib.parse.quote(str(s['id']))}/text")
            texts[doc] = t if isinstance(t, str) else ""
    studies, _ = api.all("/v1/studies")
    pred = {p["id"]: p for p in studies}
    gold_to_pred, pred_to_gold = {}, collections.defaultdict(list)
    for doc, g in golds.items():
        s = by_file.get(doc)
        if not s: continue
        for gs in g["studies"]:
            aspans = [sp for a in gs["anchors"] for sp in ev.spans(texts.get(doc, ""), a)]
            best, best_ov = None, 0
            for p in studies:
                for m in p.get("mentions") or []:
                    if m.get("source_id") != s["id"]: continue
                    ov = max([ev.overlap((m.get("start") or 0, m.get("end") or 0), a) for a in aspans] + [0])
                    if ov > best_ov: best, best_ov = p, ov
            if best is not None:
                gold_to_pred[(doc, gs["key"])] = best["id"]
                pred_to_gold[best["id"]].append((doc, gs))
    gold_sids = {by_file[d]["id"] for d in golds if d in by_file}
    # Which concepts each source names (its mentions), to tell unnamed from unlinked.
    conditions, _ = api.all("/v1/conditions")
    cond_by_id = {c["id"]: c for c in conditions}
    counts, cases = collections.Counter(), []
    queries = sorted({c for g in golds.values() for s in g["studies"] if s.get("required", True) for c in s["conditions"]})
    for cq in queries:
        narrower = set(ev.NARROWER.get(cq, []))
        exp_gold = [(d, s) for d, g in golds.items() for s in g["studies"]
                    if s.get("required", True) and ({cq} | narrower) & set(s["conditions"] + s.get("conditions_alternatives", []))]
        expected = {gold_to_pred.get((d, s["key"])) for d, s in exp_gold} - {None}
        relevant = expected | {gold_to_pred.get((d, s["key"])) for d, g in golds.items() for s in g["studies"] if not s.get("required", True)}
        status, body = api.get("/v1/studies", condition=cq, limit=100)
        got = (body or {}).get("data", []) if isinstance(body, dict) else []
        meta = (body or {}).get("meta", {}) if isinstance(body, dict) else {}
        resolved = meta.get("concept") or meta.get("condition")
        as_text = bool(meta.get("matched_as_text"))
        got_ids = {p["id"] for p in got}
        own_got = [p for p in got if any(m.get("source_id") in gold_sids for m in p.get("mentions") or [])]
        # The concept the server resolved the query to, with its narrower ones (read from the studies' conditions).
        for d, s in exp_gold:
            pid = gold_to_pred.get((d, s["key"]))
            if pid in got_ids: continue
            if pid is None: kind = "miss/nostudy"
            elif as_text or status != 200: kind = "miss/unresolved"
            else:
                kind = "miss/unlinked"
            p = pred.get(pid) or {}
            counts[kind] += 1
            cases.append({"query": cq, "case": kind, "doc": d, "gold": s["key"], "gold_conditions": s["conditions"],
                          "pred_conditions": [c.get("name") for c in p.get("conditions") or []], "meta": meta})
        for p in own_got:
            if p["id"] in relevant: continue
            linked = [c.get("name") for c in p.get("conditions") or []]
            gl = pred_to_gold.get(p["id"])
            if not gl: kind = "extra/invented"
            elif any(ev.norm(n) == ev.norm(cq) for n in linked) or any(ev.norm(cq) in {ev.norm(x) for x in (cond_by_id.get(c.get("id")) or {}).get("synonyms") or []} for c in p.get("conditions") or []):
                kind = "extra/direct"
            else: kind = "extra/narrower"
            counts[kind] += 1
            docs = sorted({file_of.get(m.get("source_id")) for m in p.get("mentions") or []} - {None})
            cases.append({"query": cq, "case": kind, "doc": ",".join(docs), "gold": [gs["key"] for _, gs in gl or []],
                          "gold_conditions": [c for _, gs in gl or [] for c in gs["conditions"] + gs.get("conditions_alternatives", [])],
                          "pred_conditions": linked, "meta": meta})
    for c in cases:
        print(f"{c['case']:<16} {c['query']!r:<34} {c['doc'][:40]:<40} gold={c['gold_conditions']} pred={c['pred_conditions']}")
    print(dict(counts))
    if out:
        pathlib.Path(out).write_text(json.dumps({"counts": counts, "cases": cases}, indent=1))


if __name__ == "__main__":
    main()
