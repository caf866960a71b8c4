"""A cache of what annolint reads from each note, so that a second run reads only
the notes that changed.

An entry holds one note as read (its ``Document`` and the facts extracted from it,
``reading.NoteReading``), stored under a key made of the note's content and path and
of everything that decides how it is read: annolint's version, the rule packs'
and lexicons' bytes, the configuration's, and Python's version. A changed note,
rule pack or setting gives another key; the old entry is simply not found again.

Entries live in ``.annolint_cache/`` in the working directory (ruff and mypy keep
theirs the same way), with a ``.gitignore`` inside so git never takes them up. Each
is written to a temporary file and renamed into place, so a reader never sees half
an entry and two runs at once each write whole ones. An entry is signed with a key
kept in the user's own cache folder (HMAC-SHA256): one that is truncated, corrupt,
from another version or from someone else (a cache folder committed to a
repository) fails the check and is read again from the note, never trusted.

Each edit of a note, each new annolint and each changed setting leaves entries that
no run asks for again. An entry is touched whenever a run uses it, and once a day a
run ends by deleting the entries no run has used for ``UNUSED_DAYS`` (``sweep``),
and the temporary files a run that was killed while writing left behind.
"""

from __future__ import annotations

import hashlib
import hmac
import io
import os
import pickle
import secrets
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

CACHE_DIR = ".annolint_cache"
FORMAT = b"annolint-cache-3"  # bumped when the entries' layout changes
_DIGEST = hashlib.sha256().digest_size
UNUSED_DAYS = 30  # an entry no run used for this long is deleted (a council's summer recess is longer:
# the first run after it reads the notes again)
SWEEP_EVERY = 24 * 3600.0  # seconds between two sweeps of the folder
LEFT_BEHIND = 3600.0  # a temporary file this old belongs to no running run
_SWEPT = ".last-sweep"  # the folder's marker: when it was last swept


def _user_key() -> bytes | None:
    """The signing key, made once per user in their own cache folder; None when it
    cannot be kept (then nothing is cached). Two first runs at once make one key: the
    first to put its key in place wins and the other takes it (with a replace instead,
    each could sign with its own, and the loser's entries would not be trusted)."""
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "annolint"
    path = base / "cache-key"
    key = _read_key(path)
    if key is not None:
        return key
    try:
        base.mkdir(parents=True, exist_ok=True)
        descriptor, temporary = tempfile.mkstemp(dir=base)
        try:
            with os.fdopen(descriptor, "wb") as handle:
                handle.write(secrets.token_bytes(32))
            os.chmod(temporary, 0o600)
            try:
                os.link(temporary, path)  # whole, and only where there is no key yet
            except FileExistsError:
                if _read_key(path) is None:
                    os.replace(temporary, path)  # a damaged key: ours in its place
        finally:
            Path(temporary).unlink(missing_ok=True)
        return _read_key(path)
    except OSError:
        return None


def _read_key(path: Path) -> bytes | None:
    try:
        key = path.read_bytes()
    except OSError:
        return None
    return key if len(key) == 32 else None


class NoteCache:
    """Signed entries by key in ``folder``; a cache that cannot be used (no folder,
    no key, a read-only disk) quietly stores nothing and finds nothing."""

    def __init__(self, folder: Path | None, salt: bytes):
        self.folder = folder
        self.salt_input = salt  # what a worker process builds the same cache from
        self.salt = hashlib.sha256(FORMAT + sys.version.encode() + salt).digest()
        self.key = _user_key() if folder is not None else None
        self.enabled = self.key is not None
        self._ignored = False  # the folder's .gitignore written this run
        self._counted: dict[str, list[int]] = {}  # by kind of entry: [found, not found]

    def key_of(self, *parts: bytes | str) -> str:
        digest = hashlib.sha256(self.salt)
        for part in parts:
            data = part.encode("utf-8", "surrogatepass") if isinstance(part, str) else part
            digest.update(len(data).to_bytes(8, "big"))
            digest.update(data)
        return digest.hexdigest()

    def counts(self, kind: str) -> tuple[int, int]:
        """(found, not found) of the entries of one kind asked for ("note", "findings")."""
        found, missed = self._counted.get(kind, (0, 0))
        return found, missed

    def load(self, key: str, kind: str = "note", counted: bool = True) -> Any | None:
        """The value stored under ``key``, or None; ``counted`` as an entry of ``kind``
        asked for (``counts``)."""
        if not self.enabled:
            return None
        value = self._load(key)
        if counted:
            self.count(kind, value is not None)
        return value

    def count(self, kind: str, found: bool) -> None:
        """Count one entry of ``kind`` asked for (``counts``)."""
        self._counted.setdefault(kind, [0, 0])[not found] += 1

    def _load(self, key: str) -> Any | None:
        blob = self._verified(key)
        if blob is None:
            return None
        try:
            return pickle.loads(memoryview(blob)[_DIGEST:])
        except Exception:  # noqa: BLE001 - signed but unreadable (another annolint's classes): read again
            return None

    def load_marked(self, key: str, mark: Any, kind: str) -> Any | None:
        """The value of the entry under ``key`` stored with ``mark`` (``store_marked``),
        or None when the entry holds another mark: the value is not unpickled then."""
        if not self.enabled:
            return None
        blob = self._verified(key)
        value = None
        if blob is not None:
            objects = _objects(blob)
            try:
                if next(objects) == mark:
                    value = next(objects)
            except Exception:  # noqa: BLE001 - signed but unreadable (another annolint's classes): worked out again
                value = None
        self.count(kind, value is not None)
        return value

    def store_marked(self, key: str, mark: Any, value: Any) -> None:
        """Store ``value`` under ``key`` behind ``mark``, which ``load_marked`` reads first."""
        entry = self.entry(key)
        if entry is not None and entry.add(mark) and entry.add(value):
            entry.close()

    def verified_payload(self, key: str, kind: str) -> memoryview | None:
        """The payload of the entry under ``key`` as written (``Entry.put``), when its
        signature holds; None otherwise."""
        if not self.enabled:
            return None
        blob = self._verified(key)
        self.count(kind, blob is not None)
        return memoryview(blob)[_DIGEST:] if blob is not None else None

    def remove(self, key: str) -> None:
        """Delete the entry under ``key``, if there is one."""
        if self.enabled:
            try:
                os.unlink(self.folder / key[:2] / key)
            except OSError:
                pass

    def _verified(self, key: str) -> bytes | None:
        """The entry under ``key`` as stored (signature, then payload) when its signature
        holds; None when there is none, or it is truncated, corrupt or not signed with
        this user's key."""
        path = self.folder / key[:2] / key
        try:
            blob = path.read_bytes()
        except OSError:
            return None
        expected = self._signature(key)
        expected.update(memoryview(blob)[_DIGEST:])
        if len(blob) < _DIGEST or not hmac.compare_digest(blob[:_DIGEST], expected.digest()):
            return None
        try:
            os.utime(path)  # used now: the sweep keeps it
        except OSError:
            pass  # a cache on a read-only disk is still read
        return blob

    def _signature(self, key: str):
        """The signature of an entry under ``key``, to be fed its payload."""
        return hmac.new(self.key, key.encode(), hashlib.sha256)

    def store(self, key: str, value: Any) -> None:
        if not self.enabled:
            return
        try:
            payload = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        except Exception:  # noqa: BLE001 - a value that cannot be pickled is simply not kept
            return
        entry = self.entry(key)
        if entry is not None and entry.put(payload):
            entry.close()

    def entry(self, key: str) -> Entry | None:
        """A new entry under ``key``, written bit by bit; None without a cache (or when
        the disk will not take it: then there is no cache for the rest of the run)."""
        if not self.enabled:
            return None
        try:
            return Entry(self, key)
        except OSError:
            self.enabled = False  # a full or read-only disk: go on without the cache
            return None

    def sweep(self, now: float | None = None) -> int:
        """Delete the entries no run has used for ``UNUSED_DAYS`` and the temporary
        files left by runs that stopped midway, at most once every ``SWEEP_EVERY``;
        the number deleted. A run at the same time that wanted an entry deleted here
        reads its note again (an entry used since is not deleted: it was touched)."""
        if not self.enabled or self.folder is None:
            return 0
        now = time.time() if now is None else now
        marker = self.folder / _SWEPT
        try:
            if now - marker.stat().st_mtime < SWEEP_EVERY:
                return 0
        except OSError:
            pass  # never swept
        try:
            marker.touch()
            os.utime(marker, (now, now))
            folders = [f for f in os.scandir(self.folder) if len(f.name) == 2 and f.is_dir(follow_symlinks=False)]
        except OSError:
            return 0  # a read-only cache: nothing to sweep
        deleted = 0
        for folder in folders:
            try:
                files = list(os.scandir(folder.path))
            except OSError:
                continue
            for entry in files:
                try:
                    age = now - entry.stat(follow_symlinks=False).st_mtime
                    if age > (LEFT_BEHIND if entry.name.startswith(".tmp-") else UNUSED_DAYS * 86400.0):
                        os.unlink(entry.path)
                        deleted += 1
                except OSError:
                    continue  # gone already (another run swept it), or not ours to delete
        return deleted

    def _ignore_in_git(self) -> None:
        if self._ignored:
            return
        ignore = self.folder / ".gitignore"
        if not ignore.exists():
            ignore.write_text("# Made by annolint: its cache of read notes, never committed.\n*\n",
                              encoding="utf-8")
        self._ignored = True


def _objects(blob: bytes) -> Iterator[Any]:
    """The objects pickled one after another into an entry's payload (``Entry.add``),
    unpickled as they are asked for."""
    stream = io.BytesIO(blob)  # shares the bytes read (a slice would copy them)
    stream.seek(_DIGEST)
    unpickler = pickle.Unpickler(stream)
    while True:
        try:
            yield unpickler.load()
        except EOFError:
            return


class Entry:
    """An entry being written: to a temporary file in the cache folder, signed as it
    is written, put in place whole by ``close`` (a reader never sees half of it, and
    runs at the same time each put whole ones), or dropped by ``discard``. Its payload
    is written as it is (``put``), or as objects pickled one at a time by one
    pickler (``add``): an object shared with one added before is written once and
    comes back shared (``NoteCache.load_marked``, ``note_packs``). A disk that fails it turns the cache
    off for the rest of the run."""

    def __init__(self, cache: NoteCache, key: str):
        self.cache, self.key = cache, key
        folder = cache.folder / key[:2]
        folder.mkdir(parents=True, exist_ok=True)
        cache._ignore_in_git()
        descriptor, self.temporary = tempfile.mkstemp(dir=folder, prefix=".tmp-")
        self.handle = os.fdopen(descriptor, "wb")
        self.signature = cache._signature(key)
        self.handle.write(bytes(_DIGEST))  # the signature's place, filled in by ``close``
        self.pickler: pickle.Pickler | None = None
        self.open = True

    def write(self, data) -> None:
        """Write ``data`` into the payload (the pickler's way in; raises as the disk does)."""
        self.handle.write(data)
        self.signature.update(data)

    def put(self, payload: bytes) -> bool:
        """Write ``payload`` as it is; False (and the entry dropped) when the disk fails."""
        return self._guarded(lambda: self.write(payload))

    def add(self, value: Any) -> bool:
        """Pickle one more object into the entry; False (and the entry dropped) when it
        cannot be pickled or written."""
        if self.pickler is None and self.open:
            self.pickler = pickle.Pickler(self, protocol=pickle.HIGHEST_PROTOCOL)
        return self._guarded(lambda: self.pickler.dump(value))

    def _guarded(self, step) -> bool:
        if not self.open:
            return False
        try:
            step()
            return True
        except OSError:
            self.cache.enabled = False  # a full or read-only disk: go on without the cache
        except Exception:  # noqa: BLE001 - a value that cannot be pickled: nothing is kept
            pass
        self.discard()
        return False

    def close(self) -> None:
        if not self.open:
            return
        self.open, self.pickler = False, None
        try:
            self.handle.seek(0)
            self.handle.write(self.signature.digest())
            self.handle.close()
            os.replace(self.temporary, self.cache.folder / self.key[:2] / self.key)
        except OSError:
            self.cache.enabled = False
            self.handle.close()
            Path(self.temporary).unlink(missing_ok=True)

    def discard(self) -> None:
        self.open, self.pickler = False, None
        self.handle.close()
        Path(self.temporary).unlink(missing_ok=True)


def salt_for(config) -> bytes:
    """What decides how a note is read besides the note: annolint's version and its
    code (a development checkout changes without a new version), the rule packs,
    lexicons and the user's rule folders (path and bytes), and the configuration."""
    import annolint
    from annolint.ruleset import builtin_rules_dir

    code = Path(annolint.__file__).parent
    files = [*code.rglob("*.py"), *builtin_rules_dir().rglob("*.yaml"), *config.lexicons,
             *(f for folder in config.rule_dirs if folder.is_dir() for f in folder.rglob("*.yaml"))]
    if config.path is not None:
        files.append(config.path)
    # a rule folder that holds no rule file still counts: one that disappears is an error
    folders = "".join("1" if folder.is_dir() else "0" for folder in config.rule_dirs)
    return _files_digest(files, annolint.__version__.encode() + repr(config).encode() + folders.encode())


def _files_digest(files: list[Path], extra: bytes) -> bytes:
    digest = hashlib.sha256(extra)
    for path in sorted(set(files)):
        digest.update(str(path).encode("utf-8", "surrogateescape"))
        try:
            digest.update(path.read_bytes())
        except OSError:
            digest.update(b"\x00unreadable")
    return digest.digest()
