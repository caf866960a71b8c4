"""The whole set as read, in one cache entry: a warm run takes its unchanged notes
from it in one load.

Loading a thousand notes' entries one by one takes most of a warm run's reading:
each is a file to open, check and unpickle, and the equal strings of different notes
are made one object again (``Readings._share``). The set's readings pickled together
keep the objects they share and load in a quarter of that time.

The snapshot is found by the paths of the set's notes. Each note in it keeps its own
cache key, which holds its text and everything that decides how it is read (the
key's salt: annolint, rule packs, configuration), so a note that changed in any way
is not taken from it, but from its own entry or read again. A run writes the
snapshot when it found none, or when more than ``STALE_SHARE`` of its notes did not
come from it: one edited note is taken from its own entry without the whole set
being written again, and edits that pile up are folded in at last. Pickling a
thousand notes takes a third of a second: where the rules run side by side, a
process of its own writes it while they finish (``rule_processes``).
"""

from __future__ import annotations

from pathlib import Path

from annolint.cache import NoteCache

STALE_SHARE = 0.1


class SetSnapshot:
    """The snapshot of the set of ``files`` in ``cache``: what it holds is taken note by
    note (``take``); ``store`` writes it anew when it has grown stale."""

    def __init__(self, cache: NoteCache, files: list[Path]):
        self.cache = cache
        self.key = cache.key_of("set", *map(str, files))
        found = cache.load(self.key, "set")
        # path -> (the note's cache key, its NoteReading)
        self._held: dict[str, tuple] = found if isinstance(found, dict) else {}
        self.found = bool(self._held)
        self.taken: dict[str, object] = {}  # path -> the reading taken

    def take(self, path: str, key: str):
        """What the snapshot holds for the note at ``path`` under ``key`` (a
        ``NoteReading``, unless the entry is not annolint's own), or None. Taken once:
        the snapshot lets go of it."""
        held = self._held.pop(path, None)
        if type(held) is not tuple or len(held) != 2 or held[0] != key:
            return None
        self.taken[path] = held[1]
        self.cache.count("note", True)
        return held[1]

    def due(self, readings: dict, keys: dict[str, str]) -> bool:
        """Whether the snapshot of ``readings`` (NoteReading by path, each stored under
        ``keys``) is to be written: none was found, or too many of them are not as it
        holds them: not taken from it, or read again for facts it lacked (a narrower
        run wrote it), or given more facts since."""
        self._held.clear()
        if not self.cache.enabled or len(keys) != len(readings) or not readings:
            return False
        stale = sum(1 for path, reading in readings.items()
                    if self.taken.get(path) is not reading or reading.changed)
        return not self.found or stale > STALE_SHARE * len(readings)

    def write(self, readings: dict, keys: dict[str, str]) -> None:
        """Write the snapshot of ``readings``, each note with the date it gives itself
        (the set dates it anew in every run: ``set_dating``)."""
        dates = {path: reading.document.date for path, reading in readings.items()}
        try:
            for reading in readings.values():
                reading.document.date = reading.own_date
            self.cache.store(self.key, {path: (keys[path], reading) for path, reading in readings.items()})
        finally:
            for path, reading in readings.items():
                reading.document.date = dates[path]
