"""The rules run side by side in worker processes, once the notes are read.

Comparing the notes is half of a run on a large set, and each rule compares on its
own: the rules can run at the same time. Each worker is a fork of the main process
made after the notes are read and the set's shared statements and word statistics
worked out (``CorpusIndex.prepare``), so it starts with all of them in memory,
shared with the main process until written to, and nothing is sent to it. It sends
back only its rules' findings.

Rules whose kinds share work (``SHARES`` in a kind module: diverging-figure's
versions of a figure that changed-figure follows, the question pairs inconsistent-
answer and duplicate-question both use) run in one worker, one after the other, as
they would in one process. Longest first: how long each group took is kept in the
cache for the next run. The findings are the same as the rules give one after
another in one process (``engine.run_rules`` sorts them).

Only where processes can be forked safely (Linux, ``can_fork``): elsewhere the rules
run in the main process.
"""

from __future__ import annotations

import contextvars
import multiprocessing
import pickle
import sys
import time
from collections.abc import Callable, Iterator

from annolint.findings import Finding
from annolint.index import CorpusIndex
from annolint.ruleset import Rule

# Below this many notes, forking workers costs more than comparing takes.
PARALLEL_FROM = 40

RunRule = Callable[[Rule, CorpusIndex], list[Finding]]


def can_fork() -> bool:
    """Whether this process can be forked safely: on Linux. macOS offers fork, but its
    system libraries may hold threads that a fork leaves broken (Python's own
    default there is spawn), and Windows has none."""
    return sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods()


def groups(rules: list[Rule]) -> list[list[Rule]]:
    """The rules in groups that run in one process: rules whose kinds share work
    together, every other rule alone; in the rules' order."""
    found: list[list[Rule]] = []
    by_share: dict[str, list[Rule]] = {}
    for rule in rules:
        shares = getattr(rule.module, "SHARES", ())
        group = next((by_share[s] for s in shares if s in by_share), None)
        if group is None:
            group = []
            found.append(group)
        group.append(rule)
        for share in shares:
            by_share.setdefault(share, group)
    return found


def group_name(group: list[Rule]) -> str:
    return "+".join(rule.id for rule in group)


_WORK: dict = {}  # what the forked workers inherit: the groups, the index, how to run a rule


def run_in_processes(found: list[list[Rule]], index: CorpusIndex, jobs: int, run_rule: RunRule,
                     took: dict[str, float] | None = None) -> Iterator[tuple[list[Rule], list[Finding], float]]:
    """(group, its findings, seconds it took) of each of the ``groups`` of rules as
    the ``jobs`` workers finish them. ``took`` (seconds by ``group_name``, from an
    earlier run) starts the longest first. An error of a rule is raised here."""
    took = took or {}
    order = sorted(range(len(found)), key=lambda i: (-took.get(group_name(found[i]), 0.0), i))
    index.prepare()
    # the pool forks its workers from a thread of its own, where context variables (the
    # messages' language) have their defaults: each group runs in this thread's context
    _WORK.update(groups=found, index=index, run_rule=run_rule, context=contextvars.copy_context())
    try:
        context = multiprocessing.get_context("fork")
        # a fresh fork for each group: a worker never holds what an earlier group left behind
        with context.Pool(processes=min(jobs, len(found)), maxtasksperchild=1) as pool:
            for number, payload, seconds in pool.imap_unordered(_run_group, order, chunksize=1):
                outcome = pickle.loads(payload)
                if isinstance(outcome, BaseException):
                    raise outcome
                yield found[number], outcome, seconds
    finally:
        _WORK.clear()


def _run_group(number: int) -> tuple[int, bytes, float]:
    """In a worker: the findings of one group, pickled here so that a finding that
    cannot be sent is an error of this group, not a hung pool."""
    started = time.perf_counter()
    try:
        findings = _WORK["context"].run(_findings, _WORK["groups"][number])
        payload = pickle.dumps(findings, protocol=pickle.HIGHEST_PROTOCOL)
    except Exception as err:  # noqa: BLE001 - the main process raises it, naming the rule
        payload = pickle.dumps(err, protocol=pickle.HIGHEST_PROTOCOL)
    return number, payload, time.perf_counter() - started


def _findings(group: list[Rule]) -> list[Finding]:
    findings: list[Finding] = []
    for rule in group:
        findings.extend(_WORK["run_rule"](rule, _WORK["index"]))
    return findings
