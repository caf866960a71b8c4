"""Which names of a set are one name written two ways, for inconsistent-spelling
(``spelling.py``), and which are two names.

One name: the same words but for a connector left out ("College (voor de) Rechten
van de Mens"), a near-identical spelling of a long name (``fuzzy_pairs``), a one-letter
slip in a rare variant of a short one ("Beekdaal" beside "Beekdal": ``slips``). Two
names: a word with an ending (an inflection, a derivation, a longer compound, a Dutch
plural that respells its stem: ``_other_word``), names listed or joined with "en", a
run that names one thing twice. Keys are compared only within blocks of shared
content words or first letters, never all pairs.
"""

from __future__ import annotations

import functools
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from annolint.kinds.spelling_scan import Written, times_written

if TYPE_CHECKING:
    from annolint.kinds.spelling import Params

# Endings that make another word of a name or noun, not a misspelling of it.
INFLECTIONS = frozenset({"e", "en", "n", "s", "se", "es", "er", "ers", "'s", "’s", "'", "’"})
COORDINATORS = frozenset({"en", "&", "in", "op"})  # "Ajax en ADO": two names joined
LISTING = frozenset({"en", "&"})  # "Kilig en Nanninga": names listed, never grouped fuzzily
PLURALS = frozenset({"en", "e", "s"})  # Dutch plural endings that may respell the stem
VOICED = {"f": "v", "s": "z"}  # "brief" / "brieven", "huis" / "huizen"
LAST_WORD = re.compile(r"(\w+)\W*$")


class Groups:
    """Union-find over name keys."""

    def __init__(self) -> None:
        self.parent: dict[tuple[str, ...], tuple[str, ...]] = {}

    def find(self, key: tuple[str, ...]) -> tuple[str, ...]:
        self.parent.setdefault(key, key)
        while self.parent[key] != key:
            self.parent[key] = self.parent[self.parent[key]]
            key = self.parent[key]
        return key

    def union(self, a: tuple[str, ...], b: tuple[str, ...]) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def fuzzy_pairs(keys: list[tuple[str, ...]], params: Params, connectors: frozenset[str],
                before: Callable[[tuple[str, ...]], set[str]] | None = None
                ) -> Iterator[tuple[tuple[str, ...], tuple[str, ...]]]:
    """Pairs of different keys that are one name: the same words but for connectors
    ("College (voor de) Rechten van de Mens"), or a near-identical spelling. Keys are
    blocked by their content words and by their first letters, never all pairs."""
    from rapidfuzz import fuzz  # imported here: only this kind needs it

    def alike(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
        ja, jb = "".join(a), "".join(b)
        if len(a) != len(b) or re.sub(r"\D", "", ja) != re.sub(r"\D", "", jb):
            return False
        differing = [(x, y) for x, y in zip(a, b) if x != y]
        # "Mededeling I&D" and "Mededeling P&O" differ in a whole short word
        if not differing or any(min(len(x), len(y)) < 4 for x, y in differing):
            return False
        if any(_other_word(x, y) for x, y in differing):
            return False
        return fuzz.ratio(ja, jb) >= params.fuzzy_threshold

    by_content: dict[tuple[str, ...], list[tuple[str, ...]]] = defaultdict(list)
    by_prefix: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    by_last: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for key in keys:
        content = tuple(p for p in key if p not in connectors)
        # a list of names ("Kilig en Nanninga") is no one name to misspell, nor a run
        # that names one thing twice ("Gemeente Amsterdam Gemeente Amsterdam", two cells)
        if LISTING.intersection(key) or len(set(content)) < len(content):
            continue
        if len(key) >= 2 and len(key[-1]) >= 4:
            by_last[key[-1][:3]].append(key)
        if len(content) >= 2:
            by_content[content].append(key)
        joined = "".join(key)
        if len(joined) >= params.min_fuzzy_length:
            by_prefix[joined[:3]].append(key)
    # A long name with a connector left out ("College Rechten van de Mens"); not two
    # names joined ("Ajax en ADO" / "Ajax - ADO"), nor a place described in two words
    # ("Kop van de Zuidas" / "Kop Zuidas", "rechtbank te Amsterdam").
    for content, group in by_content.items():
        if len(content) < 3:
            continue
        group = [k for k in group if not COORDINATORS.intersection(k)]
        for other in group[1:]:
            yield group[0], other
    for group in by_prefix.values():
        for i, a in enumerate(group):
            for b in group[i + 1:]:
                if len("".join(a)) >= params.min_fuzzy_length and alike(a, b):
                    yield a, b
    # "Warmte Oostpolder" (a sentence-initial "Stichting" dropped) against the end of
    # "Stichting Warmte Oosterpolder"; an exact end ("Amsterdam") is a different name,
    # and so is a name that never stands after the word dropped ("een Erotisch Centum"
    # is no "Kernteam Erotisch Centrum").
    for group in by_last.values():
        for i, a in enumerate(group):
            for b in group[i + 1:]:
                short, long_ = (a, b) if len(a) < len(b) else (b, a)
                if len(long_) != len(short) + 1:  # one dropped word, not a longer name
                    continue
                if before is not None and long_[0] not in before(short):
                    continue
                tail = long_[-len(short):]
                if len("".join(short)) >= params.min_fuzzy_length and alike(short, tail):
                    yield short, long_


SLIP_RARE = 2  # a one-letter variant written at most this often …
SLIP_COMMON = 5  # … of a name written at least this many times as often is a slip


def slips(found: dict[tuple[str, ...], list[Written]], params: Params,
          common: Counter) -> Iterator[tuple[tuple[str, ...], tuple[str, ...]]]:
    """One-word names too short for the fuzzy comparison ("Beekdal", 7 letters) and a
    rare variant one letter away ("Beekdaal" twice against 60 times): a slip of the
    keyboard, not another name. Neither may be a word the set writes in lower case
    ("Wissel" / "wissel"), nor the variant written as often as a second name would be
    ("Janssen" three times beside "Jansen" six times is another person)."""
    from rapidfuzz.distance import Levenshtein  # imported here: only this kind needs it

    counts = {k: times_written(v) for k, v in found.items()
              if len(k) == 1 and 6 <= len(k[0]) < params.min_fuzzy_length}
    by_start: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for key in counts:
        by_start[key[0][:2]].append(key)
    for group in by_start.values():
        group.sort()
        for i, a in enumerate(group):
            for b in group[i + 1:]:
                rare, usual = (a, b) if counts[a] < counts[b] else (b, a)
                if counts[rare] <= SLIP_RARE and counts[usual] >= SLIP_COMMON * counts[rare] \
                        and common[rare[0]] == 0 and common[usual[0]] == 0 \
                        and Levenshtein.distance(a[0], b[0]) == 1:
                    yield rare, usual


def _word_before(text: str, start: int) -> str:
    """The word written in ``text`` right before ``start`` (a place of a name), in lower
    case ("" at the block's start)."""
    # the last 80 characters hold the word before; searching from the block's start
    # would read the whole block again for every place
    m = LAST_WORD.search(text, max(0, start - 80), start)
    return m.group(1).casefold() if m else ""


def words_before(found: dict[tuple[str, ...], list[Written]]) -> Callable[[tuple[str, ...]], set[str]]:
    """The words written right before the places of a name (``_word_before``), read
    for a name when it is first asked about: few names are."""
    @functools.cache
    def words_before(key: tuple[str, ...]) -> set[str]:
        return {_word_before(w.text, w.place.particle_start) for w in found[key]}
    return words_before


def without_joined_names(keys: set[tuple[str, ...]]) -> set[tuple[str, ...]]:
    """Drop the runs that join two names found on their own: "De Groene Zoom en
    Europaboulevard" is two names, "Openbare Orde en Veiligheid" is one."""
    def joined(key: tuple[str, ...]) -> bool:
        return any(word in COORDINATORS and key[:i] in keys and key[i + 1:] in keys
                   for i, word in enumerate(key))
    return {key for key in keys if not joined(key)}


def _other_word(x: str, y: str) -> bool:
    """One word is the other with an ending: an inflection or derivation ("Wobverzoek"
    / "Wobverzoeken", "Lindewaard" / "Lindewaardse"), or a longer compound ("Douwes" /
    "Douwesweg"); or both are one stem with two endings ("Amsterdamse" / "Amsterdam’s",
    "Nederlandse" / "Nederlanden"); or a plural that spells its stem another way, as
    Dutch plurals do: a long vowel written single in an open syllable ("kademuur" /
    "kademuren"), a consonant doubled after a short one ("kat" / "katten"), f and s
    voiced ("brief" / "brieven", "huis" / "huizen"). Such words are different words,
    not one misspelt; a letter doubled at the end ("Wilgenhof" / "Wilgenhoff") is a
    misspelling."""
    short, long_ = sorted((x, y), key=len)
    if long_.startswith(short):
        ending = long_[len(short):]
        return ending in INFLECTIONS or len(ending) >= 3
    for ending in sorted(INFLECTIONS, key=len, reverse=True):
        for a, b in ((x, y), (y, x)):
            if not a.endswith(ending):
                continue
            stem = a[:-len(ending)]
            if len(stem) >= 3 and b.startswith(stem) and b[len(stem):] in INFLECTIONS:
                return True  # "amsterdam" + "se" / "’s"
            if ending in PLURALS and len(stem) >= 3 and stem in _plural_stems(b):
                return True  # "kademur" + "en" / "kademuur"
    return False



def _plural_stems(word: str) -> set[str]:
    """How a Dutch plural may spell the stem of ``word``: a doubled vowel before its last
    consonant written single ("muur" -> "mur"), its last consonant doubled ("kat" ->
    "katt"), a last f or s voiced ("brief" -> "briev"), and the last two together."""
    stems = {word}
    if len(word) >= 3 and word[-1] not in "aeiouy" and word[-2] == word[-3] and word[-2] in "aeiou":
        stems.add(word[:-2] + word[-1])
    if len(word) >= 2 and word[-1] not in "aeiouy" and word[-2] in "aeiou":
        stems.add(word + word[-1])
    stems |= {w[:-1] + VOICED[w[-1]] for w in list(stems) if w[-1:] in VOICED}
    return stems
