#!/usr/bin/env python3
"""Prints the "Where we stand" table of EVALUATION.md: each target figure on the sets that estimate unseen accuracy
(the round's blind set, the earlier blind sets' held-back half, the pooled held-back half), at the start of a round
and now, beside the pooled tuning half and the seeds.

usage: standing-table.py START_RUN_DIR NOW_RUN_DIR

Both folders hold the JSON files of `scripts/evaluate-all.sh --json DIR` (START_RUN_DIR may lack files: a blank
cell). Figures are read, never recomputed, so the table is exactly what the scorer printed."""
import importlib.util, pathlib, sys

# (figure key, label, target): the figures the issues set targets for, in the order of the score's parts.
FIGURES = [
    ("score", "overall score", "≥ 0.90"),
    ("source_fields", "source fields", "≥ 0.90"),
    ("study_recall", "study recall", "≥ 0.95"),
    ("study_precision", "study precision", "≥ 0.85"),
    ("study_attributes", "study attributes", "≥ 0.85"),
    ("by_condition_recall", "recall of `/v1/studies?condition=`", "≥ 0.90"),
    ("by_condition_precision", "precision of `/v1/studies?condition=`", "—"),
    ("claim_recall", "claim recall", "—"),
    ("claim_kind_accuracy", "claim kind right", "≥ 0.85"),
    ("finding_recall", "finding recall", "≥ 0.85"),
    ("finding_direction_accuracy", "finding direction right", "≥ 0.85"),
    ("comment_fields", "comment fields, all threads", "≥ 0.90"),
]
# (run file, column label, whether the start run is shown beside it)
COLUMNS = [
    ("unseen-all", "unseen", True),
    ("after-rules-heldout", "after-rules held-back", True),
    ("pooled-heldout", "pooled held-back", True),
    ("pooled-tune", "pooled tuning", False),
    ("seeds-all", "seeds", False),
]
# Comment fields are scored on threads only; the news sets have no comments to score.
COMMENT_RUNS = {"pooled-heldout": "threads-pooled-heldout", "pooled-tune": "threads-pooled-tune"}


def _figure_tables():
    """figure-tables.py, whose reader of a run folder this table shares (its file name is no module name)."""
    spec = importlib.util.spec_from_file_location("figure_tables", pathlib.Path(__file__).with_name("figure-tables.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


load = _figure_tables().load


def cell(runs, run, key):
    if key == "comment_fields":
        run = COMMENT_RUNS.get(run)
        if run is None:
            return "—"
    value = runs.get(run, {}).get(key)
    return "—" if value is None else f"{value:.3f}"


def main(argv):
    if len(argv) != 3:
        sys.exit(__doc__)
    start, now = load(argv[1]), load(argv[2])
    if not now:
        sys.exit(f"no run files in {argv[2]}")
    header = ["figure", "target"]
    for _, label, with_start in COLUMNS:
        header += [f"{label} start", f"**{label} now**" if label == "unseen" else f"{label} now"] if with_start \
            else [f"{label} now"]
    print("| " + " | ".join(header) + " |")
    print("| " + " | ".join("---" for _ in header) + " |")
    for key, label, target in FIGURES:
        row = [label, target]
        for run, name, with_start in COLUMNS:
            now_cell = cell(now, run, key)
            if with_start:
                row += [cell(start, run, key), f"**{now_cell}**" if name == "unseen" else now_cell]
            else:
                row.append(now_cell)
        print("| " + " | ".join(row) + " |")


if __name__ == "__main__":
    main(sys.argv)
