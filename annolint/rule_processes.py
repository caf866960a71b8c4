"""The rules run side by side in worker processes, once the notes are read.

Comparing the notes is half of a run on a large set, and each rule compares on its
own: the rules can run at the same time. The main process is one worker; each other
is a fork of it made after the notes are read and the set's shared statements and
word statistics worked out (``CorpusIndex.prepare``), so it starts with all of them
in memory, shared with the main process until written to, and nothing is sent to
it. It sends back only its rules' findings. A page of the set that two processes
touch is copied (reference counts are written even to read an object), so every
fork costs memory and time: a main process that compares too, and a fork that
runs group after group rather than one fork per group, keep the copies few.

Rules whose kinds share work (``SHARES`` in a kind module: diverging-figure's
versions of a figure that changed-figure follows, the matched questions of the
inconsistent-answer kind's rules and flipped-statement) run in one worker, one after
the other, as they would in one process.

Every worker takes the next group from one list, longest first by the times of the
last run (kept in the cache), as soon as it is free: no worker waits for another to
hand it work, and the short groups even out the end. A group that needs nothing of
the set's statements but its lower-case words (inconsistent-spelling), first in the
list, starts in a fork before they are worked out, on the core the main process
leaves free while it works them out; that fork works out what a later group of its
own needs itself. The findings are the same as the rules give one after another in
one process (``engine.run_rules`` sorts them).

Only where processes can be forked safely (Linux, ``forking.can_fork``): elsewhere the rules
run in the main process.
"""

from __future__ import annotations

import multiprocessing
import pickle
import queue
import signal
import threading
from collections.abc import Callable, Iterator
from multiprocessing.connection import wait

from annolint.errors import InternalError
from annolint.findings import Finding
from annolint.index import CorpusIndex, facts_read
from annolint.kept_work import Stopwatch
from annolint.ruleset import Rule

# Below this many notes, forking workers costs more than comparing takes.
PARALLEL_FROM = 40

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


def order(found: list[list[Rule]], took: dict[str, float], early: frozenset[int]) -> list[int]:
    """The numbers of the groups ``found`` in the order the workers take them: longest
    first by the last run's times ``took``; without them, the ``early`` groups first
    (they may start before ``prepare``), then those that read most (compare most)."""
    if took:
        return sorted(range(len(found)), key=lambda n: (-took.get(group_name(found[n]), 0.0), n))
    return sorted(range(len(found)), key=lambda n: (n not in early, -len(facts_read(found[n])), n))


def run_in_processes(found: list[list[Rule]], index: CorpusIndex, jobs: int, run_rule: RunRule,
                     took: dict[str, float] | None = None, early: frozenset[int] = frozenset(),
                     prepare: Callable[[], None] | None = None
                     ) -> Iterator[tuple[list[Rule], list[Finding], float]]:
    """(group, its findings, seconds it took, less the work the cache keeps for the
    next run: ``kept_work``) of each of the groups ``found`` as the ``jobs`` workers
    finish them, each taking the next group in ``order`` when free. An error of a
    rule is raised here.

    ``prepare`` works out what the groups read (``CorpusIndex.prepare``): when the
    first group is one of the ``early`` ones, which need none of it, a fork starts it
    first, side by side with ``prepare``, and takes only early groups; the other
    forks start after it, and one takes the early fork's place when it ends (a fork
    that worked out what ``prepare`` gives on its own would hold a second copy of
    it). The main process finds what a fork sent between groups of its own, and
    waits for the rest at the end. A fork that dies is an error naming its group,
    not a hang."""
    _WORK.update(groups=found, index=index, run_rule=run_rule, order=order(found, took or {}, early))
    context = multiprocessing.get_context("fork")
    forks = min(jobs - 1, len(found) - 1)
    _WORK["taken"] = context.Value("i", 0)  # how many of ``order`` are taken: shared by every worker
    # the group each fork runs (-1: none), written by the fork as it starts one: a fork
    # killed midway names its group, whether or not it could say so itself
    _WORK["runs"] = context.Array("i", [-1] * (forks + 1), lock=False)
    running: dict = {}  # the end a fork's findings arrive on -> (process, its place in ``runs``)
    started = [0]

    def fork(only: frozenset[int] | None = None) -> None:
        place = min(started[0], forks)  # the early fork's place, then one for each fork
        started[0] += 1
        receiving, sending = context.Pipe(duplex=False)
        process = context.Process(target=_work, args=(sending, place, only), daemon=True)
        process.start()
        sending.close()  # the worker's copy is the only one left: its end closes when it does
        running[receiving] = (process, place)

    def forked() -> None:
        """Forks in every free place while groups are left."""
        while len(running) < forks and _left():
            fork()

    try:
        if forks and prepare is not None and _WORK["order"][0] in early:
            fork(early)
        if prepare is not None:
            prepare()
        forked()
        done = 0
        while (number := _take()) is not None:
            timing = Stopwatch()
            findings = _group_findings(number)
            yield found[number], findings, timing.seconds()
            done += 1
            for sent in _received(running, wait(list(running), timeout=0)):
                yield sent
                done += 1
            forked()  # in the place of the early fork, once it ended
        while running:
            for sent in _received(running, wait(list(running))):
                yield sent
                done += 1
        if done < len(found):  # a fork ended before its last findings were sent
            raise InternalError("running the rules", RuntimeError(f"{len(found) - done} groups of rules sent nothing"))
    finally:
        for process, _ in running.values():
            process.terminate()
            process.join()
        _WORK.clear()


def _take(only: frozenset[int] | None = None) -> int | None:
    """The number of the next group in ``order`` no worker has taken, taken; None when
    all are, or, with ``only``, when the next is not one of those."""
    taken, numbers = _WORK["taken"], _WORK["order"]
    with taken.get_lock():
        position = taken.value
        if position >= len(numbers) or (only is not None and numbers[position] not in only):
            return None
        taken.value = position + 1
    return numbers[position]


def _left() -> bool:
    """Whether a group of ``order`` is left to take."""
    return _WORK["taken"].value < len(_WORK["order"])


def _received(running: dict, ready: list) -> Iterator[tuple[list[Rule], list[Finding], float]]:
    """The groups whose findings the ``ready`` ends of ``running`` forks brought; a
    fork that ended is let go, and one that ended midway a group is an error naming it."""
    for receiving in ready:
        process, place = running[receiving]
        while receiving.poll():  # all it sent, and its end: a fork that ended leaves a place free at once
            try:
                number, payload, seconds = receiving.recv()
            except EOFError:  # the fork ended: after its last group, or killed (out of memory, a signal)
                receiving.close()
                process.join()
                del running[receiving]
                number = _WORK["runs"][place]
                if number >= 0 or process.exitcode:
                    names = " ".join(f"{r.id} {r.name}" for r in _WORK["groups"][number]) if number >= 0 else "?"
                    raise InternalError(f"running rule {names}",
                                        RuntimeError(f"its process stopped (exit {process.exitcode})")) from None
                break
            outcome = pickle.loads(payload)
            if isinstance(outcome, BaseException):
                raise outcome
            yield _WORK["groups"][number], outcome, seconds


def _group_findings(number: int) -> list[Finding]:
    """The findings of the rules of group ``number`` (``_WORK``), in the main process or a fork."""
    return [f for rule in _WORK["groups"][number] for f in _WORK["run_rule"](rule, _WORK["index"])]


def _work(sending, place: int, only: frozenset[int] | None = None) -> None:
    """In a fork: take group after group (``_take``; with ``only``, while the next is
    one of those), noting each in ``runs`` at
    ``place`` while it runs, and send each one's findings, pickled here so that a
    finding that cannot be sent is an error of its group. Sent by a thread of the
    fork's own, so that the fork goes on to the next group while the main process,
    busy with a group of its own, has not read the last one's findings yet."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the main process's to handle: it stops the workers
    runs = _WORK["runs"]
    outbox: queue.SimpleQueue = queue.SimpleQueue()

    def send() -> None:
        while (message := outbox.get()) is not None:
            sending.send(message)

    sender = threading.Thread(target=send)
    sender.start()
    try:
        while (number := _take(only)) is not None:
            runs[place] = number
            timing = Stopwatch()
            try:
                payload = pickle.dumps(_group_findings(number), protocol=pickle.HIGHEST_PROTOCOL)
            except Exception as err:  # noqa: BLE001 - the main process raises it, naming the rule
                payload = pickle.dumps(err, protocol=pickle.HIGHEST_PROTOCOL)
            outbox.put((number, payload, timing.seconds()))
            runs[place] = -1
    finally:
        outbox.put(None)
        sender.join()
        sending.close()
