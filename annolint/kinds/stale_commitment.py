"""stale-commitment: a note promises something for a period that had already ended.

What it does
    Reports a promise, plan or expectation ("sturen we voor de zomer 2024 naar de
    raad") whose whole period lies before the note's own date. Facts ("is in 2023
    vastgesteld", "sinds maart"), questions, denied dates ("niet in december") and
    the items of a schedule (an agenda or timeline list, whose past items are past
    events) are not promises;
    periods without a year are read as the next such period, so only a period with
    its year written can be stale.

Why
    A sentence copied from an old note keeps its old promise. Read aloud in November,
    "voor de zomer" tells the council a deadline that has passed without a word.

Parameters
    none.

Example
    FAIL  note of 28 November 2024: "De evaluatie sturen we voor de zomer 2024 naar de raad."
    PASS  note of 22 January 2024: the same sentence
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from annolint.index import CorpusIndex, in_scope
from annolint.kinds.base import Match, note_date, quote
from annolint.temporal.interval import Interval, ended_before

MESSAGE_FIELDS = frozenset({"expression", "period", "date", "ago", "modality"})
READS = ("dated",)  # the facts of each note it reads (``CorpusIndex.extractors``)


@dataclass(frozen=True)
class Params:
    pass


def check(params: Params, index: CorpusIndex, scope: tuple[str, ...]) -> Iterator[Match]:
    for s in index.dated_statements:
        interval = s.expression.interval
        if (not s.commitment or s.listed or s.doc_date is None or s.doc.date.assumed or not in_scope(s.block, scope)
                or s.expression.anchor == "relative" or not interval.ended_by(s.doc_date)):
            continue
        today = Interval(s.doc_date, None, "day")
        yield Match(
            s.doc.location(s.span),
            {"expression": quote(s.expression.text), "period": interval.describe(),
             "date": note_date(s), "modality": s.modality,
             "ago": ended_before(interval, today)},
            key=f"{s.expression.text.lower()}|{s.aligned}",
        )
