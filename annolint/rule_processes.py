"""The rules run side by side in worker processes, once the notes are read.

Comparing the notes is half of a run on a large set, and each rule compares on its
own: the rules can run at the same time. The main process is one worker; each other
is a fork of it made after the notes are read and the set's shared statements and
word statistics worked out (``CorpusIndex.prepare``), so it starts with all of them
in memory, shared with the main process until written to, and nothing is sent to
it. It sends back only its rules' findings. A page of the set that two processes
touch is copied (reference counts are written even to read an object), so every
fork costs memory and time: on 4,000 notes, a main process that compares too kept
the peak at 698 MB instead of 738 MB and took 25.7 s instead of 26.4 s.

Rules whose kinds share work (``SHARES`` in a kind module: diverging-figure's
versions of a figure that changed-figure follows, the matched questions of the
inconsistent-answer kind's rules and flipped-statement) run in one worker, one after
the other, as they would in one process. Longest first: how long each group took is
kept in the cache for the next run. A group that needs nothing of the set's
statements but its lower-case words (inconsistent-spelling) starts before they are
worked out, on the core the main process leaves free while it works them out. The
findings are the same as the rules give one after another in one process
(``engine.run_rules`` sorts them).

Only where processes can be forked safely (Linux, ``forking.can_fork``): elsewhere the rules
run in the main process.
"""

from __future__ import annotations

import multiprocessing
import pickle
import signal
import time
from collections.abc import Callable, Iterator
from multiprocessing.connection import wait

from annolint.errors import InternalError
from annolint.findings import Finding
from annolint.index import CorpusIndex, facts_read
from annolint.kept_work import Stopwatch
from annolint.ruleset import Rule

# Below this many notes, forking workers costs more than comparing takes.
PARALLEL_FROM = 40
# How long past a fork's expected end the main process waits for it, doing nothing.
LATE = 0.05

RunRule = Callable[[Rule, CorpusIndex], list[Finding]]


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
                     took: dict[str, float] | None = None, early: frozenset[int] = frozenset(),
                     prepare: Callable[[], None] | None = None
                     ) -> Iterator[tuple[list[Rule], list[Finding], float]]:
    """(group, its findings, seconds it took, less the work the cache keeps for the
    next run: ``kept_work``) of each of the groups ``found`` as the ``jobs`` workers
    finish them. ``took`` (seconds by ``group_name``, from an earlier run) starts the
    longest first. An error of a rule is raised here.

    ``prepare`` works out what the other groups read (``CorpusIndex.prepare``): the
    groups numbered in ``early`` need none of it, and start first, side by side with
    it (the main process works it out on one core, a worker compares on the other).

    The main process is one of the ``jobs`` workers: it runs a group whenever every
    fork is busy (which one, ``_for_the_main_process`` says), and the others each run
    in a fork of their own, made by this thread when a fork's place is free (a pool
    would fork from a thread of its own, and would wait for ever for a worker killed
    midway): a fork never holds what an earlier group left behind, and one that dies
    is an error, not a hang. A fork copies every page of the set whose objects its
    rules touch (50-60 MB on 1,000 notes, whatever the rules): one fork fewer at a
    time is that much less memory."""
    took = took or {}
    waiting = sorted(range(len(found)), key=lambda i: (-took.get(group_name(found[i]), 0.0), i))
    _WORK.update(groups=found, index=index, run_rule=run_rule)
    context = multiprocessing.get_context("fork")
    running: dict = {}  # the end a worker's findings arrive on -> (group number, process)
    forks = jobs - 1
    started_at: dict[int, float] = {}  # group number -> when its fork started
    try:
        while waiting or running:
            # before ``prepare`` only early groups start: the longest, or without times
            # the one that reads most (compares most)
            startable = [n for n in waiting if prepare is None or n in early]
            if prepare is not None and not took:
                startable.sort(key=lambda n: -len(facts_read(found[n])))
            while startable and len(running) < forks:
                number = startable.pop(0)
                waiting.remove(number)
                receiving, sending = context.Pipe(duplex=False)
                process = context.Process(target=_run_group, args=(number, sending), daemon=True)
                process.start()
                sending.close()  # the worker's copy is the only one left: its end closes when it does
                running[receiving] = (number, process)
                started_at[number] = time.perf_counter()
            if prepare is not None:
                prepare()
                prepare = None
                continue
            finished = wait(list(running), timeout=0 if waiting else None)
            if not finished:  # every fork busy, a group waiting: the main process runs one
                position, patience = _for_the_main_process(waiting, found, took, started_at, running)
                if position is None:  # better to wait for a fork to give it the next group
                    finished = wait(list(running), timeout=patience)
                    position = len(waiting) - 1  # a fork later than its time: the shortest meanwhile
                if not finished:
                    number = waiting.pop(position)
                    timing = Stopwatch()
                    findings = _group_findings(number)
                    yield found[number], findings, timing.seconds()
            for receiving in finished:
                number, process = running.pop(receiving)
                try:
                    sent = receiving.recv()
                except EOFError:  # killed (out of memory, a signal) before it sent anything
                    sent = None
                receiving.close()
                process.join()
                if sent is None:
                    names = " ".join(f"{r.id} {r.name}" for r in found[number])
                    raise InternalError(f"running rule {names}",
                                        RuntimeError(f"its process stopped (exit {process.exitcode})"))
                payload, seconds = sent
                outcome = pickle.loads(payload)
                if isinstance(outcome, BaseException):
                    raise outcome
                yield found[number], outcome, seconds
    finally:
        for number, process in running.values():
            process.terminate()
            process.join()
        _WORK.clear()


def _for_the_main_process(waiting: list[int], found: list[list[Rule]], took: dict[str, float],
                          started_at: dict[int, float], running: dict) -> tuple[int | None, float]:
    """(which of the ``waiting`` groups, longest first, the main process runs now, or
    None; how long to wait for a fork first). The main process hands a fork its next
    group only between groups of its own, so a long group of its own can leave a fork
    idle: by the times of the last run, it takes the choice (a group, or waiting for
    the fork that frees first) after which the rest, shared the same way, ends
    soonest (``_ending``); on a tie, a group before waiting, and the longest.
    Without times, the longest, at once."""
    if not took or not running:
        return 0, 0.0
    now = time.perf_counter()
    free = sorted(max(took.get(group_name(found[number]), 0.0) - (now - started_at[number]), 0.0)
                  for number, _ in running.values())
    times = [took.get(group_name(found[number]), 0.0) for number in waiting]
    endings = [_ending(times, free, position) for position in range(len(times))]
    best = min(endings)
    if best > _ending(times, free, None) + 1e-9:
        return None, free[0] + LATE
    # of the groups after which the rest ends soonest, no later than after waiting, the
    # longest (``waiting`` is longest first): the main process fills the wait (on 4,000
    # notes it had waited 1.3 s for spelling, which ran late), and short groups are
    # left to even out the end, when the times of the last run prove wrong
    return min(p for p, ending in enumerate(endings) if ending <= best + 1e-9), 0.0


def _ending(times: list[float], free: list[float], first: int | None) -> float:
    """When groups taking ``times`` (longest first) end, the main process free now and
    forks free after ``free``: the main process runs ``first`` (or waits for a fork
    when None), then each time it is free the longest group that ends before a fork
    frees, else it waits for that fork and hands it the longest group left."""
    left = list(times)
    forks = list(free)
    clock = forks[0] if first is None else left.pop(first)
    while left:
        forks.sort()
        if forks[0] <= clock:  # a fork is free: it gets the longest
            forks[0] = clock + left.pop(0)
            continue
        fits = [i for i, t in enumerate(left) if clock + t <= forks[0]]
        if fits:
            clock += left.pop(fits[0])
        else:
            clock = forks[0]
    return max(clock, *forks)


def _group_findings(number: int) -> list[Finding]:
    """The findings of the rules of group ``number`` (``_WORK``), in the main process or a fork."""
    return [f for rule in _WORK["groups"][number] for f in _WORK["run_rule"](rule, _WORK["index"])]


def _run_group(number: int, sending) -> None:
    """In a worker: send the findings of one group, pickled here so that a finding
    that cannot be sent is an error of this group."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the main process's to handle: it stops the workers
    timing = Stopwatch()
    try:
        payload = pickle.dumps(_group_findings(number), protocol=pickle.HIGHEST_PROTOCOL)
    except Exception as err:  # noqa: BLE001 - the main process raises it, naming the rule
        payload = pickle.dumps(err, protocol=pickle.HIGHEST_PROTOCOL)
    sending.send((payload, timing.seconds()))
    sending.close()
