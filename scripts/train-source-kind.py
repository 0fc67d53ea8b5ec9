#!/usr/bin/env python3
"""Trains the press-release-or-news model of the source kind stage (lexicon/source_kind_model.json).

The FakeHealth corpus labels each of its 1,682 documents: files named release_* are press releases, story_* news
stories. The model is a logistic regression over which words a document's stored text contains (runs of ASCII
letters, lower-cased; words found in at least MIN_DF documents), the features Swift computes at ingest
(Sources/Ingest/Metadata/SourceKindModel.swift). Documents that any of our gold annotates (eval/gold, and the
real-dev documents, matched by text) are never trained on, so that the evaluation stays honest.

  scripts/train-source-kind.py DB.sqlite [--out lexicon/source_kind_model.json] [--real-dev DIR]

DB.sqlite: `evidence ingest` of the FakeHealth folder. Prints the accuracy on a held-out half (documents split by
a hash of their file name; trained on the other half), then trains on every document and writes the model.
Needs scikit-learn (pip install scikit-learn), for training only."""
import argparse, glob, hashlib, json, pathlib, re, sqlite3, sys

import numpy as np
from sklearn.linear_model import LogisticRegression

ROOT = pathlib.Path(__file__).resolve().parent.parent
MIN_DF, C, PRUNE = 8, 0.3, 0.01
WORD = re.compile(r"[A-Za-z]+")


def words(text):
    return {w.lower() for w in WORD.findall(text) if 2 <= len(w) <= 20}


def digest(text):
    return hashlib.sha1(text.strip().encode("utf-8")).hexdigest()


def labelled(db, real_dev):
    gold_files = {json.loads(p.read_text())["document"] for p in (ROOT / "eval/gold").glob("*/*.json")}
    gold_texts = {digest(pathlib.Path(p).read_text(encoding="utf-8")) for p in glob.glob(f"{real_dev}/*")} if real_dev else set()
    rows = sqlite3.connect(f"file:{db}?mode=ro", uri=True).execute("SELECT file, text FROM sources ORDER BY file")
    out = []
    for file, text in rows:
        label = file.split("_", 1)[0]
        if label not in ("release", "story") or file in gold_files or digest(text) in gold_texts:
            continue
        out.append((file, words(text), 1 if label == "release" else 0))
    return out


def fit(docs):
    df = {}
    for _, ws, _ in docs:
        for w in ws:
            df[w] = df.get(w, 0) + 1
    vocab = sorted(w for w, n in df.items() if n >= MIN_DF)
    index = {w: i for i, w in enumerate(vocab)}
    model = LogisticRegression(C=C, max_iter=5000, class_weight="balanced").fit(matrix(docs, index), [d[2] for d in docs])
    weights = {w: float(model.coef_[0][i]) for w, i in index.items() if abs(model.coef_[0][i]) >= PRUNE}
    return float(model.intercept_[0]), weights


def matrix(docs, index):
    m = np.zeros((len(docs), len(index)), dtype=np.float32)
    for row, (_, ws, _) in enumerate(docs):
        for w in ws:
            if w in index:
                m[row, index[w]] = 1
    return m


def predict(bias, weights, ws):
    return 1 if bias + sum(weights.get(w, 0.0) for w in ws) > 0 else 0


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("db")
    ap.add_argument("--out", default=str(ROOT / "lexicon/source_kind_model.json"))
    ap.add_argument("--real-dev", default=None, help="folder of the real-dev documents, left out of training")
    args = ap.parse_args()
    docs = labelled(args.db, args.real_dev)
    half = lambda f: int(hashlib.sha1(f.encode()).hexdigest(), 16) % 2
    train, test = [d for d in docs if half(d[0]) == 0], [d for d in docs if half(d[0]) == 1]
    bias, weights = fit(train)
    right = [predict(bias, weights, ws) == y for _, ws, y in test]
    releases = [predict(bias, weights, ws) == 1 for _, ws, y in test if y == 1]
    stories = [predict(bias, weights, ws) == 0 for _, ws, y in test if y == 0]
    accuracy = sum(right) / len(right)
    print(f"held-out half: {len(test)} documents, accuracy {accuracy:.3f}, releases {sum(releases)}/{len(releases)}, "
          f"stories {sum(stories)}/{len(stories)} (trained on {len(train)})")
    bias, weights = fit(docs)
    model = {
        "about": "Press release or news story: logistic regression over the words a document contains; "
                 "trained by scripts/train-source-kind.py on the FakeHealth corpus's own labels.",
        "trained_on": len(docs),
        "held_out_accuracy": round(accuracy, 3),
        "bias": round(bias, 4),
        "weights": {w: round(v, 4) for w, v in sorted(weights.items())},
    }
    pathlib.Path(args.out).write_text(json.dumps(model, indent=0, sort_keys=False) + "\n")
    print(f"wrote {args.out}: {len(weights)} words, trained on {len(docs)} documents")


if __name__ == "__main__":
    sys.exit(main())
