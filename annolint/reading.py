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

from annolint import structure
from annolint.cache import NoteCache
from annolint.errors import InternalError
from annolint.model import Document, DocumentDate
from annolint.note_packs import PACK_FROM, NoteStream
from annolint.set_snapshot import SetSnapshot
from annolint.sources import RawSource, display_path, read_bytes, read_source, source_of
from annolint.yamlfile import ConfigError


@dataclass
class NoteReading:
    """One note as read, and the facts rule kinds extracted from it (None: not yet)."""

    document: Document
    own_date: DocumentDate | None  # the date the note gives itself, before the set may date it
    # by kind (CorpusIndex.extractors): a list of facts, or a note's words as one string (``word_statistics``)
    facts: dict[str, list | str] = field(default_factory=dict)
    facts_for: tuple | None = None  # what the facts were read with (``facts_for``), None: not yet
    changed: bool = True  # not as the cache has it: store it again


def facts_for(doc: Document, reference: dt.date | None = None) -> tuple:
    """What a note's facts are extracted with (``NoteReading.facts_for``): its date, or,
    undated, the set's ``reference`` date its relative dates are read against."""
    return doc.date, reference if doc.date is None else None


def waits_for_the_set(doc: Document) -> bool:
    """Whether a note's facts wait for the whole set: an undated note reads its
    relative dates against the set's latest date, and the set may date anew a note
    whose date was inferred from its text (``set_dating``)."""
    return doc.date is None or doc.date.source == "inferred"


class Readings:
    """The notes of one run as read, by display path, with their cache keys."""

    def __init__(self, cache: NoteCache | None = None, hand_over: bool = False):
        self.cache = cache
        self.hand_over = hand_over  # a worker's: each note goes to the main process with its facts
        self.by_path: dict[str, NoteReading] = {}
        self.keys: dict[str, str] = {}
        self._texts: dict[str, str] = {}  # each line and block text of the run, kept once (``_share``)
        self._sets: dict[frozenset, frozenset] = {}  # each set of words the facts hold, kept once
        self.snapshot: SetSnapshot | None = None

    def open_snapshot(self, paths: list) -> None:
        """Take the notes under ``paths`` that have not changed from their snapshot
        (``set_snapshot``), where the cache holds one."""
        if self.caching:
            self.snapshot = SetSnapshot(self.cache, paths)

    def pack_keys(self):
        """What gives each reading worker the key of its pack (``note_packs``), or None:
        without a cache, the workers keep nothing."""
        return self.snapshot.new_pack if self.caching and self.snapshot is not None else None

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
        found = self._looked_up(path)
        document = self.cached(path, found)
        if document is not None:
            return document
        shown, source, data, key = found
        document = parse(source if source is not None else source_of(path, data, shown))
        return self.adopt(NoteReading(document, document.date), key)

    def read_note(self, path, lexicon, extractors: dict | None = None) -> Document:
        """The note in ``path``, from the cache or parsed (``read``); with ``extractors``,
        a dated note's facts extracted at once (``extract_dated``). A bug while reading
        it is an ``InternalError`` naming the note (a bad note is a read-error finding,
        not an error); a user's pattern that ran out of time stays a ``ConfigError``."""
        try:
            document = self.read(path, lambda source: structure.parse_document(source, lexicon))
            if extractors is not None:
                self.extract_dated(document, extractors)
            return document
        except (ConfigError, InternalError):
            raise  # a note rule's bug names the rule (``rule_findings.note_reader``)
        except Exception as err:
            raise InternalError(f"reading {path}", err) from err

    def cached(self, path, found: tuple | None = None) -> Document | None:
        """The note in the file ``path`` as the cache holds it, taken into this run;
        None when the cache does not hold it (or there is no cache)."""
        if not self.caching:
            return None
        shown, _source, _data, key = found or self._looked_up(path)
        if key is None:
            return None
        if self.snapshot is not None:
            reading, shared = self.snapshot.lookup(shown, key)
        else:
            reading, shared = self.cache.load(key), False
        if not (isinstance(reading, NoteReading) and reading.document.path == shown):
            return None
        reading.document.date = reading.own_date  # the set dates it anew (``set_dating``)
        reading.changed = False
        return self.adopt(reading, key, shared)

    def _looked_up(self, path) -> tuple:
        """(display path, source or None, file bytes or None, cache key or None). A note
        is found in the cache by its file's bytes (and its path), so that an unchanged
        one is not decoded, unpacked or laid out again: the bytes decide everything
        reading them gives (its text, encoding, problems), and the cache key's salt the
        rest (annolint, rule packs, configuration, the message language)."""
        shown = display_path(path)
        source: RawSource | None = None
        data = key = None
        if self.caching:
            data = read_bytes(path, shown)
            if isinstance(data, RawSource):
                source = data  # the file could not be read: its problem is the note
                key = self.cache.key_of(shown, "unread", source.problem)
            else:
                key = self.cache.key_of(shown, "file", data)
        else:
            source = read_source(path, shown)
        return shown, source, data, key

    def adopt(self, reading: NoteReading, key: str | None, shared: bool = False) -> Document:
        """A note read here or by a worker process (``reading_processes``), with its
        cache key (None without a cache); its strings made the run's own unless they are
        ``shared`` already."""
        path = reading.document.path
        if not shared:
            self._share(reading.document)
            self._share_facts(reading.facts)
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

    def _share_facts(self, facts: dict) -> None:
        """One object for each string and set of words the notes' facts hold: a note's
        reading comes from the cache or a worker with objects of its own, and copies
        of a sentence in many notes hold equal ones. On 1,000 notes the statements
        hold 80,000 strings, 8,000 of them different, and 30,000 sets of words, 3,200
        different.

        The facts are frozen dataclasses; an equal string or set in place of another
        changes nothing they say (``_shared_fields``)."""
        for found in facts.values():
            if type(found) is not list:
                continue
            for i, fact in enumerate(found):
                if type(fact) is frozenset:  # the words a note writes with a capital (``sentences``)
                    found[i] = self._sets.setdefault(fact, fact)
                elif type(fact) is not str and type(fact) is not int:
                    self._shared_fields(fact)

    def _shared_fields(self, fact) -> None:
        """The strings and sets of ``fact``'s fields, and of the slotted facts it holds
        in a tuple (a question's answer sentences), replaced by the run's equal ones."""
        state = getattr(fact, "__dict__", None)
        if state is None:
            slots = getattr(type(fact), "__slots__", ())
            for name in slots:
                value = getattr(fact, name, None)
                if type(value) is str or type(value) is frozenset:
                    object.__setattr__(fact, name, self._one_of(value))
            return
        for name, value in state.items():
            kind_of = type(value)
            if kind_of is str or kind_of is frozenset:
                state[name] = self._one_of(value)
            elif kind_of is tuple and value and hasattr(type(value[0]), "__slots__"):
                for item in value:
                    self._shared_fields(item)

    def _one_of(self, value):
        """The run's one string or set equal to ``value``."""
        table = self._texts if type(value) is str else self._sets
        return table.setdefault(value, value)

    def facts(self, kind: str, doc: Document, reference: dt.date | None, extract) -> list | str:
        """What ``extract(doc)`` finds in a note, read once: from the cache when it was
        extracted for the same date and reference."""
        reading = self.by_path.get(doc.path)
        if reading is None or reading.document is not doc:
            return extract(doc)
        inputs = facts_for(doc, reference)
        if reading.facts_for != inputs:
            reading.facts, reading.facts_for, reading.changed = {}, inputs, True
        found = reading.facts.get(kind) if self.keeping_facts else reading.facts.pop(kind, None)
        if found is None:
            found = extract(doc)
            if self.keeping_facts:
                reading.facts[kind], reading.changed = found, True
        return found

    def earlier_facts(self, path: str, key: str, kind: str) -> list | str | None:
        """The facts of ``kind`` of the version of the note at ``path`` that had cache
        ``key``: held by the snapshot or a pack and not taken by the run
        (``SetSnapshot.earlier``), or in the cache's entry for it; None when neither
        holds them."""
        reading = self.snapshot.earlier.get(path, {}).get(key) if self.snapshot is not None else None
        if reading is None and self.caching:
            reading = self.cache.load(key, counted=False)
        if not (isinstance(reading, NoteReading) and reading.document.path == path):
            return None
        return reading.facts.get(kind)

    def extract_dated(self, doc: Document, extractors: dict) -> None:
        """Extract every kind of a dated note's facts now, while notes are read side by
        side (``reading_processes``), not later one by one; kept with its reading until
        the index asks (``facts``). An undated note waits for the set's reference date;
        the kinds a cached reading holds already are not extracted again."""
        reading = self.by_path.get(doc.path)
        if doc.date is None or reading is None or reading.document is not doc:
            return
        inputs = facts_for(doc)
        if reading.facts_for != inputs:
            reading.facts, reading.facts_for, reading.changed = {}, inputs, True
        for kind, extract in extractors.items():
            if kind not in reading.facts:
                reading.facts[kind], reading.changed = extract(doc), True

    def holds(self, doc: Document, kinds: frozenset[str] | None) -> bool:
        """Whether the reading of ``doc`` holds every one of the ``kinds`` of facts
        (one cached by a run with other rules may not). An undated note, or one dated
        by inference, holds what it can: the set dates it (``set_dating``) and its
        facts wait for that."""
        reading = self.by_path.get(doc.path)
        if not kinds or reading is None or reading.document is not doc or waits_for_the_set(doc):
            return True
        return reading.facts_for == facts_for(doc) and kinds <= reading.facts.keys()

    def set_key(self, rule_ids: list[str]) -> str | None:
        """The cache key of the whole run's findings: every note's key (its path and
        text), and the rules that ran; None when a note has no key (no cache)."""
        if not self.caching or len(self.keys) != len(self.by_path):
            return None
        return self.cache.key_of("findings", *sorted(self.keys.values()), *rule_ids)

    # The findings of a run are kept in one entry for its paths and rules, the set's key
    # in front of them: an entry for every state of the set would grow with every edit
    # (1.4 MB on 1,000 notes), and a run whose set changed reads the key alone (the
    # findings of 4,000 notes took 0.17 s to unpickle).

    def kept_findings(self, rule_ids: list[str]) -> list | None:
        """The findings of the run before, when it checked the paths of this one
        (``open_snapshot``) and found these notes, as they are now, under these rules;
        None otherwise."""
        key = self.set_key(rule_ids)
        if key is None or self.snapshot is None:
            return None
        found = self.cache.load_marked(self.snapshot.findings_key(rule_ids), key, "findings")
        return found if isinstance(found, list) else None

    def keep_findings(self, rule_ids: list[str], findings: list) -> None:
        key = self.set_key(rule_ids)
        if key is not None and self.snapshot is not None:
            self.cache.store_marked(self.snapshot.findings_key(rule_ids), key, findings)

    def store(self) -> None:
        """Keep what this run read anew for the next one, and the set's snapshot when it
        has grown stale; many notes read anew in one pack (``note_packs``), a few each
        in an entry of its own."""
        if self.snapshot is not None:
            snapshot = self.snapshot
            changed = [path for path, reading in self.by_path.items() if reading.changed and path in self.keys]
            if not snapshot.store(self.by_path, self.keys) and len(changed) >= PACK_FROM and self.caching:
                pack = NoteStream(self.cache, snapshot.new_pack())
                for path in changed:
                    self._stored(path, lambda reading: pack.add(path, self.keys[path], reading))
                pack.close()
            snapshot.list_packs()
        for path in self.by_path:
            self.store_note(path)

    def store_note(self, path: str) -> None:
        """Keep one note as read for the next run, unless the cache holds it so already."""
        if self.cache is not None:
            self._stored(path, lambda reading: self.cache.store(self.keys[path], reading))

    def _stored(self, path: str, keep) -> None:
        """``keep(reading)`` the note at ``path`` as its own date has it, unless the
        cache holds it so already."""
        reading = self.by_path[path]
        if path not in self.keys or not reading.changed:
            return
        date, reading.document.date = reading.document.date, reading.own_date
        try:
            keep(reading)
        finally:
            reading.document.date = date
        reading.changed = False
