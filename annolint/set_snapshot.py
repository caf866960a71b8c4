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

Writing it takes a third of a second for a thousand notes, at the end of the run. A
run that read most of its notes afresh does not write it: a CI job on a fresh
checkout would pay for a cache it throws away; the next warm run writes it. A run
that found one writes it again only when more than ``STALE_SHARE`` of the notes are
not as it holds them: one edited note is taken from its own entry without the whole
set being written again, and edits that pile up are folded in at last.
"""

from __future__ import annotations

from pathlib import Path

from annolint.cache import NoteCache

STALE_SHARE = 0.1


class SetSnapshot:
    """The snapshot of the notes under ``paths`` in ``cache``: what it holds is taken
    note by note (``take``), and written at the end of the run when due (``store``)."""

    def __init__(self, cache: NoteCache, paths: list[Path]):
        self.cache = cache
        self.key = cache.key_of("set", *map(str, paths))
        # path -> (the note's cache key, its NoteReading)
        self._held = {item[0]: item[1:] for item in cache.load_stream(self.key, "set") or ()
                      if type(item) is tuple and len(item) == 3}
        self.found = bool(self._held)
        self.taken: dict[str, object] = {}  # path -> the reading taken
        self.from_entries = 0  # notes taken from their own entries

    def take(self, path: str, key: str):
        """What the snapshot holds for the note at ``path`` under ``key`` (a
        ``NoteReading``, unless the entry is not annolint's own), or None. Taken once:
        the snapshot lets go of it."""
        held = self._held.pop(path, None)
        if held is None or held[0] != key:
            return None
        self.taken[path] = held[1]
        self.cache.count("note", True)
        return held[1]

    def store(self, readings: dict, keys: dict[str, str]) -> None:
        """Write the snapshot of ``readings`` (NoteReading by path, each stored under
        ``keys``) when it is due: none was found and most notes came from their own
        entries, or one was found and too many notes are not as it holds them (not
        taken from it, read again for facts it lacked, given more facts since), or it
        holds too many notes the set no longer has."""
        gone = len(self._held)  # notes it holds that this run did not take: removed, renamed or changed
        self._held.clear()
        if not self.cache.enabled or len(keys) != len(readings) or not readings:
            return
        if not self.found and self.from_entries < len(readings) / 2:
            return  # read afresh: perhaps a cache nobody keeps
        stale = gone + sum(1 for path, reading in readings.items()
                           if self.taken.get(path) is not reading or reading.changed)
        if self.found and stale <= STALE_SHARE * len(readings):
            return
        stream = self.cache.entry(self.key)
        if stream is None:
            return
        dates = {path: reading.document.date for path, reading in readings.items()}
        try:
            for path, reading in readings.items():
                reading.document.date = reading.own_date  # the set dates it anew (``set_dating``)
                if not stream.add((path, keys[path], reading)):
                    return
            stream.close()
        finally:
            for path, reading in readings.items():
                reading.document.date = dates[path]
