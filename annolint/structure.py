"""Turn the text of one note into a ``Document``: header, date, sections, bullets,
questions with their answers and askers, redactions and suppression markers.

The reader is line-based and forgiving, because the notes are PDF extractions:

- a line that starts in lower case continues the element before it when that one
  did not end a sentence (a sentence broken by a PDF line break or a blank line);
  so does any plain line right after a paragraph line that ran to the right margin
  without ending a sentence ("… voor de marktwerking in" / "Amsterdam is …");
  so does a line after a Markdown hard break (two trailing spaces); never in a
  Word note, whose every line is a paragraph the writer ended (``readers/docx.py``);
- bullets are "- ", "• ", "* " with nesting from indentation and the "- o" marker;
- numbered questions: "1. …?", "16.Hoe …", "64.0 meting …" (question 64), and
  "Vraag 1:" / "Vraag 5 *Van Pijpen*" with askers and an "Antwoord:" label;
- askers: "Binnengekomen vragen namens lid X (Partij)", "Lid X (Partij)",
  "Raadslid X", and party names standing alone before questions;
- the document date, in order: front matter ``date:``, a full date in the file name,
  the header's meeting date, a date in the opening lines (``source="opening-lines"``),
  else the latest full date in the text (``source="inferred"``); the last two are
  assumptions (``DocumentDate.assumed``).
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import PurePath

import yaml

from annolint.dates import date_in_file_name, find_dates
from annolint.i18n import say
from annolint.lexicon import Lexicon
from annolint.model import (
    Asker,
    Block,
    Document,
    DocumentDate,
    Question,
    Redaction,
    Span,
    Suppression,
)
from annolint.register import classify
from annolint.sources import RawSource

MASK = "\u2588"  # written over redaction marks in Block.masked

SUPPRESSION = re.compile(
    r"^\s*(?:<!--|#|//|%|\[//\]:\s*#\s*\()?\s*annolint:\s*(?P<verb>ignore-file|ignore)\b"
    r"(?P<rules>[^>)]*?)\s*(?:-->|\))?\s*$",
    re.IGNORECASE,
)
MD_HEADING = re.compile(r"^(?P<hashes>#{1,6})\s+(?P<text>.*?)\s*#*\s*$")
BULLET = re.compile(r"^(?P<indent>[ \t]*)(?P<dash>[-•*–])(?=\s|$)[ \t]*(?P<o>o(?=\s)[ \t]*)?")
NUMBERED = re.compile(r"^(?P<indent>[ \t]*)(?P<num>\d{1,3})\s*[.)](?!\d{3}\b)[ \t]*")
TERMINAL = re.compile(r"[.?!:;…)\]\"”’*]\s*$")
WORD = re.compile(r"\w", re.UNICODE)
RULE_LIST = re.compile(r"[\s,]+")


@dataclass
class _Line:
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


OCR_LIST_MARK = re.compile(r"^\s*[eo«»©•*+]\s+[A-Z]")  # a bullet read as a letter: "e De breedte …"
MARGIN_LINES = 20  # a text this long (in lines) shows where its right margin is
LABEL_WORDS = 3  # a header line this short, without a date, can be the label of the line after it
MARGIN_SHARE = 0.8  # a line this close to the margin ran into it


def _full_width(lines: list[str]) -> float:
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


def _masked_part(line: _Line, start: int, text: str) -> str:
    """The masked text of ``text``, the part of ``line`` from ``start``: ``text`` itself
    when the line has nothing masked (one string kept, not two equal ones)."""
    return text if line.masked is line.raw else line.masked[start:start + len(text)]


class _Parser:
    def __init__(self, source: RawSource, lexicon: Lexicon):
        self.source = source
        self.lexicon = lexicon
        self._redacted = _redactor(lexicon.redaction_gate, lexicon.redactions)
        self.doc = Document(path=source.path, encoding=source.encoding)
        self.lines = source.text.split("\n")
        self.doc.lines = self.lines
        self.question_words = {w.lower() for w in lexicon.question_labels}
        self.q_label = self._label_pattern(lexicon.question_labels)
        self.a_label = self._label_pattern(lexicon.answer_labels)
        members = "|".join(re.escape(m) for m in sorted(lexicon.member_labels, key=len, reverse=True))
        self.member_line = re.compile(
            rf"^\**(?:.*?\b(?:namens|van|from|by)\s+)?(?:het\s+|the\s+)?(?:{members or '(?!)'})\s+"
            r"(?P<member>[^()*]+?)\s*(?:\((?P<party>[^)]+)\))?\s*:?\**$",
            re.IGNORECASE,
        )
        # reading state
        self._pending_markers: list[tuple[int, frozenset[str]]] = []
        self.section = ""
        self.in_header, self.in_qa = True, False
        self.question: Question | None = None
        self.q_phase = ""  # "question" while reading a "Vraag" block's question part, then "answer"
        self.askers: list[Asker] = []
        self.previous: Block | None = None
        self.previous_o = False  # the element before was a "- o" bullet
        self.full_width = _full_width(self.lines)
        self.paragraph_lines = source.form == "docx"  # each line is a whole Word paragraph

    @staticmethod
    def _label_pattern(labels: tuple[str, ...]) -> re.Pattern:
        words = "|".join(re.escape(w) for w in labels) or "(?!)"
        return re.compile(
            rf"^\**\s*(?:{words})\s*(?P<num>\d{{1,3}})?\s*(?:\*(?P<asker>[^*]+)\*)?\s*:?\s*\**\s*"
            r"(?P<rest>.*?)\s*$",
            re.IGNORECASE,
        )

    # ---- step 1: front matter, markers, redactions ---------------------------------

    def _front_matter(self) -> int:
        """Parse YAML front matter; return the number of lines it occupies."""
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

    # ---- step 2: classify lines --------------------------------------------------

    def _classify(self, skip: int) -> list[_Line]:
        out: list[_Line] = []
        for index, raw in enumerate(self.lines[skip:], start=skip):
            number = index + 1
            line = _Line(number, raw, self._mask(number, raw))
            marker = SUPPRESSION.match(raw)
            if not raw.strip():
                line.kind = "blank"
            elif marker:
                line.kind = "marker"
                rules = frozenset(r for r in RULE_LIST.split(marker.group("rules")) if r)
                if marker.group("verb").lower() == "ignore-file":
                    self.doc.suppressions.append(Suppression(rules, 1, len(self.lines), number))
                else:
                    self._pending_markers.append((number, rules))
            else:
                self._classify_content(line)
            out.append(line)
        return out

    def _classify_content(self, line: _Line) -> None:
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
            if not WORD.match(m.group("rest")):
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

    # ---- helpers ----------------------------------------------------------------------

    @staticmethod
    def _is_section(text: str, pattern: re.Pattern) -> bool:
        bare = text.strip().strip("*_ ").rstrip(":").strip("*_ ").strip()
        return pattern.fullmatch(bare) is not None

    @staticmethod
    def _standalone_heading(lines: list[_Line], i: int) -> bool:
        """A short line on its own, with no sentence ending, reads as a heading."""
        text = lines[i].raw.strip().strip("*_ ").strip()
        if not text or len(text) > 70 or len(text.split()) > 8:
            return False
        if TERMINAL.search(text.rstrip(":")) and not text.endswith(":"):
            return False
        if text[0].islower() or text.endswith(","):
            return False
        before = i == 0 or lines[i - 1].kind in ("blank", "marker", "heading")
        after = i + 1 >= len(lines) or lines[i + 1].kind in ("blank", "marker")
        return before and after

    def _new_block(self, kind: str, line: _Line, start_col: int | None = None) -> Block:
        start = (start_col or line.content_col) - 1
        text = line.raw[start:].rstrip()
        masked = _masked_part(line, start, text)
        return Block(kind, text, masked, (0, line.number, start + 1, len(text)),
                     level=line.level if kind == "bullet" else 0, section=self.section)

    @staticmethod
    def _extend(block: Block, line: _Line) -> None:
        start = len(line.raw) - len(line.raw.lstrip())
        text = line.raw[start:].rstrip()
        masked = _masked_part(line, start, text)
        # "niet-" + "westerse" joins without a space; a dash after a space is a dash
        joiner = "" if block.text.endswith("-") and text[:1].islower() and not block.text.endswith(" -") else " "
        offset = len(block.text) + len(joiner)
        joined = block.text + joiner + text
        block.masked = joined if block.masked is block.text and masked is text else block.masked + joiner + masked
        block.text = joined
        block.layout = (*block.layout, offset, line.number, start + 1, len(text))

    def _continues(self, previous: Block | None, line: _Line) -> bool:
        """Is ``line`` the rest of ``previous`` (a PDF break or a Markdown hard break)?"""
        if self.paragraph_lines or previous is None or previous.kind in ("heading", "answer-label") \
                or not previous.text:
            return False
        if line.kind not in ("text", "numbered"):
            return False
        last = previous.end_line
        if last + 1 == line.number and self.lines[last - 1].endswith("  "):
            return True
        # "64.0 meting" or "2. …" on a later line is a new item, not a continuation.
        # An OCR'd list item ("e De breedte …") starts afresh.
        if line.kind != "text" or TERMINAL.search(previous.text) or OCR_LIST_MARK.match(line.raw):
            return False
        if line.raw.lstrip()[:1].islower():
            return True
        # A line that ran to the right margin was broken by the page, not the writer.
        return previous.kind == "paragraph" and last + 1 == line.number and \
            len(self.lines[last - 1].rstrip()) >= self.full_width

    # ---- step 3: build blocks, sections and questions -----------------------------------

    def _add(self, block: Block, role: str = "") -> Block:
        """Append a block; inside a question, record it as part of it."""
        self.doc.blocks.append(block)
        index = len(self.doc.blocks) - 1
        if role and self.question is not None:
            block.question, block.role = len(self.doc.questions) - 1, role
            if role == "question":
                self.question.question_blocks.append(index)
            elif role == "answer":
                self.question.answer_blocks.append(index)
        self.previous = block
        self.previous_o = False
        return block

    def _start_question(self, line: _Line, form: str, text: str, askers: list[Asker],
                        start_col: int | None = None) -> None:
        block = self._new_block("question", line, start_col)
        self.question = Question(number=line.number_text, text=text, form=form,
                                 span=block.full_span(), askers=askers)
        self.doc.questions.append(self.question)
        self._add(block, "question")

    def _heading(self, line: _Line, text: str, member: re.Match | None, party_alone: bool) -> None:
        lexicon = self.lexicon
        if line.kind == "heading" or self._is_section(text, lexicon.section_pattern):
            self.in_header = False
        if self._is_section(text, lexicon.qa_section_pattern):
            self.in_qa, self.askers = True, []
        if member or party_alone:
            self.askers, self.in_header = [self._asker(member, text)], False
        heading = self._new_block("heading", line)
        heading.level = line.level
        self.section = heading.text.strip("*_ ").rstrip(":").strip("*_ ")
        heading.section = self.section
        self._add(heading)
        self.question, self.q_phase = None, ""

    def _build(self, lines: list[_Line]) -> None:
        lexicon = self.lexicon
        for i, line in enumerate(lines):
            if line.kind in ("blank", "marker"):
                continue
            # A lower-case line after an unfinished sentence is the same sentence.
            if self._continues(self.previous, line):
                self._extend(self.previous, line)
                self._refresh_question(self.previous)
                continue

            text = line.raw.strip()
            plain = line.kind in ("text", "heading")
            known_section = plain and self._is_section(text, lexicon.section_pattern)
            member = self.member_line.match(text) if plain else None
            party_alone = line.kind == "text" and text.strip("* ").lower() in lexicon.party_names

            if self.in_header and not known_section and not member and (
                line.kind == "text" or (line.kind == "heading" and not self.doc.blocks)
            ):
                # The header: title, meeting and date, subject. A Markdown title counts.
                self._add(self._new_block("header", line))
            elif (member or party_alone) and line.kind == "text" and not known_section \
                    and self.question is not None and self.q_phase == "question":
                # "Partij voor de Dieren" / "Raadslid Kreuger" inside a "Vraag" block
                self.question.askers.append(self._asker(member, text))
                self._add(self._new_block("answer-label", line), "asker")
            elif line.kind == "heading" or known_section or member or party_alone or (
                line.kind == "text" and self._standalone_heading(lines, i)
            ):
                self._heading(line, text, member, party_alone)
            elif line.kind == "vraag":
                self.in_header, self.in_qa = False, True
                own = line.raw[line.question_col - 1:].strip().strip("*_ ") if line.question_col else ""
                askers = [Asker(member=line.inline_asker)] if line.inline_asker else list(self.askers)
                self._start_question(line, "vraag", own, askers)
                # "Vraag: Hoe …?" carries its question; "Vraag 1:" has it on the next lines
                self.q_phase = "answer" if own.endswith("?") and not line.number_text else "question"
            elif line.kind == "antwoord":
                self.in_header = False
                self.q_phase = "answer"
                self._add(self._new_block("answer-label", line), "label")
            elif line.kind == "numbered" and (self.in_qa or text.endswith("?")):
                self.in_header, self.in_qa = False, True
                content = line.raw[line.question_col - 1:].strip()
                form = "numbered" if WORD.search(content) else "stub"
                self._start_question(line, form, content, list(self.askers), line.question_col)
                if form == "stub":  # "1. ..": the whole item is the place to point at
                    self.question.span = Span(line.number, 1, line.number, len(line.raw.rstrip()) + 1)
                self.q_phase = "answer"
            else:
                self._content(line)

    def _content(self, line: _Line) -> None:
        """A bullet, a paragraph, or a numbered item outside the questions."""
        self.in_header = False
        if line.kind == "bullet":
            block = self._new_block("bullet", line)
            # " - toont aan …" under " - o NIM …": indentation alone, below an "o" item
            if not line.o_marker and line.level == 1 and self.previous_o:
                block.level = 2
        else:
            block = self._new_block("paragraph", line)
        if self.question is not None and self.q_phase == "question" and block.kind == "paragraph":
            self.question.text = (self.question.text + " " + block.text).strip()
            self._add(block, "question")
        else:
            if self.question is not None:
                self.q_phase = "answer"
            self._add(block, "answer")
        self.previous_o = line.o_marker

    def _refresh_question(self, block: Block) -> None:
        """A question's first line was extended: its text and span follow."""
        if block.role != "question" or block.question is None:
            return
        q = self.doc.questions[block.question]
        if q.form in ("numbered", "stub") and self.doc.blocks[q.question_blocks[0]] is block:
            q.text = block.text
            q.form = "numbered" if WORD.search(block.text) else "stub"
            q.span = block.full_span()

    def _asker(self, member: re.Match | None, text: str) -> Asker:
        if member:
            return Asker(member=member.group("member").strip(), party=(member.group("party") or "").strip())
        return Asker(party=text.strip("* "))

    # ---- step 4: the document date -----------------------------------------------------

    def _date(self, filename: str) -> DocumentDate | None:
        fm = self.doc.front_matter.get("date") if self.doc.front_matter else None
        if isinstance(fm, dt.datetime):
            fm = fm.date()
        if isinstance(fm, dt.date):
            return DocumentDate(fm, "front-matter", str(fm), None)
        if isinstance(fm, str):
            found = find_dates(fm, self.lexicon)
            if found:
                return DocumentDate(found[0].date, "front-matter", fm, None)
        # A full date in the file name was put there on purpose ("conceptbrief_12_mei_
        # 2023", "20230607_memo"): it dates the document even when its text names an
        # older meeting it refers to.
        named = date_in_file_name(filename, self.lexicon)
        if named:
            return DocumentDate(named[0], "file-name", named[1], None)
        header = [b for b in self.doc.blocks if b.kind == "header"]
        for want_meeting in (True, False):
            for i, block in enumerate(header):
                if want_meeting and not self._names_meeting(block, header[i - 1] if i else None):
                    continue
                found = find_dates(block.masked, self.lexicon)
                if found:
                    f = found[0]
                    # a date in the opening lines that names no meeting: a letterhead's,
                    # a print date; an assumption, like a date inferred from the text
                    source = "header" if want_meeting else "opening-lines"
                    return DocumentDate(f.date, source, f.text, block.span(f.start, f.end))
        latest = None
        for block in self.doc.blocks:
            for f in find_dates(block.masked, self.lexicon):
                if latest is None or f.date > latest[0].date:
                    latest = (f, block)
        if latest:
            f, block = latest
            return DocumentDate(f.date, "inferred", f.text, block.span(f.start, f.end))
        return None

    def _names_meeting(self, block, before) -> bool:
        """A header line that says its date is the meeting's or the note's: it names a
        meeting ("Commissie Wonen, 13 maart 2025") or opens with a date label ("Datum:
        13 maart 2025"), or follows a short label line of either kind, as a table's
        cells do ("Datum" | "13 maart 2025", "Commissie" | "Wonen, 13 maart 2025")."""
        said = self.lexicon.meeting_pattern.search(block.text) or self.lexicon.date_label_pattern.match(block.text)
        if said or before is None or len(before.text.split()) > LABEL_WORDS:
            return bool(said)
        label = before.text
        return bool(self.lexicon.meeting_pattern.search(label) or self.lexicon.date_label_pattern.match(label))

    def parse(self) -> Document:
        skip = self._front_matter()
        lines = self._classify(skip)
        self._build(lines)
        self._apply_markers()
        self.doc.date = self._date(PurePath(self.source.path).name)
        return self.doc

    def _apply_markers(self) -> None:
        """An ``annolint: ignore`` marker covers the next element (all its lines)."""
        starts = [b.line for b in self.doc.blocks]  # in order: the next element is found by bisection
        for marker_line, rules in self._pending_markers:
            position = bisect.bisect_right(starts, marker_line)
            if position == len(starts):
                continue
            target = self.doc.blocks[position]
            last = target.end_line
            if target.role == "question" and target.question is not None:
                q = self.doc.questions[target.question]
                blocks = q.question_blocks + q.answer_blocks
                last = max(self.doc.blocks[i].end_line for i in blocks)
            self.doc.suppressions.append(Suppression(rules, target.line, last, marker_line))


def parse_document(source: RawSource, lexicon: Lexicon) -> Document:
    """The structured model of one note (an empty model when it could not be read)."""
    if not source.readable:
        return Document(path=source.path, encoding=source.encoding, problem=source.problem, checked=False,
                        form=source.form)
    doc = _Parser(source, lexicon).parse()
    doc.form, doc.pages = source.form, source.pages
    classify(doc, lexicon.stop_word_set, lexicon.form_label_set)
    if source.problem:
        doc.problem = source.problem + (f"; {doc.problem}" if doc.problem else "")
    return doc
