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
- the document date (``note_date.py``).

The lines are told apart first (``note_lines.py``: their kinds, markers, redactions,
front matter), then built into blocks, sections and questions here.
"""

from __future__ import annotations

import bisect
import re
from pathlib import PurePath

from annolint.lexicon import Lexicon
from annolint.model import Asker, Block, Document, Question, Span, Suppression
from annolint.note_date import document_date
from annolint.note_lines import WORD_CHAR, Line, LineReader, full_width, masked_part
from annolint.register import classify
from annolint.sources import RawSource

TERMINAL = re.compile(r"[.?!:;…)\]\"”’*]\s*$")

OCR_LIST_MARK = re.compile(r"^\s*[eo«»©•*+]\s+[A-Z]")  # a bullet read as a letter: "e De breedte …"


class _Parser:
    def __init__(self, source: RawSource, lexicon: Lexicon):
        self.source = source
        self.lexicon = lexicon
        self.doc = Document(path=source.path, encoding=source.encoding)
        self.lines = source.text.split("\n")
        self.doc.lines = self.lines
        members = "|".join(re.escape(m) for m in sorted(lexicon.member_labels, key=len, reverse=True))
        self.member_line = re.compile(
            rf"^\**(?:.*?\b(?:namens|van|from|by)\s+)?(?:het\s+|the\s+)?(?:{members or '(?!)'})\s+"
            r"(?P<member>[^()*]+?)\s*(?:\((?P<party>[^)]+)\))?\s*:?\**$",
            re.IGNORECASE,
        )
        # reading state
        self.section = ""
        self.in_header, self.in_qa = True, False
        self.question: Question | None = None
        self.q_phase = ""  # "question" while reading a "Vraag" block's question part, then "answer"
        self.askers: list[Asker] = []
        self.previous: Block | None = None
        self.previous_o = False  # the element before was a "- o" bullet
        self.full_width = full_width(self.lines)
        self.paragraph_lines = source.form == "docx"  # each line is a whole Word paragraph

    # ---- helpers ----------------------------------------------------------------------

    @staticmethod
    def _is_section(text: str, pattern: re.Pattern) -> bool:
        bare = text.strip().strip("*_ ").rstrip(":").strip("*_ ").strip()
        return pattern.fullmatch(bare) is not None

    @staticmethod
    def _standalone_heading(lines: list[Line], i: int) -> bool:
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

    def _new_block(self, kind: str, line: Line, start_col: int | None = None) -> Block:
        start = (start_col or line.content_col) - 1
        text = line.raw[start:].rstrip()
        masked = masked_part(line, start, text)
        return Block(kind, text, masked, (0, line.number, start + 1, len(text)),
                     level=line.level if kind == "bullet" else 0, section=self.section)

    @staticmethod
    def _extend(block: Block, line: Line) -> None:
        start = len(line.raw) - len(line.raw.lstrip())
        text = line.raw[start:].rstrip()
        masked = masked_part(line, start, text)
        # "niet-" + "westerse" joins without a space; a dash after a space is a dash
        joiner = "" if block.text.endswith("-") and text[:1].islower() and not block.text.endswith(" -") else " "
        offset = len(block.text) + len(joiner)
        joined = block.text + joiner + text
        block.masked = joined if block.masked is block.text and masked is text else block.masked + joiner + masked
        block.text = joined
        block.layout = (*block.layout, offset, line.number, start + 1, len(text))

    def _continues(self, previous: Block | None, line: Line) -> bool:
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

    def _start_question(self, line: Line, form: str, text: str, askers: list[Asker],
                        start_col: int | None = None) -> None:
        block = self._new_block("question", line, start_col)
        self.question = Question(number=line.number_text, text=text, form=form,
                                 span=block.full_span(), askers=askers)
        self.doc.questions.append(self.question)
        self._add(block, "question")

    def _heading(self, line: Line, text: str, member: re.Match | None, party_alone: bool) -> None:
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

    def _build(self, lines: list[Line]) -> None:
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
                form = "numbered" if WORD_CHAR.search(content) else "stub"
                self._start_question(line, form, content, list(self.askers), line.question_col)
                if form == "stub":  # "1. ..": the whole item is the place to point at
                    self.question.span = Span(line.number, 1, line.number, len(line.raw.rstrip()) + 1)
                self.q_phase = "answer"
            else:
                self._content(line)

    def _content(self, line: Line) -> None:
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
            q.form = "numbered" if WORD_CHAR.search(block.text) else "stub"
            q.span = block.full_span()

    def _asker(self, member: re.Match | None, text: str) -> Asker:
        if member:
            return Asker(member=member.group("member").strip(), party=(member.group("party") or "").strip())
        return Asker(party=text.strip("* "))

    def parse(self) -> Document:
        lines = LineReader(self.lines, self.doc, self.lexicon)
        skip = lines.front_matter()
        classified = lines.classify(skip)
        self._build(classified)
        self._apply_markers(lines.pending_markers)
        self.doc.date = document_date(self.doc, self.lexicon, PurePath(self.source.path).name)
        return self.doc

    def _apply_markers(self, markers: list[tuple[int, frozenset[str]]]) -> None:
        """An ``annolint: ignore`` marker covers the next element (all its lines)."""
        starts = [b.line for b in self.doc.blocks]  # in order: the next element is found by bisection
        for marker_line, rules in markers:
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
