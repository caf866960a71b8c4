"""The lines of one note told apart: the first step of reading it (``structure.py``).

Each line gets its kind (blank, an ``annolint:`` marker, a Markdown heading, a bullet,
a numbered item, a "Vraag"/"Antwoord" label, or text), where its content starts, and
its masked form: the redactions the lexicon's patterns find written over with
``MASK``. YAML front matter before the first line is read here too; so are the
markers, an ``ignore-file`` one at once and the others for the element after them
(``LineReader.pending_markers``).
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Callable
from dataclasses import dataclass

import yaml

from annolint.i18n import say
from annolint.lexicon import Lexicon
from annolint.model import Document, Redaction, Span, Suppression

MASK = "\u2588"  # written over redaction marks in Block.masked

SUPPRESSION = re.compile(
    r"^\s*(?:<!--|#|//|%|\[//\]:\s*#\s*\()?\s*annolint:\s*(?P<verb>ignore-file|ignore)\b"
    r"(?P<rules>[^>)]*?)\s*(?:-->|\))?\s*$",
    re.IGNORECASE,
)
MD_HEADING = re.compile(r"^(?P<hashes>#{1,6})\s+(?P<text>.*?)\s*#*\s*$")
BULLET = re.compile(r"^(?P<indent>[ \t]*)(?P<dash>[-•*–])(?=\s|$)[ \t]*(?P<o>o(?=\s)[ \t]*)?")
NUMBERED = re.compile(r"^(?P<indent>[ \t]*)(?P<num>\d{1,3})\s*[.)](?!\d{3}\b)[ \t]*")
WORD_CHAR = re.compile(r"\w")  # one letter or digit: not a word (``terms.WORD``)
RULE_LIST = re.compile(r"[\s,]+")


@dataclass
class Line:
    number: int
    raw: str
    masked: str
    kind: str = "text"  # blank, marker, heading, bullet, numbered, vraag, antwoord, text
    content_col: int = 1  # 1-based column where the content (after markers) starts
    level: int = 0
    number_text: str = ""
    inline_asker: str = ""
    question_col: int = 0  # "16.Hoe …", "Vraag 1: Hoe …?": where the question's words start
    o_marker: bool = False  # "- o" bullet


MARGIN_LINES = 20  # a text this long (in lines) shows where its right margin is
MARGIN_SHARE = 0.8  # a line this close to the margin ran into it


def full_width(lines: list[str]) -> float:
    """The length from which a line reached the right margin of a page-broken text
    (most of the width of its longer lines); unbounded for a text too short to tell
    or written one paragraph a line."""
    lengths = sorted(len(line.rstrip()) for line in lines if line.strip())
    if len(lengths) < MARGIN_LINES:
        return math.inf
    width = lengths[int(len(lengths) * 0.9)]
    return MARGIN_SHARE * width if width <= 120 else math.inf


@functools.lru_cache(maxsize=8)
def _redactor(gate: re.Pattern | None, redactions: tuple[re.Pattern, ...]) -> Callable[[str], tuple]:
    """``_redacted`` for one lexicon's patterns, remembered by line alone: a key that
    held the patterns hashed their compiled code for every line of the set (1.4 µs a
    line, a tenth of the parse)."""

    @functools.lru_cache(maxsize=65536)  # notes copy paragraphs: each line looked at once
    def redacted(line: str) -> tuple[tuple[int, int], ...]:
        return _redacted(line, gate, redactions)

    return redacted


def _redacted(line: str, gate: re.Pattern | None, redactions: tuple[re.Pattern, ...]) -> tuple[tuple[int, int], ...]:
    """The spans of ``line`` the ``redactions`` patterns mark, overlapping and adjoining
    ones merged; the ``gate`` (any of them) looked for first."""
    if gate is not None and gate.search(line) is None:
        return ()
    spans: list[tuple[int, int]] = []
    for pattern in redactions:
        spans.extend(m.span() for m in pattern.finditer(line) if m.end() > m.start())
    if not spans:
        return ()
    spans.sort()
    merged = [list(spans[0])]
    for start, end in spans[1:]:
        if start <= merged[-1][1] + 1:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return tuple((start, end) for start, end in merged)


def masked_part(line: Line, start: int, text: str) -> str:
    """The masked text of ``text``, the part of ``line`` from ``start``: ``text`` itself
    when the line has nothing masked (one string kept, not two equal ones)."""
    return text if line.masked is line.raw else line.masked[start:start + len(text)]


class LineReader:
    """The lines of one note (``lines``, the note's text split at newlines), told
    apart; what they say of the whole note (front matter, redactions, an
    ``ignore-file`` marker) written into ``doc``."""

    def __init__(self, lines: list[str], doc: Document, lexicon: Lexicon):
        self.lines = lines
        self.doc = doc
        self._redacted = _redactor(lexicon.redaction_gate, lexicon.redactions)
        self.question_words = {w.lower() for w in lexicon.question_labels}
        self.q_label = self._label_pattern(lexicon.question_labels)
        self.a_label = self._label_pattern(lexicon.answer_labels)
        self.pending_markers: list[tuple[int, frozenset[str]]] = []  # (line, rules) of each ``ignore`` marker

    @staticmethod
    def _label_pattern(labels: tuple[str, ...]) -> re.Pattern:
        words = "|".join(re.escape(w) for w in labels) or "(?!)"
        return re.compile(
            rf"^\**\s*(?:{words})\s*(?P<num>\d{{1,3}})?\s*(?:\*(?P<asker>[^*]+)\*)?\s*:?\s*\**\s*"
            r"(?P<rest>.*?)\s*$",
            re.IGNORECASE,
        )

    def front_matter(self) -> int:
        """Read the YAML front matter into ``doc``; the number of lines it takes."""
        if not self.lines or self.lines[0].strip() != "---":
            return 0
        for end in range(1, min(len(self.lines), 200)):
            if self.lines[end].strip() in ("---", "..."):
                try:
                    data = yaml.safe_load("\n".join(self.lines[1:end])) or {}
                except yaml.YAMLError as err:
                    self.doc.problem = say("the front matter (lines 1-{end}) is not valid YAML: {error}", end=end + 1,
                                           error=err)
                    return end + 1
                except (ValueError, RecursionError) as err:  # "date: 2024-02-30", nesting 3000 deep
                    what = say("nested too deeply") if isinstance(err, RecursionError) else str(err)
                    self.doc.problem = say("the front matter (lines 1-{end}) cannot be read: {error}", end=end + 1,
                                           error=what)
                    return end + 1
                if isinstance(data, dict):
                    self.doc.front_matter = data
                return end + 1
        return 0

    def _mask(self, number: int, line: str) -> str:
        merged = self._redacted(line)
        if not merged:
            return line
        chars = list(line)
        for start, end in merged:
            self.doc.redactions.append(
                Redaction(Span(number, start + 1, number, end + 1), line[start:end])
            )
            chars[start:end] = MASK * (end - start)
        return "".join(chars)

    def classify(self, skip: int) -> list[Line]:
        """Each line after the ``skip`` lines of front matter, its kind told."""
        out: list[Line] = []
        for index, raw in enumerate(self.lines[skip:], start=skip):
            number = index + 1
            line = Line(number, raw, self._mask(number, raw))
            marker = SUPPRESSION.match(raw)
            if not raw.strip():
                line.kind = "blank"
            elif marker:
                line.kind = "marker"
                rules = frozenset(r for r in RULE_LIST.split(marker.group("rules")) if r)
                if marker.group("verb").lower() == "ignore-file":
                    self.doc.suppressions.append(Suppression(rules, 1, len(self.lines), number))
                else:
                    self.pending_markers.append((number, rules))
            else:
                self._classify_content(line)
            out.append(line)
        return out

    def _classify_content(self, line: Line) -> None:
        raw = line.raw
        line.content_col = len(raw) - len(raw.lstrip()) + 1
        if (m := MD_HEADING.match(raw)) is not None:
            line.kind, line.level = "heading", len(m.group("hashes"))
            line.content_col = m.start("text") + 1
            return
        if (m := BULLET.match(raw)) is not None and not raw.lstrip().startswith("**"):
            line.kind = "bullet"
            line.o_marker = bool(m.group("o"))
            indent = len(m.group("indent").expandtabs(4))
            line.level = 1 if line.o_marker or indent else 0
            if indent >= 4:
                line.level = max(line.level, indent // 2)
            line.content_col = m.end() + 1
            return
        if (m := NUMBERED.match(raw)) is not None:
            line.kind, line.number_text = "numbered", m.group("num")
            line.question_col = m.end() + 1
            return
        if (m := self.a_label.match(raw)) is not None and not m.group("num") and not m.group("asker"):
            if not WORD_CHAR.match(m.group("rest")):
                line.kind = "antwoord"
                return
        if (m := self.q_label.match(raw)) is not None:
            # "Vraag 1:", "Vraag 3", "Vraag 5 *Van Pijpen*", "**Vraag: Hoe …?**"
            label_only = raw.strip(" *").lower().split(":")[0] in self.question_words
            if m.group("num") or m.group("asker") or label_only:
                line.kind = "vraag"
                line.number_text = m.group("num") or ""
                line.inline_asker = (m.group("asker") or "").strip()
                line.question_col = m.start("rest") + 1 if m.group("rest") else 0
