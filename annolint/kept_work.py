"""The time a run spends on work whose result the cache keeps for the next run.

How long each group of rules took is kept for the next run, to start the longest
first (``rule_processes``). Some of a group's time does not recur: event-date looks
up each word's lemma, and the first word not yet known loads simplemma's word list
(0.3 s), but the next run takes the lemmas from the cache. Counted in, that time
misleads the run after a cold one (event-date took 0.61 s cold and 0.24 s warm on
1,000 notes, and the run after the cold one left a core idle for 0.3 s). So such
work is timed apart (``spent_on``) and left out of the time kept (``since``).
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager

_spent = [0.0]  # seconds, in this process


@contextmanager
def spent_on() -> Iterator[None]:
    """Time the work inside as work the cache keeps for the next run."""
    started = time.perf_counter()
    try:
        yield
    finally:
        _spent[0] += time.perf_counter() - started


class Stopwatch:
    """Seconds since it started, less the work the cache keeps for the next run."""

    def __init__(self) -> None:
        self._started = time.perf_counter()
        self._kept = _spent[0]

    def seconds(self) -> float:
        return time.perf_counter() - self._started - (_spent[0] - self._kept)
