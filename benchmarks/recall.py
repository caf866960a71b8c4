"""annolint's recall on text the project did not write.

Two measurements, both functions and both behind one command::

    python benchmarks/recall.py [--seed N] [--per-mode N] [--json OUT]

- ``truth_scores()``: every dev set under ``shared/devsets`` is checked as a whole and
  scored against its ``truth.yaml`` as its README's "Scoring" section says: recall per
  category, the items missed, and the traps a contradiction finding fell into.
- ``mutation_recall(seed, per_mode)``: one drift at a time (a figure, a date, an answer)
  is injected into a real note (``mutate.py``), annolint runs on the small set, and the
  drift counts as caught when a contradiction finding names both the changed line and
  the line it now contradicts. Each set's unmutated twin gives the false positives by
  construction: a copy with nothing changed must contradict its source nowhere.

A *contradiction rule* is every rule whose name is not in ``EXCLUDED``, so that a new
contradiction rule counts without touching this file.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

import yaml

from annolint.config import Config
from annolint.engine import CorpusIndex, load_setup, read_documents, run_rules
from annolint.reporters.json_report import finding_dict

try:  # run as a script, or with benchmarks/ on sys.path
    from harness import SHARED, run_folder, working_directory
    from mutate import CATEGORIES, MODES, Case, generate, sample_mutations, snippet
except ModuleNotFoundError:  # imported as benchmarks.recall
    from benchmarks.harness import SHARED, run_folder, working_directory
    from benchmarks.mutate import CATEGORIES, MODES, Case, generate, sample_mutations, snippet

EXCLUDED = frozenset({"read-error", "document-date", "placeholder", "inconsistent-spelling"})
TRUTH_CATEGORIES = ("figure", "date", "answer", "term", "placeholder")
SPELLING = "inconsistent-spelling"

__all__ = ["EXCLUDED", "Runner", "truth_scores", "mutation_recall", "run_case",
           "sample_mutations", "main"]


# ---- findings --------------------------------------------------------------------------

def is_contradiction(finding: dict) -> bool:
    return finding["name"] not in EXCLUDED


def places(finding: dict) -> list[tuple[str, int, int]]:
    """(file name, first line, last line) of the primary and every related location."""
    locations = [finding["location"]] + [r["location"] for r in finding["related"]]
    return [(Path(l["path"]).name, l["line"], l["end_line"] or l["line"]) for l in locations]


def touches(finding: dict, file: str, first: int, last: int | None = None) -> bool:
    """Whether a location of the finding lies on a line of ``file`` in [first, last]."""
    last = first if last is None else last
    return any(name == file and start <= last and first <= end for name, start, end in places(finding))


def parse_ref(ref: str) -> tuple[str, int]:
    """``"08_x.txt:22"`` as ``("08_x.txt", 22)``."""
    name, _, line = str(ref).rpartition(":")
    return name, int(line)


# ---- running annolint ------------------------------------------------------------------

class Runner:
    """annolint in-process with one loaded setup (rules and lexicon), on small sets
    written to a temporary folder; each set is checked with its folder as working
    directory, so paths are bare file names."""

    def __init__(self, config: Config | None = None):
        self.config = config or Config()
        self.setup = load_setup(self.config)
        self._tmp = tempfile.TemporaryDirectory(prefix="annolint-recall-")
        self.runs = 0

    def __enter__(self) -> Runner:
        return self

    def __exit__(self, *exc) -> None:
        self._tmp.cleanup()

    def run(self, files: tuple[tuple[str, str], ...]) -> list[dict]:
        """annolint's findings on a set given as (file name, text) pairs."""
        self.runs += 1
        folder = Path(self._tmp.name) / f"set-{self.runs:05d}"
        folder.mkdir()
        for name, text in files:
            (folder / name).write_text(text, encoding="utf-8")
        with working_directory(folder):
            documents = read_documents([Path(".")], self.config, self.setup.lexicon)
            index = CorpusIndex(documents, self.setup.lexicon, self.config.language)
            findings = [finding_dict(f) for f in run_rules(self.setup.rules, index)]
        shutil.rmtree(folder)
        return findings


# ---- truth scoring ---------------------------------------------------------------------

def _hits(finding: dict, item: dict) -> bool:
    """The README's rule: a location on an ``at`` line and one on an ``other`` line; a
    placeholder item (no ``other``) needs only the ``at`` line."""
    at = [parse_ref(r) for r in item["at"]]
    if not any(touches(finding, *ref) for ref in at):
        return False
    other = [parse_ref(r) for r in item.get("other") or []]
    return not other or any(touches(finding, *ref) for ref in other)


def _judges(finding: dict, item: dict) -> bool:
    """Whether the finding's rule speaks to the item's category: a spelling finding
    lists every place of a name (60 places of "Beekdal" touch many figure items'
    lines), so only the spelling rule finds a term item, only the placeholder rule a
    placeholder, and only the contradiction rules the rest. (The README counts any
    finding; this stricter reading keeps a name's many places from scoring figures.)"""
    category = item["category"]
    if category == "term":
        return finding["name"] == SPELLING
    if category == "placeholder":
        return finding["name"] == "placeholder"
    return is_contradiction(finding)


def _trap_violation(finding: dict, trap: dict) -> bool:
    """A finding that pairs both lines of a trap, judged as the README says: term traps
    ("term: …") by the spelling rule, the others by the contradiction rules; a note is
    allowed on an announced change (``allow_note``)."""
    if str(trap.get("kind", "")).startswith("term:"):
        if finding["name"] != SPELLING:
            return False
    elif not is_contradiction(finding):
        return False
    if trap.get("allow_note") and finding["severity"] == "note":
        return False
    first, second = (parse_ref(r) for r in trap["must_not_pair"])
    if str(trap.get("kind", "")).startswith("term:"):
        # A spelling finding lists every place of every form it names ("'Dokkersveld'
        # 64×, 'Dokkerveld' 2×"); it pairs the trap's two lines only when it stands on one
        # of them. (The README leaves term findings out of the traps; we judge them, so
        # that the spelling rule's traps are watched too, by this stricter reading.)
        primary = {"location": finding["location"], "related": []}
        return (touches(primary, *first) and touches(finding, *second)) or \
            (touches(primary, *second) and touches(finding, *first))
    return touches(finding, *first) and touches(finding, *second)


def score_truth(truth: dict, findings: list[dict]) -> dict:
    """Recall per category, the missed items and the trap violations of one set."""
    per_category = {c: {"found": 0, "total": 0} for c in TRUTH_CATEGORIES}
    misses, found = [], []
    for item in truth["planted"]:
        rules = sorted({f["name"] for f in findings if _judges(f, item) and _hits(f, item)})
        per_category.setdefault(item["category"], {"found": 0, "total": 0})
        per_category[item["category"]]["total"] += 1
        if rules:
            per_category[item["category"]]["found"] += 1
            found.append({"id": item["id"], "rules": rules})
        else:
            at = [parse_ref(r) for r in item["at"]]
            near = sorted({f["name"] for f in findings if any(touches(f, *ref) for ref in at)})
            misses.append({"id": item["id"], "category": item["category"],
                           "description": item["description"], "near": near})
    violations = [{"trap": trap["id"], "kind": trap.get("kind", ""), "rule": f["name"],
                   "severity": f["severity"], "message": f["message"]}
                  for trap in truth.get("traps", []) for f in findings if _trap_violation(f, trap)]
    return {"categories": per_category, "found": found, "misses": misses,
            "traps": len(truth.get("traps", [])), "violations": violations}


def truth_scores(config: Config | None = None) -> dict:
    """Every ``shared/devsets/*/truth.yaml`` scored against annolint's findings on its notes."""
    scores = {}
    for truth_file in sorted((SHARED / "devsets").glob("*/truth.yaml")):
        truth = yaml.safe_load(truth_file.read_text(encoding="utf-8"))
        findings = run_folder(truth_file.parent / truth.get("set", "notes"), config)
        scores[truth_file.parent.name] = score_truth(truth, findings)
    return scores


# ---- mutation recall -------------------------------------------------------------------

def catchers(case: Case, findings: list[dict]) -> list[dict]:
    """Contradiction findings naming the changed line and its counterpart."""
    return [f for f in findings if is_contradiction(f)
            and touches(f, *case.mutated) and touches(f, *case.counterpart)]


def construction_fps(case: Case, twin_findings: list[dict]) -> list[dict]:
    """Contradiction findings of the unmutated twin that set the original lines
    against their copy: by construction, there should be none. The two must be on
    two sides of the finding (one where it is reported, the other among its related
    places); a finding that reports a third line against both (a contradiction
    planted in the source, which the copy repeats) is about that line."""
    return [f for f in twin_findings if is_contradiction(f)
            and (_opposed(f, case.source_unit, case.copy_unit) or _opposed(f, case.copy_unit, case.source_unit))]


def _opposed(finding: dict, here: tuple[str, int, int], there: tuple[str, int, int]) -> bool:
    """The finding is reported on ``here`` and names ``there`` as the other side."""
    name, first, last = here
    primary, *related = places(finding)
    return (primary[0] == name and primary[1] <= last and first <= primary[2]
            and any(n == there[0] and s <= there[2] and there[1] <= e for n, s, e in related))


def run_case(case: Case, runner: Runner) -> dict:
    """Whether annolint catches one mutation, with what, and what else it said about the
    changed line."""
    findings = runner.run(case.files)
    caught = catchers(case, findings)
    near = sorted({f["name"] for f in findings if is_contradiction(f) and touches(f, *case.mutated)})
    return {"caught": bool(caught), "rules": sorted({f["name"] for f in caught}),
            "near": [] if caught else near}


def _describe(case: Case) -> dict:
    """The case in words: where, what kind, and the line before and after the change."""
    site = case.site
    before, after = snippet(site, _source_text(case))
    return {"source": site.note, "line": site.line, "category": site.category, "kind": site.kind,
            "mode": case.mode, "before": before, "after": after}


def _source_text(case: Case) -> str:
    """The source line of the site (as in the unchanged note)."""
    name = case.source_unit[0]
    return dict(case.twin)[name].split("\n")[case.site.line - 1]


def _rate(hit: int, total: int) -> dict:
    return {"caught": hit, "total": total, "recall": round(hit / total, 3) if total else None}


def _tally(results: list[dict], key) -> dict:
    counts: dict = defaultdict(lambda: [0, 0])
    for r in results:
        counts[key(r)][0] += r["caught"]
        counts[key(r)][1] += 1
    return {k: _rate(*v) for k, v in sorted(counts.items())}


def mutation_recall(seed: int = 1, per_mode: int = 120, config: Config | None = None) -> dict:
    """Recall on seeded single mutations of real notes, per category, mode and both, with
    the false positives by construction of the unmutated twins."""
    cases = generate(seed, per_mode)
    results, twins, fps = [], {}, defaultdict(dict)
    with Runner(config) as runner:
        for case in cases:
            outcome = run_case(case, runner)
            results.append({**_describe(case), **outcome})
            if case.twin not in twins:
                twins[case.twin] = runner.run(case.twin)
            key = (case.twin, case.source_unit, case.copy_unit)
            fps[case.mode].setdefault(key, construction_fps(case, twins[case.twin]))
        runs = runner.runs
    by_mode = {}
    for mode in MODES:
        checked = fps[mode]
        bad = [f for found in checked.values() for f in found]
        by_mode[mode] = {
            "twins": len(checked), "twins_with_fp": sum(1 for found in checked.values() if found),
            "findings": len(bad), "rules": dict(Counter(f["name"] for f in bad)),
            "examples": [{"rule": f["name"], "message": f["message"][:160],
                          "places": [f"{n}:{a}" for n, a, _ in places(f)]} for f in bad]}
    return {
        "seed": seed, "per_mode": per_mode, "mutations": len(results), "annolint_runs": runs,
        "sources": len({r["source"] for r in results}),
        "per_category": _tally(results, lambda r: r["category"]),
        "per_mode": _tally(results, lambda r: r["mode"]),
        "per_category_mode": _tally(results, lambda r: f"{r['category']} × {r['mode']}"),
        "per_kind": _tally(results, lambda r: r["kind"]),
        "false_positives_by_construction": by_mode,
        "misses": [r for r in results if not r["caught"]],
    }


# ---- report ----------------------------------------------------------------------------

def _line(label: str, rate: dict) -> str:
    recall = "  -  " if rate["recall"] is None else f"{rate['recall']:.0%}"
    return f"  {label:<34} {rate['caught']:>4}/{rate['total']:<4} {recall:>5}"


def format_truth(scores: dict) -> list[str]:
    out = ["Truth recall (shared/devsets)"]
    for name, score in scores.items():
        cats = "  ".join(f"{c} {v['found']}/{v['total']}" for c, v in score["categories"].items() if v["total"])
        out.append(f"  {name}: {cats}")
        for m in score["misses"]:
            near = f" [at line flagged by {', '.join(m['near'])}, not with an 'other' line]" if m["near"] else ""
            out.append(f"    miss {m['id']} ({m['category']}): {m['description'][:100]}{near}")
        out.append(f"    traps: {len(score['violations'])} violation(s) among {score['traps']} traps")
        out += [f"    trap {v['trap']} [{v['rule']}, {v['severity']}]: {v['message'][:120]}"
                for v in score["violations"]]
    return out


def format_mutations(report: dict, misses_per_category: int = 10) -> list[str]:
    out = [f"Mutation recall (seed {report['seed']}, {report['mutations']} mutations of "
           f"{report['sources']} notes, {report['annolint_runs']} annolint runs)"]
    for title, key in (("per category", "per_category"), ("per mode", "per_mode"),
                       ("per category × mode", "per_category_mode"), ("per kind", "per_kind")):
        out.append(f" {title}")
        out += [_line(label, rate) for label, rate in report[key].items()]
    out.append(" false positives by construction (unmutated twins; source/copy pairs)")
    for mode, fp in report["false_positives_by_construction"].items():
        rules = ", ".join(f"{k} {v}" for k, v in sorted(fp["rules"].items())) or "-"
        out.append(f"  {mode:<16} {fp['twins_with_fp']}/{fp['twins']} twins with a finding, "
                   f"{fp['findings']} finding(s): {rules}")
        out += [f"    {e['rule']} {' & '.join(e['places'])}: {e['message'][:110]}" for e in fp["examples"][:3]]
    for category in CATEGORIES:
        misses = [m for m in report["misses"] if m["category"] == category]
        sites = _by_site(misses)
        out.append(f" misses: {category} ({len(misses)} in {len(sites)} sites; "
                   f"first {min(len(sites), misses_per_category)} sites)")
        for (source, line, kind, before, after), group in list(sites.items())[:misses_per_category]:
            modes = ", ".join(m["mode"] + (f" (near: {'/'.join(m['near'])})" if m["near"] else "") for m in group)
            out += [f"  {source}:{line} {kind}; {modes}", f"      {before[:100]}", f"    → {after[:100]}"]
    return out


def _by_site(misses: list[dict]) -> dict:
    """Misses grouped by mutation site, in order, so that one site missed in three modes
    is listed once."""
    sites: dict = {}
    for m in misses:
        sites.setdefault((m["source"], m["line"], m["kind"], m["before"], m["after"]), []).append(m)
    return sites


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--per-mode", type=int, default=120, help="mutations per mode (at least)")
    parser.add_argument("--misses", type=int, default=10, help="misses to print per category")
    parser.add_argument("--json", type=Path, help="write the full report here")
    args = parser.parse_args(argv)
    report = {"truth": truth_scores(), "mutations": mutation_recall(args.seed, args.per_mode)}
    print("\n".join(format_truth(report["truth"]) + [""] + format_mutations(report["mutations"], args.misses)))
    if args.json:
        args.json.write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
