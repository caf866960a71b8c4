"""Turn the text of one note into a ``Document``: header, date, sections, bullets,
questions with their answers and askers, redactions and suppression markers.

The reader is line-based and forgiving, because the notes are PDF extractions:

- a line that starts in lower case continues the element before it when that one
  did not end a sentence (a sentence broken by a PDF line break or a blank line);
  so does a line after a Markdown hard break (two trailing spaces);
- bullets are "- ", "• ", "* " with nesting from indentation and the "- o" marker;
- numbered questions: "1. …?", "16.Hoe …", "64.0 meting …" (question 64), and
  "Vraag 1:" / "Vraag 5 *Van Pijpen*" with askers and an "Antwoord:" label;
- askers: "Binnengekomen vragen namens lid X (Partij)", "Lid X (Partij)",
  "Raadslid X", and party names standing alone before questions;
- the document date, in order: front matter ``date:``, the header's meeting date, a
  date in the file name, else the latest full date in the text (``source="inferred"``).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import PurePath

import yaml

from annolint.dates import date_in_file_name, find_dates
from annolint.lexicon import Lexicon
from annolint.model import (
    Asker,
    Block,
    Document,
    DocumentDate,
    Piece,
    Question,
    Redaction,
    Span,
    Suppression,
)
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
    question_col: int = 0  # "Vraag 1: Hoe …?": where the question's own words start


class _Parser:
    def __init__(self, source: RawSource, lexicon: Lexicon):
        self.source = source
        self.lexicon = lexicon
        self.doc = Document(path=source.path, text=source.text, encoding=source.encoding)
        self.lines = source.text.split("\n")
        self.doc.lines = self.lines
        self.q_label = self._label_pattern(lexicon.question_labels)
        self.a_label = self._label_pattern(lexicon.answer_labels)
        members = "|".join(re.escape(m) for m in sorted(lexicon.member_labels, key=len, reverse=True))
        self.member_line = re.compile(
            rf"^\**(?:.*?\b(?:namens|van|from|by)\s+)?(?:het\s+|the\s+)?(?:{members or '(?!)'})\s+"
            r"(?P<member>[^()*]+?)\s*(?:\((?P<party>[^)]+)\))?\s*:?\**$",
            re.IGNORECASE,
        )

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
                    self.doc.problem = f"the front matter (lines 1-{end + 1}) is not valid YAML: {err}"
                    return end + 1
                if isinstance(data, dict):
                    self.doc.front_matter = data
                return end + 1
        return 0

    def _mask(self, number: int, line: str) -> str:
        spans: list[tuple[int, int]] = []
        for pattern in self.lexicon.redactions:
            spans.extend(m.span() for m in pattern.finditer(line) if m.end() > m.start())
        if not spans:
            return line
        spans.sort()
        merged = [list(spans[0])]
        for start, end in spans[1:]:
            if start <= merged[-1][1] + 1:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
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
        pending_markers: list[tuple[int, frozenset[str], str]] = []
        for index, raw in enumerate(self.lines):
            number = index + 1
            if index < skip:
                continue
            line = _Line(number, raw, self._mask(number, raw))
            stripped = raw.strip()
            marker = SUPPRESSION.match(raw)
            if not stripped:
                line.kind = "blank"
            elif marker:
                line.kind = "marker"
                rules = frozenset(r for r in re.split(r"[\s,]+", marker.group("rules")) if r)
                if marker.group("verb").lower() == "ignore-file":
                    self.doc.suppressions.append(Suppression(rules, 1, len(self.lines), number))
                else:
                    pending_markers.append((number, rules, "next"))
            else:
                self._classify_content(line)
            out.append(line)
        self._pending_markers = pending_markers
        return out

    def _classify_content(self, line: _Line) -> None:
        raw = line.raw
        if (m := MD_HEADING.match(raw)) is not None:
            line.kind, line.level = "heading", len(m.group("hashes"))
            line.content_col = m.start("text") + 1
            return
        if (m := BULLET.match(raw)) is not None and not raw.lstrip().startswith("**"):
            line.kind = "bullet"
            indent = len(m.group("indent").expandtabs(4))
            line.level = 1 if m.group("o") else (1 if indent else 0)
            if indent >= 4:
                line.level = max(line.level, indent // 2)
            line.content_col = m.end() + 1
            return
        if (m := NUMBERED.match(raw)) is not None:
            line.kind, line.number_text = "numbered", m.group("num")
            line.content_col = m.end() + 1
            return
        if (m := self.a_label.match(raw)) is not None and not m.group("num") and not m.group("asker"):
            rest = m.group("rest")
            if not rest or not WORD.search(rest[:1] or ""):
                line.kind = "antwoord"
                return
        if (m := self.q_label.match(raw)) is not None:
            rest = m.group("rest")
            # "Vraag 1:", "Vraag 3", "Vraag 5 *Van Pijpen*", "**Vraag: Hoe …?**"
            if m.group("num") or m.group("asker") or raw.strip(" *").lower().split(":")[0] in {
                w.lower() for w in self.lexicon.question_labels
            }:
                line.kind = "vraag"
                line.number_text = m.group("num") or ""
                line.inline_asker = (m.group("asker") or "").strip()
                line.content_col = len(raw) - len(raw.lstrip()) + 1
                line.question_col = m.start("rest") + 1 if rest else 0
                return
        line.content_col = len(raw) - len(raw.lstrip()) + 1

    # ---- helpers ----------------------------------------------------------------------

    def _is_section(self, text: str, patterns) -> bool:
        bare = text.strip().strip("*_ ").rstrip(":").strip("*_ ").strip()
        return any(p.fullmatch(bare) for p in patterns)

    def _standalone_heading(self, lines: list[_Line], i: int) -> bool:
        """A short line on its own, with no sentence ending, reads as a heading."""
        line = lines[i]
        text = line.raw.strip().strip("*_ ").strip()
        if not text or len(text) > 70 or len(text.split()) > 8:
            return False
        if TERMINAL.search(text.rstrip(":")) and not text.endswith(":"):
            return False
        if text[0].islower() or text.endswith(","):
            return False
        before = i == 0 or lines[i - 1].kind in ("blank", "marker", "heading")
        after = i + 1 >= len(lines) or lines[i + 1].kind in ("blank", "marker")
        return before and after

    def _new_block(self, kind: str, line: _Line, level: int = 0) -> Block:
        start = line.content_col - 1
        text = line.raw[start:].rstrip()
        masked = line.masked[start:start + len(text)]
        pieces = [Piece(0, line.number, line.content_col, len(text))]
        return Block(kind, text, masked, pieces, level=level, section=self.section)

    @staticmethod
    def _extend(block: Block, line: _Line) -> None:
        start = len(line.raw) - len(line.raw.lstrip())
        text = line.raw[start:].rstrip()
        masked = line.masked[start:start + len(text)]
        joiner = "" if block.text.endswith("-") and text[:1].islower() and not block.text.endswith(" -") else " "
        if block.text.endswith("  "):
            block.text = block.text.rstrip()
        offset = len(block.text) + len(joiner)
        block.text = block.text + joiner + text
        block.masked = block.masked + joiner + masked
        block.pieces.append(Piece(offset, line.number, start + 1, len(text)))

    def _continues(self, previous: Block | None, line: _Line) -> bool:
        """Is ``line`` the rest of ``previous`` (a PDF break or a Markdown hard break)?"""
        if previous is None or previous.kind in ("heading", "answer-label") or not previous.text:
            return False
        if line.kind not in ("text", "numbered"):
            return False
        last = previous.pieces[-1].line
        if last + 1 == line.number and self.lines[last - 1].endswith("  "):
            return True
        first = line.raw.lstrip()[:1]
        # "64.0 meting" or "2. …" on the next line is a new item, not a continuation.
        return line.kind == "text" and first.islower() and not TERMINAL.search(previous.text)

    # ---- step 3: build blocks, sections and questions -----------------------------------

    def _build(self, lines: list[_Line]) -> None:
        doc, lexicon = self.doc, self.lexicon
        self.section = ""
        in_header, in_qa = True, False
        current_q: Question | None = None
        q_phase = ""  # "question" while reading a "Vraag" block's question part, then "answer"
        asker_context: list[Asker] = []
        previous: Block | None = None

        def add(block: Block) -> Block:
            doc.blocks.append(block)
            return block

        def close_question() -> None:
            nonlocal current_q, q_phase
            current_q, q_phase = None, ""

        for i, line in enumerate(lines):
            if line.kind in ("blank", "marker"):
                continue
            # A lower-case line after an unfinished sentence is the same sentence.
            if self._continues(previous, line):
                self._extend(previous, line)
                self._refresh_question_text(previous)
                continue

            text = line.raw.strip()
            is_known_section = self._is_section(text, lexicon.sections) and line.kind in ("text", "heading")
            is_heading = line.kind == "heading" or is_known_section or (
                line.kind == "text" and self._standalone_heading(lines, i)
            )
            member = self.member_line.match(text) if line.kind in ("text", "heading") else None
            party_alone = line.kind == "text" and text.strip("* ").lower() in lexicon.party_names

            if in_header and not is_known_section and not member and (
                line.kind == "text" or (line.kind == "heading" and not doc.blocks)
            ):
                # The header: title, meeting and date, subject. A Markdown title counts.
                previous = add(self._new_block("header", line))
                continue

            if is_heading or member or party_alone:
                if line.kind != "heading" and not is_known_section and (member or party_alone) \
                        and current_q is not None and q_phase == "question":
                    # "Partij voor de Dieren" / "Raadslid Kreuger" inside a "Vraag" block
                    current_q.askers.append(self._asker(member, text))
                    previous = add(self._new_block("answer-label", line))
                    previous.question, previous.role = len(doc.questions) - 1, "asker"
                    continue
                if is_known_section or line.kind == "heading":
                    in_header = False
                if self._is_section(text, lexicon.qa_sections):
                    in_qa = True
                    asker_context = []
                if member or party_alone:
                    asker_context = [self._asker(member, text)]
                    in_header = False
                heading = self._new_block("heading", line, level=line.level)
                heading.text = heading.text.strip()
                self.section = heading.text.strip("*_ ").rstrip(":").strip("*_ ")
                heading.section = self.section
                previous = add(heading)
                close_question()
                continue

            if line.kind == "vraag":
                in_header, in_qa = False, True
                close_question()
                block = add(self._new_block("question", line))
                own = line.raw[line.question_col - 1:].strip() if line.question_col else ""
                current_q = Question(
                    number=line.number_text, text=own.strip("*_ "), form="vraag",
                    span=block.full_span(),
                    askers=[Asker(member=line.inline_asker)] if line.inline_asker else list(asker_context),
                )
                doc.questions.append(current_q)
                block.question, block.role = len(doc.questions) - 1, "question"
                current_q.question_blocks.append(len(doc.blocks) - 1)
                q_phase = "answer" if own.strip("* ").endswith("?") and line.number_text == "" else "question"
                previous = block
                continue

            if line.kind == "antwoord":
                in_header = False
                block = add(self._new_block("answer-label", line))
                if current_q is not None:
                    q_phase = "answer"
                    block.question, block.role = len(doc.questions) - 1, "label"
                previous = block
                continue

            if line.kind == "numbered" and (in_qa or line.raw.rstrip().endswith("?")):
                in_header, in_qa = False, True
                close_question()
                block = add(self._new_block("question", line))
                content = block.text
                form = "numbered" if WORD.search(content) else "stub"
                current_q = Question(
                    number=line.number_text, text=content, form=form,
                    span=Span(line.number, 1, line.number, len(line.raw.rstrip()) + 1) if form == "stub"
                    else block.full_span(),
                    askers=list(asker_context),
                )
                doc.questions.append(current_q)
                block.question, block.role = len(doc.questions) - 1, "question"
                current_q.question_blocks.append(len(doc.blocks) - 1)
                q_phase = "answer"
                previous = block
                continue

            # bullets, numbered items outside Q&A, and paragraphs
            in_header = False
            if line.kind == "bullet":
                level = line.level
                if not line.raw.lstrip()[1:].lstrip().startswith("o ") and level == 1 and previous is not None \
                        and previous.kind == "bullet" and previous.level >= 1 and self._o_marked(previous):
                    level = 2
                block = self._new_block("bullet", line, level=level)
                block.level = level
            elif line.kind == "numbered":
                block = self._new_block("paragraph", line)
                block.text = line.raw.strip()
                block.masked = line.masked.strip()
                block.pieces = [Piece(0, line.number, len(line.raw) - len(line.raw.lstrip()) + 1, len(block.text))]
            else:
                block = self._new_block("paragraph", line)
            add(block)
            if current_q is not None:
                index = len(doc.blocks) - 1
                if q_phase == "question" and block.kind == "paragraph":
                    block.question, block.role = len(doc.questions) - 1, "question"
                    current_q.question_blocks.append(index)
                    current_q.text = (current_q.text + " " + block.text).strip()
                    if current_q.span.line == 0 or not current_q.text.strip():
                        current_q.span = block.full_span()
                    if current_q.number == "" and current_q.form == "vraag" and not current_q.question_blocks[:-1]:
                        current_q.span = block.full_span()
                else:
                    q_phase = "answer"
                    block.question, block.role = len(doc.questions) - 1, "answer"
                    current_q.answer_blocks.append(index)
            previous = block

    def _o_marked(self, block: Block) -> bool:
        line = self.lines[block.pieces[0].line - 1].lstrip()
        return line[:1] in "-•*–" and line[1:].lstrip().startswith("o ")

    def _refresh_question_text(self, block: Block) -> None:
        if block.role == "question" and block.question is not None:
            q = self.doc.questions[block.question]
            if q.form in ("numbered", "stub") and q.question_blocks and self.doc.blocks[q.question_blocks[0]] is block:
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
        header = [b for b in self.doc.blocks if b.kind == "header"]
        meeting = tuple(w.lower() for w in self.lexicon.meeting_words)
        for want_meeting in (True, False):
            for block in header:
                if want_meeting and not any(re.search(rf"\b{re.escape(w)}", block.text.lower()) for w in meeting):
                    continue
                found = find_dates(block.masked, self.lexicon)
                if found:
                    f = found[0]
                    return DocumentDate(f.date, "header", f.text, block.span(f.start, f.end))
        named = date_in_file_name(filename)
        if named:
            return DocumentDate(named[0], "file-name", named[1], None)
        latest = None
        for block in self.doc.blocks:
            for f in find_dates(block.masked, self.lexicon):
                if latest is None or f.date > latest[0].date:
                    latest = (f, block)
        if latest:
            f, block = latest
            return DocumentDate(f.date, "inferred", f.text, block.span(f.start, f.end))
        return None

    def parse(self) -> Document:
        skip = self._front_matter()
        lines = self._classify(skip)
        self._build(lines)
        self._apply_markers()
        self.doc.date = self._date(PurePath(self.source.path).name)
        return self.doc

    def _apply_markers(self) -> None:
        """An ``annolint: ignore`` marker covers the next element (all its lines)."""
        for marker_line, rules, _ in self._pending_markers:
            following = [b for b in self.doc.blocks if b.line > marker_line]
            if not following:
                continue
            target = following[0]
            last = target.end_line
            if target.role == "question" and target.question is not None:
                q = self.doc.questions[target.question]
                blocks = q.question_blocks + q.answer_blocks
                last = max(self.doc.blocks[i].end_line for i in blocks)
            self.doc.suppressions.append(Suppression(rules, target.line, last, marker_line))


def parse_document(source: RawSource, lexicon: Lexicon) -> Document:
    """The structured model of one note (an empty model when it could not be read)."""
    if not source.readable:
        return Document(path=source.path, encoding=source.encoding, problem=source.problem, checked=False)
    doc = _Parser(source, lexicon).parse()
    if source.problem:
        doc.problem = source.problem + (f"; {doc.problem}" if doc.problem else "")
    return doc
