"""Where the names of a set are written: the first half of inconsistent-spelling.

Takes the runs of capitalised words that may be names (``spelling_words.py``) and
finds every place each name is written, in any case and with hyphens or spaces, with
the family-name particle before it and what precedes that (a first name, an initial,
a title). ``spelling.py`` groups the names and reports; ``spelling_forms.py`` decides
the forms.

What a block is, for names (``Standing``):

- scanning scars: characters no writer types ("«", "{", "|"), or a percent sign that
  follows no number ("sien %% DORA PLEIN"): OCR of a map or a drawing;
- an aside, not the writer's running prose: a block that names a file ("…Lijnbaansgracht
  Amsterdam.PDF", "d1.0.docx Pagina 7"), the free text of an exported record
  ("Toelichting : …", a field label spaced as exports space it and opening several
  blocks of the set: a complainant's words, quoted), or a long block without a single
  stop word (a legend, a list of names, a row of cells);
- a caption, where capitals are title case or another language's, not spelling: a
  block without a stop word ("GVB buslijnen", "Parkeernota Amsterdam Versie
  november 2017 C-Locatie — maatwerk"), or a long block with hardly any (a title line,
  a letter in English: "the De Wallen area").
"""

from __future__ import annotations

import operator
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from typing import NamedTuple

from annolint.kinds.spelling_forms import Occurrence, shouting
from annolint.kinds.spelling_words import Words, adjacent, capitalised, line_starts
from annolint.model import PIECE, Block, Document

PART_JOIN = re.compile(r"[ \t]*|[-‐–]|[ \t]+[-‐–][ \t]+")
HYPHEN_SPLIT = re.compile(r"([\-‐–])")
PART_SPLIT = re.compile(r"[\s\-‐–]+")
URLISH = re.compile(r"\S*(?:://|www\.|/|@)\S*", re.IGNORECASE)
ADDRESS_MARK = re.compile(r"[/@]|www\.", re.IGNORECASE)  # what every URLISH holds, found fast
# Characters no writer types (OCR of a scan, a drawing), and a percent sign after no number.
SCARS = re.compile(r"[«»{}|¦¬~^\\]|(?<![\d\s])%|(?<!\d)\s%")
SCAR_MARK = re.compile(r"[«»{}|¦¬~^\\%]")  # a character every scar holds, found fast
# A file's name: a word with a document's or an image's extension.
FILE_NAME = re.compile(r"\S\.(?:docx?|pdf|xlsx?|pptx?|od[tsp]|msg|eml|txt|csv|jpe?g|png|gif|tiff?|zip)(?![^\W_])",
                       re.IGNORECASE)
FILE_EXTENSION = re.compile(FILE_NAME.pattern[2:], re.IGNORECASE)  # the same, found fast (a literal first)
# The free text of an exported record: a short label, a space before the colon.
RECORD_FIELD = re.compile(r"\W{0,3}([^\W\d_][^\W\d_]*(?:[ \t][^\W\d_]+){0,3})[ \t]+:[ \t]")
FOREIGN_WORDS = 8  # a block this long without a stop word is a list, a legend or a row of cells,
FOREIGN_SHARE = 0.15  # and with fewer stop words than this share a title or another language
INITIALS = re.compile(r"(?:[A-Z]\.?){1,3}")  # "J", "A.B" (WORD leaves the last full stop)
INITIAL_GAP = re.compile(r"\.?[ \t]+")


def parts_of(text: str) -> tuple[str, ...]:
    return tuple(p for p in PART_SPLIT.split(text.casefold()) if p)


class People(NamedTuple):
    """What tells a family name's context: its particles, the titles that precede a
    person's name, and the words of the set written in lower case."""
    particles: frozenset[str]
    titles: frozenset[str]
    common: Counter


def _particle_before(text: str, words: Words, first: int, start: int,
                     people: People) -> tuple[str, int, bool, bool, bool]:
    """The particle written right before the name at word ``first`` ("van", "van der"),
    where it starts, whether it starts a sentence, and whether a first name or initial
    ("Jan van Buren", "J. van Buren") or a person's title ("wethouder van Buren")
    precedes it."""
    i = first
    while i > 0 and first - i < 3 and words.text[i - 1].casefold() in people.particles \
            and adjacent(text, words, i - 1, i):
        i -= 1
    if i == first:
        return "", start, bool(words.initial[first]), False, False
    particle = " ".join(words.text[i:first])
    given = titled = False
    if i > 0:
        before = words.text[i - 1]
        gap = text[words.end(i - 1):words.start[i]]
        word = before.casefold()
        if INITIALS.fullmatch(before) and INITIAL_GAP.fullmatch(gap):
            given = True
        elif gap.strip(" \t") == "":
            titled = word in people.titles
            given = (not titled and capitalised(before) and people.common[word] == 0
                     and word not in people.particles)
    return particle, words.start[i], bool(words.initial[i]), given, titled


def _in_address(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] lies in a web or e-mail address."""
    left = max(text.rfind(" ", 0, start), text.rfind("\n", 0, start)) + 1
    right = min((i for i in (text.find(" ", end), text.find("\n", end)) if i >= 0), default=len(text))
    return URLISH.fullmatch(text[left:right]) is not None


def record_labels(blocks: Iterable[Block], least: int = 3) -> frozenset[str]:
    """The field labels of exported records in the set: "Toelichting : …" spaced as
    exports space it (a space before the colon), opening ``least`` blocks or more."""
    counts: Counter = Counter()
    for text, copies in Counter(block.masked for block in blocks).items():  # each text read once
        m = RECORD_FIELD.match(text)
        if m:
            counts[" ".join(m.group(1).casefold().split())] += copies
    return frozenset(label for label, n in counts.items() if n >= least)


class Standing(NamedTuple):
    """What a block is, for the names in it (see the module docstring)."""
    scarred: bool  # scanning scars
    aside: bool  # not the writer's running prose: a file reference, a record's free text, a list
    caption: bool  # no stop word, or hardly any in a long block: capitals are title case


def standing(text: str, words: Words, stop_words: frozenset[str],
             records: frozenset[str] = frozenset()) -> Standing:
    """What a block is for the names in it, by its masked ``text`` and its words;
    without stop words (a language pack that lists none) only its scars are told.
    All but the record labels of the set is the text's own, told once and kept with
    its words (``Words.told``)."""
    told = words.told
    if told is None:
        told = words.told = _told(text, words, stop_words)
    scarred, aside, caption, label = told
    return Standing(scarred, aside or (label is not None and label in records), caption)


def _told(text: str, words: Words, stop_words: frozenset[str]) -> tuple[bool, bool, bool, str | None]:
    """What ``standing`` tells of a text by the text alone: its scars, whether it is an
    aside but for a record's label, whether it is a caption, and the label of the field
    it opens, if any (an aside when the set's records have it)."""
    long_ = bool(stop_words) and len(words) >= FOREIGN_WORDS
    # the stop words are counted only as far as the two questions below need
    enough = max(1, FOREIGN_SHARE * len(words)) if long_ else 1
    stops = 0
    for word in words.text:
        if word.casefold() in stop_words:
            stops += 1
            if stops >= enough:
                break
    field = RECORD_FIELD.match(text)
    aside = (FILE_EXTENSION.search(text) is not None and FILE_NAME.search(text) is not None) or (long_ and not stops)
    caption = (bool(stop_words) and bool(words) and not stops) or (long_ and stops < FOREIGN_SHARE * len(words))
    scarred = SCAR_MARK.search(text) is not None and SCARS.search(text) is not None
    return scarred, aside, caption, " ".join(field.group(1).casefold().split()) if field is not None else None


class Copy(NamedTuple):
    """A block of the set with places of names in it: its note, its rank in the set's
    order, and where its places start a line (its own: copies of a text may break
    their lines elsewhere)."""
    rank: int
    doc: Document
    block: Block
    line_heads: frozenset[int]


class Written(NamedTuple):
    """A key written at one place of a text, in every copy of the text."""
    place: Place
    text: str  # the masked text
    copies: list[Copy]  # shared by the places of the text


NO_HEADS: frozenset[int] = frozenset()


def scan(blocks: list[tuple[Document, Block]], words: dict[str, Words], keys: set[tuple[str, ...]],
         people: People, stop_words: frozenset[str] = frozenset(),
         records: frozenset[str] = frozenset(),
         spots_hold: Callable[[str], bool] = lambda text: False) -> dict[tuple[str, ...], list[Written]]:
    """Every place each key is written, in any case, longest key first: each distinct
    text is read once for all its copies (and its words dropped from ``words``); a
    place becomes an ``Occurrence`` in each copy only for a name worth a closer look
    (``in_set_order``). Where the keys are written in a text (``spots``) is kept with
    its words (``Words.spots``), and taken from them when ``spots_hold`` for it."""
    by_length: dict[str, dict[int, set[tuple[str, ...]]]] = defaultdict(lambda: defaultdict(set))
    for key in keys:
        by_length[key[0]][len(key)].add(key)
    by_first = {word: sorted(lengths.items(), reverse=True) for word, lengths in by_length.items()}
    copies_of: dict[str, list[tuple[int, Document, Block]]] = defaultdict(list)
    for rank, (doc, block) in enumerate(blocks):
        copies_of[block.masked].append((rank, doc, block))
    found: dict[tuple[str, ...], list[Written]] = defaultdict(list)
    for text, same in copies_of.items():
        written = words.pop(text)
        if written.spots is None or not spots_hold(text):
            written.spots = tuple(spots(text, written, by_first))
        places = list(_places(text, written, written.spots, people, stop_words, records))
        if not places:
            continue
        unsure = {p.particle_start for p in places if not p.initial}  # may start a line, if not a sentence
        copies = _copies(text, same, unsure)
        for place in places:
            found[place.key].append(Written(place, text, copies))
    return found


def _copies(text: str, same: list[tuple[int, Document, Block]], starts: set[int]) -> list[Copy]:
    """The ``Copy`` of each copy of ``text``, with which of ``starts`` start one of its
    lines. Most copies are one line, the whole text (a paragraph): where their lines
    start is the text's, worked out once."""
    one_line: frozenset[int] | None = None
    copies = []
    for rank, doc, block in same:
        layout = block.layout
        if len(layout) == PIECE and layout[0] == 0 and layout[PIECE - 1] == len(text):
            if one_line is None:
                one_line = _line_heads(block, starts)
            heads = one_line
        else:
            heads = _line_heads(block, starts)
        copies.append(Copy(rank, doc, block, heads))
    return copies


def _line_heads(block: Block, starts: set[int]) -> frozenset[int]:
    """Which of ``starts`` start a line of ``block``."""
    heads = starts & line_starts(block) if starts else None
    return frozenset(heads) if heads else NO_HEADS


def times_written(written: list[Written]) -> int:
    """How many places of the set ``written`` stands for, copies included."""
    return sum(len(w.copies) for w in written)


def in_set_order(written: list[Written]) -> list[Occurrence]:
    """The places of ``written`` in every copy of their text, in the order of the set
    (by block, then offset)."""
    places = sorted(((copy.rank, w.place.start, copy, w.place) for w in written for copy in w.copies),
                    key=operator.itemgetter(0, 1))
    return [Occurrence(copy.doc, copy.block, p.start, p.end, p.core, p.particle,
                       p.initial or p.particle_start in copy.line_heads, p.particle_start, p.given, p.titled,
                       p.standing.scarred, p.standing.aside, p.standing.caption)
            for _, _, copy, p in places]


# The keys that start with one word, by length, longest first: (length, keys).
KeysByLength = list[tuple[int, set[tuple[str, ...]]]]


class Place(NamedTuple):
    """A key written in a block: all of its ``Occurrence`` but the note and the block,
    the same in every copy of the block; ``initial`` tells a sentence's start only (a
    line's start is a copy's own)."""
    key: tuple[str, ...]
    start: int
    end: int
    # the masked text, which is the text as written in every copy: a block's masked
    # text differs from it only at redaction marks, and no word holds one
    core: str
    particle: str
    initial: bool
    particle_start: int
    given: bool
    titled: bool
    standing: Standing

    @property
    def shouting(self) -> bool:
        """Written wholly in capitals, as ``Occurrence.shouting``."""
        return shouting(self.core)


def _places(text: str, words: Words, found: Iterable[tuple[tuple[str, ...], int, int, int]], people: People,
            stop_words: frozenset[str], records: frozenset[str]) -> Iterator[Place]:
    """The keys ``found`` written in the block ``text`` (``spots``), with the particle
    before each and what the block is (``standing``, told once a key is found)."""
    where: Standing | None = None
    for matched, start, end, first_index in found:
        particle, particle_start, initial, given, titled = _particle_before(text, words, first_index, start, people)
        if where is None:
            where = standing(text, words, stop_words, records)
        yield Place(matched, start, end, text[start:end], particle, initial, particle_start, given, titled, where)


def _parts(text: str, words: Words) -> list[tuple[str, int, int, int]]:
    """The words of ``text`` in lower case, hyphenated words split into their parts,
    each with where it stands and the number of its word."""
    starts = words.start
    if "-" not in text and "‐" not in text and "–" not in text:
        return [(word.casefold(), starts[i], starts[i] + len(word), i) for i, word in enumerate(words.text)]
    parts: list[tuple[str, int, int, int]] = []
    for i, word in enumerate(words.text):
        if "-" not in word and "‐" not in word and "–" not in word:
            parts.append((word.casefold(), starts[i], starts[i] + len(word), i))
            continue
        offset = starts[i]
        for piece in HYPHEN_SPLIT.split(word):
            if piece and piece not in "-‐–":
                parts.append((piece.casefold(), offset, offset + len(piece), i))
            offset += len(piece)
    return parts


def spots(text: str, words: Words,
          by_first: dict[str, KeysByLength]) -> Iterator[tuple[tuple[str, ...], int, int, int]]:
    """Where a key is written in ``text``: (key, start, end, number of its first word).
    What it reads of the keys is only those whose first word ``text`` writes."""
    parts = _parts(text, words)
    lowered = [p[0] for p in parts]
    addresses = ADDRESS_MARK.search(text) is not None  # else no place lies in an address
    i = 0
    for first in [n for n, word in enumerate(lowered) if word in by_first]:
        if first < i:  # inside a key found before
            continue
        matched = _key_at(text, words, parts, lowered, first, by_first[lowered[first]])
        if matched is None:
            continue
        window = parts[first:first + len(matched)]
        start, end = window[0][1], window[-1][2]
        i = first + len(matched)
        if not (addresses and _in_address(text, start, end)):  # "ndsm-werf" in a link is no way of writing it
            yield matched, start, end, window[0][3]


def _key_at(text: str, words: Words, parts: list[tuple[str, int, int, int]], lowered: list[str],
            i: int, options: KeysByLength) -> tuple[str, ...] | None:
    """The longest of the keys ``options`` holds written from part ``i`` on, if any."""
    for n, written in options:
        key = tuple(lowered[i:i + n])
        if key not in written:
            continue
        window = parts[i:i + n]
        if any(not PART_JOIN.fullmatch(text[window[j][2]:window[j + 1][1]])
               for j in range(n - 1)):
            continue
        # a key must cover whole words: "Verwey" is not a name inside "Verwey-Jonker"
        if window[0][1] != words.start[window[0][3]] or window[-1][2] != words.end(window[-1][3]):
            continue
        return key
    return None
