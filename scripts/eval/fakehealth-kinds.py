#!/usr/bin/env python3
"""Source kind on the whole FakeHealth corpus, scored against the dataset's own labels: its files are named
release_* (press releases) and story_* (news stories), so each of 1,682 documents has a known kind without any
annotation of ours. Reads a database that `evidence ingest` made of the corpus.

usage: fakehealth-kinds.py DB.sqlite"""
import sqlite3, sys
from collections import Counter

EXPECTED = {"release": "press_release", "story": "news_article"}


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    rows = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True).execute("SELECT file, kind FROM sources")
    counts = Counter()
    for file, kind in rows:
        label = file.split("_", 1)[0]
        if label in EXPECTED:
            counts[(label, kind)] += 1
    for label, expected in EXPECTED.items():
        total = sum(n for (l, _), n in counts.items() if l == label)
        if not total:
            continue
        right = counts[(label, expected)]
        spread = ", ".join(f"{k} {n}" for (l, k), n in counts.most_common() if l == label and k != expected)
        print(f"{label}: {right}/{total} = {right / total:.3f} served as {expected} (others: {spread or 'none'})")


if __name__ == "__main__":
    main()
