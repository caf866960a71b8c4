"""The quality benchmark: how often annolint is right, measured on text we did not write.

    python benchmarks/quality.py                 # everything, a report on stdout
    python benchmarks/quality.py --no-recall     # precision only (fast)
    python benchmarks/quality.py --show woo-dev/zuidrai   # unlabelled findings, to label

Precision: every data set (corpus/, the seeds, ``shared/devsets/*``, each
``shared/realdata/woo-dev/*`` dossier) is checked on its own, and each finding is
looked up in the hand labels (``benchmarks/labels/``, see ``labels.py``). Precision
per rule is real / (real + false) over the labelled findings that are reported
today; findings not yet labelled are listed, so that new noise shows the day it
appears. For each real dossier: contradiction findings per MB of text.

Recall: ``recall.py`` (the dev sets' truth files, and drift injected into real notes).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import yaml  # noqa: E402

from harness import DataSet, datasets, folder_bytes, run_folder  # noqa: E402
from labels import LabelIndex, finding_places, load_labels, new_entry  # noqa: E402

# Rules that do not claim a contradiction between two statements.
NOT_CONTRADICTIONS = frozenset({"read-error", "document-date", "placeholder", "inconsistent-spelling"})


def precision(sets: list[DataSet]) -> dict:
    """Findings per set with their labels; totals per rule; density per real dossier."""
    per_rule: dict[str, Counter] = defaultdict(Counter)
    unlabelled: list[tuple[str, dict]] = []
    density = {}
    false_reported: list[tuple[str, dict, str]] = []
    for ds in sets:
        findings = run_folder(ds.folder)
        index = LabelIndex(load_labels(ds.name))
        contradictions = 0
        for f in findings:
            if f["name"] in ("read-error", "document-date"):
                continue
            label = index.find(f)
            verdict = label.label if label else "unlabelled"
            per_rule[f["name"]][verdict] += 1
            if label is None:
                unlabelled.append((ds.name, f))
            elif verdict == "false":
                false_reported.append((ds.name, f, label.reason))
            contradictions += f["name"] not in NOT_CONTRADICTIONS
        if ds.name.startswith("woo-dev/"):
            mb = folder_bytes(ds.folder) / 1e6
            density[ds.name] = (contradictions, mb)
    return {"per_rule": per_rule, "unlabelled": unlabelled, "density": density, "false": false_reported}


def _pct(real: int, false: int) -> str:
    return f"{100 * real / (real + false):5.1f}%" if real + false else "    -"


def report_precision(result: dict) -> None:
    print("## Precision over the labelled findings reported today\n")
    print("| rule | reported | real | false | unlabelled | precision |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    for rule in sorted(result["per_rule"]):
        c = result["per_rule"][rule]
        total = sum(c.values())
        print(f"| {rule} | {total} | {c['real']} | {c['false']} | {c['unlabelled']} | {_pct(c['real'], c['false'])} |")
    print("\n## Contradiction findings per MB on the real dossiers\n")
    print("| dossier | MB | contradiction findings | per MB |")
    print("| --- | ---: | ---: | ---: |")
    for name, (count, mb) in sorted(result["density"].items()):
        print(f"| {name} | {mb:.2f} | {count} | {count / mb:.1f} |")
    if result["false"]:
        print(f"\n## Reported, and labelled false ({len(result['false'])})\n")
        for name, f, reason in result["false"]:
            at, other = finding_places(f)
            print(f"- {name} {f['name']} {at}{' ~ ' + other if other else ''}: {reason}")
    print(f"\n## Not yet labelled ({len(result['unlabelled'])})\n")
    for name, f in result["unlabelled"]:
        at, other = finding_places(f)
        print(f"- {name} {f['name']} {at}{' ~ ' + other if other else ''}: {f['message'][:140]}")


def _context(folder: Path, place: str, around: int = 1) -> str:
    file, _, line = place.rpartition(":")
    lines = (folder / file).read_text(encoding="utf-8", errors="replace").split("\n")
    n = int(line)
    shown = []
    for i in range(max(1, n - around), min(len(lines), n + around) + 1):
        shown.append(f"  {'>' if i == n else ' '} {i:4d} | {lines[i - 1][:300]}")
    return "\n".join(shown)


def show(ds: DataSet) -> None:
    """Each unlabelled finding of one set with both sides in context, and a label stub."""
    index = LabelIndex(load_labels(ds.name))
    for f in run_folder(ds.folder):
        if f["name"] in ("read-error", "document-date") or index.find(f):
            continue
        print("=" * 100)
        print(f"{f['name']} ({f['severity']}): {f['message']}")
        at, _ = finding_places(f)
        print(f"-- here {at}\n{_context(ds.folder, at)}")
        for r in f["related"][:3]:
            other = f"{r['location']['path']}:{r['location']['line']}"
            print(f"-- other {other}: {r['message']}\n{_context(ds.folder, other)}")
        print(yaml.safe_dump([new_entry(f)], allow_unicode=True, sort_keys=False, width=200).rstrip())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--no-recall", action="store_true", help="precision only")
    parser.add_argument("--show", metavar="SET", help="print the unlabelled findings of one set, to label")
    args = parser.parse_args()
    sets = [ds for ds in datasets() if ds.present]
    if args.show:
        chosen = [ds for ds in sets if ds.name == args.show]
        if not chosen:
            sys.exit(f"no data set {args.show!r}; there are: {', '.join(ds.name for ds in sets)}")
        show(chosen[0])
        return
    report_precision(precision(sets))
    if not args.no_recall:
        import recall
        recall.main([])


if __name__ == "__main__":
    main()
