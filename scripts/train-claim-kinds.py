#!/usr/bin/env python3
"""Trains the claim-kind model: a multinomial logistic regression over the claim's words and the cue stage's answer.

usage: train-claim-kinds.py DB [--out FILE] [--min-count N] [--c C] [--fallback] [--dry-run] [--features SET] [--tune-only]
                            [--train LIST --test LIST]

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
  (--features lists or all) cue classes instead of words, which do not depend on a document's topic:
  M<i>/S<i>  kind list i of lexicon/claims.json matches in the main clause / elsewhere in the claim
  first:<kind> the kind of the earliest cue in the main clause
  subj:<group> a study, researchers, people or experts in the first six words; report (a reporting verb),
  num, pct, past, present (tense of the main clause's auxiliaries)
--features words (default: the words and the base features above), lists (cue classes and structure, no
words), all (both). Cross-validation is grouped by document (10 folds), so that no document is in both the
training and the scored folds. eval/reports/claims4.md: no feature set beat the cues on the tuning half.
tune_by_part splits the cross-validated figures into the tuning documents annotated after the cue lists were
written and the older ones (eval/reports/claims5.md: on the former the model ties the cues, so the cues stay).
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


def features(text, cue_kind, hedged, study, quoted, design=None, kinds="words"):
    out = {f"cue:{cue_kind}"}
    if design: out.add(f"design:{design}")
    if kinds in ("words", "all"):
        for m in WORD.finditer(text):
            w = fold(m.group(0))
            out.add("w:#" if w[0].isdigit() else "w:" + w)
    if kinds in ("lists", "all"):
        out |= cue_classes(text)
    if hedged: out.add("hedged")
    if study: out.add("study")
    if quoted: out.add("quoted")
    return out


LEXICON = json.loads((ROOT / "lexicon/claims.json").read_text())
GROUPS = {
    "study": "study studies trial trials research analysis review findings finding results data paper report survey experiment".split(),
    "researchers": "researchers scientists investigators authors team we".split(),
    "people": "patients participants people women men adults children subjects those volunteers group groups users".split(),
    "expert": "doctors experts guidelines physicians clinicians dietitians you your".split(),
}
REPORT = set("found find finds showed show shows reported report reports observed concluded discovered revealed indicate indicates indicated demonstrated".split())


def words_of(text):
    return [fold(m.group(0)) for m in WORD.finditer(text)]


def phrase_positions(phrase, tokens):
    """Start positions of a cue phrase (a trailing * matches a prefix), as PhraseSet matches it."""
    words = words_of(phrase)
    prefix = phrase.endswith("*")
    if not words:
        return []
    out = []
    for i in range(len(tokens) - len(words) + 1):
        head = all(tokens[i + j] == words[j] for j in range(len(words) - 1))
        last = tokens[i + len(words) - 1]
        if head and (last.startswith(words[-1]) if prefix else last == words[-1]):
            out.append(i)
    return out


def first_position(cues, tokens):
    found = [p for cue in cues for p in phrase_positions(cue, tokens)]
    return min(found) if found else None


def main_clause(text):
    """The words before the first clause break (after a leading subordinate clause), as the classifier reads them."""
    low = text.lower()
    start, cut = 0, len(low)
    for marker in LEXICON["clause_breaks"]:
        i = low.find(marker)
        if i >= 0:
            cut = min(cut, i)
    tokens = words_of(text)
    if tokens and tokens[0] in LEXICON["leading_subordinators"] and "," in low:
        start, cut = low.index(","), len(low)
        for marker in LEXICON["clause_breaks"]:
            i = low.find(marker, start + 1)
            if i > start:
                cut = min(cut, i)
    return [fold(m.group(0)) for m in WORD.finditer(text) if start <= m.start() < cut] or tokens


def cue_classes(text):
    tokens, main = words_of(text), main_clause(text)
    out, first = set(), None
    for i, entry in enumerate(LEXICON["kinds"]):
        in_main = first_position(entry["cues"], main)
        if in_main is not None:
            out.add(f"M{i}")
            if i < LEXICON["fallback_kinds_from"] and (first is None or in_main < first[0]):
                first = (in_main, entry["kind"])
        elif first_position(entry["cues"], tokens) is not None:
            out.add(f"S{i}")
    if first:
        out.add("first:" + first[1])
    for group, members in GROUPS.items():
        if any(w in members for w in tokens[:6]):
            out.add("subj:" + group)
    if any(w in REPORT for w in tokens): out.add("report")
    if any(w[0].isdigit() for w in tokens): out.add("num")
    if "%" in text or "percent" in tokens or "cent" in tokens: out.add("pct")
    if any(w in ("was", "were", "had", "did") for w in main): out.add("past")
    if any(w in ("is", "are", "has", "does", "can") for w in main): out.add("present")
    return out


def overlap(a, b):
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def examples(con, gold_dirs, names, kinds="words"):
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
                f = features(text[best[0]:best[1]], best[2], best[3], best[5] is not None, best[4] is not None, best[6], kinds)
                out.append((f, gc["kind"], [gc["kind"]] + gc.get("kinds_alternatives", []), best[2], doc))
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
    # --train LIST --test LIST: train on some tuning documents and score others (a check inside the tuning half on
    # documents no rule was written against, such as the tuning half of eval/split/unseen.txt).
    if "--train" in args:
        tune = set(pathlib.Path(opt("--train", "")).read_text().split())
    if "--test" in args:
        held = set(pathlib.Path(opt("--test", "")).read_text().split())
    kinds = opt("--features", "words")
    train = examples(con, SETS, tune, kinds) + examples(con, ["scripts/eval/seeds-gold"], None, kinds)
    # --tune-only: while choosing, leave the held-back half unread (its figures print as 0.0).
    test = [] if "--tune-only" in args else examples(con, SETS, held, kinds)
    counts = {}
    for f, *_ in train:
        for k in f: counts[k] = counts.get(k, 0) + 1
    keep = {k for k, n in counts.items() if n >= min_count or not k.startswith("w:")}
    vec = DictVectorizer()
    X = vec.fit_transform([{k: 1 for k in f if k in keep} for f, *_ in train])
    y = [row[1] for row in train]
    model = LogisticRegression(C=c_value, max_iter=5000)
    from sklearn.model_selection import GroupKFold, cross_val_predict
    fallback = "--fallback" in args
    # Cross-validated on the tuning half, grouped by document: the figure to choose C, the cut-off and the
    # feature set by.
    folds = cross_val_predict(model, X, y, cv=GroupKFold(10), groups=[row[4] for row in train])
    if fallback:
        folds = [cue if cue != "other" else p for p, (_, _, _, cue, _) in zip(folds, train)]
    cv_accuracy = round(sum(p in accepted for p, (_, _, accepted, _, _) in zip(folds, train)) / len(train), 3)
    # The cue lists were written against the older tuning documents, so the cues' figure there is in-sample; on
    # the documents annotated after the rules (eval/split/annotated-after-rules.txt) both are out of sample.
    after_rules = set((ROOT / "eval/split/annotated-after-rules.txt").read_text().split())
    by_part = {}
    for name, chosen in (("after_rules", True), ("older", False)):
        rows = [(p, row) for p, row in zip(folds, train) if (row[4] in after_rules) == chosen]
        if rows:
            by_part[name] = {"claims": len(rows), "cues": round(sum(r[3] in r[2] for _, r in rows) / len(rows), 3),
                             "model_cv": round(sum(p in r[2] for p, r in rows) / len(rows), 3)}
    model.fit(X, y)

    def accuracy(rows, predict):
        return round(sum(predict(f, cue) in accepted for f, _, accepted, cue, _ in rows) / len(rows), 3) if rows else 0.0

    def model_kind(f, cue):
        if fallback and cue != "other":
            return cue
        return model.predict(vec.transform([{k: 1 for k in f if k in keep}]))[0]

    print(json.dumps({"train": len(train), "heldout": len(test), "features": len(vec.feature_names_),
                      "cues_tune": accuracy(train, lambda f, cue: cue), "model_tune_cv": cv_accuracy,
                      "cues_heldout": accuracy(test, lambda f, cue: cue), "model_heldout": accuracy(test, model_kind),
                      "tune_by_part": by_part}))
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
