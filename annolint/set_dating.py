"""A note's assumed date checked against the set it is part of.

A note without a date in its front matter, header or file name is dated from its
text, by the latest full date in it (``structure``). In a concept note that date
is often a deadline ("lopende trajecten tot 31 december 2026") that lies after
every dated note of the set; a note is not written after its whole set. Such a note
takes the set's latest stated date instead, as an assumption that document-date
names.
"""

from __future__ import annotations

from annolint.model import Document, DocumentDate


def date_from_set(documents: list[Document]) -> None:
    """Give a note whose text-inferred date lies after every stated date of the set
    the latest stated date of the set."""
    stated = [d for d in documents if d.date is not None and not d.date.assumed]
    if not stated:
        return
    latest = max(stated, key=lambda d: (d.date.date, d.path))
    for doc in documents:
        date = doc.date
        if date is not None and date.source == "inferred" and date.date > latest.date.date:
            doc.date = DocumentDate(latest.date.date, "set", date.text, date.span, from_note=latest.path)
