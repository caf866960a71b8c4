"""The words of a set's blocks, and the runs of capitalised words in them that may
be names: the start of inconsistent-spelling (``spelling_scan.py`` finds where each
name is written).

Each word knows whether it starts a sentence (after a full stop, a question mark, a
colon, or at the block's start), and ``line_starts`` tells where the lines of a block
start, after a bullet or a bullet OCR read as a letter: a capital there is the
sentence's or the line's, not the name's. A word OCR made of scraps is no name: lower
case running into capitals ("cstaAAT", "sstRAn"), or a function word run into the next
word ("EenErotisch").
"""

from __future__ import annotations

import functools
import re
from array import array
from collections import Counter
from collections.abc import Callable, Iterable, Iterator

from annolint.index import WORD
from annolint.kept_texts import KeptTexts
from annolint.model import PIECE, Block
from annolint.note_lines import MASK, WORD_CHAR

SENTENCE_MARK = re.compile(r"[.!?:;]")
# Between two words of one name: spaces, a hyphen, or a hyphen spaced on both sides
# ("Ajax - ADO"); not a hyphen with a space after it only ("Ajax- en Feyenoordsupporters",
# "TRN- Engineering"): that hyphen stands for a word left out or a line broken.
JOIN = re.compile(r"[ \t]+|[-‐–]|[ \t]+[-‐–][ \t]+")
SCRAP_SPLIT = re.compile(r"[-‐–.]")
LOWER_LETTERS = "abcdefghijklmnopqrstuvwxyzàáâäçèéêëìíîïñòóôöùúûüÿ"
# marks, a bullet read as a letter, and the underscores OCR puts before a word ("o _Woonzorglocatie")
LINE_HEAD = re.compile(r"[\W_]*(?:[a-z][ \t]+(?=\w)[\W_]*)?")


class Words:
    """The words of one text, as parallel arrays: word ``i`` is ``text[i]``, written
    from ``start[i]`` to ``end(i)``, and starts a sentence when ``initial[i]``. Made
    for every distinct text of the set: a tuple per word weighed 19 MB on 1,000
    notes (212,000 words of 16,000 texts), these 7. ``runs``: the first and last
    word of each run of capitalised words that may hold a name (``candidates``), once
    asked for. All of it depends on the text alone, and is kept for the next run
    (``kept_words``). ``spots``: where the set's names are written in the text
    (``spelling_scan.spots``), once looked for: kept with the names they were looked
    for (``KeptWords.names``). ``told``: what the text is for names, as far as the
    text tells (``spelling_scan.standing``), once asked."""

    __slots__ = ("text", "start", "initial", "runs", "spots", "told")

    def __init__(self) -> None:
        self.text: list[str] = []
        self.start = array("l")
        self.initial = bytearray()
        self.runs: array | None = None
        self.spots: tuple | None = None
        self.told: tuple | None = None

    def __len__(self) -> int:
        return len(self.text)

    def end(self, i: int) -> int:
        return self.start[i] + len(self.text[i])


def line_starts(block: Block) -> set[int]:
    """Where the first word of each physical line of ``block`` starts, after marks and
    an OCR'd bullet ("e De SLO's overleggen", "o Het plan")."""
    starts = set()
    layout, masked = block.layout, block.masked
    for i in range(0, len(layout), PIECE):  # (offset, line, column, length) of each line: ``Block.layout``
        offset, length = layout[i], layout[i + PIECE - 1]
        head = LINE_HEAD.match(masked, offset, offset + length)
        starts.add(head.end() if head else offset)
    return starts


def text_words(blocks: Iterable[Block], known: dict[str, Words] | None = None) -> dict[str, Words]:
    """The words of each distinct text of ``blocks``, read once for all its copies in
    the set, or taken from ``known`` (``kept_words``). Where its lines start differs
    between copies, so it is asked of a copy only at the places of a name (``scan``)."""
    found: dict[str, Words] = {}
    known = known or {}
    shared: dict[str, str] = {}  # one string for each word of the set, however often written
    for block in blocks:
        text = block.masked
        if text not in found:
            words = known.get(text)
            found[text] = words if words is not None else _words(text, shared)
    return found


class KeptWords(KeptTexts[Words]):
    """The words of the set's texts (``Words``) as an earlier run left them, with the
    names their ``spots`` were looked for among (``names``, kept as ``extra``). After
    one note is edited, all but its own texts are known: reading the words of ten
    thousand texts and their runs of capitals took a fifth of the spelling rule's
    time, loading them a fifth of that, and looking for the names in them a third."""

    def __init__(self, cache, key: str):
        super().__init__(cache, key, "spelling words")
        self.names: frozenset[tuple[str, ...]] = self.extra if type(self.extra) is frozenset else frozenset()

    def spots_hold(self, names: frozenset[tuple[str, ...]]) -> Callable[[str], bool]:
        """Whether the spots kept for a text are where ``names`` are written in it: the
        names whose first word it writes are the ones the spots were looked for among.
        Told of the names added or gone by their first word, found in the text in any
        case (a part of a word is found too: a text is looked at again when unsure)."""
        changed = self.names ^ names
        if not changed:
            return lambda text: True
        firsts = {name[0] for name in changed}
        if len(firsts) > FEW_NAMES:
            return lambda text: False
        return lambda text: not any(first in text.casefold() for first in firsts)


FEW_NAMES = 40  # names added or gone, by first word, above which every text is looked at again


def kept_words(index, scope: tuple[str, ...]) -> KeptWords | None:
    """The ``KeptWords`` of the set's texts in ``scope``; None without a cache."""
    key = index.kept_key("spelling words", *scope)
    return KeptWords(index.cache, key) if key is not None else None


def _words(text: str, shared: dict[str, str]) -> Words:
    words = Words()
    texts, starts, initials = words.text, words.start, words.initial
    last_end = 0
    boundary = True  # the block starts a sentence
    for m in WORD.finditer(text):
        start = m.start()
        # one space between two words (most of them) changes nothing
        if start != last_end + 1 or text[last_end] != " ":
            between = text[last_end:start]
            marks = [m.end() for m in SENTENCE_MARK.finditer(between)] if texts else []
            if MASK in between[marks[-1] if marks else 0:]:
                boundary = False  # a redacted name or word came before: "5.1, 2, e (Inkoop …)"
            elif marks:
                boundary = True
            elif texts and WORD_CHAR.search(between):
                boundary = False
        # "Hoogbouw_" (markup) and "Amsterdam’" (a closing quote) are the bare word
        word = m.group().rstrip("_'’")
        texts.append(shared.setdefault(word, word))
        starts.append(start)
        initials.append(boundary)
        boundary = False
        last_end = m.end()
    return words


def capitalised(word: str) -> bool:
    return word[:1].isupper()


@functools.lru_cache(maxsize=65536)  # words recur on every page: read each once
def scrap(word: str, stop_words: frozenset[str]) -> bool:
    """A word OCR made of scraps, no name: lower case running into capitals
    ("cstaAAT", "sstRAn"; "eBay" and "kWh" have one lower-case letter first), or a
    function word run into the next word ("EenErotisch", "DeGroene")."""
    for part in SCRAP_SPLIT.split(word):
        lower = len(part) - len(part.lstrip(LOWER_LETTERS)) if part[:1].islower() else 0
        if lower >= 2 and part[lower:lower + 1].isupper():
            return True
        for i in range(2, len(part)):
            if part[i].isupper() and part[i - 1].islower():
                if part[:i].casefold() in stop_words:
                    return True
                break
    return False


def adjacent(text: str, words: Words, i: int, j: int) -> bool:
    """Words ``i`` and ``j`` of ``text`` are of one name: nothing but spaces or a
    hyphen between them."""
    return JOIN.fullmatch(text[words.end(i):words.start[j]] or " ") is not None


def candidates(block: Block, words: Words, connectors: frozenset[str],
               common: Counter, stop_words: frozenset[str] = frozenset()) -> Iterator[tuple[int, int]]:
    """Runs of capitalised words, with connectors inside, that may be names: where
    each starts and ends in the block's masked text."""
    if words.runs is None:
        words.runs = array("l", [n for run in _runs(block.masked, words, connectors, stop_words) for n in run])
    texts, initials, runs = words.text, words.initial, words.runs
    for n in range(0, len(runs), 2):
        first, last = runs[n], runs[n + 1]
        # A capital that only marks the start of a sentence is not part of a name, and
        # a name starts with a capitalised word, not a connector or particle ("Van"),
        # nor an article or another stop word whose capital is a sentence start the
        # reader could not see (columns of a scan run together: "… en Een Erotisch
        # Centrum vervult …"). Whether a word is written in lower case elsewhere is
        # the set's to tell, so this is asked each run; the runs are the text's own.
        while first <= last and ((initials[first] and common[texts[first].casefold()] > 0)
                                 or texts[first].casefold() in connectors or texts[first].casefold() in stop_words):
            first += 1
        if first <= last:
            yield words.start[first], words.end(last)


def _runs(text: str, words: Words, connectors: frozenset[str],
          stop_words: frozenset[str]) -> Iterator[tuple[int, int]]:
    """The first and last word of each run of capitalised words of ``text``, with
    connectors inside, not ending in a connector in lower case."""
    texts = words.text
    run: list[int] = []  # the words' numbers

    def finish() -> Iterator[tuple[int, int]]:
        while run and texts[run[-1]].casefold() in connectors and not capitalised(texts[run[-1]]):
            run.pop()
        if run:
            yield run[0], run[-1]
        run.clear()

    for i, word in enumerate(texts):
        if run and not adjacent(text, words, run[-1], i):
            yield from finish()
        if not run and not capitalised(word):
            continue  # most words: one in lower case starts no run, and there is none to end
        if scrap(word, stop_words):
            yield from finish()
        elif capitalised(word) or word.casefold() in connectors:
            run.append(i)
        else:
            yield from finish()
    if run:
        yield from finish()
