"""placeholder: unfinished text left in a note.

What it does
    Finds text that a writer left to fill in later: "(moet nog update)", "Aanvullen
    met eigen reactie wethouder", "nog invullen", "PM", "TODO", "XXX", "[…]", an
    "etc" standing alone, an empty bullet, numbered items with no text ("- 1...",
    "2.", "1. .."), and links with an empty target ("[Melden](#)"). A run of empty
    numbered items (a question list never filled in) is one finding.

Why
    A note goes to the alderman as it is. A "(moet nog update)" that survives into
    the final version is read aloud or, worse, handed out.

Parameters
    patterns: list of {pattern, reason}. ``pattern`` is a regular expression, case
        insensitive (use ``(?-i:PM)`` for case-sensitive parts), matched against each
        element's text with redaction marks blanked out; ``reason`` says in plain
        words what was found.
    empty-bullets: report bullets with no text (default true).
    empty-numbered-items: report numbered items with no text (default true).

Example
    FAIL  "Cijfers en meldingen (moet nog update)"
    FAIL  "- 1..." / "- 2." / "- 3.."   (one finding for the run)
    PASS  "We moeten de cijfers nog updaten voor de raad."  (a plan, not a marker)
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import groupby
from dataclasses import dataclass

from annolint.index import CorpusIndex
from annolint.kinds.base import Match, quote
from annolint.model import Block, Document, Span

MESSAGE_FIELDS = frozenset({"text", "reason"})
STUB = re.compile(r"\d{1,3}\s*[.)]?[\s.…]*")


@dataclass(frozen=True)
class PlaceholderPattern:
    pattern: re.Pattern
    reason: str


@dataclass(frozen=True)
class Params:
    patterns: tuple[PlaceholderPattern, ...] = ()
    empty_bullets: bool = True
    empty_numbered_items: bool = True


def _stub_text(doc: Document, block: Block) -> str | None:
    """The item as written (``"1..."``) when ``block`` is a numbered item with no text."""
    line = doc.lines[block.line - 1].strip()
    if block.kind == "bullet" and STUB.fullmatch(block.text.strip()):
        return line
    if block.role == "question" and block.question is not None:
        if doc.questions[block.question].form == "stub":
            return line
    return None


def _empty_items(doc: Document, blocks: list[Block], params: Params) -> Iterator[Match]:
    """Empty bullets, and runs of numbered items with no text (one match per run)."""
    run: list[tuple[Block, str]] = []

    def flush() -> Iterator[Match]:
        if not run:
            return
        first, last = run[0][0], run[-1][0]
        shown = ", ".join(quote(text, 20) for _, text in run)
        span = Span(first.line, 1, last.line, len(doc.lines[last.line - 1].rstrip()) + 1)
        count = len(run)
        reason = ("a numbered item with no text" if count == 1
                  else f"{count} numbered items with no text")
        yield Match(doc.location(span), {"text": shown, "reason": reason},
                    key=f"stub:{'|'.join(t for _, t in run)}")
        run.clear()

    for block in blocks:
        stub = _stub_text(doc, block) if params.empty_numbered_items else None
        if stub is not None:
            run.append((block, stub))
            continue
        yield from flush()
        if params.empty_bullets and block.kind == "bullet" and not block.text.strip():
            line = doc.lines[block.line - 1]
            span = Span(block.line, 1, block.line, len(line.rstrip()) + 1)
            yield Match(doc.location(span), {"text": quote(line.strip()), "reason": "an empty bullet"},
                        key="empty-bullet")
    yield from flush()


def _patterns(doc: Document, blocks: list[Block], params: Params) -> Iterator[Match]:
    for block in blocks:
        for placeholder in params.patterns:
            for m in placeholder.pattern.finditer(block.masked):
                if m.end() == m.start():
                    continue
                written = block.text[m.start():m.end()]
                yield Match(
                    doc.location(block.span(m.start(), m.end())),
                    {"text": quote(written), "reason": placeholder.reason},
                    key=f"{placeholder.reason}:{' '.join(written.split())}",
                )


def check(params: Params, index: CorpusIndex, scope: tuple[str, ...]) -> Iterator[Match]:
    for _, pairs in groupby(index.blocks(scope), key=lambda pair: pair[0].path):
        pairs = list(pairs)
        doc = pairs[0][0]
        blocks = [block for _, block in pairs]
        yield from _empty_items(doc, blocks, params)
        yield from _patterns(doc, blocks, params)
