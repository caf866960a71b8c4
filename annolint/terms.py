"""Words and sentences as annolint compares them: the word tokeniser, sentence
boundaries, light stemming, and the content terms that say what a sentence is about.

Shared by every kind that matches statements across notes (dates, figures, answers),
so that "Bestuursopdracht", "bestuursopdrachten" and "de bestuursopdracht" are one
term, and "actualisering", "actualisatie" and "geactualiseerde" another.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# A word as annolint counts it: letters first; apostrophes inside; "-", "." and "&"
# only between word characters ("Verwey-Jonker", "Discriminatie.nl", "I&D").
WORD = re.compile(r"[^\W\d_](?:[\w'’]|[-.&](?=\w))*", re.UNICODE)
_SENTENCE_END = re.compile(r"[.!?]+[\"'”’)]*(?=\s+[^\s\w]*[A-Z0-9À-Ý\"“‘(]|\s*$)|(?<=:)\s+(?=[A-Z])")
_LAST_WORD = re.compile(r"(\S+)$")
_WORD_WINDOW = 64

# Endings removed by ``stem``, longest first; a stem keeps at least four letters.
_SUFFIXES = ("eringen", "ering", "aties", "atie", "eerden", "eerde", "eerd", "eren", "ingen",
             "ations", "ation", "heden", "heid", "ing", "en", "es", "ed", "e", "s")
_PARTICIPLE = re.compile(r"^ge(?=[a-z]{5,})")


@lru_cache(maxsize=262144)
def sentences(text: str, abbreviations: frozenset[str]) -> tuple[tuple[int, int], ...]:
    """(start, end) of each sentence in ``text``; a full stop after an abbreviation
    ("a.s.", "o.a.") or a single letter does not end one. Cached: the index and the
    rule kinds split the same blocks."""
    bounds: list[tuple[int, int]] = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        # the word before the mark, looked for in the 64 characters before it: an
        # abbreviation is short, and a search from the block's start is quadratic on a
        # long token ("aaaa…" of 19,000 characters)
        before = _LAST_WORD.search(text, max(0, m.start() + 1 - _WORD_WINDOW), m.start() + 1)
        word = before.group(1).lower().rstrip(".!?").lstrip("(\"'“") if before else ""
        if m.group().startswith(".") and (word in abbreviations or len(word) == 1):
            continue
        end = m.end()
        if text[start:end].strip():
            bounds.append((start, end))
        start = end
    if text[start:].strip():
        bounds.append((start, len(text)))
    return tuple(_trim(text, s, e) for s, e in bounds)


_OPEN_QUOTES, _CLOSE_QUOTES = "“„«", "”»"


@lru_cache(maxsize=65536)
def quoted(text: str) -> tuple[tuple[int, int], ...]:
    """The spans of ``text`` inside quotation marks: “…”, „…”, «…», "…". A closing
    mark with no opening one quotes everything before it (the quotation began in an
    earlier block); an opening one with no closing one, everything after it. Cached:
    the figure and date readers ask for the same blocks."""
    spans: list[tuple[int, int]] = []
    opened: int | None = None
    straight: int | None = None
    for i, c in enumerate(text):
        if c in _OPEN_QUOTES and opened is None:
            opened = i
        elif c in _CLOSE_QUOTES:
            spans.append((opened if opened is not None else 0, i + 1))
            opened = None
        elif c == '"':
            if straight is None:
                straight = i
            else:
                spans.append((straight, i + 1))
                straight = None
    if opened is not None:
        spans.append((opened, len(text)))
    return tuple(spans)


def within(spans: tuple[tuple[int, int], ...], start: int, end: int) -> bool:
    """Whether [start, end) lies wholly inside one of ``spans``."""
    return any(s <= start and end <= e for s, e in spans)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A light stem: lower case, no accents, participle "ge-" and common endings off."""
    word = unicodedata.normalize("NFKD", word.lower())
    word = "".join(c for c in word if not unicodedata.combining(c)).replace("’", "'")
    if word.endswith("'s"):
        word = word[:-2]
    word = _PARTICIPLE.sub("", word)
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


@lru_cache(maxsize=131072)
def content_terms(text: str, stop_words: frozenset[str], skip: frozenset[str] = frozenset(),
                  qualifiers: frozenset[str] = frozenset()) -> tuple[str, ...]:
    """The stems of the words that carry meaning, in order: no stop words, no words
    in ``skip`` (time words, say), nothing shorter than three letters. A qualifier
    ("eerste", "tweede") joins the word after it: "de eerste fase" and "de tweede
    fase" are different things. Cached: the index, the date and figure readers and
    the question matcher ask for the same sentences, and notes copy sentences."""
    terms = []
    qualifier = ""
    for m in WORD.finditer(text):
        word = m.group().lower()
        if word in qualifiers:
            qualifier = word
            continue
        for part in word.split("-") if "-" in word else (word,):
            if len(part) < 3 or part in stop_words or part in skip:
                continue
            terms.append(f"{qualifier} {stem(part)}" if qualifier else stem(part))
            qualifier = ""
        qualifier = ""
    return tuple(terms)


def first_word(text: str) -> str:
    m = WORD.search(text)
    return m.group().lower() if m else ""


@lru_cache(maxsize=65536)  # the same expressions are looked up for every pair they are in
def phrase_key(words: str) -> str:
    """A lexicon phrase as looked up: lower case, single spaces."""
    return " ".join(words.lower().split())


def alternation(names) -> str:
    """A regular expression matching any of ``names``, longest first, a space inside
    a name matching any whitespace (``(?!)`` when there are none)."""
    unique = sorted({n.lower() for n in names}, key=len, reverse=True)
    if not unique:
        return "(?!)"
    return "(?:" + "|".join(r"\s+".join(re.escape(part) for part in n.split()) for n in unique) + ")"


def replace_spans(text: str, spans, by: str) -> str:
    """``text`` with each (start, end) span replaced by ``by``; overlapping spans once."""
    parts, last = [], 0
    for start, end in sorted(spans):
        if start < last:
            continue
        parts.append(text[last:start])
        parts.append(by)
        last = end
    parts.append(text[last:])
    return "".join(parts)


def phrases_pattern(phrases) -> re.Pattern:
    """Words and phrases of a lexicon list as one case-blind pattern, longest first,
    any run of spaces inside a phrase matching any other ("later dan", "op dit moment")."""
    return re.compile(rf"\b{alternation(phrases)}\b", re.IGNORECASE)
