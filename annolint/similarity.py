"""Are two statements about the same thing? Subject similarity weighted by rarity,
copy alignment, and candidate pairs found through shared rare terms, never by
comparing every pair.
"""

from __future__ import annotations

import functools
import math
from array import array
from collections import defaultdict
from collections.abc import Callable, Container, Hashable, Iterable, Iterator, Sequence
from typing import TypeVar

from rapidfuzz import fuzz

from annolint.memo import Numbering
from annolint.terms import WORD, stem

T = TypeVar("T")
R = TypeVar("R")
Weight = Callable[[str], float]
COMPOUND_HEAD = 5  # "informatiebijeenkomst" shares "bijeenkomst": a compound ending in a term of 5+ letters


def _same(a: str, b: str) -> bool:
    if a == b:
        return True
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return len(short) >= COMPOUND_HEAD and long.endswith(short)


def shared_terms(a: frozenset[str], b: frozenset[str]) -> set[str]:
    """Terms of ``a`` also in ``b``, a compound matching its head ("raadsbrief", "brief")."""
    shared = set(a & b)
    endings = None
    for term in a - shared:
        # a term of b ends ``term`` ("brief" in "raadsbrief"), or ``term`` ends one of b's
        if any(term[i:] in b for i in range(1, len(term) - COMPOUND_HEAD + 1)):
            shared.add(term)
        elif len(term) >= COMPOUND_HEAD:
            endings = endings if endings is not None else _endings(b)
            if term in endings:
                shared.add(term)
    return shared


@functools.lru_cache(maxsize=65536)
def _endings(terms: frozenset[str]) -> frozenset[str]:
    """Every ending of ``terms`` of COMPOUND_HEAD letters or more, the terms themselves too."""
    return frozenset(t[i:] for t in terms for i in range(len(t) - COMPOUND_HEAD + 1))


def subject_similarity(a: frozenset[str], b: frozenset[str], weight: Weight,
                       compounds: bool = False, norm: Callable[[frozenset[str]], float] | None = None) -> float:
    """Weighted cosine of two term sets: 1 when alike, 0 when they share nothing.

    A shared rare term ("bestuursopdracht") counts for much, a shared common one
    ("raad") for little. Compounds match their head only when asked ("bijeenkomst"
    and "informatiebijeenkomst" for one meeting); by default "opdracht" is not
    "bestuursopdracht". ``norm`` gives a term set's length (``weight_norm``) when it
    is kept (``CorpusIndex.term_norm``).
    """
    if not a or not b:
        return 0.0
    shared = shared_terms(a, b) if compounds else a & b
    if not shared:
        return 0.0
    # fsum: exactly rounded whatever order a set is read in, so two equal sets (two copies
    # of a sentence) always score alike and a decision kept for one holds for the other
    top = math.fsum(weight(t) ** 2 for t in shared)
    norm = norm or functools.partial(weight_norm, weight=weight)
    norm_a, norm_b = norm(a), norm(b)
    return top / (norm_a * norm_b) if norm_a and norm_b else 0.0


WEIGHT_STEPS = 20  # a term's weight is rounded to the nearest 1/20 (``stable``)


def stable(weight: float) -> float:
    """A term's weight rounded to the nearest ``WEIGHT_STEPS``-th: a note added or edited
    moves the raw weight of every term a little (the set's counts are in it), and a
    weight that moves only past its tenth decimal would make every decision of the run
    before unfit for the next (``kept_pairs``). Rounded, an edit moves a handful of the
    set's ten thousand weights."""
    return round(weight * WEIGHT_STEPS) / WEIGHT_STEPS


def weight_norm(terms: frozenset[str], weight: Weight) -> float:
    """The length of ``terms`` as a vector of their weights (summed exactly: the same for
    equal sets, whatever order they are read in)."""
    return math.sqrt(math.fsum(weight(t) ** 2 for t in terms))


def aligned(a: str, b: str, threshold: float) -> bool:
    """Two sentences that are the same copy once their dates or figures are cut out."""
    if not a or not b or not _three_words(a) or not _three_words(b):
        return False
    return a == b or fuzz.ratio(a, b) >= threshold * 100


@functools.lru_cache(maxsize=131072)  # asked for every pair a sentence is in
def _three_words(text: str) -> bool:
    return len(text.split()) >= 3


def shared_words(sentence: str, mine: frozenset[str], theirs: frozenset[str], limit: int = 4) -> str:
    """The words of ``sentence`` whose terms the other side shares, as written."""
    shared = shared_terms(mine, theirs)
    words: list[str] = []
    qualified: set[str] = set()
    written = WORD.findall(sentence)
    for i, w in enumerate(written):
        parts = [w, *w.split("-")] if "-" in w else [w]  # "Leeuwen-Hartog" holds "leeuw" and "hartog"
        # a qualified term ("tweede flexloc") is written as two words: "tweede flexlocatie"
        pair = f"{written[i - 1].lower()} {stem(w.lower())}" if i else ""
        if pair in shared:
            if pair not in qualified:
                qualified.add(pair)
                words.append(f"{written[i - 1]} {w}")
        elif any(stem(p.lower()) in shared for p in parts) and w.lower() not in (x.lower() for x in words):
            words.append(w)
    if not words:  # a two-word term ("eerste bewoner") or a borrowed subject
        words = sorted(shared)
    return ", ".join(f"'{w}'" for w in words[:limit])


def renamed(a: str, a_words: str, b: str, b_words: str) -> bool:
    """Two copies of one sentence each holding a name the other lacks: the same
    sentence about two things ("bestemmingsplan Sloterdijk" and "bestemmingsplan
    Boven 't Y"), not one copy. ``a`` and ``b`` are the sentences as written,
    ``a_words`` and ``b_words`` their aligned words (lower case, dates or figures cut
    out). A name is a word written with a capital after the sentence's first word."""
    wa, wb = set(a_words.split()), set(b_words.split())
    return bool(_capitalised(a) & (wa - wb)) and bool(_capitalised(b) & (wb - wa))


@functools.lru_cache(maxsize=65536)
def _capitalised(sentence: str) -> frozenset[str]:
    words = WORD.findall(sentence)
    return frozenset(w.lower() for w in words[1:] if w[:1].isupper())


def candidate_pairs(items: Sequence[T], terms: Callable[[T], Iterable[str]], weight: Weight,
                    keys: int = 4, limit: int = 400,
                    exact: Callable[[T], Hashable] | None = None,
                    kind: Callable[[T], Hashable] | None = None,
                    buckets: dict[Hashable, list[int]] | None = None) -> Iterator[tuple[int, int]]:
    """Index pairs (i < j) of items that share one of their ``keys`` rarest terms, or
    the same ``exact`` key (a copied sentence), each pair once, item by item: each
    item with its later partners. A term shared by more than ``limit`` items says too
    little to block on and is skipped; an exact key shared by more pairs its first
    item with each other one. Both keep this close to linear in the number of items.
    With ``kind``, only items of one kind are paired (items of two kinds can never
    match: two figures of different units).

    The order of the pairs is not a promise: every consumer's findings must be the
    same in any order (clusters, sets of partners, decisions per pair of wordings;
    ``test_bounded_work`` checks it). So no set of every pair seen is kept, which on
    4,000 notes' figures (1.3 million pairs) took 100 MB. ``buckets``: the items'
    ``buckets_of``, when the caller has them."""
    kinds = [kind(item) for item in items] if kind is not None else [None] * len(items)
    # each item's ways to later partners: (members of a bucket of its kind, its place among them)
    through: list[list[tuple[list[int], int]]] = [[] for _ in items]
    if buckets is None:
        buckets = buckets_of(items, terms, weight, keys, exact)
    for key, bucket in buckets.items():
        if len(bucket) < 2:
            continue
        if len(bucket) > limit:
            if key[0] == "term":
                continue
            first = bucket[0]  # a sentence copied into hundreds of notes: its first copy against each other
            through[first].append(([first, *(j for j in bucket[1:] if kinds[j] == kinds[first])], 0))
            continue
        of_a_kind: dict[Hashable, list[int]] = defaultdict(list)
        for i in bucket:
            of_a_kind[kinds[i]].append(i)
        for members in of_a_kind.values():
            for place, i in enumerate(members[:-1]):
                through[i].append((members, place))
    for i, ways in enumerate(through):
        partners: Iterable[int]
        if len(ways) == 1:
            members, place = ways[0]
            partners = members[place + 1:]  # in order, and each once: a bucket holds an item once
        else:
            later: set[int] = set()
            for members, place in ways:
                later.update(members[place + 1:])
            partners = later  # a set of numbers iterates the same way every run
        for j in partners:
            yield i, j


def buckets_of(items: Sequence[T], terms: Callable[[T], Iterable[str]], weight: Weight, keys: int,
               exact: Callable[[T], Hashable] | None,
               weights: dict[str, float] | None = None) -> dict[Hashable, list[int]]:
    """The items (by number, in order) under each of their ``keys`` rarest terms, and
    under their ``exact`` key (``candidate_pairs``); ``weights`` gets the weight of
    each term of the items."""
    buckets: dict[Hashable, list[int]] = defaultdict(list)
    weights = {} if weights is None else weights
    rarest: dict[frozenset[str], list[tuple[str, str]]] = {}  # copied sentences hold equal sets of terms
    for i, item in enumerate(items):
        own = frozenset(terms(item))
        rare = rarest.get(own)
        if rare is None:
            for term in own - weights.keys():
                weights[term] = weight(term)
            rare = rarest[own] = [("term", t) for t in sorted(own, key=lambda t: (-weights[t], t))[:keys]]
        for key in rare:
            buckets[key].append(i)
        if exact is not None:
            buckets[("exact", exact(item))].append(i)
    return buckets


def decided_once_per_wording(pairs: Iterable[tuple[int, int]], items: Sequence[T], wording: Callable[[T], Hashable],
                             decide: Callable[[T, T], R]) -> Iterator[tuple[int, int, R]]:
    """(i, j, ``decide(items[i], items[j])``) for each pair; for two items of two notes,
    decided once per pair of wordings. ``wording(item)`` must hold everything
    ``decide`` reads of an item but its note: two items of one wording in two notes
    cannot be told apart by it. Notes copy sentences: a sentence copied into a hundred
    notes is decided once against each other wording, not a hundred times. Two items
    of one note (which ``decide`` may tell apart by their note) are always decided."""
    numbers = Numbering()
    numbered = [-1] * len(items)  # each item's wording's number, when first paired across notes
    size = len(items)
    decided: dict[int, R] = {}
    for i, j in pairs:
        a, b = items[i], items[j]
        if a.doc is b.doc:
            yield i, j, decide(a, b)
            continue
        first, second = numbered[i], numbered[j]
        if first < 0:
            first = numbered[i] = numbers[wording(a)]
        if second < 0:
            second = numbered[j] = numbers[wording(b)]
        pair = first * size + second
        if pair not in decided:
            decided[pair] = decide(a, b)
        yield i, j, decided[pair]


class Pairs:
    """Pairs of item numbers (i, j), in two arrays: a set of 4,000 notes has a million
    pairs of figures, which as tuples took 85 MB, and as a set of partners for every
    item more. The partners of the few items a rule reports on are worked out at the
    end (``partners``)."""

    def __init__(self) -> None:
        self.firsts = array("l")
        self.seconds = array("l")

    def add(self, i: int, j: int) -> None:
        self.firsts.append(i)
        self.seconds.append(j)

    def __iter__(self) -> Iterator[tuple[int, int]]:
        return zip(self.firsts, self.seconds)

    def partners(self, splits: Iterable[tuple[list[list[int]], list[int]]]) -> dict[int, set[int]]:
        """Of each cluster split into groups that agree (``split_by_agreement``: the
        groups, and the majority among them), each item outside the majority with the
        items of the majority it was paired with: the only partners a rule asks for
        (the items it reports on, and which of the others they were compared with).
        On 4,000 notes every partner of every reported figure took 37 MB of sets."""
        wanted: dict[int, Container[int]] = {}
        for groups, majority in splits:
            among = frozenset(majority)
            wanted.update((i, among) for group in groups if group is not majority for i in group)
        found: dict[int, set[int]] = {i: set() for i in wanted}
        for i, j in zip(self.firsts, self.seconds):
            among = wanted.get(i)
            if among is not None and j in among:
                found[i].add(j)
            among = wanted.get(j)
            if among is not None and i in among:
                found[j].add(i)
        return found


class Clusters:
    """Union-find over item indexes: items joined directly or through others are one cluster."""

    def __init__(self, size: int):
        self.parent = list(range(size))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def join(self, i: int, j: int) -> None:
        a, b = self.find(i), self.find(j)
        if a != b:
            self.parent[max(a, b)] = min(a, b)

    def groups(self) -> list[list[int]]:
        """The clusters, each as its indexes in order, in the order of their first index."""
        grouped: dict[int, list[int]] = defaultdict(list)
        for i in range(len(self.parent)):
            grouped[self.find(i)].append(i)
        return list(grouped.values())


def split_by_agreement(items: Sequence[T], agree: Callable[[T, T], bool],
                       with_all: bool = False) -> tuple[list[list[T]], list[T]]:
    """``items`` grouped with the first group whose first item they agree with (or, with
    ``with_all``, every item: a vague "ruim 110" agrees with both 112 and 118 and must
    not make them one value), and the group most items fall in (on a tie, the one whose
    first item comes first)."""
    groups: list[list[T]] = []
    for item in items:
        home = next((g for g in groups if all(agree(x, item) for x in (g if with_all else g[:1]))), None)
        if home is None:
            groups.append([item])
        else:
            home.append(item)
    # groups are in the order of their first items: on a tie, max keeps the first
    majority = max(groups, key=len) if groups else []
    return groups, majority
