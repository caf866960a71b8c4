"""Pairs a rule kind found alike in the run before, kept for the next.

After one note of a thousand is edited, nearly every pair of statements a kind
compares is a pair it compared in the run before, between the same two statements,
with the same outcome. A kind that pairs its items through shared rare terms
(``similarity.candidate_pairs``) and decides each pair (``decided_once_per_wording``)
keeps the pairs it found alike, and the next run decides again only the candidate
pairs that hold an item the run before cannot vouch for, an *affected* item:

- an item of a note that is new, changed or moved, or that the set dates anew: its
  identity (its note's path, cache key and date, its number among the note's items:
  ``keeping_for``) was not kept;
- an item whose standing in the set changed: the ``context`` the kind reads of it
  from the rest of the set (a date the set gave its undated note) is not the one kept;
- an item holding a term whose weight changed (weights are rounded, so an edit moves
  few: ``CorpusIndex.term_weight``), or, for a kind that reads the set's names, a term
  that became or stopped being one;
- an item blocked under a term or a copied sentence whose items crossed the number
  above which ``candidate_pairs`` treats it otherwise.

Two unaffected items were a candidate pair in the run before exactly when they are
one now, and their decision reads nothing that changed: it is taken from the run
before. Every candidate pair that holds an affected item is decided now. The pairs
found alike are the ones a run without the cache finds, in another order, which no
consumer reads (``candidate_pairs``); ``benchmarks/cache_consistency.py`` and the
tests compare the two.

This holds only while a kind's decisions read nothing of the set but its items (as
their notes have them), the weights of the terms it names and the set's names: a
kind whose decision comes to read more (another of the set's statistics, a date the
set works out) must add it to the item's ``context`` (``Keeping``), or keep nothing.
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Hashable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import compress
from typing import Any, TypeVar

from annolint.similarity import Pairs, Weight, buckets_of, candidate_pairs, decided_once_per_wording

T = TypeVar("T")
R = TypeVar("R")

# Above this share of affected items (a set changed in bulk, a first run), deciding
# every candidate pair is as fast and simpler.
MOST = 0.5


@dataclass(frozen=True)
class Keeping:
    """Where and how a kind keeps its pairs: the ``cache`` entry ``key`` (the kind, its
    parameters and scope, the set's paths), each item's ``identity``, what it reads of
    an item from the rest of the set (``context``), the terms whose weight its
    decisions read (``read_terms``, besides the terms it blocks on), and the set's
    names when its decisions read them."""

    cache: Any  # a NoteCache
    key: str
    identity: Sequence[Hashable]
    context: Callable[[Any], Hashable] = lambda item: None
    read_terms: Callable[[Any], Iterable[str]] = lambda item: ()
    names: frozenset[str] | None = None


class Found(Pairs):
    """Pairs found alike (``similarity.Pairs``: in two arrays, a set of 4,000 notes has
    hundreds of thousands of pairs of figures), each with its decision."""

    def __init__(self) -> None:
        super().__init__()
        self.decisions: list = []

    def add(self, i: int, j: int, decision: Any = None) -> None:
        super().add(i, j)
        self.decisions.append(decision)

    def decided(self) -> Iterator[tuple[int, int, Any]]:
        """(i, j, decision) of each pair."""
        return zip(self.firsts, self.seconds, self.decisions)


@dataclass
class Kept:
    """What one run kept of a kind's pairs (see the module docstring)."""

    identities: list[Hashable]
    contexts: list[Hashable]
    weights: dict[str, float]
    names: frozenset[str] | None
    crowded: dict[Hashable, Hashable]  # a bucket above the limit -> its first item's identity
    found: Found


class Shelf:
    """The pairs of many lists of items kept in one cache entry: a kind that pairs the
    statements of each note date apart (conflicting-date) reads them all at once and
    keeps those of the lists it has now (``keeping_for``'s ``shelf``, ``close``)."""

    def __init__(self, cache, key: str):
        self.cache, self.key = cache, key
        found = cache.load(key, "kept pairs")
        self._before: dict[str, Kept] = found if isinstance(found, dict) else {}
        self._now: dict[str, Kept] = {}

    def load(self, key: str, kind: str) -> Kept | None:
        return self._before.get(key)

    def store(self, key: str, kept: Kept) -> None:
        self._now[key] = kept

    def close(self) -> None:
        self.cache.store(self.key, self._now)


def shelf_for(index, what: Iterable[object]) -> Shelf | None:
    """The ``Shelf`` of a kind's lists, under ``what`` (the kind, its parameters, its
    scope); None without a cache."""
    key = index.kept_key("kept pairs", *map(repr, what))
    return Shelf(index.cache, key) if key is not None else None


def keeping_for(index, what: Iterable[object], items: Sequence[T], note_of: Callable[[T], Any],
                shelf: Shelf | None = None, **how: Any) -> Keeping | None:
    """How a kind keeps its pairs of ``items`` in the run's cache (``Keeping``, with
    ``how``), under ``what`` (the kind, its parameters, its scope; on a ``shelf``, the
    list); None without a cache, or when a note has no key in it. An item's identity
    is its note's path and key, what its facts were read with (its date, or the set's
    latest date: the set gives both to an undated note, ``CorpusIndex.read_with``)
    and its number among that note's items."""
    key = index.kept_key("kept pairs", *map(repr, what)) if shelf is None else repr(tuple(what))
    if key is None:
        return None
    keys = index.readings.keys
    identity: list[tuple] = []
    counts: dict[str, int] = {}
    for item in items:
        note = note_of(item)
        path = note.path
        note_key = keys.get(path)
        if note_key is None:
            return None
        number = counts.get(path, 0)
        counts[path] = number + 1
        identity.append((path, note_key, index.read_with(note), number))
    return Keeping(shelf if shelf is not None else index.cache, key, identity, **how)


def alike_pairs(items: Sequence[T], terms: Callable[[T], Iterable[str]], weight: Weight,
                wording: Callable[[T], Hashable], decide: Callable[[T, T], R],
                alike: Callable[[R], bool] = bool, *, keys: int = 4, limit: int = 400,
                exact: Callable[[T], Hashable] | None = None, kind: Callable[[T], Hashable] | None = None,
                worth: Callable[[T, T], bool] | None = None,
                keeping: Keeping | None = None) -> Found:
    """The candidate pairs of ``items`` (``candidate_pairs``, with
    ``terms``, ``weight``, ``keys``, ``limit``, ``exact`` and ``kind``) worth deciding
    (``worth``, asked of each pair, when given) whose decision
    (``decided_once_per_wording`` with ``wording`` and ``decide``) is ``alike``, with
    their decisions (``Found.decided``); with
    ``keeping``, pairs of items the run before vouches for taken from it, and what
    this run found kept for the next."""
    weights: dict[str, float] = {}  # of every term blocked on
    buckets = buckets_of(items, terms, weight, keys, exact, weights)
    kept = _kept(keeping)
    taken = _from_kept(kept, items, terms, weight, buckets, limit, kind, keeping) if kept is not None else None
    found: Found
    pairs: Iterable[tuple[int, int]]
    if taken is None:
        found, pairs = Found(), candidate_pairs(items, terms, weight, keys, limit, exact, kind, buckets=buckets)
    else:  # the pairs of two unaffected items kept; those holding an affected one to decide
        found, pairs = taken
    if worth is not None:
        pairs = ((i, j) for i, j in pairs if worth(items[i], items[j]))
    for i, j, decision in decided_once_per_wording(pairs, items, wording, decide):
        if alike(decision):
            found.add(i, j, decision)
    if keeping is not None:
        _keep(keeping, items, weight, weights, buckets, limit, found)
    return found


def _kept(keeping: Keeping | None) -> Kept | None:
    """What the run before kept, when the cache holds it."""
    if keeping is None:
        return None
    found = keeping.cache.load(keeping.key, "kept pairs")
    return found if isinstance(found, Kept) else None


def _from_kept(kept: Kept, items: Sequence[T], terms, weight: Weight, buckets: dict[Hashable, list[int]],
               limit: int, kind, keeping: Keeping
               ) -> tuple[Found, list[tuple[int, int]]] | None:
    """The pairs of two unaffected items that the run before (``kept``) found alike,
    and the candidate pairs that hold an affected item; None when most items are
    affected."""
    identity = keeping.identity
    before = {key: number for number, key in enumerate(kept.identities)}
    was = [before.get(key, -1) for key in identity]  # each item's number in the run before
    changed_terms = {t for t, w in kept.weights.items() if weight(t) != w}
    names = keeping.names
    if names is not None:
        changed_terms |= (names ^ kept.names) if kept.names is not None else names
    affected = bytearray(len(items))
    for i, item in enumerate(items):
        old = was[i]
        if old < 0 or kept.contexts[old] != keeping.context(item) or (changed_terms and (
                not changed_terms.isdisjoint(terms(item)) or not changed_terms.isdisjoint(keeping.read_terms(item)))):
            affected[i] = 1
    crowded = _crowded(buckets, limit, identity)
    for key in crowded.keys() | kept.crowded.keys():
        if key not in crowded or key not in kept.crowded or crowded[key] != kept.crowded[key]:
            for i in buckets.get(key, ()):  # crossed the limit, or its first copy is another
                affected[i] = 1
    if sum(affected) > MOST * len(items):
        return None
    now = array("l", [-1]) * len(kept.identities)  # each item of the run before: its number now, if unaffected
    for i, old in enumerate(was):
        if old >= 0 and not affected[i]:
            now[old] = i
    return _renumbered(kept.found, now), _pairs_with(affected, buckets, limit, items, kind)


def _renumbered(before: Found, now: array) -> Found:
    """The pairs of ``before`` between items that are still there (``now``: each
    item's number now, or -1), numbered as they are now. In maps and ``compress``,
    not a loop: a set of 1,000 notes keeps 90,000 pairs."""
    firsts = array("l", map(now.__getitem__, before.firsts))
    seconds = array("l", map(now.__getitem__, before.seconds))
    there = list(map((0).__le__, map(min, firsts, seconds)))
    found = Found()
    found.firsts = array("l", compress(firsts, there))
    found.seconds = array("l", compress(seconds, there))
    found.decisions = list(compress(before.decisions, there))
    return found


def _crowded(buckets: dict[Hashable, list[int]], limit: int, identity: Sequence[Hashable]) -> dict:
    """The buckets above the ``limit``: a term's, which pairs nothing, and a copied
    sentence's, with its first item's identity (that copy is paired with each other)."""
    return {key: identity[bucket[0]] if key[0] == "exact" else None
            for key, bucket in buckets.items() if len(bucket) > limit}


def _pairs_with(affected: bytearray, buckets: dict[Hashable, list[int]], limit: int, items: Sequence[T],
                kind) -> list[tuple[int, int]]:
    """Every candidate pair (``candidate_pairs``) that holds an affected item, once, in order."""
    kinds = [kind(item) for item in items] if kind is not None else None
    pairs: set[tuple[int, int]] = set()
    for key, bucket in buckets.items():
        if len(bucket) < 2:
            continue
        touched = [i for i in bucket if affected[i]]
        if not touched:
            continue
        if len(bucket) > limit:
            if key[0] == "term":
                continue
            first = bucket[0]
            for i in (bucket[1:] if affected[first] else touched):
                if i != first and (kinds is None or kinds[i] == kinds[first]):
                    pairs.add((first, i))
            continue
        for i in touched:
            for j in bucket:
                if j != i and (kinds is None or kinds[i] == kinds[j]):
                    pairs.add((i, j) if i < j else (j, i))
    return sorted(pairs)


def _keep(keeping: Keeping, items: Sequence[T], weight: Weight, weights: dict[str, float],
          buckets: dict[Hashable, list[int]], limit: int, found: Found) -> None:
    """Keep the pairs ``found`` alike for the next run, with what they were decided on:
    the weights of the terms blocked on (``weights``) and of those the decisions read."""
    for item in items:
        for term in keeping.read_terms(item):
            if term not in weights:
                weights[term] = weight(term)
    kept = Kept(list(keeping.identity), [keeping.context(item) for item in items],
                weights, keeping.names, _crowded(buckets, limit, keeping.identity), found)
    keeping.cache.store(keeping.key, kept)
