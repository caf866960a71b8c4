"""From the visual lines of a PDF's pages to the text of a note: page headers and
footers dropped, the lines of a paragraph joined into one line, words hyphenated at a
line end rejoined, ligatures and soft hyphens undone.

The input is what ``pdf.py`` reads from each page: its lines top to bottom, each with
the column it starts at, the column its last run of text starts at and the blank lines
above it (pypdf's layout mode places text on a grid of fixed-width columns; where a
line ends is estimated from its letters' widths). Everything here is pure text
handling, so it is tested without PDFs.

One line per paragraph is what the structure parser reads best: it is what the
extracted notes it was built on look like, a wrapped line may start with a capital,
a digit or a dash that the parser would take for a new element, and only the layout
knows where a line was wrapped (the next word would not have fitted on it) and where
a paragraph ended. A paragraph that runs onto the next page is split at the page
break, so that every line stands on one page; its first part ends in two spaces, a
hard line break that the parser joins across.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, replace

LIGATURES = {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl",
             "\ufb05": "st", "\ufb06": "st"}
SOFT_HYPHEN = "\u00ad"
# Characters that are only a way of drawing another: hyphens and spaces of other
# widths, zero-width marks. NFKC is applied to nothing else: it would turn "m²" into
# "m2" and "…" into "...", which the rules read differently.
_PLAIN = {"\u2010": "-", "\u2011": "-", "\u00a0": " ", "\u202f": " ", "\u2007": " ", "\u2009": " ",
          "\u200a": " ", "\u2002": " ", "\u2003": " ", "\u2004": " ", "\u2005": " ", "\u2006": " ",
          "\u2008": " ", "\u200b": "", "\u200c": "", "\u200d": "", "\u2060": "", "\ufeff": ""}
# List bullets drawn from a symbol font come out of the text layer as private-use
# characters (Word's Symbol bullet is U+F0B7, its Wingdings squares and arrows
# U+F0A7, U+F0D8, U+F0E0, U+F076, U+F0FC), or as U+007F from fonts without a bullet
# glyph name: they are bullets, and a list's lines are joined by them.
SYMBOL_BULLETS = {"\uf0b7": "•", "\uf0a7": "▪", "\uf0d8": "•", "\uf0e0": "•", "\uf076": "•", "\uf0fc": "•",
                  "\uf06c": "•", "\uf06e": "▪", "\u007f": "•"}
_TRANSLATE = str.maketrans({**LIGATURES, **_PLAIN, **SYMBOL_BULLETS})
_COMPAT_FORMS = re.compile(r"[\ufb00-\ufb4f\uff01-\uffee]")  # presentation and full-width forms

# The start of a new list item: "- ", "• ", "* ", "– ", "o ", "1. ", "a) "
LIST_MARK = re.compile(r"^(?:[-•*–▪◦●o](?:\s|$)|\d{1,3}[.)]\s|[a-z][.)]\s)")
PAGE_NUMBER = re.compile(
    r"^[-–(\[]?\s*(?:(?:pagina|page|blz\.?|p\.)\s*)?(?P<n>\d{1,4})\s*(?:(?:van|of|/)\s*\d{1,4})?\s*[-–)\]]?$",
    re.IGNORECASE)
DIGITS = re.compile(r"\d+")
BROKEN_WORD = re.compile(r"\w-$")
MD_HEADING = re.compile(r"^#{1,6}\s")
TERMINAL = re.compile(r"[.?!:;…]\W*$")  # a sentence, a question or a label ends here
# Vowel pairs that would read as one sound: a hyphen between them is the compound's own
# ("zee-egel", "auto-ongeluk"), not one put in to break the line.
_CLASH = {"aa", "ae", "ai", "au", "ee", "ei", "eu", "ie", "ii", "ij", "oe", "oi", "oo", "ou", "ui", "uu"}
_TREMA = {"e": "ë", "i": "ï"}  # ge-informeerd -> geïnformeerd: the trema a break drops
_TREMA_PREFIXES = {"ge", "be"}
_HYPHEN_PREFIXES = {"niet", "vice"}  # "niet-westerse", "vice-voorzitter": never a break inside one word
_LIST_JOINERS = {"en", "of", "and", "or", "tot", "t/m"}  # "zorg- en welzijn"
_LAST_WORD = re.compile(r"\w*$")
_FIRST_WORD = re.compile(r"\w*")
_HYPHENATED = re.compile(r"\w+(?:-\w+)+")

FURNITURE_ZONE = 2  # lines at the top and at the bottom of a page that may be a header or footer
FURNITURE_SHARE = 0.6  # repeated on this share of the pages (and on two at least)
FIT_SLACK = 0.5  # columns of doubt when asking whether a word would have fitted on a line
# Helvetica's advance widths (1/100 em) of " " to "~": the text layer gives where a run
# of text starts, not where it ends, so a line's right edge is estimated with these
# (letters are about this wide in every sans or serif a note is set in).
_ASCII_WIDTHS = (28, 28, 36, 56, 56, 89, 67, 19, 33, 33, 39, 58, 28, 33, 28, 28, 56, 56, 56, 56, 56, 56, 56, 56,
                 56, 56, 28, 28, 58, 58, 58, 56, 102, 67, 67, 72, 72, 67, 61, 78, 72, 28, 50, 67, 56, 83, 72, 78,
                 67, 78, 72, 67, 61, 72, 67, 94, 67, 67, 61, 28, 28, 28, 47, 56, 33, 56, 56, 50, 56, 56, 28, 56,
                 56, 22, 22, 50, 22, 83, 56, 56, 56, 56, 33, 50, 28, 56, 50, 72, 50, 50, 50, 33, 26, 33, 58)
_RUN_GAP = re.compile(r"\S(?:\S| (?! ))*")  # text runs: separated by two spaces or more


@dataclass(frozen=True)
class VisualLine:
    """One line as drawn on a page."""

    text: str  # spaces collapsed, normalised
    indent: int  # the column it starts at
    tail_col: int  # the column its last run of text starts at (text drawn in one piece)
    tail: str  # that run
    gap: int = 0  # blank lines above it

    @property
    def first_word(self) -> str:
        return self.text.split(" ", 1)[0]


@functools.lru_cache(maxsize=4096)
def _char_width(char: str) -> int:
    base = unicodedata.normalize("NFD", char)[:1] or char
    code = ord(base)
    return _ASCII_WIDTHS[code - 32] if 32 <= code < 127 else 56


def text_width(text: str) -> int:
    """The width of ``text`` in Helvetica, in 1/100 em."""
    return sum(_char_width(c) for c in text)


def normalise(text: str) -> str:
    """Ligatures to letters, other hyphens and spaces to plain ones, zero-width marks
    and soft hyphens out (a soft hyphen at a line's end is kept: it marks a break),
    combining accents composed (NFC)."""
    text = text.translate(_TRANSLATE)
    text = _COMPAT_FORMS.sub(lambda m: unicodedata.normalize("NFKC", m.group()), text)
    if SOFT_HYPHEN in text:
        body = text.rstrip()
        keep = body.endswith(SOFT_HYPHEN)
        text = body.replace(SOFT_HYPHEN, "") + (SOFT_HYPHEN if keep else "")
    return unicodedata.normalize("NFC", text)


def page_lines(layout: str) -> list[VisualLine]:
    """The lines of one page as pypdf's layout mode renders it."""
    lines: list[VisualLine] = []
    gap = 0
    for raw in layout.split("\n"):
        if not raw.strip():
            gap += 1
            continue
        runs = list(_RUN_GAP.finditer(raw))
        text = normalise(" ".join(raw.split()))
        if text.strip():
            tail = runs[-1]
            lines.append(VisualLine(text, runs[0].start(), tail.start(), normalise(tail.group()),
                                    gap if lines else 0))
        gap = 0
    return lines


# ---- page headers and footers ----------------------------------------------------------

def _shape(text: str) -> str:
    return DIGITS.sub("#", " ".join(text.lower().split()))


def drop_furniture(pages: list[list[VisualLine]]) -> list[list[VisualLine]]:
    """The pages without their running headers and footers: a line among the first or
    last ``FURNITURE_ZONE`` of a page whose text, digits aside, stands in the same zone
    on most pages; and a page number ("3", "Pagina 3 van 5", "- 3 -") at a page's top
    or bottom that gives that page's own number."""
    counted = [p for p in pages if p]
    need = max(2, -(-len(counted) * FURNITURE_SHARE // 1))
    tops, bottoms = Counter(), Counter()
    for page in counted:
        tops.update({_shape(line.text) for line in page[:FURNITURE_ZONE]})
        bottoms.update({_shape(line.text) for line in page[-FURNITURE_ZONE:]})
    out: list[list[VisualLine]] = []
    for number, page in enumerate(pages, start=1):
        keep: list[VisualLine] = []
        for i, line in enumerate(page):
            top, bottom = i < FURNITURE_ZONE, i >= len(page) - FURNITURE_ZONE
            shape = _shape(line.text)
            repeated = (top and tops[shape] >= need) or (bottom and bottoms[shape] >= need)
            numbered = (top or bottom) and (m := PAGE_NUMBER.match(line.text)) is not None \
                and int(m.group("n")) == number
            if repeated or numbered:
                continue
            keep.append(line)
        if keep and keep[0].gap:
            keep[0] = replace(keep[0], gap=0)  # the space below a dropped header is no paragraph break
        out.append(keep)
    return out


# ---- paragraphs and hyphenation ------------------------------------------------------------

def join_broken_word(head: str, tail: str, hyphenated: frozenset[str] = frozenset()) -> tuple[str, str] | None:
    """``head`` ends a line with a hyphen and ``tail`` starts the next: the joined text
    and the joiner used ("" or "-" or " "), or None when the two do not make one word.

    "gemeente-" + "raad" is "gemeenteraad"; "Noord-" + "Holland", "COVID-" + "19" and
    "14-" + "09-2024" keep their hyphen; "zorg-" + "en welzijn" keeps it and the space;
    "zee-" + "egel" and "niet-" + "westerse" keep the compound's hyphen, and so does a
    word the note writes with its hyphen elsewhere (``hyphenated``: such words in lower
    case, "evidence-based"); a soft hyphen always goes.
    """
    if head.endswith(SOFT_HYPHEN):
        return head[:-1] + tail, ""
    if not head.endswith("-") or len(head) < 2 or not head[-2].isalnum() or not tail:
        return None
    first = tail[0]
    if tail.split(" ", 1)[0].lower() in _LIST_JOINERS:
        return head + " " + tail, " "
    if not first.isalpha() or first.isupper() or head[-2].isdigit():
        return head + tail, "-"  # Noord-Holland, COVID-19, 14-09-2024: the hyphen is the word's
    word_head = _LAST_WORD.search(head[:-1]).group().lower()
    word_tail = _FIRST_WORD.match(tail).group().lower()
    if word_head in _HYPHEN_PREFIXES or f"{word_head}-{word_tail}" in hyphenated:
        return head + tail, "-"
    if head[-2].lower() + first in _CLASH:
        if word_head in _TREMA_PREFIXES and first in _TREMA:
            return head[:-2] + head[-2] + _TREMA[first] + tail[1:], ""
        return head + tail, "-"
    return head[:-1] + tail, ""


def hyphenated_words(lines: list[str]) -> frozenset[str]:
    """The words a text writes with a hyphen inside, in lower case."""
    return frozenset(m.group().lower() for line in lines for m in _HYPHENATED.finditer(line))


class _Measure:
    """Right edges of lines in columns, and the right margin: where the longest end."""

    def __init__(self, pages: list[list[VisualLine]], columns_per_char: float):
        lines = [line for page in pages for line in page]
        chars = sum(len(line.text) for line in lines)
        # what one layout column is worth in Helvetica widths, on average
        per_char = sum(text_width(line.text) for line in lines) / chars if chars else 56.0
        self.unit = per_char / columns_per_char
        self.slack = max(1, round(columns_per_char))  # columns two starts may differ by
        rights = sorted(self.right(line) for line in lines)
        self.margin = rights[int((len(rights) - 1) * 0.95)] if rights else 0.0

    def right(self, line: VisualLine) -> float:
        return line.tail_col + text_width(line.tail) / self.unit

    def fits(self, line: VisualLine, word: str) -> bool:
        """Would ``word`` have fitted at the end of ``line``?"""
        return self.right(line) + text_width(" " + word) / self.unit <= self.margin + FIT_SLACK


def _continuation_columns(first: VisualLine, measure: _Measure) -> tuple[float, float]:
    """The columns the later lines of a paragraph may start at: under its first line,
    or for a list item also under the text after its marker (a hanging indent)."""
    m = LIST_MARK.match(first.text)
    slack = measure.slack
    if not m:
        return first.indent - slack, first.indent + slack
    after_marker = first.indent + text_width(m.group()) / measure.unit
    hang = first.tail_col if first.tail_col > first.indent else after_marker
    return first.indent - slack, max(hang, after_marker) + 2 * slack


def _goes_on(prev: VisualLine, nxt: VisualLine) -> bool:
    """A word broken at the line's end ("gemeente-", "14-", a soft hyphen), or a
    sentence that goes on in lower case: the next line is the same paragraph."""
    if prev.text.endswith(SOFT_HYPHEN) or (nxt.text[:1].islower() and not TERMINAL.search(prev.text)):
        return True
    return BROKEN_WORD.search(prev.text) is not None and nxt.text[:1].isalnum()


def _wrapped(prev: VisualLine, nxt: VisualLine, measure: _Measure, start: VisualLine) -> bool:
    """Did the line ``prev`` (of a paragraph that began with ``start``) run on
    into ``nxt``, on the same page?"""
    if nxt.gap:
        return False
    low, high = _continuation_columns(start, measure)
    if LIST_MARK.match(nxt.text) and nxt.indent <= start.indent + measure.slack:
        return False  # the next item of a list
    if not low <= nxt.indent <= high:
        return False
    if _goes_on(prev, nxt):
        return True
    # the next line's first word would not have fitted on this one: the line was wrapped
    return not measure.fits(prev, nxt.first_word)


def _runs_over(prev: VisualLine, nxt: VisualLine, measure: _Measure) -> bool:
    """Does the last line of a page, ``prev``, run on into the first of the next?
    Columns do not compare across pages and the space between paragraphs is lost at a
    page break, so a full line that ends a sentence before a capital is taken for the
    end of its paragraph: joining a heading into the paragraph above it would lose it."""
    if LIST_MARK.match(nxt.text) or MD_HEADING.match(nxt.text):
        return False
    if _goes_on(prev, nxt):
        return True
    if TERMINAL.search(prev.text) and not nxt.text[:1].islower():
        return False
    return not measure.fits(prev, nxt.first_word)


def paragraphs(pages: list[list[VisualLine]], columns_per_char: float = 1.0) -> tuple[str, tuple[int, ...]]:
    """The text, one paragraph a line and a blank line where the layout has space, and
    the first line number of each page. ``columns_per_char``: the layout grid's columns
    per average character."""
    measure = _Measure(pages, columns_per_char)
    hyphenated = hyphenated_words([line.text for page in pages for line in page])
    out: list[str] = []
    firsts: list[int] = []
    prev: VisualLine | None = None  # the line placed last
    start: VisualLine | None = None  # the first line of the paragraph it belongs to
    for page in pages:
        firsts.append(len(out) + 1)
        for i, line in enumerate(page):
            if prev is not None and i > 0 and _wrapped(prev, line, measure, start):
                joined = join_broken_word(out[-1], line.text, hyphenated)
                out[-1] = joined[0] if joined else out[-1] + " " + line.text
            elif prev is not None and i == 0 and _runs_over(prev, line, measure):
                out.append(_carry(out, line.text, hyphenated))
                firsts[-1] = len(out)
            else:
                if out and (line.gap or i == 0):
                    out.append("")
                out.append(line.text)
                if i == 0:
                    firsts[-1] = len(out)
                start = line
            prev = line
    for i in range(len(pages) - 2, -1, -1):  # an empty page starts where the next one does
        if not pages[i]:
            firsts[i] = firsts[i + 1]
    return "\n".join(out) + ("\n" if out else ""), tuple(firsts)


def _carry(out: list[str], text: str, hyphenated: frozenset[str]) -> str:
    """The first line of a page that goes on with the paragraph of the page before:
    that paragraph's line ends in a hard break (two spaces), which the parser joins
    across; a word broken over the pages is whole on the new page."""
    head = out[-1].rsplit(" ", 1)[-1]
    joined = join_broken_word(head, text, hyphenated)
    if joined is not None and len(head) < len(out[-1]):
        out[-1] = out[-1][:-len(head)].rstrip()
        text = joined[0]
    elif joined is not None:  # the paragraph is that one word: it moves whole
        out[-1] = ""
        text = joined[0]
        out.pop()
        return text
    out[-1] += "  "
    return text
