"""Output formats. Each reporter renders the same findings; none knows rule kinds.

``render(findings, rules, context) -> str`` for every format in ``FORMATS``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from annolint.findings import Finding
from annolint.model import Document, Location
from annolint.ruleset import Rule


EXCERPT_WIDTH = 100
# A list item's marker as a reader puts Word's numbers and bullets into lines.
LIST_MARKER = re.compile(r"^\s*(?:[-•*–▪◦●](?:\s+o)?\s+|\d{1,3}(?:\.\d{1,3})*[.)]\s+|[a-z][.)]\s+)")


@dataclass(frozen=True)
class ReportContext:
    files_checked: int
    files_unreadable: int
    colour: bool = False
    documents: dict[str, Document] = field(default_factory=dict)  # by display path
    language: str = ""  # the notes' language (the rule pack: "nl", "en"); "" when unknown

    def document(self, location: Location) -> Document | None:
        return self.documents.get(location.path)

    def passage_at(self, location: Location) -> tuple[str, tuple[int, int] | None]:
        """The text of the lines a location covers, as written ("" when unknown), and
        where in it the location's own span lies ([start, end) in
        the passage's characters; None when the passage is unknown). Each line is
        stripped and the lines joined by a space, so columns are shifted to match."""
        doc = self.documents.get(location.path)
        if doc is None or not doc.lines:
            return "", None
        span = location.span
        first, last = max(span.line, 1), min(max(span.end_line, span.line), len(doc.lines))
        pieces: list[str] = []
        start = end = 0
        offset = 0  # where the current line's stripped text starts in the joined text
        for number in range(first, last + 1):
            line = doc.lines[number - 1]
            piece = line.strip()
            lead = len(line) - len(line.lstrip())
            if number == first:
                start = offset + min(max(span.col - 1 - lead, 0), len(piece))
            if number == last:
                end_col = span.end_col if span.end_line == number else len(line) + 1
                end = offset + min(max(end_col - 1 - lead, 0), len(piece))
            pieces.append(piece)
            offset += len(piece) + 1
        joined = " ".join(pieces)
        text = joined.strip()
        cut = len(joined) - len(joined.lstrip())
        start, end = max(start - cut, 0), min(max(end - cut, 0), len(text))
        return text, (start, max(start, end))

    def excerpt(self, location: Location, width: int = EXCERPT_WIDTH) -> str:
        """The passage around a location, at most ``width`` characters, cut at word
        boundaries with "…": enough to find the place with Ctrl+F in Word or a PDF."""
        doc = self.documents.get(location.path)
        span = location.span
        if doc is None or not 1 <= span.line <= len(doc.lines):
            return ""
        line = doc.lines[span.line - 1]
        if len(line.strip()) <= width:
            return line.strip()
        start = min(max(span.col - 1, 0), len(line))
        end = min(max(span.end_col - 1 if span.end_line == span.line else len(line), start), len(line))
        room = max(width - (end - start), 0)
        left = max(start - room // 3, 0)
        right = min(len(line), end + room - (start - left))
        if left > 0 and (cut := line.find(" ", left, start)) != -1:
            left = cut + 1
        if right < len(line) and (cut := line.rfind(" ", end, right)) != -1:
            right = cut
        text = line[left:right].strip()
        return ("…" if left > 0 else "") + text + ("…" if right < len(line) else "")

    def quoted(self, location: Location, width: int = EXCERPT_WIDTH) -> str:
        """The excerpt as the note shows it: a Word or PDF note's list marker ("- ",
        "1. ", "• ") is not text a reader can search for, so it is left out."""
        excerpt = self.excerpt(location, width)
        return LIST_MARKER.sub("", excerpt, count=1) if self.quotes_passages(location) else excerpt

    def quotes_passages(self, location: Location) -> bool:
        """A note whose line numbers a reader cannot go to (Word, PDF): its findings
        quote their passage."""
        doc = self.documents.get(location.path)
        return doc is not None and doc.form != "text"

    def page(self, location: Location) -> int | None:
        """The page a location stands on, for a paginated note (PDF); else None."""
        doc = self.documents.get(location.path)
        return doc.page_of(location.span.line) if doc is not None else None


def render(fmt: str, findings: list[Finding], rules: list[Rule], context: ReportContext) -> str:
    if fmt == "json":
        from annolint.reporters import json_report as module
    elif fmt == "sarif":
        from annolint.reporters import sarif as module
    elif fmt == "html":
        from annolint.reporters import html as module
    elif fmt == "github":
        from annolint.reporters import github as module
    else:
        from annolint.reporters import text as module
    return module.render(findings, rules, context)


FORMATS = ("text", "json", "sarif", "html", "github")
