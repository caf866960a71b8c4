"""The structured model of one briefing note.

Every element keeps its exact place: 1-based line and column, end exclusive, so that a
finding can point at both sides of a contradiction. Text that was broken by a PDF
line break is joined back into one ``Block``; the block keeps a map from offsets in
its joined text to places in the file.
"""

from __future__ import annotations

import bisect
import datetime as dt
import operator
from functools import cached_property
from dataclasses import dataclass, field, fields


def pickled_as_fields(cls: type | None = None, *, without: tuple[str, ...] = ()):
    """A slotted dataclass pickled as its fields, in order: its own way (by state) is
    several times slower, and a set of notes holds hundreds of thousands of them. The
    fields named in ``without`` are pickled as None (what a note read need not keep)."""

    def decorate(cls: type) -> type:
        names = [f.name for f in fields(cls)]
        kept = operator.attrgetter(*names)
        if without:
            def values(self) -> tuple:
                return tuple(None if name in without else getattr(self, name) for name in names)
        elif len(names) == 1:  # attrgetter of one name gives the value, not a tuple of it
            def values(self) -> tuple:
                return (kept(self),)
        else:
            values = kept
        cls.__reduce__ = lambda self: (cls, values(self))
        return cls

    return decorate(cls) if cls is not None else decorate


@pickled_as_fields
@dataclass(frozen=True, order=True, slots=True)
class Span:
    """A range in a file: 1-based lines and columns, end column exclusive."""

    line: int
    col: int
    end_line: int
    end_col: int


@pickled_as_fields
@dataclass(frozen=True, order=True, slots=True)
class Location:
    path: str
    span: Span


@dataclass(frozen=True, slots=True)
class Piece:
    """One physical line's contribution to a block's joined text (``Block.pieces``)."""

    offset: int  # where this piece starts in the joined text
    line: int
    col: int  # 1-based column of the piece's first character in the file
    length: int


PIECE = len(fields(Piece))  # the numbers of one piece in ``Block.layout``


@pickled_as_fields  # ``masked`` comes back the same string as ``text`` when it was (pickle's memo)
@dataclass(slots=True)  # slots: a set of a thousand notes holds a hundred thousand
class Block:
    """A logical element: a paragraph, a bullet, a heading or a header line.

    ``text`` is the joined text as written (markup included); ``masked`` is the same
    text with redaction marks overwritten by ``MASK`` characters, so offsets agree.
    """

    kind: str  # "header", "heading", "paragraph", "bullet", "question", "answer-label"
    text: str
    masked: str
    # Each physical line the block joins, as the four numbers of its ``Piece`` one after
    # the other: a set of a thousand notes holds 120,000 pieces, which as objects took
    # 8 MB and a fifth of the time to pickle and unpickle a note.
    layout: tuple[int, ...]
    level: int = 0  # bullet nesting: 0 top level, 1 "- o", 2 deeper
    section: str = ""  # the heading this block stands under ("" before any heading)
    question: int | None = None  # index into Document.questions when part of Q&A
    role: str = ""  # "question" or "answer" inside a question, else ""
    register: str = "prose"  # prose, form, log, table, furniture, debris (``register.py``)

    @property
    def prose(self) -> bool:
        return self.register == "prose"

    @property
    def pieces(self) -> tuple[Piece, ...]:
        """The ``layout`` as ``Piece`` objects, made anew on each call."""
        layout = self.layout
        return tuple(Piece(*layout[i:i + PIECE]) for i in range(0, len(layout), PIECE))

    @property
    def line(self) -> int:
        return self.layout[1] if self.layout else 0

    @property
    def end_line(self) -> int:
        return self.layout[-PIECE + 1] if self.layout else 0  # the line of the last piece

    def place(self, offset: int) -> tuple[int, int]:
        """(line, col) of an offset in the joined text."""
        layout = self.layout
        if len(layout) <= PIECE:
            if not layout:
                return (0, 0)
            i = 0  # one line, as most blocks
        else:
            i = max(0, bisect.bisect_right(layout[::PIECE], offset) - 1) * PIECE
        start, line, col, length = layout[i:i + PIECE]
        return (line, col + min(max(offset - start, 0), length))

    def span(self, start: int, end: int) -> Span:
        line, col = self.place(start)
        # An end that falls on a join lands at the end of the earlier piece.
        end_line, end_col = self.place(max(start, end - 1))
        return Span(line, col, end_line, end_col + (1 if end > start else 0))

    def full_span(self) -> Span:
        return self.span(0, len(self.text))


@dataclass
class Asker:
    """Who asked a question: a council member and/or a party, as written."""

    member: str = ""
    party: str = ""

    def __str__(self) -> str:
        if self.member and self.party:
            return f"{self.member} ({self.party})"
        return self.member or self.party


@dataclass
class Question:
    """A numbered council question with its answer blocks."""

    number: str  # "16", "1" ("" for an unnumbered "Vraag:")
    text: str  # the question as written, joined
    form: str  # "numbered" ("1. …"), "vraag" ("Vraag 1:"), "stub" (number, no text)
    span: Span
    askers: list[Asker] = field(default_factory=list)
    question_blocks: list[int] = field(default_factory=list)  # indexes into blocks
    answer_blocks: list[int] = field(default_factory=list)


@pickled_as_fields
@dataclass(frozen=True, slots=True)
class Redaction:
    span: Span
    text: str


@dataclass(frozen=True)
class Suppression:
    """An inline ``annolint: ignore`` marker: the rules it names, the lines it covers."""

    rules: frozenset[str]  # empty: every rule
    first_line: int
    last_line: int  # the whole file for ``ignore-file``
    marker_line: int


@dataclass(frozen=True)
class DocumentDate:
    date: dt.date
    source: str  # "front-matter", "file-name", "header", "opening-lines", "inferred", "set"
    text: str  # the words it was read from
    span: Span | None
    from_note: str = ""  # "set": the latest date of its text lay after the whole set; the set's latest note

    @property
    def assumed(self) -> bool:
        """Guessed from the text (a letterhead's or print date, the latest date in
        it) rather than stated as the note's date: too weak to call two notes "of the
        same date"."""
        return self.source in ("opening-lines", "inferred", "set")


@dataclass
class Document:
    """One briefing note, as read. ``problem`` is set when it could not be read."""

    path: str  # as shown to users: relative to the working directory where possible
    lines: list[str] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)
    questions: list[Question] = field(default_factory=list)
    redactions: list[Redaction] = field(default_factory=list)
    suppressions: list[Suppression] = field(default_factory=list)
    date: DocumentDate | None = None
    front_matter: dict = field(default_factory=dict)
    encoding: str = "utf-8"
    form: str = "text"  # the format it was read from: "text", "docx", "pdf"
    pages: tuple[int, ...] = ()  # a paginated source: the first line of each page
    problem: str = ""  # why the file was not (fully) read; empty when all is well
    checked: bool = True  # False when the problem kept the file from being checked

    @property
    def text(self) -> str:
        """The note's text: its lines joined (not kept beside them: a set of notes would
        hold every text twice, in memory and in the cache)."""
        return "\n".join(self.lines)

    def location(self, span: Span) -> Location:
        return Location(self.path, span)

    def page_of(self, line: int) -> int | None:
        """The page a line stands on (1-based), for a paginated source; else None."""
        if not self.pages:
            return None
        return max(1, bisect.bisect_right(self.pages, line))


class InNote:
    """For facts that keep the note they were read from as ``doc``: its path and date."""

    doc: Document

    # Read once per fact: the rule kinds ask for them in their innermost loops. A
    # cached_property writes the instance's __dict__, so frozen dataclasses allow it.
    @cached_property
    def path(self) -> str:
        return self.doc.path

    @cached_property
    def doc_date(self) -> dt.date | None:
        return self.doc.date.date if self.doc.date else None
