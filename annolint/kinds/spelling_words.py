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
from collections import Counter
from collections.abc import Iterable, Iterator
from typing import NamedTuple

from annolint.index import WORD
from annolint.model import PIECE, Block
from annolint.note_lines import MASK

SENTENCE_MARK = re.compile(r"[.!?:;]")
WORD_CHAR = re.compile(r"\w")
# Between two words of one name: spaces, a hyphen, or a hyphen spaced on both sides
# ("Ajax - ADO"); not a hyphen with a space after it only ("Ajax- en Feyenoordsupporters",
# "TRN- Engineering"): that hyphen stands for a word left out or a line broken.
JOIN = re.compile(r"[ \t]+|[-‐–]|[ \t]+[-‐–][ \t]+")
SCRAP_SPLIT = re.compile(r"[-‐–.]")
LOWER_LETTERS = "abcdefghijklmnopqrstuvwxyzàáâäçèéêëìíîïñòóôöùúûüÿ"
# marks, a bullet read as a letter, and the underscores OCR puts before a word ("o _Woonzorglocatie")
LINE_HEAD = re.compile(r"[\W_]*(?:[a-z][ \t]+(?=\w)[\W_]*)?")


class Token(NamedTuple):  # a tuple: made for every word of the set, so cheap to build
    text: str
    start: int
    end: int
    initial: bool  # first word of a sentence


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


def text_tokens(blocks: Iterable[Block]) -> dict[str, list[Token]]:
    """The words of each distinct text of ``blocks``, read once for all its copies in
    the set. Where its lines start differs between copies, so it is asked of a copy
    only at the places of a name (``scan``)."""
    tokens: dict[str, list[Token]] = {}
    words: dict[str, str] = {}  # one string for each word of the set, however often written
    for block in blocks:
        if block.masked not in tokens:
            tokens[block.masked] = _tokens(block.masked, words)
    return tokens


def _tokens(text: str, words: dict[str, str]) -> list[Token]:
    tokens: list[Token] = []
    last_end = 0
    boundary = True  # the block starts a sentence
    for m in WORD.finditer(text):
        start = m.start()
        # one space between two words (most of them) changes nothing
        if start != last_end + 1 or text[last_end] != " ":
            between = text[last_end:start]
            marks = [m.end() for m in SENTENCE_MARK.finditer(between)] if tokens else []
            if MASK in between[marks[-1] if marks else 0:]:
                boundary = False  # a redacted name or word came before: "5.1, 2, e (Inkoop …)"
            elif marks:
                boundary = True
            elif tokens and WORD_CHAR.search(between):
                boundary = False
        # "Hoogbouw_" (markup) and "Amsterdam’" (a closing quote) are the bare word
        word = m.group().rstrip("_'’")
        word = words.setdefault(word, word)
        tokens.append(Token(word, start, start + len(word), boundary))
        boundary = False
        last_end = m.end()
    return tokens


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


def adjacent(text: str, a: Token, b: Token) -> bool:
    """Two tokens of one name: nothing but spaces or a hyphen between them."""
    return JOIN.fullmatch(text[a.end:b.start] or " ") is not None


def candidates(block: Block, tokens: list[Token], connectors: frozenset[str],
                common: Counter, stop_words: frozenset[str] = frozenset()) -> Iterator[tuple[Token, ...]]:
    """Runs of capitalised words, with connectors inside, that may be names."""
    text = block.masked
    run: list[Token] = []

    def finish() -> Iterator[tuple[Token, ...]]:
        while run and run[-1].text.casefold() in connectors and not capitalised(run[-1].text):
            run.pop()
        # A capital that only marks the start of a sentence is not part of a name, and
        # a name starts with a capitalised word, not a connector or particle ("Van"),
        # nor an article or another stop word whose capital is a sentence start the
        # reader could not see (columns of a scan run together: "… en Een Erotisch
        # Centrum vervult …").
        while run and ((run[0].initial and common[run[0].text.casefold()] > 0)
                       or run[0].text.casefold() in connectors or run[0].text.casefold() in stop_words):
            run.pop(0)
        if run:
            yield tuple(run)
        run.clear()

    for token in tokens:
        word = token.text
        if run and not adjacent(text, run[-1], token):
            yield from finish()
        if not run and not capitalised(word):
            continue  # most words: one in lower case starts no run, and there is none to end
        if scrap(word, stop_words):
            yield from finish()
        elif capitalised(word) or word.casefold() in connectors:
            run.append(token)
        else:
            yield from finish()
    if run:
        yield from finish()
