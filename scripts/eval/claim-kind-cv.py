#!/usr/bin/env python3
"""Cue lists against a learnt claim-kind model, cross-validated on the tuning half only (eval/reports/claims7.md).

usage: claim-kind-cv.py DB FRESH_LIST [FEATURES C[,C…]]

DB: a database ingested by the build under test from the tuning half's documents and the seeds (never the held-back
half). FRESH_LIST: tuning documents no claim rule was written against (this round: the tuning half of the last blind
set), reported as their own part. Examples are the stored claims matching a gold claim (scripts/train-claim-kinds.py's
rule). Prints, per feature set and C, the model's 10-fold cross-validated accuracy grouped by document (alone, and
as a fallback deciding only the claims the cues call `other`) by part (older tuning documents, documents annotated
after the rules, the fresh ones), and the accuracy on the fresh part of a model trained on every other tuning document.
Feature sets (each a comma-joined choice; none uses a topic word unless `words` is named):
  lists  the cue classes of scripts/train-claim-kinds.py (which kind list fires in the main clause or elsewhere)
  form   the main clause's first verb (if it is a closed-class word: an auxiliary, a reporting verb or a cue word)
         and the word after an auxiliary, the subject's group (study, researchers, people, experts, a pronoun) and
         its cue words, comparison words, units, "a year"-like periods, "one in", quotation marks
  vocab  each word of the claim that occurs in some list of lexicon/claims.json (cue words only)
  words  every word of the claim (topic words included; for comparison)
Always: the cue stage's kind, hedged, attributed, overlapping a study and that study's design. Needs scikit-learn."""
import sys
import json, pathlib, re, sqlite3, importlib.util, itertools
ROOT = pathlib.Path(__file__).resolve().parent.parent.parent
spec = importlib.util.spec_from_file_location('t', ROOT / 'scripts/train-claim-kinds.py'); t = importlib.util.module_from_spec(spec); spec.loader.exec_module(t)
LEX = t.LEXICON
# closed vocabulary: every word of every claims.json list (cue words, not topic words)
VOCAB = set()
def lists(x):
    if isinstance(x, list):
        for y in x:
            yield from lists(y)
    elif isinstance(x, dict):
        for v in x.values(): yield from lists(v)
    elif isinstance(x, str): yield x
for k, v in LEX.items():
    if k.startswith('_'): continue
    for s in lists(v):
        for w in t.words_of(s.rstrip('*')): VOCAB.add(w)
AUX = set("is are was were be been being has have had can could may might will would should must do does did".split())
VERBS = AUX | set(LEX['finite_verbs']) | t.REPORT
COMP = set("than compared versus vs more less fewer higher lower greater smaller twice times half".split())
UNITS = set("mg mcg µg μg iu g ml milligrams micrograms grams units dose doses daily".split())
PERIOD = ["a year", "each year", "per year", "every year", "annually", "a day", "per day", "each day"]
def form(text):
    toks = t.words_of(text); main = t.main_clause(text); out = set()
    # subject: words of the main clause before its first verb-like word
    vi = next((i for i, w in enumerate(main) if w in VERBS or (len(w) > 4 and w.endswith('ed'))), None)
    subj = main[:vi] if vi is not None else main[:4]
    if vi is not None:
        v = main[vi]
        out.add('verb:' + (v if v in VERBS or v in VOCAB else '-ed'))
        if vi + 1 < len(main) and main[vi] in AUX:
            n = main[vi + 1]
            out.add('verb2:' + (n if n in VOCAB or n in VERBS else ('-ed' if n.endswith('ed') else '-')))
        out.add('vpos:%d' % min(vi, 8) if vi < 3 else 'vpos:far')
    else:
        out.add('verb:none')
    for group, members in t.GROUPS.items():
        if any(w in members for w in subj): out.add('S:' + group)
    for w in subj:
        if w in ('it', 'they', 'this', 'these', 'there', 'we', 'he', 'she', 'you'): out.add('S:pron:' + w)
        if w in VOCAB: out.add('Sw:' + w)
    for w in main:
        if w in COMP: out.add('cmp:' + w)
    if any(w in UNITS for w in toks): out.add('unit')
    low = ' ' + ' '.join(toks) + ' '
    if any(' ' + p + ' ' in low for p in PERIOD): out.add('period')
    if ' one in ' in low or ' 1 in ' in low: out.add('onein')
    if '"' in text or '\u201c' in text: out.add('quote-mark')
    return out
def feats(text, cue, hedged, study, quoted, design, fs):
    out = {f"cue:{cue}"}
    if design: out.add(f"design:{design}")
    if hedged: out.add("hedged")
    if study: out.add("study")
    if quoted: out.add("quoted")
    if 'lists' in fs: out |= t.cue_classes(text)
    if 'form' in fs: out |= form(text)
    if 'vocab' in fs:
        for w in t.words_of(text):
            if w in VOCAB: out.add('v:' + w)
    if 'words' in fs:
        for w in t.words_of(text): out.add('w:#' if w[0].isdigit() else 'w:' + w)
    return out
def examples(con, names):
    sources = {f: (sid, text) for sid, f, text in con.execute("select id, file, text from sources")}
    out = []
    for gold_dir in t.SETS + ['scripts/eval/seeds-gold']:
        for path in sorted((ROOT / gold_dir).glob("*.json")):
            g = json.loads(path.read_text()); doc = g["document"]
            if doc not in sources or (names is not None and doc not in names and 'seeds' not in gold_dir): continue
            sid, text = sources[doc]
            served = list(con.execute('select c.start, c."end", c.kind, c.hedged, c.attributed_to, c.study_id, s.design from claims c left join studies s on s.id = c.study_id where c.source_id=? order by c.start', (sid,)))
            for gc in g["claims"]:
                a = gc["anchor"]
                a = (a["start"], a["end"]) if isinstance(a, dict) else (text.find(a), text.find(a) + len(a))
                best = next((c for c in served if t.overlap(c[:2], a) >= 0.5 * (a[1] - a[0])), None)
                if best is None: continue
                out.append(dict(text=text[best[0]:best[1]], cue=best[2], hedged=best[3], study=best[5] is not None, quoted=best[4] is not None, design=best[6], gold=gc['kind'], acc=[gc['kind']] + gc.get('kinds_alternatives', []), doc=doc))
    return out
from sklearn.linear_model import LogisticRegression
from sklearn.feature_extraction import DictVectorizer
from sklearn.model_selection import GroupKFold
import numpy as np
con = sqlite3.connect(sys.argv[1])
tune = set((ROOT/'eval/split/tune.txt').read_text().split())
new = set(pathlib.Path(sys.argv[2]).read_text().split())
after = set((ROOT/'eval/split/annotated-after-rules.txt').read_text().split())
ex = examples(con, tune)
part = lambda e: 'new' if e['doc'] in new else ('after' if e['doc'] in after else 'older')
P = [part(e) for e in ex]
def acc(pred, idx):
    return sum(pred[i] in ex[i]['acc'] for i in idx) / len(idx)
parts = {p: [i for i in range(len(ex)) if P[i] == p] for p in ('older', 'after', 'new')}
parts['all'] = list(range(len(ex)))
cue = [e['cue'] for e in ex]
print('n', {p: len(v) for p, v in parts.items()}, 'cues', {p: round(acc(cue, v), 3) for p, v in parts.items()})
CACHE = {}
def fit_predict(fs, C, tr, te, mindf=2):
    if fs not in CACHE: CACHE[fs] = [feats(e['text'], e['cue'], e['hedged'], e['study'], e['quoted'], e['design'], fs) for e in ex]
    F = CACHE[fs]
    cnt = {}
    for i in tr:
        for k in F[i]: cnt[k] = cnt.get(k, 0) + 1
    keep = {k for k, n in cnt.items() if n >= mindf}
    vec = DictVectorizer(); X = vec.fit_transform([{k: 1 for k in F[i] if k in keep} for i in tr])
    m = LogisticRegression(C=C, max_iter=5000).fit(X, [ex[i]['gold'] for i in tr])
    Xt = vec.transform([{k: 1 for k in F[i] if k in keep} for i in te])
    return list(m.predict(Xt)), m.predict_proba(Xt), list(m.classes_)
groups = [e['doc'] for e in ex]
configs = [(fs, C) for fs in [('lists',), ('lists','form'), ('lists','form','vocab'), ('form','vocab'), ('vocab',), ('lists','vocab'), ('words',), ('lists','form','words')] for C in (0.1, 0.3, 1.0)]
if len(sys.argv) > 3: configs = [(tuple(sys.argv[3].split(',')), float(c)) for c in sys.argv[4].split(',')]
for fs, C in configs:
    pred = [None]*len(ex); fb = [None]*len(ex)
    for tr, te in GroupKFold(10).split(ex, groups=groups):
        p, _, _ = fit_predict(fs, C, list(tr), list(te))
        for i, k in zip(te, p): pred[i] = k; fb[i] = k if cue[i] == 'other' else cue[i]
    trB = [i for i in range(len(ex)) if P[i] != 'new']; teB = parts['new']
    pB, _, _ = fit_predict(fs, C, trB, teB)
    accB = sum(k in ex[i]['acc'] for i, k in zip(teB, pB)) / len(teB)
    fbB = sum((k if cue[i] == 'other' else cue[i]) in ex[i]['acc'] for i, k in zip(teB, pB)) / len(teB)
    print('+'.join(fs), C, 'CV alone', {p: round(acc(pred, v), 3) for p, v in parts.items()}, 'CV fb', {p: round(acc(fb, v), 3) for p, v in parts.items()}, 'B new alone %.3f fb %.3f' % (accB, fbB), flush=True)
