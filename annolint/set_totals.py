"""The set's word statistics, summed over its notes and kept for the next run.

How often each word is written in lower case (``CorpusIndex.lowercase_words``), in
how many sentences each term occurs and which terms are names
(``CorpusIndex._sentence_statistics``): each note gives its share (its facts), and
the set's total is their sum. Summing a thousand notes' shares takes a tenth of a
second each, in the main process, before the rules can start; after one note is
edited, every share but one is the same.

So a run that sums them all keeps the totals with the cache key of each note they
hold (``Kept``), and the next run starts from them: it adds the shares of the notes
that are new or changed, and takes out the shares of the versions they replace and
of the notes gone, as the cache still holds them (``SetSnapshot.earlier``). When an
earlier version is not at hand, or most notes changed, it sums them all again and
keeps that. The totals are the same numbers either way; only the order in which a
``Counter`` lists its words may differ, and their readers only look words up.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Protocol, TypeVar

from annolint.model import Document
from annolint.word_statistics import words_of

# Above this share of notes changed, summing them all is as fast.
MOST = 0.5


class Tally(Protocol):
    def add(self, share) -> None: ...

    def remove(self, share) -> None: ...


T = TypeVar("T", bound=Tally)


class WordCounts:
    """How often each word is written, over the notes added (a note's share: its
    words as a run, ``word_statistics.run``)."""

    def __init__(self) -> None:
        self.counts: Counter = Counter()

    def add(self, share: str) -> None:
        self.counts.update(words_of(share))

    def remove(self, share: str) -> None:
        _take_out(self.counts, words_of(share))


class SentenceCounts:
    """In how many sentences each term occurs, in how many notes each name is written,
    and the number of sentences, over the notes added (a note's share:
    ``WordStatistics.sentence_statistics``)."""

    def __init__(self) -> None:
        self.counts: Counter = Counter()
        self.names: Counter = Counter()
        self.total = 0

    def add(self, share: list) -> None:
        counts, named, total = share
        self.counts.update(words_of(counts))
        self.names.update(named)
        self.total += total

    def remove(self, share: list) -> None:
        counts, named, total = share
        _take_out(self.counts, words_of(counts))
        _take_out(self.names, named)
        self.total -= total


def _take_out(counts: Counter, words: Iterable[str]) -> None:
    """Subtract ``words`` from ``counts``, leaving no word at zero: a word no note
    writes any more is not in the totals, as in a sum made afresh."""
    words = list(words)
    counts.subtract(words)
    for word in set(words):
        if counts[word] <= 0:
            del counts[word]


@dataclass
class Kept:
    """Totals as a run left them: the notes they hold, by path, with their cache keys."""

    keys: dict[str, str]
    tally: object


def summed(index, kind: str, fresh: type[T], share: Callable[[Document], object]) -> T:
    """The ``fresh`` tally of the ``share`` of every note of ``index`` (its facts of
    ``kind``): from the totals the cache keeps, brought up to date, or summed afresh
    and kept (see the module docstring)."""
    documents = index.documents
    keys = index.readings.keys
    now = {doc.path: keys.get(doc.path) for doc in documents}
    key = index.kept_key("set totals", kind) if None not in now.values() else None
    if key is not None:
        kept = index.cache.load(key, "set totals")
        if isinstance(kept, Kept) and type(kept.tally) is fresh:
            tally = _brought_up_to_date(kept, now, index, kind, documents, share)
            if tally is not None:
                return tally
    tally = fresh()
    for doc in documents:
        tally.add(share(doc))
    if key is not None:
        index.cache.store(key, Kept(now, tally))
    return tally


def _brought_up_to_date(kept: Kept, now: dict[str, str], index, kind: str, documents: list[Document],
                        share: Callable[[Document], object]):
    """``kept``'s tally less the notes it holds that changed or went, plus the notes
    new or changed; None when an earlier version is not at hand, or most notes changed."""
    before = kept.keys
    gone = [(path, key) for path, key in before.items() if now.get(path) != key]
    new = [doc for doc in documents if before.get(doc.path) != now[doc.path]]
    if len(gone) + len(new) > MOST * len(documents):
        return None
    earlier = [index.readings.earlier_facts(path, key, kind) for path, key in gone]
    if any(facts is None for facts in earlier):
        return None
    tally = kept.tally
    for facts in earlier:
        tally.remove(facts)
    for doc in new:
        tally.add(share(doc))
    return tally
