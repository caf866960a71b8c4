"""Notes read in bulk kept in a few cache entries, not one file each.

A run with no snapshot of the set (``set_snapshot``: a first run, a CI job on a fresh
checkout) reads every note anew. Written one entry per note, the cache cost a
thousand files: creating a file takes 0.2-0.7 ms on this kind of disk, so 0.3-1.2 s
of a 7 s run on 1,000 notes, for a cache that a CI job throws away. Instead each
reading worker writes the notes it read into one entry, its pack, as records of
(path, cache key, the note as pickled for the main process): the bytes it pickled
anyway, written once more; the main process packs the notes it read anew itself
(undated ones, whose facts wait for the whole set) when there are many. The set's
list of packs (``SetSnapshot``) finds them
again; the next run takes each unchanged note from them by its key, as from the
snapshot, and writes the snapshot, after which the packs are deleted.

A pack is signed as every entry is (``cache.Entry``): one truncated or forged is not
read, and its notes are read again.
"""

from __future__ import annotations

import struct

from annolint.cache import NoteCache

# a record's head: the lengths of its path (UTF-8) and of its note (pickled); then the
# path, the note's cache key (64 hexadecimal digits) and the note
_HEAD = struct.Struct("!IQ")
_KEY = 64
MAGIC = b"annolint-pack-1\n"  # what a pack starts with: an entry of another kind is not read as one
# Fewer notes read anew than this, in the main process, each get an entry of their
# own: found by its key from any run, whatever paths it checks (an edited note).
PACK_FROM = 16


class PackWriter:
    """A pack being written under ``key``: opened with its first note, put in place
    whole by ``close``."""

    def __init__(self, cache: NoteCache, key: str):
        self.cache, self.key = cache, key
        self._entry = None
        self._failed = False

    def add(self, path: str, key: str, payload: bytes) -> bool:
        """Add one note (``payload``: its ``NoteReading`` pickled) under its cache
        ``key``; False when the disk fails (the note is then not kept)."""
        if self._failed:
            return False
        if self._entry is None:
            self._entry = self.cache.entry(self.key)
            if self._entry is None or not self._entry.put(MAGIC):
                self._failed = True
                return False
        name = path.encode("utf-8", "surrogatepass")
        if not self._entry.put(_HEAD.pack(len(name), len(payload)) + name + key.encode("ascii")) \
                or not self._entry.put(payload):
            self._failed = True
            return False
        return True

    def close(self) -> None:
        if self._entry is not None and not self._failed:
            self._entry.close()


def read_pack(cache: NoteCache, key: str) -> list[tuple[str, str, memoryview]] | None:
    """(path, cache key, the note pickled) of each note in the pack under ``key``, in
    order; None when there is none that can be trusted. The notes are views of the
    pack as read: unpickled only when taken."""
    blob = cache.verified_payload(key, "pack")
    if blob is None or blob[:len(MAGIC)] != MAGIC:
        return None
    records = []
    at, end = len(MAGIC), len(blob)
    try:
        while at < end:
            name_length, payload_length = _HEAD.unpack_from(blob, at)
            at += _HEAD.size
            path = bytes(blob[at:at + name_length]).decode("utf-8", "surrogatepass")
            at += name_length
            note_key = bytes(blob[at:at + _KEY]).decode("ascii")
            at += _KEY
            if at + payload_length > end:
                return None
            records.append((path, note_key, blob[at:at + payload_length]))
            at += payload_length
    except (struct.error, UnicodeDecodeError):
        return None  # signed, yet not a pack: another annolint's
    return records
