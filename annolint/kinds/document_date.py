"""document-date: a note whose date annolint had to guess, or could not find.

What it does
    Every comparison over time (a promise that moved, a figure that was updated)
    needs the date of each note. annolint takes it from, in order: the front matter
    (``date: 2024-10-03``), the meeting date in the header ("Commissie FKD,
    3 oktober 2024"), a date in the file name (``2024-10-03-fkd.md``). When none is
    there it assumes the latest full date mentioned in the text, and says so; when
    that date lies after every dated note of the set (a deadline in a concept note),
    it takes the set's latest date instead (``annolint.set_dating``); when there is
    no date at all, it says that too.

Why
    A wrong date turns an update into a contradiction and back. The writer can fix
    the assumption in one line of front matter.

Parameters
    none.

Example
    NOTE  "no meeting date in the header; assumed 4 July 2024 from '4 juli 2024'"
    PASS  "Commissie FKD, 3 oktober 2024" in the header
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from annolint.i18n import long_date, say
from annolint.index import CorpusIndex
from annolint.kinds.base import Match, quote
from annolint.model import Span

MESSAGE_FIELDS = frozenset({"assumption"})
READS = ()  # the facts of each note it reads (``CorpusIndex.extractors``)


@dataclass(frozen=True)
class Params:
    pass


def check(params: Params, index: CorpusIndex, scope: tuple[str, ...]) -> Iterator[Match]:
    for doc in index.documents:
        if not doc.blocks:
            continue
        date = doc.date
        if date is None:
            yield Match(
                doc.location(Span(1, 1, 1, 1)),
                {"assumption": say("no date found in the front matter, the header, the file name "
                                   "or the text, so this note is not compared over time")},
                key="no-date",
            )
        elif date.source == "set" and date.span is not None:
            yield Match(
                doc.location(date.span),
                {"assumption": say("no meeting date in the header, and the latest date in the text, {text}, "
                                   "lies after every dated note of the set; assumed {date}, the date of {note}, "
                                   "the latest note", text=quote(date.text), date=long_date(date.date),
                                   note=date.from_note)},
                key=f"set:{date.date.isoformat()}",
            )
        elif date.assumed and date.span is not None:
            yield Match(
                doc.location(date.span),
                {"assumption": say("no meeting date in the header; assumed {date} from {text}, the latest date in "
                                   "the text" if date.source == "inferred" else
                                   "no meeting date in the header; assumed {date} from {text}, a date in the "
                                   "opening lines", date=long_date(date.date), text=quote(date.text))},
                key=f"{date.source}:{date.date.isoformat()}",
            )
