"""What kind of text a block is: prose a writer meant, or something else.

Briefing sets lie beside exports, e-mails, reports and OCR'd scans. Only prose makes
claims that can contradict each other; the rest (a form's "label: value" lines, a
status log, a table of measurements, page headers and footers repeated on every
page, OCR debris) carries dates and figures that belong to a record, a cell or a
page, not to a statement. Each block gets one register:

- ``prose``: the default; sentences and bullets as a writer wrote them;
- ``form``: a record's field, a short label and a short value, where the label is a
  known field name (``form-labels`` in the lexicon), recurs three times or more in
  the note (an export's records, an e-mail thread's headers) or is spaced as exports space it
  ("Gemeld op : 01-02-2020 00:42", "Verzonden: dinsdag 12 juni 2018", "Stadsdeel :
  Zuid"); a planning line "Start nieuwe contracten: 1 januari 2026" stays prose;
- ``log``: a timestamped record ("Gewijzigd op 05-03-2020 om 14:29:02 door …"), or
  one of three or more lines of a note that open alike with a number in their first
  words (the entries of a log or an export);
- ``table``: a row of cells, mostly numbers ("Paal 2 2 160 Goed 25 mm … 57 50");
- ``furniture``: the same line three or more times in one note (a page header or
  footer), digits aside;
- ``debris``: OCR noise, too few real words to be a sentence.

Only positive evidence makes a block non-prose, so a briefing note's short bullets
stay prose. Rule kinds compare claims in prose; what they do with the rest is their
own choice (the figure and date readers skip it).
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from typing import NamedTuple

from annolint.model import Block, Document

PROSE, FORM, LOG, TABLE, FURNITURE, DEBRIS = "prose", "form", "log", "table", "furniture", "debris"

_TOKEN = re.compile(r"\S+")
_ALPHA_WORD = re.compile(r"^[(\"'‘“]*[^\W\d_]{2,}(?:[-'’][^\W\d_]+)*[.,;:!?)\"'’”]*$")
_VOWEL = re.compile(r"[aeiouyàáäèéëïíóöúü]", re.IGNORECASE)
_NUMERIC = re.compile(r"^[(\[€$]*[-+]?\d[\d.,:/%x×-]*[)\]%]*[.,;:]?$")
_CLOCK = re.compile(r"(?<![\d.,])\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:\s*u(?:ur)?\b)?(?![\d.,]*\d)")
_DATE = re.compile(r"\b\d{1,2}[-/.]\d{1,2}[-/.](?:\d{2}|\d{4})\b|\b\d{4}-\d{2}-\d{2}\b")
_LABEL = re.compile(r"^\W{0,3}(?P<label>[^\W\d_][^:]{0,40}?)\s*:\s*(?P<value>\S.*)?$")
_DIGITS = re.compile(r"\d+")
MIN_WORDS = 4  # fewer words than this: too short to judge, stays prose
FURNITURE_REPEATS = 3
# A label this often in one note is a record's field (an export's records, a thread's
# headers); twice may be one planning line written in two places of the note.
FIELD_REPEATS = 3
OPENING_WORDS = 4


def classify(doc: Document, stop_words: frozenset[str], form_labels: frozenset[str] = frozenset()) -> None:
    """Set ``register`` on every block of ``doc``."""
    keys = [_keys(b.text, b.masked) for b in doc.blocks]
    repeats = Counter(k.shape for b, k in zip(doc.blocks, keys) if b.kind != "heading")
    repeats.update(k.opening for k in keys)
    labels = Counter(k.label for k in keys)
    fields = form_labels | {label for label, n in labels.items() if label and n >= FIELD_REPEATS}
    for block, key in zip(doc.blocks, keys):
        block.register = _register(block, key, stop_words, repeats, fields)


class _Keys:
    """What a block is compared by with the note's other blocks, computed once."""

    __slots__ = ("shape", "opening", "label", "label_match")

    def __init__(self, text: str, masked: str):
        self.shape = _shape(text)
        self.opening = _opening(text)
        self.label_match = _LABEL.match(masked.strip())
        m = self.label_match
        self.label = " ".join(m.group("label").lower().strip("*_ ").split()) if m and m.group("value") else ""


@functools.lru_cache(maxsize=65536)  # notes copy paragraphs: each text's keys worked out once
def _keys(text: str, masked: str) -> _Keys:
    return _Keys(text, masked)


class _Counts(NamedTuple):
    """The tokens of a block's text, counted by class (``_token_class``), and whether
    it holds a clock time or a date."""

    tokens: int
    words: int
    numbers: int
    stops: int  # words that are stop words
    letters: int  # the length of its words together
    clock: bool  # it holds a clock time
    date: bool  # it holds a date in digits


@functools.lru_cache(maxsize=65536)  # notes copy paragraphs: each text counted once
def _counts(text: str, stop_words: frozenset[str]) -> _Counts:
    tokens = _TOKEN.findall(text)
    classes = [_token_class(t) for t in tokens]
    words = [t for t, (word, _, _) in zip(tokens, classes) if word]
    numbers = sum(1 for _, number, _ in classes if number)
    stops = sum(1 for word, _, bare in classes if word and bare in stop_words)
    return _Counts(len(tokens), len(words), numbers, stops, sum(len(w) for w in words),
                   _CLOCK.search(text) is not None, _DATE.search(text) is not None)


def _shape(text: str) -> str:
    return _DIGITS.sub("#", " ".join(text.lower().split()))


def _opening(text: str) -> str:
    """The first words, digits masked, when they hold a number: "gewijzigd op
    ##-##-#### om" opens every entry of a status log."""
    opening = _shape(" ".join(text.split()[:OPENING_WORDS]))
    return "^" + opening if "#" in opening and len(text.split()) > OPENING_WORDS else ""


def _register(block: Block, key: _Keys, stop_words: frozenset[str], repeats: Counter, fields: frozenset[str]) -> str:
    text = block.masked.strip()
    counts = _counts(text, stop_words)
    tokens, words, numbers, stops = counts.tokens, counts.words, counts.numbers, counts.stops
    if not tokens:
        return PROSE
    if block.kind != "heading" and tokens <= 14 and repeats[key.shape] >= FURNITURE_REPEATS \
            and block.role != "answer":
        return FURNITURE
    if key.opening and repeats[key.opening] >= FURNITURE_REPEATS and block.role != "answer":
        return LOG  # entries of a log or an export open alike: "Gewijzigd op 05-03-2020 om …"
    if tokens >= MIN_WORDS and words + numbers < 0.5 * tokens:
        return DEBRIS
    if counts.clock and (counts.date or tokens < 12) and tokens < 25 \
            and stops < 0.3 * max(words, 1):
        return LOG
    label = key.label_match
    if key.label and _is_form(label, stop_words) and (
            key.label in fields or " :" in text[:label.end("label") + 2] or _CLOCK.search(label.group("value"))):
        # A record's field: a known field name, a label that recurs in this document
        # (records of an export, headers of an e-mail thread), export spacing (" : ").
        # "Start nieuwe contracten: 1 januari 2026" in a planning list stays a claim.
        return FORM
    if tokens >= MIN_WORDS and numbers >= 3 and numbers >= 0.35 * tokens and stops <= 0.1 * tokens:
        return TABLE
    if tokens >= 2 * MIN_WORDS and not stops and words < 0.8 * tokens and counts.letters < 3.5 * max(words, 1):
        return DEBRIS
    return PROSE


@functools.lru_cache(maxsize=131072)  # tokens recur on every page: classify each once
def _token_class(token: str) -> tuple[bool, bool, str]:
    """(a word, a number, the word bare and in lower case)."""
    if _ALPHA_WORD.match(token) and _VOWEL.search(token):
        return True, False, token.strip("()\"'‘“.,;:!?’”").lower()
    return False, bool(_NUMERIC.match(token)), ""


def _is_form(label: re.Match, stop_words: frozenset[str]) -> bool:
    """"Label : value" with a label of a few words and a value that is not a sentence."""
    name_words = label.group("label").split()
    if len(name_words) > 4:
        return False
    value = label.group("value")
    value_words = [w.lower().strip(".,;:()") for w in value.split()]
    if value.rstrip().endswith("?"):
        return False
    if len(value_words) <= 4:
        return True
    stop_share = sum(1 for w in value_words if w in stop_words) / len(value_words)
    return len(value_words) <= 10 and stop_share < 0.2
