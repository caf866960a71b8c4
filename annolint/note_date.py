"""The date of one note, the last step of reading it (``structure.py``).

In order: front matter ``date:``, a full date in the file name, the header's meeting
date, a date in the opening lines (``source="opening-lines"``), else the latest full
date in the text (``source="inferred"``); the last two are assumptions
(``DocumentDate.assumed``).
"""

from __future__ import annotations

import datetime as dt

from annolint.dates import date_in_file_name, find_dates
from annolint.lexicon import Lexicon
from annolint.model import Block, Document, DocumentDate

LABEL_WORDS = 3  # a header line this short, without a date, can be the label of the line after it


def document_date(doc: Document, lexicon: Lexicon, file_name: str) -> DocumentDate | None:
    """The date of ``doc``, a note in the file ``file_name`` (its name alone)."""
    fm = doc.front_matter.get("date") if doc.front_matter else None
    if isinstance(fm, dt.datetime):
        fm = fm.date()
    if isinstance(fm, dt.date):
        return DocumentDate(fm, "front-matter", str(fm), None)
    if isinstance(fm, str):
        found = find_dates(fm, lexicon)
        if found:
            return DocumentDate(found[0].date, "front-matter", fm, None)
    # A full date in the file name was put there on purpose ("conceptbrief_12_mei_
    # 2023", "20230607_memo"): it dates the document even when its text names an
    # older meeting it refers to.
    named = date_in_file_name(file_name, lexicon)
    if named:
        return DocumentDate(named[0], "file-name", named[1], None)
    header = [b for b in doc.blocks if b.kind == "header"]
    for want_meeting in (True, False):
        for i, block in enumerate(header):
            if want_meeting and not _names_meeting(lexicon, block, header[i - 1] if i else None):
                continue
            found = find_dates(block.masked, lexicon)
            if found:
                f = found[0]
                # a date in the opening lines that names no meeting: a letterhead's,
                # a print date; an assumption, like a date inferred from the text
                source = "header" if want_meeting else "opening-lines"
                return DocumentDate(f.date, source, f.text, block.span(f.start, f.end))
    latest = None
    for block in doc.blocks:
        for f in find_dates(block.masked, lexicon):
            if latest is None or f.date > latest[0].date:
                latest = (f, block)
    if latest:
        f, block = latest
        return DocumentDate(f.date, "inferred", f.text, block.span(f.start, f.end))
    return None


def _names_meeting(lexicon: Lexicon, block: Block, before: Block | None) -> bool:
    """A header line that says its date is the meeting's or the note's: it names a
    meeting ("Commissie Wonen, 13 maart 2025") or opens with a date label ("Datum:
    13 maart 2025"), or follows a short label line of either kind, as a table's
    cells do ("Datum" | "13 maart 2025", "Commissie" | "Wonen, 13 maart 2025")."""
    said = lexicon.meeting_pattern.search(block.text) or lexicon.date_label_pattern.match(block.text)
    if said or before is None or len(before.text.split()) > LABEL_WORDS:
        return bool(said)
    label = before.text
    return bool(lexicon.meeting_pattern.search(label) or lexicon.date_label_pattern.match(label))
