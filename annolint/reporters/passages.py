"""Where two passages differ, word by word: the marks of the HTML report.

Passages are cut into word tokens (a number with its separators, "1.250" or "87,5";
a word with its hyphens and apostrophes; one punctuation mark) and compared with
difflib. The tokens one passage has where the other has other tokens, or none, are
that passage's differences, unless they are punctuation only (a list's dash, a
full stop, Markdown's asterisks); a list marker at the start ("- o", "3.") is left
out. Only the sentences that hold the words a finding points at are compared, so a
sentence that one passage adds after the one in question is not marked. Sentences
too unlike to be versions of one sentence (below ``SIMILAR``) get no marks at all,
and identical ones none either: a mark says "this is what differs", so it is only
given where that is true."""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from html import escape

from annolint.note_lines import WORD_CHAR

TOKEN = re.compile(r"\w+(?:[.,:'’\-]\w+)*|[^\w\s]")
LIST_MARKER = re.compile(r"(?:[-*•◦▪–]\s+(?:o\s+)?|\d{1,3}[.)]\s+|o\s+)+")
SIMILAR = 0.5  # difflib's ratio of shared tokens: below it the passages are not one sentence

SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"'‘“(]?[A-Z])")  # "ca. 240" goes on
Ranges = list[tuple[int, int]]  # character offsets [start, end) in a passage
Span = tuple[int, int] | None


def differences(a: str, b: str, at_a: Span = None, at_b: Span = None) -> tuple[Ranges, Ranges]:
    """The character ranges of ``a`` and of ``b`` that the other passage lacks or
    words otherwise, within the sentences that hold ``at_a`` and ``at_b`` (the
    finding's words; None: the whole passage); both empty when those sentences are
    the same or too unlike to compare."""
    tokens_a = _tokens(a, _sentences(a, at_a))
    tokens_b = _tokens(b, _sentences(b, at_b))
    matcher = SequenceMatcher(None, [t.group() for t in tokens_a], [t.group() for t in tokens_b], autojunk=False)
    if matcher.ratio() < SIMILAR:
        return [], []
    ranges_a: Ranges = []
    ranges_b: Ranges = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal" or not any(WORD_CHAR.search(t.group()) for t in (*tokens_a[i1:i2], *tokens_b[j1:j2])):
            continue
        if i2 > i1:
            ranges_a.append((tokens_a[i1].start(), tokens_a[i2 - 1].end()))
        if j2 > j1:
            ranges_b.append((tokens_b[j1].start(), tokens_b[j2 - 1].end()))
    return ranges_a, ranges_b


def _sentences(text: str, at: Span) -> tuple[int, int]:
    """The stretch of ``text`` from the start of the sentence where ``at`` starts to
    the end of the sentence where it ends (all of it when ``at`` is None or empty)."""
    if at is None or at[1] <= at[0]:
        return 0, len(text)
    edges = [0, *(m.end() for m in SENTENCE_END.finditer(text)), len(text)]
    start = max(e for e in edges if e <= at[0])
    end = min(e for e in edges if e >= at[1])
    return start, end


def _tokens(text: str, window: tuple[int, int]) -> list[re.Match]:
    """The word tokens of ``text[window]``, less a list marker that opens the passage."""
    start, end = window
    marker = LIST_MARKER.match(text)
    if marker and start == 0:
        start = marker.end()
    return list(TOKEN.finditer(text, start, end))


def merged(ranges: Ranges) -> Ranges:
    """Sorted ranges with overlapping and touching ones joined."""
    out: Ranges = []
    for start, end in sorted(ranges):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def marked(text: str, differ: Ranges, at: tuple[int, int] | None = None) -> str:
    """``text`` as escaped HTML: the ``differ`` ranges in ``<mark>``, the words the
    finding points at (``at``) in ``<span class="at">``. The text is cut at every
    range's edges, so a mark that crosses the span's edge is split and tags nest."""
    differ = merged(differ)
    start_at, end_at = at if at and at[1] > at[0] else (-1, -1)
    edges = sorted({0, len(text), *(e for r in differ for e in r), *((start_at, end_at) if start_at >= 0 else ())})
    parts: list[str] = []
    for start, end in zip(edges, edges[1:]):
        if start == start_at:
            parts.append('<span class="at">')
        piece = escape(text[start:end])
        parts.append(f"<mark>{piece}</mark>" if any(a <= start and end <= b for a, b in differ) else piece)
        if end == end_at:
            parts.append("</span>")
    return "".join(parts)
