"""placeholder: unfinished text left in a note.

What it does
    Finds text that a writer left to fill in later: "(moet nog update)", "Aanvullen
    met eigen reactie wethouder", "nog invullen", "PM", "TODO", "XXX", "[…]", an
    "etc" standing alone, an empty bullet, numbered items with no text ("- 1...",
    "2.", "1. .."), and links with an empty target ("[Melden](#)"). A run of empty
    numbered items (a question list never filled in) is one finding.

    Context decides (in the patterns of the nl pack): "PM" only where a value stands
    (alone, in brackets or a table cell, after "€", an amount word or a label's
    colon, before a currency, at the end of a line), not "de PM" (a project manager)
    nor a clock time; "???" and "xx"/"XX" only as stand-ins, not "raakt???" ending a
    question; "moet nog worden uitgewerkt" only as a note to the writer (in brackets,
    after a dash or colon, or alone), not in a full sentence; "Kaart toevoegen" and
    "+KAART TOEVOEGEN" as instructions. Nothing is reported in OCR debris, and an
    empty bullet or a "- 5" is reported only in a note that writes lists and not
    amid scan noise (a "-" between lines of OCR'd drawings or photos).

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
    FAIL  "Kosten van de pilot: PM"      PASS  "De PM stemt af met de wethouder."
    FAIL  "Aantal deelnemers: ???"       PASS  "Wanneer gaat handhaving optreden???"
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from annolint.i18n import plural, say
from annolint.kinds.base import Match, quote
from annolint.model import Block, Document, Span

MESSAGE_FIELDS = frozenset({"text", "reason"})
READS = ()  # the facts of each note it reads (``CorpusIndex.extractors``)
STUB = re.compile(r"\d{1,3}\s*[.)]?[\s.…]*")
WORDISH = re.compile(r"[^\W\d_]{3,}")


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


def _noise(block: Block) -> bool:
    """OCR noise: debris, or a line that is not a list item and holds no word of three
    letters ("_ d wi", "E de")."""
    return block.register == "debris" or (block.kind != "bullet" and not WORDISH.search(block.text))


def _in_scan_noise(blocks: list[Block], i: int) -> bool:
    """Whether the block at ``i`` stands in OCR noise (debris, or noise on both sides):
    a "-" or "- 5" there is a scanning scar of a drawing or photo, not an item left
    empty."""
    return blocks[i].register == "debris" or all(
        not 0 <= j < len(blocks) or _noise(blocks[j]) for j in (i - 1, i + 1))


def _has_list(doc: Document) -> bool:
    """Whether the note writes lists: two bullets with text. A "-" alone in a note
    without bullets is a stray mark (OCR of a scan), not an empty item."""
    return sum(1 for b in doc.blocks if b.kind == "bullet" and b.text.strip()
               and not STUB.fullmatch(b.text.strip())) >= 2


def _empty_items(doc: Document, blocks: list[Block], params: Params) -> Iterator[Match]:
    """Empty bullets, and runs of numbered items with no text (one match per run), in
    a note that writes lists and away from OCR debris."""
    run: list[tuple[Block, str]] = []
    listed = _has_list(doc)

    def flush() -> Iterator[Match]:
        if not run:
            return
        first, last = run[0][0], run[-1][0]
        shown = ", ".join(quote(text, 20) for _, text in run)
        span = Span(first.line, 1, last.line, len(doc.lines[last.line - 1].rstrip()) + 1)
        count = len(run)
        reason = plural(count, "a numbered item with no text", "{count} numbered items with no text")
        yield Match(doc.location(span), {"text": shown, "reason": reason},
                    key=f"stub:{'|'.join(t for _, t in run)}")
        run.clear()

    for i, block in enumerate(blocks):
        stub = _stub_text(doc, block) if params.empty_numbered_items else None
        if stub is not None and block.kind == "bullet" and (not listed or _in_scan_noise(blocks, i)):
            stub = None  # "- 5" in a scanned drawing
        if stub is not None:
            run.append((block, stub))
            continue
        yield from flush()
        if not listed or _in_scan_noise(blocks, i):
            continue
        if params.empty_bullets and block.kind == "bullet" and not block.text.strip():
            line = doc.lines[block.line - 1]
            span = Span(block.line, 1, block.line, len(line.rstrip()) + 1)
            yield Match(doc.location(span), {"text": quote(line.strip()), "reason": say("an empty bullet")},
                        key="empty-bullet")
    yield from flush()


def _patterns(doc: Document, blocks: list[Block], params: Params,
              seen: dict[str, list[tuple[int, int, PlaceholderPattern]]]) -> Iterator[Match]:
    for block in blocks:
        if block.register == "debris":  # OCR noise: "Xx", "???" there are no one's stand-ins
            continue
        hits = seen.get(block.masked)
        if hits is None:  # notes copy paragraphs: each text is searched once
            hits = seen[block.masked] = [(m.start(), m.end(), placeholder) for placeholder in params.patterns
                                         for m in placeholder.pattern.finditer(block.masked) if m.end() > m.start()]
        for start, end, placeholder in hits:
            written = block.text[start:end]
            yield Match(
                doc.location(block.span(start, end)),
                {"text": quote(written), "reason": say(placeholder.reason)},  # the pack's words, translated
                key=f"{placeholder.reason}:{' '.join(written.split())}",
            )


def note_checker(params: Params) -> Callable[[Document, list[Block]], Iterator[Match]]:
    """What the rule finds in one note (a note rule: ``rule_findings``), given the
    note's blocks in the rule's scope."""
    seen: dict[str, list[tuple[int, int, PlaceholderPattern]]] = {}  # for the run: notes copy paragraphs

    def check_note(doc: Document, blocks: list[Block]) -> Iterator[Match]:
        yield from _empty_items(doc, blocks, params)
        yield from _patterns(doc, blocks, params, seen)

    return check_note
