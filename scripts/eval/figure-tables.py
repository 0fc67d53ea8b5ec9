#!/usr/bin/env python3
"""Prints the figures of scripts/evaluate-all.sh as one Markdown table per figure: a row per annotated set, a
column per half (tuning, held-back), optionally beside an earlier run's held-back figure.

usage: figure-tables.py RUN_DIR [--before EARLIER_RUN_DIR]

RUN_DIR holds the JSON files evaluate-all.sh writes (<set>-tune.json, <set>-heldout.json, seeds-all.json,
after-rules-tune.json, after-rules-heldout.json, unseen-all.json)."""
import json, pathlib, sys

SETS = ["seeds", "real-dev", "fakehealth", "own", "pooled", "after-rules", "unseen", "threads", "threads-pooled"]
# Sets scored as one run over all their documents, not split into halves.
WHOLE = {"seeds"}
# Documents annotated during the round and not yet looked at by any rule: both halves are held back, so the
# whole set is one held-back figure.
WHOLE_HELD_BACK = {"unseen"}
# Figures a set cannot have (no studies in the threads' gold, no comments in news) are left blank, not 0.
_NO_STUDIES = {"studies_returned", "study_recall", "study_precision", "studies_merged_wrongly", "study_attributes",
               "by_condition_recall", "by_condition_precision", "finding_recall", "finding_direction_accuracy",
               "claim_recall", "claim_kind_accuracy"}
NOT_SCORED = {"threads": _NO_STUDIES, "threads-pooled": _NO_STUDIES}


def load(folder):
    runs = {}
    for path in pathlib.Path(folder).glob("*.json"):
        data = json.loads(path.read_text())
        runs[path.stem] = data.get("figures", data)
    return runs


def cell(runs, name, half, figure):
    if figure in NOT_SCORED.get(name, set()):
        return ""
    value = runs.get(f"{name}-{half}", {}).get(figure)
    if value is None:
        return ""
    return f"{value:.3f}" if isinstance(value, float) else str(value)


def main():
    args = sys.argv[1:]
    if not args:
        sys.exit(__doc__)
    runs = load(args[0])
    before = load(args[args.index("--before") + 1]) if "--before" in args else None
    figures = []
    for run in runs.values():
        figures += [k for k, v in run.items() if isinstance(v, (int, float)) and k not in figures]
    for figure in figures:
        print(f"\n**{figure}**\n")
        header = ["set", "tuning", "held-back"] + (["held-back before"] if before is not None else [])
        print("| " + " | ".join(header) + " |")
        print("|" + " --- |" * len(header))
        for name in SETS:
            if name in WHOLE_HELD_BACK:
                row = [name, "—", cell(runs, name, "all", figure)]
                if before is not None:
                    row.append(cell(before, name, "all", figure))
            elif name in WHOLE:
                row = [name, cell(runs, name, "all", figure), "—"]
                if before is not None:
                    row.append(cell(before, name, "all", figure))
            else:
                row = [name, cell(runs, name, "tune", figure), cell(runs, name, "heldout", figure)]
                if before is not None:
                    row.append(cell(before, name, "heldout", figure))
            if any(row[1:]) and set(row[1:]) != {"", "—"}:
                print("| " + " | ".join(row) + " |")


if __name__ == "__main__":
    main()
