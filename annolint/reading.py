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
from annolint.readers import reader_for
from annolint.sources import RawSource, display_path, read_bytes, read_source, source_of


@dataclass
class NoteReading:
    """One note as read, and the facts rule kinds extracted from it (None: not yet)."""

    document: Document
    own_date: DocumentDate | None  # the date the note gives itself, before the set may date it
    facts: dict[str, list] = field(default_factory=dict)  # by kind: CorpusIndex.extractors
    facts_for: tuple | None = None  # (the note's date, the set's reference) the facts were read with
    changed: bool = True  # not as the cache has it: store it again


def source_key(cache: NoteCache, source: RawSource) -> str:
    """The cache key of a note: everything the parser reads of it."""
    return cache.key_of(source.path, source.form, source.encoding, source.problem, str(source.readable),
                        ",".join(map(str, source.pages)), source.text)


class Readings:
    """The notes of one run as read, by display path, with their cache keys."""

    def __init__(self, cache: NoteCache | None = None, hand_over: bool = False):
        self.cache = cache
        self.hand_over = hand_over  # a worker's: each note goes to the main process with its facts
        self.by_path: dict[str, NoteReading] = {}
        self.keys: dict[str, str] = {}
        self._texts: dict[str, str] = {}  # each line and block text of the run, kept once (``_share``)

    @property
    def caching(self) -> bool:
        return self.cache is not None and self.cache.enabled

    @property
    def keeping_facts(self) -> bool:
        """Whether a note's facts stay with it once handed out: for the cache, or for
        the main process. Otherwise the index alone keeps what it needs of them (it sums
        the word statistics of the notes, and keeps no note's own)."""
        return self.hand_over or self.caching

    def read(self, path, parse) -> Document:
        """The note in the file ``path``: from the cache when it holds it, else
        ``parse(source)``."""
        found = self.looked_up(path)
        document = self.cached(path, found)
        if document is not None:
            return document
        shown, source, data, key = found
        document = parse(source if source is not None else source_of(path, data, shown))
        return self.adopt(NoteReading(document, document.date), key)

    def cached(self, path, found: tuple | None = None) -> Document | None:
        """The note in the file ``path`` as the cache holds it, taken into this run;
        None when the cache does not hold it (or there is no cache)."""
        if not self.caching:
            return None
        shown, _source, _data, key = found or self.looked_up(path)
        reading = self.cache.load(key) if key is not None else None
        if not (isinstance(reading, NoteReading) and reading.document.path == shown):
            return None
        reading.document.date = reading.own_date  # the set dates it anew (``set_dating``)
        reading.changed = False
        return self.adopt(reading, key)

    def holds(self, found: tuple | None) -> bool:
        """Whether the cache has an entry under the key ``looked_up`` found (it may
        still turn out corrupt: ``cached`` says)."""
        return found is not None and found[3] is not None and self.cache.holds(found[3])

    def looked_up(self, path) -> tuple:
        """(display path, source or None, file bytes or None, cache key or None). A Word
        or PDF note is found in the cache by its file's bytes, so that an unchanged one
        is not unpacked or laid out again (reading a Word note takes longer than parsing
        it); a text note by its text."""
        shown = display_path(path)
        source: RawSource | None = None
        data = key = None
        if self.caching and reader_for(path.suffix) is not None:
            data = read_bytes(path, shown)
            if isinstance(data, RawSource):
                source = data  # the file could not be read: its problem is the note
            else:
                key = self.cache.key_of(shown, "file", data)
        if source is None and key is None:
            source = read_source(path, shown)
        if key is None and self.caching:
            key = source_key(self.cache, source)
        return shown, source, data, key

    def adopt(self, reading: NoteReading, key: str | None) -> Document:
        """A note read here or by a worker process (``read_in_parallel``), with its
        cache key (None without a cache)."""
        path = reading.document.path
        self._share(reading.document)
        self.by_path[path] = reading
        if key is not None:
            self.keys[path] = key
        return reading.document

    def _share(self, doc: Document) -> None:
        """One string for each line and block text that several notes hold: notes copy
        whole paragraphs from each other (a thousand notes, 150,000 lines, 24,000 of
        them different)."""
        texts = self._texts
        doc.lines = [texts.setdefault(line, line) for line in doc.lines]
        for block in doc.blocks:
            unmasked = block.masked is block.text
            block.text = texts.setdefault(block.text, block.text)
            block.masked = block.text if unmasked else texts.setdefault(block.masked, block.masked)

    def facts(self, kind: str, doc: Document, reference: dt.date | None, extract) -> list:
        """What ``extract(doc)`` finds in a note, read once: from the cache when it was
        extracted for the same date and reference."""
        reading = self.by_path.get(doc.path)
        if reading is None or reading.document is not doc:
            return extract(doc)
        inputs = (doc.date, reference if doc.date is None else None)
        if reading.facts_for != inputs:
            reading.facts, reading.facts_for, reading.changed = {}, inputs, True
        found = reading.facts.get(kind) if self.keeping_facts else reading.facts.pop(kind, None)
        if found is None:
            found = extract(doc)
            if self.keeping_facts:
                reading.facts[kind], reading.changed = found, True
        return found

    def set_key(self, rule_ids: list[str]) -> str | None:
        """The cache key of the whole run's findings: every note's key (its path and
        text), and the rules that ran; None when a note has no key (no cache)."""
        if not self.caching or len(self.keys) != len(self.by_path):
            return None
        return self.cache.key_of("findings", *sorted(self.keys.values()), *rule_ids)

    def store(self) -> None:
        """Keep what this run read anew for the next one."""
        for path in self.by_path:
            self.store_note(path)

    def store_note(self, path: str) -> None:
        """Keep one note as read for the next run, unless the cache holds it so already."""
        reading, key = self.by_path[path], self.keys.get(path)
        if self.cache is None or key is None or not reading.changed:
            return
        date, reading.document.date = reading.document.date, reading.own_date
        try:
            self.cache.store(key, reading)
        finally:
            reading.document.date = date
        reading.changed = False


# Below this many notes, starting worker processes costs more than it saves.
PARALLEL_FROM = 40


def read_in_parallel(files: list, jobs: int, config, cache: NoteCache | None):
    """(reading, cache key) of each file as it comes, read by ``jobs`` worker processes, in the
    order of ``files``. Each worker parses its notes and extracts what a dated note
    yields on its own; an undated note's facts wait for the set's reference date."""
    import multiprocessing
    import pickle
    from concurrent.futures import ProcessPoolExecutor

    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    spec = (cache.folder, cache.salt_input) if cache is not None and cache.enabled else None
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_start_worker,
                             initargs=(config, spec)) as pool:
        for outcome in pool.map(_read_one, files, chunksize=max(1, len(files) // (jobs * 8))):
            failure, payload = outcome
            if failure is not None:
                raise failure
            yield pickle.loads(payload)


_WORKER: dict = {}


def _start_worker(config, spec) -> None:
    from annolint.engine import load_setup
    from annolint.index import CorpusIndex

    setup = load_setup(config)
    cache = NoteCache(spec[0], spec[1]) if spec is not None else None
    _WORKER.update(config=config, lexicon=setup.lexicon, readings=Readings(cache, hand_over=True),
                   index=CorpusIndex([], setup.lexicon, config.language))


def _read_one(path) -> tuple:
    """(None, pickled (reading, key)) for one note, or (the exception, None)."""
    import pickle

    from annolint.errors import InternalError
    from annolint.i18n import speaking
    from annolint.structure import parse_document
    from annolint.yamlfile import ConfigError

    readings: Readings = _WORKER["readings"]
    try:
        with speaking(_WORKER["config"].messages):
            doc = readings.read(path, lambda s: parse_document(s, _WORKER["lexicon"]))
            if doc.date is not None:  # an undated note's facts need the set's latest date
                for kind, extract in _WORKER["index"].extractors(None).items():
                    readings.facts(kind, doc, None, extract)
            readings.store_note(doc.path)  # here, not by the main process: the workers write side by side
        reading = readings.by_path.pop(doc.path)
        payload = pickle.dumps((reading, readings.keys.pop(doc.path, None)), protocol=pickle.HIGHEST_PROTOCOL)
    except ConfigError as err:
        return err, None
    except Exception as err:  # noqa: BLE001 - a bug: the main process names the note
        return InternalError(f"reading {path}", err), None
    return None, payload
