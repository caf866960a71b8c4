"""Notes read in bulk kept in a few cache entries, not one file each, pickled as one
stream.

A run with no snapshot of the set (``set_snapshot``: a first run, a CI job on a fresh
checkout) reads every note anew. Written one entry per note, the cache cost a
thousand files: creating a file takes 0.2-0.7 ms on this kind of disk, so 0.3-1.2 s
of a 7 s run on 1,000 notes, for a cache that a CI job throws away. Instead each
reading worker writes the notes it reads into one entry, its pack; the main process
packs the notes it read anew itself (undated ones, whose facts wait for the whole
set) when there are many. The set's list of packs (``SetSnapshot``) finds them
again; the next run takes each unchanged note from them by its key, as from the
snapshot.

A pack is a stream (``NoteStream``): the notes pickled one after another by one
pickler, each as a chunk of (path, cache key, reading). A string or set that
several notes hold (a paragraph copied from note to note, which the worker made one
object: ``Readings._share``) is pickled once and comes back as one object. The
worker sends the main process the same chunks, which it takes in by one unpickler
per worker (``NoteUnstream``): pickled once, for both. The main process writes the
set's snapshot the same way (``SNAPSHOT``, one segment), so a pack loads as fast as
the snapshot (one unpickler, shared objects), and the run after a cold one need not
write the snapshot (0.3 s on 1,000 notes) before its notes load fast.

A pack is signed as every entry is (``cache.Entry``): one truncated or forged is not
read, and its notes are read again.
"""

from __future__ import annotations

import io
import pickle

from annolint.cache import NoteCache

# A stream's first object, what it is: an entry of another kind is not read as one
PACK = "annolint-pack-2"
SNAPSHOT = "annolint-set-2"  # the set's snapshot (``set_snapshot``), written the same way
# A pickler keeps every object it pickled alive (its memo holds them): a worker would
# keep every note it read, 40 MB more each on 1,000 notes. So a worker's stream starts
# afresh every this many notes, with SEGMENT before the next note: the unpickler starts
# afresh there too. (An int, as no pickler remembers it.) The main process, which
# holds every note anyway, writes the snapshot as one segment.
SEGMENT_NOTES = 64
SEGMENT = -1
# Fewer notes read anew than this, in the main process, each get an entry of their
# own: found by its key from any run, whatever paths it checks (an edited note).
PACK_FROM = 16


class NoteStream:
    """Notes pickled one after another by one pickler, each note a chunk that refers
    back to the objects of the chunks before it; with a cache and a ``key``, the
    chunks written to the entry under that key (a pack, or with ``head`` SNAPSHOT and
    no ``segment`` the snapshot), put in place whole by ``close``.

    Nothing a chunk holds may change after it is made: a later chunk refers to the
    object as it was then. A note handed on (``reading_processes``) or stored at the
    end of a run is not changed again."""

    def __init__(self, cache: NoteCache | None = None, key: str | None = None, head: str = PACK,
                 segment: int | None = SEGMENT_NOTES):
        self._buffer = io.BytesIO()
        self._pickler = pickle.Pickler(self._buffer, protocol=pickle.HIGHEST_PROTOCOL)
        self._entry = cache.entry(key) if cache is not None and key is not None else None
        self._writing = self._entry is not None
        self._head = self._chunk(head)  # sent with the first note: the unpickler counts its objects too
        self._segment = segment
        self._notes = 0

    def _chunk(self, value) -> bytes:
        """``value`` pickled, after the chunks before it; written to the pack."""
        self._pickler.dump(value)
        data = self._buffer.getvalue()
        self._buffer.seek(0)
        self._buffer.truncate()
        if self._writing and not self._entry.put(data):
            self._writing = False  # the disk failed: no pack, the chunks go on
        return data

    def add(self, path: str, key: str | None, reading) -> bytes:
        """The chunk of one note (a ``NoteReading``), read from ``path``, under its cache ``key``."""
        if self._segment and self._notes and self._notes % self._segment == 0:
            self._pickler = pickle.Pickler(self._buffer, protocol=pickle.HIGHEST_PROTOCOL)
            self._head = self._chunk(SEGMENT)
        self._notes += 1
        data = self._chunk((path, key, reading))
        if self._head:
            data, self._head = self._head + data, b""
        return data

    def close(self) -> bool:
        """Put the entry in place; whether it was written whole."""
        written = self._writing
        if written:
            self._entry.close()
        self._writing = False
        return written and self._entry.cache.enabled

    def discard(self) -> None:
        """Drop the entry (a note that could not be pickled)."""
        if self._writing:
            self._entry.discard()
        self._writing = False


class NoteUnstream:
    """The notes of one ``NoteStream`` that starts with ``head``, in the order they
    were made: chunk by chunk (``load``), or a whole entry's at once (``notes``)."""

    def __init__(self, head: str = PACK) -> None:
        self._feed = _Feed()
        self._unpickler = pickle.Unpickler(self._feed)
        self._head = head
        self._headed = False

    def load(self, data: bytes) -> tuple:
        """(path, cache key, reading) of the next chunk."""
        self._feed.set(data)
        found = self._next()
        if self._feed.left:
            raise pickle.UnpicklingError("a chunk holds more than one note")
        return found

    def notes(self, data: memoryview) -> list[tuple]:
        """(path, cache key, reading) of each note of a whole stream, its pack."""
        self._feed.set(data)
        found = []
        while self._feed.left:
            found.append(self._next())
        return found

    def _next(self) -> object:
        """The next note, past the stream's head and a new segment's mark."""
        while True:
            found = self._unpickler.load()
            if not self._headed:
                if found != self._head:
                    raise pickle.UnpicklingError(f"not a stream of notes starting with {self._head}")
                self._headed = True
            elif found == SEGMENT:
                self._unpickler = pickle.Unpickler(self._feed)
            else:
                return found


class _Feed:
    """The file an unpickler reads: one chunk at a time, set before each load."""

    def __init__(self) -> None:
        self._view = memoryview(b"")
        self._at = 0

    def set(self, data: bytes) -> None:
        self._view, self._at = memoryview(data), 0

    @property
    def left(self) -> int:
        return len(self._view) - self._at

    def read(self, size: int = -1) -> bytes:
        end = len(self._view) if size < 0 else min(self._at + size, len(self._view))
        data = bytes(self._view[self._at:end])
        self._at = end
        return data

    def readinto(self, buffer) -> int:
        size = min(len(buffer), self.left)
        buffer[:size] = self._view[self._at:self._at + size]
        self._at += size
        return size

    def readline(self) -> bytes:
        rest = bytes(self._view[self._at:])
        end = rest.find(b"\n") + 1 or len(rest)
        self._at += end
        return rest[:end]


def read_notes(cache: NoteCache, key: str, head: str = PACK,
               kind: str = "pack") -> list[tuple[str, str, object]] | None:
    """(path, cache key, reading) of each note in the stream under ``key`` that starts
    with ``head`` (a pack, or the snapshot), in order; None when there is none that
    can be trusted (``kind``: what ``NoteCache.counts`` counts it as)."""
    payload = cache.verified_payload(key, kind)
    if payload is None:
        return None
    try:
        found = NoteUnstream(head).notes(payload)
    except Exception:  # noqa: BLE001 - signed but of another kind, or another annolint's classes: read again
        return None
    return [note for note in found if type(note) is tuple and len(note) == 3]
