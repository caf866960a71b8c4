"""The whole set as read, in one cache entry: a warm run takes its unchanged notes
from it in one load.

Loading a thousand notes' entries one by one takes most of a warm run's reading:
each is a file to open, check and unpickle, and the equal strings of different notes
are made one object again (``Readings._share``). Notes pickled one after another by
one pickler keep the objects they share and load in a third of that time (0.19
against 0.62 s on 1,000 notes; finding each note's key, from its text, is the rest).

The snapshot is found by the paths the run was asked to check. Each note in it keeps
its own cache key, which holds its text and everything that decides how it is read
(the key's salt: annolint, rule packs, configuration), so a note that changed in any
way, or was added, is not taken from it but from its own entry or read again.

The notes a run's reading workers read anew are kept in packs (``note_packs``), listed
in one more entry found by the same paths. A pack is pickled as the snapshot is, so
its notes load as fast: a run takes a note from a pack as from the snapshot, and
counts it as held by the snapshot.

Writing the snapshot takes a third of a second for a thousand notes, at the end of
the run. A run that read most of its notes afresh does not write it: a CI job on a
fresh checkout would pay for a cache it throws away, and its packs serve the next
run. A run writes it only when more than ``STALE_SHARE`` of the notes are not as the
snapshot and the packs hold them (or, with neither, when most notes came from their
own entries): one edited note is taken from its own entry without the whole set being
written again, and edits that pile up are folded in at last; the packs are then
deleted.
"""

from __future__ import annotations

import secrets
from pathlib import Path

from annolint.cache import NoteCache
from annolint.note_packs import SNAPSHOT, NoteStream, read_notes

STALE_SHARE = 0.1
# The most notes whose earlier versions a run keeps (``SetSnapshot.earlier``): beyond,
# the set's totals are summed again, as fast as subtracting that many.
EARLIER = 64


class SetSnapshot:
    """The snapshot of the notes under ``paths`` in ``cache``: what it holds is taken
    note by note (``lookup``), and written at the end of the run when due (``store``).
    The entries found by the same paths live here too: the list of packs, the
    findings of the last run (``findings_key``) and what its rule kinds kept
    (``entry_key``)."""

    def __init__(self, cache: NoteCache, paths: list[Path]):
        self.cache = cache
        self._paths = tuple(map(str, paths))  # what the set's entries are found by
        self.key = cache.key_of("set", *self._paths)
        # path -> (the note's cache key, its NoteReading)
        held = read_notes(cache, self.key, SNAPSHOT, "set") or ()
        self._held = {path: (key, reading) for path, key, reading in held}
        self.taken: dict[str, object] = {}  # path -> the reading taken
        self.gone = 0  # notes it held that the run did not take (``let_go``), versions superseded
        self.from_entries = 0  # notes taken from their own entries
        # path -> {cache key: reading} of versions of the set's notes it held that no
        # note took (a note edited, removed): what the set's totals subtract (``set_totals``)
        self.earlier: dict[str, dict[str, object]] = {}
        self.packs_key = cache.key_of("packs", *self._paths)
        listed = cache.load(self.packs_key, "packs")
        self.packs: list[str] = [k for k in listed if type(k) is str] if type(listed) is list else []
        self.written_packs: list[str] = []  # by this run's reading workers
        self._packed: dict[str, dict[str, object]] = {}  # path -> {cache key: the note's reading}
        for pack in self.packs:
            for path, key, reading in read_notes(cache, pack) or ():
                self._packed.setdefault(path, {})[key] = reading  # a later pack's (the main process's) first
        self.found = bool(self._held or self._packed)  # the snapshot or a pack holds notes of the set

    def findings_key(self, rule_ids: list[str]) -> str:
        """Where the findings of the set's last run under these rules are kept
        (``Readings.kept_findings``)."""
        return self.entry_key("findings for", *rule_ids)

    def entry_key(self, what: str, *parts: str) -> str:
        """Where the set's last run kept ``what`` (its findings, a kind's pairs:
        ``kept_pairs``), named by ``parts``."""
        return self.cache.key_of(what, *self._paths, *parts)

    def new_pack(self) -> str:
        """The key of a new pack, for a reading worker of this run (``note_packs``)."""
        key = self.cache.key_of("pack", secrets.token_hex(16))  # each run's own: runs at once write their own
        self.written_packs.append(key)
        return key

    def lookup(self, path: str, key: str) -> tuple[object | None, bool]:
        """(what the cache holds for the note at ``path`` under ``key``, or None;
        whether it comes from the snapshot or a pack, whose notes share their strings
        already, as the run that wrote it shared them). From the snapshot, else from
        the note's own entry, else from a pack: the main process may have stored its
        own entry later in the run that wrote the pack, with facts the worker could
        not extract yet. Each is taken once: the snapshot and the packs let go of the note."""
        held = self._held.pop(path, None)
        versions = self._packed.pop(path, {})
        packed = versions.get(key)
        if held is not None and held[0] == key:
            return self._taken(path, held[1])
        self._superseded(path, versions, held, key)
        reading = self.cache.load(key, counted=False)
        if reading is None and packed is not None:
            # earlier versions in older packs are loaded by every run, and taken by none:
            # they count as notes the set no longer has (``store``)
            self.gone += len(versions) - 1
            return self._taken(path, packed)
        if reading is not None:
            self.from_entries += 1
        self.cache.count("note", reading is not None)
        return reading, False

    def _taken(self, path: str, reading) -> tuple[object, bool]:
        self.taken[path] = reading
        self.cache.count("note", True)
        return reading, True

    def _superseded(self, path: str, versions: dict[str, object], held: tuple | None, key: str) -> None:
        """Keep the versions of the note at ``path`` other than ``key`` in ``earlier``,
        while they are few (``EARLIER``)."""
        if len(self.earlier) >= EARLIER:
            return
        found = {k: reading for k, reading in versions.items() if k != key}
        if held is not None:
            found.setdefault(held[0], held[1])
        if found:
            self.earlier[path] = found

    def let_go(self) -> None:
        """Every note of the run looked up: let go of what no note took (notes the set
        no longer has), from the snapshot and the packs: 80 MB on 4,000 notes, kept
        while the rules run; a few are kept in ``earlier``. A changed note's are let
        go when it is looked up (``lookup``)."""
        for path in sorted(self._held.keys() | self._packed.keys()):
            if len(self.earlier) >= EARLIER:
                break
            self._superseded(path, self._packed.get(path, {}), self._held.get(path), "")
        self.gone += len(self._held) + len(self._packed)
        self._held.clear()
        self._packed.clear()

    def store(self, readings: dict, keys: dict[str, str]) -> bool:
        """Write the snapshot of ``readings`` (NoteReading by path, each stored under
        ``keys``) when it is due: neither a snapshot nor a pack was found and most
        notes came from their own entries, or one was found and too many notes are not
        as the two hold them (not taken from them, read again for facts they lacked,
        given more facts since), or they hold too many notes the set no longer has, or
        versions of its notes that later packs replace; whether it was written. Then
        the packs go: the snapshot holds their notes."""
        self.let_go()  # notes it held that this run did not take: removed, renamed or changed
        if not self.cache.enabled or len(keys) != len(readings) or not readings:
            return False
        if not (self._due(readings, self.gone) and self._write(readings, keys)):
            return False
        for pack in self.packs + self.written_packs:
            self.cache.remove(pack)
        self.cache.remove(self.packs_key)
        self.packs, self.written_packs = [], []
        return True

    def list_packs(self) -> None:
        """List the packs written in this run with the others, for the next run."""
        if self.written_packs:
            self.cache.store(self.packs_key, self.packs + self.written_packs)

    def _due(self, readings: dict, gone: int) -> bool:
        if not self.found and self.from_entries < len(readings) / 2:
            return False  # read afresh: perhaps a cache nobody keeps
        stale = gone + sum(1 for path, reading in readings.items()
                           if self.taken.get(path) is not reading or reading.changed)
        return not self.found or stale > STALE_SHARE * len(readings)

    def _write(self, readings: dict, keys: dict[str, str]) -> bool:
        stream = NoteStream(self.cache, self.key, SNAPSHOT, segment=None)
        dates = {path: reading.document.date for path, reading in readings.items()}
        try:
            for path, reading in readings.items():
                reading.document.date = reading.own_date  # the set dates it anew (``set_dating``)
                stream.add(path, keys[path], reading)
        except Exception:  # noqa: BLE001 - a note that cannot be pickled: no snapshot
            stream.discard()
            return False
        finally:
            for path, reading in readings.items():
                reading.document.date = dates[path]
        return stream.close()
