"""A fast slice of the quality benchmark (``benchmarks/``) as tests; never timings.

The benchmark is a tool, not a gate: these tests run the parts of it that say whether
annolint got worse, on the same data and with the benchmark's own functions
(``quality.precision``, ``recall.score_truth``, ``recall.Runner``, ``mutate.generate``):

- precision per rule over the hand-labelled findings of every data set, against the
  thresholds of the issue (90% for each contradiction rule, 85% for spelling and
  placeholders);
- per woo-dev dossier: at most 5 contradiction findings per MB, and each one labelled;
- the contradiction findings labelled false stay silent (spelling and placeholders are
  held to their precision bar instead: a false one among many real ones is allowed),
  and no trap of a dev set's ``truth.yaml`` is fallen into;
- the planted items of the dev sets caught today stay caught (pinned by id);
- a few seeded mutations of real notes per category and mode, caught today, stay
  caught by the same rule at the same place (pinned by id), and the unmutated twin of
  each has no finding between the copy and its source.

Everything needs ``../shared`` (seeds, dev sets, woo-dev dossiers); without it the
module is skipped.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import pytest
import yaml

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"
if str(BENCHMARKS) not in sys.path:
    sys.path.insert(0, str(BENCHMARKS))

import harness  # noqa: E402

if not harness.SHARED.is_dir():
    pytest.skip(f"../shared ({harness.SHARED}: the benchmark's seeds, dev sets and woo-dev dossiers) is not "
                "present in this clone", allow_module_level=True)

import mutate  # noqa: E402
import quality  # noqa: E402
import recall  # noqa: E402
from labels import finding_places, load_labels  # noqa: E402

SEEDS = harness.SHARED / "seeds"
DEVSETS = harness.SHARED / "devsets"
WOO_DEV = harness.SHARED / "realdata" / "woo-dev"

SETS = [ds for ds in harness.datasets() if ds.present]
WOO_DEV_SETS = [ds.name for ds in SETS if ds.name.startswith("woo-dev/")]
TRUTH_FILES = sorted(DEVSETS.glob("*/truth.yaml"))

CONTRADICTION_RULES = ("diverging-figure", "conflicting-date", "shifted-deadline", "stale-commitment", "moved-fact",
                       "changed-figure", "flipped-statement",
                       "inconsistent-answer", "answer-status", "duplicate-question")
THRESHOLDS = {**{rule: 90 for rule in CONTRADICTION_RULES}, "inconsistent-spelling": 85, "placeholder": 85}
MAX_CONTRADICTIONS_PER_MB = 5


def _params(items: list, ids: list[str], missing: str) -> list:
    """Parameters, or one skipped parameter saying what data is missing."""
    if items:
        return [pytest.param(item, id=i) for item, i in zip(items, ids)]
    return [pytest.param(None, id="no-data", marks=pytest.mark.skip(reason=missing))]


def _where(name: str, finding: dict) -> str:
    at, other = finding_places(finding)
    return f"{name} {finding['name']} {at}{' ~ ' + other if other else ''}"


# ---- precision over the labelled findings --------------------------------------------------

@pytest.fixture(scope="module")
def labelled() -> dict:
    """``quality.precision`` over every present data set (one annolint run per set)."""
    return quality.precision(SETS)


@pytest.mark.parametrize("rule", sorted(THRESHOLDS))
def test_precision_per_rule_over_labelled_findings(labelled, rule):
    counts = labelled["per_rule"].get(rule, {})
    real, false = counts.get("real", 0), counts.get("false", 0)
    falses = [f"  {_where(name, f)}: {reason}" for name, f, reason in labelled["false"] if f["name"] == rule]
    # real / (real + false) >= threshold, in integers
    assert 100 * real >= THRESHOLDS[rule] * (real + false), (
        f"{rule}: precision {real}/{real + false} = {100 * real / (real + false):.1f}% over the labelled findings "
        f"reported, below {THRESHOLDS[rule]}%; reported and labelled false:\n" + "\n".join(falses))


@pytest.mark.parametrize("dossier", _params(WOO_DEV_SETS, WOO_DEV_SETS, f"no dossiers in {WOO_DEV}"))
def test_woo_dev_contradictions_per_mb(labelled, dossier):
    count, mb = labelled["density"][dossier]
    reported = [f"  {_where(name, f)}" for name, f in _contradictions(labelled, dossier)]
    assert count <= MAX_CONTRADICTIONS_PER_MB * mb, (
        f"{dossier}: {count} contradiction findings in {mb:.2f} MB = {count / mb:.1f} per MB, more than "
        f"{MAX_CONTRADICTIONS_PER_MB}; those labelled false or not labelled:\n" + "\n".join(reported))


@pytest.mark.parametrize("dossier", _params(WOO_DEV_SETS, WOO_DEV_SETS, f"no dossiers in {WOO_DEV}"))
def test_woo_dev_contradictions_are_all_labelled(labelled, dossier):
    unlabelled = [f"  {_where(name, f)}: {f['message'][:140]}" for name, f in labelled["unlabelled"]
                  if name == dossier and f["name"] not in quality.NOT_CONTRADICTIONS]
    assert not unlabelled, (f"{dossier}: {len(unlabelled)} contradiction finding(s) not labelled "
                            f"(python benchmarks/quality.py --show {dossier}):\n" + "\n".join(unlabelled))


def _contradictions(labelled: dict, dossier: str) -> list[tuple[str, dict]]:
    """The contradiction findings of one dossier labelled false or not labelled (for messages)."""
    falses = [(name, f) for name, f, _ in labelled["false"]]
    found = [(name, f) for name, f in falses + labelled["unlabelled"] if name == dossier]
    return [(name, f) for name, f in found if f["name"] not in quality.NOT_CONTRADICTIONS]


# ---- what is known to be wrong stays silent ---------------------------------------------------

@pytest.mark.parametrize("dataset", [pytest.param(ds.name, id=ds.name) for ds in SETS])
def test_contradictions_labelled_false_stay_silent(labelled, dataset):
    labels = [lab for lab in load_labels(dataset) if lab.rule in CONTRADICTION_RULES]
    reported = [f"  {_where(name, f)}: {reason}" for name, f, reason in labelled["false"]
                if name == dataset and f["name"] in CONTRADICTION_RULES]
    assert not reported, (f"{dataset}: {len(reported)} of the {sum(lab.label == 'false' for lab in labels)} "
                          f"contradiction findings labelled false are reported:\n" + "\n".join(reported))


def _truth(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


TRAPS = [(p.parent.name, trap["id"]) for p in TRUTH_FILES for trap in _truth(p).get("traps", [])]


@pytest.fixture(scope="module")
def truth() -> dict:
    """``recall.truth_scores()``: every dev set checked as a whole and scored against its truth.yaml."""
    return recall.truth_scores()


@pytest.mark.parametrize("trap", _params(TRAPS, [f"{s}/{t}" for s, t in TRAPS], f"no truth.yaml in {DEVSETS}"))
def test_devset_trap_stays_silent(truth, trap):
    devset, trap_id = trap
    violations = [v for v in truth[devset]["violations"] if v["trap"] == trap_id]
    assert not violations, f"{devset} trap {trap_id} ({violations[0]['kind']}) paired by:\n" + "\n".join(
        f"  {v['rule']} ({v['severity']}): {v['message']}" for v in violations)


# ---- recall: dev-set truth ---------------------------------------------------------------------

# Planted items caught today, with the rule that catches each (``recall.score_truth``).
CAUGHT_TRUTH = {
    "jeugdzorg": {"F1": "diverging-figure", "A5": "duplicate-question", "A6": "inconsistent-answer",
                  "T1": "inconsistent-spelling", "T2": "inconsistent-spelling", "P1": "placeholder",
                  "P2": "placeholder"},
    "statushouders": {"F6": "diverging-figure", "F7": "inconsistent-answer", "D5": "conflicting-date",
                      "A1": "inconsistent-answer", "A5": "inconsistent-answer", "P2": "placeholder"},
}
TRUTH_PINS = [(s, i, rule) for s, items in CAUGHT_TRUTH.items() for i, rule in items.items()
              if (DEVSETS / s / "truth.yaml").is_file()]


@pytest.mark.parametrize("pin", _params(TRUTH_PINS, [f"{s}/{i}" for s, i, _ in TRUTH_PINS],
                                        f"the dev sets are not in {DEVSETS}"))
def test_devset_truth_item_stays_caught(truth, pin):
    devset, item, rule = pin
    score = truth[devset]
    found = {f["id"]: f["rules"] for f in score["found"]}
    miss = next((m for m in score["misses"] if m["id"] == item), None)
    assert item in found or miss, f"{devset} has no planted item {item} any more: re-pin"
    assert rule in found.get(item, []), (
        f"{devset} {item} is no longer caught by {rule}: hit by {found.get(item) or 'nothing'}"
        + (f" ({miss['description']}; at line flagged by {miss['near'] or 'nothing'})" if miss else ""))


# ---- recall: seeded mutations of real notes -----------------------------------------------------

SEED, PER_MODE = 1, 120  # the benchmark's own cases (python benchmarks/recall.py)

# From those cases, in their order, the first two of each category × mode that annolint
# catches today (chosen by `python benchmarks/pins.py`): case id (mode:note:line:column) -> (the change, the contradiction
# findings that pair the changed line with its counterpart, as (rule, file, line)).
CAUGHT_MUTATIONS = {
    # figure
    "later-copy:devsets/statushouders/06_raad_2025-07-03.txt:14:43":
        ("4,2>2,4", [("changed-figure", "06_raad_2025-07-10.txt", 14)]),
    "later-copy:devsets/statushouders/14_commissie_2026-02-05.txt:22:39":
        ("55>41", [("diverging-figure", "14_commissie_2026-02-12.txt", 22)]),
    "within-dated:devsets/statushouders/06_raad_2025-07-03.txt:14:43":
        ("4,2>2,4", [("diverging-figure", "06_raad_2025-07-03.txt", 39)]),
    "within-dated:devsets/statushouders/14_commissie_2026-02-05.txt:22:39":
        ("55>41", [("diverging-figure", "14_commissie_2026-02-05.txt", 22)]),
    "within-undated:devsets/statushouders/06_raad_2025-07-03.txt:14:43":
        ("4,2>2,4", [("diverging-figure", "06_raad.txt", 70)]),
    "within-undated:devsets/statushouders/14_commissie_2026-02-05.txt:22:39":
        ("55>41", [("diverging-figure", "14_commissie.txt", 22)]),
    # date
    "later-copy:devsets/statushouders/08_staf_2025-09-08.txt:48:52":
        ("16 september>23 september", [("shifted-deadline", "08_staf_2025-09-15.txt", 48)]),
    "later-copy:corpus/01_commissie-wonen-januari.txt:20:48":
        ("voor de zomer 2024>in het najaar 2024", [("shifted-deadline", "01_commissie-wonen-januari_v2.txt", 20)]),
    "within-dated:devsets/statushouders/08_staf_2025-09-08.txt:48:52":
        ("16 september>23 september", [("conflicting-date", "08_staf_2025-09-08.txt", 68)]),
    "within-dated:devsets/statushouders/15_raad-mondelinge-vragen_2026-03-11.txt:24:5":
        ("1 maart 2026>8 maart 2026", [("conflicting-date", "15_raad-mondelinge-vragen_2026-03-11.txt", 95)]),
    "within-undated:devsets/statushouders/08_staf_2025-09-08.txt:48:52":
        ("16 september>23 september", [("conflicting-date", "08_staf.txt", 68)]),
    "within-undated:devsets/statushouders/15_raad-mondelinge-vragen_2026-03-11.txt:24:5":
        ("1 maart 2026>8 maart 2026", [("conflicting-date", "15_raad-mondelinge-vragen.txt", 98)]),
    # answer
    "later-copy:corpus/02_gemeenteraad-maart.txt:56:27":
        ("in februari>in mei", [("inconsistent-answer", "02_gemeenteraad-maart_v2.txt", 56), ("moved-fact", "02_gemeenteraad-maart_v2.txt", 56)]),
    "later-copy:corpus/05_commissie-wonen-juni.txt:34:23":
        ("twee>drie", [("inconsistent-answer", "05_commissie-wonen-juni_v2.txt", 34)]),
    "within-dated:corpus/02_gemeenteraad-maart.txt:56:27":
        ("in februari>in mei", [("conflicting-date", "02_gemeenteraad-maart.txt", 73), ("duplicate-question", "02_gemeenteraad-maart.txt", 73)]),
    "within-dated:corpus/05_commissie-wonen-juni.txt:34:23":
        ("twee>drie", [("diverging-figure", "05_commissie-wonen-juni.txt", 56), ("duplicate-question", "05_commissie-wonen-juni.txt", 56)]),
    "within-undated:corpus/02_gemeenteraad-maart.txt:56:27":
        ("in februari>in mei", [("conflicting-date", "02_gemeenteraad-maart.txt", 73), ("duplicate-question", "02_gemeenteraad-maart.txt", 73)]),
    "within-undated:corpus/05_commissie-wonen-juni.txt:34:23":
        ("twee>drie", [("diverging-figure", "05_commissie-wonen-juni.txt", 56), ("duplicate-question", "05_commissie-wonen-juni.txt", 56)]),
}

needs_mutation_sources = pytest.mark.skipif(
    not (SEEDS.is_dir() and DEVSETS.is_dir()), reason=f"the mutation sources ({SEEDS}, {DEVSETS}) are not present")


def case_id(case: mutate.Case) -> str:
    return f"{case.mode}:{case.site.note}:{case.site.line}:{case.site.start}"


@pytest.fixture(scope="module")
def cases() -> dict[str, mutate.Case]:
    """The benchmark's seeded cases by id (generating them runs no annolint)."""
    generated = mutate.generate(SEED, PER_MODE)
    by_id = {case_id(c): c for c in generated}
    assert len(by_id) == len(generated), "case ids are not unique"
    return by_id


@pytest.fixture(scope="module")
def runner():
    with recall.Runner() as r:
        yield r


def _pinned(cases: dict, pin: str) -> mutate.Case:
    assert pin in cases, f"mutation {pin} is no longer among the seeded cases (mutate.py changed?): re-pin"
    case = cases[pin]
    change = CAUGHT_MUTATIONS[pin][0]
    assert f"{case.site.before}>{case.site.after}" == change, (
        f"mutation {pin} now changes {case.site.before!r} to {case.site.after!r}, not {change}: re-pin")
    return case


@needs_mutation_sources
def test_pinned_mutations_are_two_per_category_and_mode(cases):
    pinned = Counter((_pinned(cases, pin).site.category, _pinned(cases, pin).mode) for pin in CAUGHT_MUTATIONS)
    assert pinned == {(c, m): 2 for c in mutate.CATEGORIES for m in mutate.MODES}


@needs_mutation_sources
@pytest.mark.parametrize("pin", sorted(CAUGHT_MUTATIONS))
def test_mutation_stays_caught(cases, runner, pin):
    case = _pinned(cases, pin)
    caught = recall.catchers(case, runner.run(case.files))
    got = sorted((f["name"], f["location"]["path"], f["location"]["line"]) for f in caught)
    expected = sorted(CAUGHT_MUTATIONS[pin][1])
    assert got == expected, (
        f"{pin} ({case.site.category}, {case.site.kind}; changed {case.mutated[0]}:{case.mutated[1]}, "
        f"contradicts {case.counterpart[0]}:{case.counterpart[1]}): findings pairing the two lines are {got}, "
        f"not {expected}")


@needs_mutation_sources
@pytest.mark.parametrize("pin", sorted(CAUGHT_MUTATIONS))
def test_unmutated_twin_has_no_finding_between_copy_and_source(cases, runner, pin):
    case = _pinned(cases, pin)
    wrong = recall.construction_fps(case, runner.run(case.twin))
    source, copy = case.source_unit, case.copy_unit
    assert not wrong, (
        f"{pin}: with nothing changed, {len(wrong)} contradiction finding(s) pair the source "
        f"{source[0]}:{source[1]}-{source[2]} with its copy {copy[0]}:{copy[1]}-{copy[2]}:\n" + "\n".join(
            f"  {f['name']} {' & '.join(f'{n}:{a}' for n, a, _ in recall.places(f))}: {f['message'][:160]}"
            for f in wrong))
