"""Each note read once: parsed into a ``Document``, its facts extracted, and both
kept in the cache (``cache.py``) for the next run.

Reading a note is most of annolint's work (parsing, and extracting every dated
statement, figure and council question); comparing the notes is the smaller part.
What a note yields depends on the note alone, with one exception: a note's facts
depend on its date, and a note without a date of its own may take one from the set
(``set_dating``), and reads its relative dates against the set's latest date. So a
``NoteReading`` keeps the date the note gives itself, and says for which date and
reference its facts were extracted; when those differ in a later run, only the
facts are extracted again.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from annolint.cache import NoteCache
from annolint.model import Document, DocumentDate
from annolint.sources import RawSource


@dataclass
class NoteReading:
    """One note as read, and the facts rule kinds extracted from it (None: not yet)."""

    document: Document
    own_date: DocumentDate | None  # the date the note gives itself, before the set may date it
    facts: dict[str, list] = field(default_factory=dict)  # "dated", "figures", "questions"
    facts_for: tuple | None = None  # (the note's date, the set's reference) the facts were read with
    changed: bool = True  # not as the cache has it: store it again


def source_key(cache: NoteCache, source: RawSource) -> str:
    """The cache key of a note: everything the parser reads of it."""
    return cache.key_of(source.path, source.form, source.encoding, source.problem, str(source.readable),
                        ",".join(map(str, source.pages)), source.text)


class Readings:
    """The notes of one run as read, by display path, with their cache keys."""

    def __init__(self, cache: NoteCache | None = None):
        self.cache = cache
        self.by_path: dict[str, NoteReading] = {}
        self.keys: dict[str, str] = {}

    def document(self, source: RawSource, parse) -> Document:
        """The note of ``source``: from the cache when it holds it, else ``parse(source)``."""
        key = source_key(self.cache, source) if self.cache is not None and self.cache.enabled else None
        reading = self.cache.load(key) if key is not None else None
        if isinstance(reading, NoteReading) and reading.document.path == source.path:
            reading.document.date = reading.own_date  # the set dates it anew (``set_dating``)
            reading.changed = False
        else:
            document = parse(source)
            reading = NoteReading(document, document.date)
        self.by_path[source.path] = reading
        if key is not None:
            self.keys[source.path] = key
        return reading.document

    def facts(self, kind: str, doc: Document, reference: dt.date | None, extract) -> list:
        """What ``extract(doc)`` finds in a note, read once: from the cache when it was
        extracted for the same date and reference."""
        reading = self.by_path.get(doc.path)
        if reading is None or reading.document is not doc:
            return extract(doc)
        inputs = (doc.date, reference if doc.date is None else None)
        if reading.facts_for != inputs:
            reading.facts, reading.facts_for, reading.changed = {}, inputs, True
        found = reading.facts.get(kind)
        if found is None:
            found = reading.facts[kind] = extract(doc)
            reading.changed = True
        return found

    def store(self) -> None:
        """Keep what this run read anew for the next one."""
        if self.cache is None:
            return
        for path, reading in self.by_path.items():
            key = self.keys.get(path)
            if key is not None and reading.changed:
                date, reading.document.date = reading.document.date, reading.own_date
                try:
                    self.cache.store(key, reading)
                finally:
                    reading.document.date = date
                reading.changed = False
