#!/usr/bin/env python3
"""Trains the claim-kind model: a multinomial logistic regression over the claim's words and the cue stage's answer.

usage: train-claim-kinds.py DB [--out FILE] [--min-count N] [--c C] [--fallback] [--dry-run]

DB is a database ingested by a build whose claim kinds come from the cue lists alone (`"kind_model": null` in
lexicon/claims.json), holding the documents of every annotated set (seeds, real-dev, fakehealth, own). Examples are
the stored claims that match a gold claim (the scorer's rule: overlapping at least half of its anchor), labelled
with the gold kind. Only the tuning half (eval/split/tune.txt) and the seeds are trained on; the held-back half is
scored, never trained on. Prints the accuracy of the cues on both halves, the model's 5-fold cross-validated
accuracy on the tuning half (to choose C and the cut-off by) and its accuracy on the held-back half (alternatives
accepted); with --out, writes the weights as JSON. The ingest does not load a model: on the held-back half the cue
lists were more accurate (eval/reports/claims.md), so the kinds come from lexicon/claims.json alone.
With --fallback the model is scored as a second stage: the cue kind stands, and the model decides only the claims
the cues call `other` (eval/reports/claims3.md: that did not beat the cues on the held-back half either).

Features (each computable at ingest from the claim and the cue stage's answer):
  w:<word>   each distinct lower-cased word of the claim (numbers as w:#)
  cue:<kind> the kind the cue lists give
  hedged, study, quoted: the claim is hedged / overlaps a study mention / is attributed to a speaker
  design:<design> the design of the study the claim overlaps
Needs scikit-learn (training only; the service never imports it)."""
import json, pathlib, re, sqlite3, sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
SETS = ["eval/gold/real-dev", "eval/gold/fakehealth", "eval/gold/own"]
KINDS = ["efficacy", "safety", "mechanism", "dosage", "interaction", "recommendation", "epidemiology", "other"]

WORD = re.compile(r"[^\W_]+(?:(?:[-\u2010\u2011\u2013'\u2019/][^\W_]+)|(?:(?<=\d)[.,](?=\d)\d*))*")


def fold(word):
    w = word.lower()
    for a, b in (("\u2010", "-"), ("\u2011", "-"), ("\u2012", "-"), ("\u2013", "-"), ("\u2014", "-"), ("\u2019", "'"), ("\u2018", "'")):
        w = w.replace(a, b)
    return w


def features(text, cue_kind, hedged, study, quoted, design=None):
    out = {f"cue:{cue_kind}"}
    if design: out.add(f"design:{design}")
    for m in WORD.finditer(text):
        w = fold(m.group(0))
        out.add("w:#" if w[0].isdigit() else "w:" + w)
    if hedged: out.add("hedged")
    if study: out.add("study")
    if quoted: out.add("quoted")
    return out


def overlap(a, b):
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def examples(con, gold_dirs, names):
    sources = {f: (sid, text) for sid, f, text in con.execute("select id, file, text from sources")}
    out = []
    for gold_dir in gold_dirs:
        for path in sorted((ROOT / gold_dir).glob("*.json")):
            g = json.loads(path.read_text())
            doc = g["document"]
            if names is not None and doc not in names or doc not in sources:
                continue
            sid, text = sources[doc]
            served = list(con.execute('select c.start, c."end", c.kind, c.hedged, c.attributed_to, c.study_id, s.design from claims c '
                                      'left join studies s on s.id = c.study_id where c.source_id=? order by c.start', (sid,)))
            for gc in g["claims"]:
                a = gc["anchor"]
                if isinstance(a, dict):
                    a = (a["start"], a["end"])
                else:
                    i = text.find(a); a = (i, i + len(a))
                best = next((c for c in served if overlap(c[:2], a) >= 0.5 * (a[1] - a[0])), None)
                if best is None:
                    continue
                f = features(text[best[0]:best[1]], best[2], best[3], best[5] is not None, best[4] is not None, best[6])
                out.append((f, gc["kind"], [gc["kind"]] + gc.get("kinds_alternatives", []), best[2]))
    return out


def main():
    args = sys.argv[1:]
    opt = lambda name, default: args[args.index(name) + 1] if name in args else default
    db = args[0]
    out_path = pathlib.Path(opt("--out", "")) if "--out" in args else None
    min_count = int(opt("--min-count", "2"))
    c_value = float(opt("--c", "1.0"))
    from sklearn.linear_model import LogisticRegression
    from sklearn.feature_extraction import DictVectorizer
    con = sqlite3.connect(db)
    tune = set((ROOT / "eval/split/tune.txt").read_text().split())
    held = set((ROOT / "eval/split/heldout.txt").read_text().split())
    train = examples(con, SETS, tune) + examples(con, ["scripts/eval/seeds-gold"], None)
    test = examples(con, SETS, held)
    counts = {}
    for f, *_ in train:
        for k in f: counts[k] = counts.get(k, 0) + 1
    keep = {k for k, n in counts.items() if n >= min_count or not k.startswith("w:")}
    vec = DictVectorizer()
    X = vec.fit_transform([{k: 1 for k in f if k in keep} for f, *_ in train])
    y = [label for _, label, _, _ in train]
    model = LogisticRegression(C=c_value, max_iter=5000)
    from sklearn.model_selection import cross_val_predict
    fallback = "--fallback" in args
    # Cross-validated on the tuning half: the figure to choose C and the feature cut-off by.
    folds = cross_val_predict(model, X, y, cv=5)
    if fallback:
        folds = [cue if cue != "other" else p for p, (_, _, _, cue) in zip(folds, train)]
    cv_accuracy = round(sum(p in accepted for p, (_, _, accepted, _) in zip(folds, train)) / len(train), 3)
    model.fit(X, y)

    def accuracy(rows, predict):
        return round(sum(predict(f, cue) in accepted for f, _, accepted, cue in rows) / len(rows), 3) if rows else 0.0

    def model_kind(f, cue):
        if fallback and cue != "other":
            return cue
        return model.predict(vec.transform([{k: 1 for k in f if k in keep}]))[0]

    print(json.dumps({"train": len(train), "heldout": len(test), "features": len(vec.feature_names_),
                      "cues_tune": accuracy(train, lambda f, cue: cue), "model_tune_cv": cv_accuracy,
                      "cues_heldout": accuracy(test, lambda f, cue: cue), "model_heldout": accuracy(test, model_kind)}))
    if "--dry-run" in args or out_path is None:
        return
    classes = list(model.classes_)
    weights = {}
    for j, name in enumerate(vec.feature_names_):
        row = [round(float(model.coef_[i][j]), 4) for i in range(len(classes))]
        if any(abs(v) >= 0.001 for v in row):
            weights[name] = row
    data = {"_comment": "Claim-kind model written by scripts/train-claim-kinds.py: multinomial logistic regression; "
                        "score(kind) = bias + sum of the weights of the claim's features; the highest score wins.",
            "kinds": classes, "bias": [round(float(b), 4) for b in model.intercept_], "weights": dict(sorted(weights.items()))}
    out_path.write_text(json.dumps(data, indent=0, ensure_ascii=False) + "\n")
    print(f"wrote {out_path}: {len(weights)} features")


if __name__ == "__main__":
    main()
