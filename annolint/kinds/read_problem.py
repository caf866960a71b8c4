"""read-problem: a file of the set that could not be read, or not as it should be.

What it does
    Reports, once per file, why annolint could not check it or what it assumed while
    reading it: a binary file, a file too large or with a line too long to be a note,
    an empty file, a file that is not UTF-8 (read as Windows-1252), front matter that
    is not valid YAML. Every other file of the set is still checked.

Why
    A note that annolint silently skipped is a note nobody checked. Saying so keeps
    the linter trustworthy.

Parameters
    none.

Example
    FAIL  a note saved from Word as Windows-1252 ("not valid UTF-8 …")
    PASS  a note saved as UTF-8, with or without a byte-order mark, LF or CRLF
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from annolint.index import CorpusIndex
from annolint.kinds.base import Match
from annolint.model import Span

MESSAGE_FIELDS = frozenset({"problem"})
READS = ()  # the facts of each note it reads (``CorpusIndex.extractors``)
# The fingerprint names the file, not the words of its problem: the same finding in
# every message language, so a baseline written in one holds in the other.
_KEY = "read-problem"


@dataclass(frozen=True)
class Params:
    pass


def check(params: Params, index: CorpusIndex, scope: tuple[str, ...]) -> Iterator[Match]:
    for doc in index.all_documents:
        if doc.problem:
            yield Match(doc.location(Span(1, 1, 1, 1)), {"problem": doc.problem}, key=_KEY)
