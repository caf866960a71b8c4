"""Find the notes of a briefing set and read them as text.

Reading never raises for a bad file: it returns a ``RawSource`` whose ``problem``
says, in plain words, why the file could not be read (binary, too large, a line too
long) or what was assumed (an encoding other than UTF-8). annolint opens files for
reading only.
"""

from __future__ import annotations

import fnmatch
import functools
import os
import stat
from dataclasses import dataclass, replace
from pathlib import Path

from annolint.i18n import number as grouped, say
from annolint.readers import reader_for

DEFAULT_EXTENSIONS = (".txt", ".md", ".docx", ".pdf", ".doc")  # .doc: named as unread (readers.old_word)
MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_LINE_CHARS = 20_000


@dataclass(frozen=True)
class RawSource:
    path: str  # display path
    text: str
    encoding: str
    problem: str = ""  # plain-language reason; empty when the file read cleanly
    readable: bool = True  # False: nothing of the file can be checked
    form: str = "text"  # "text", or the document format it was read from ("docx", "pdf")
    pages: tuple[int, ...] = ()  # a paginated source: the first text line of each page


def display_path(path: Path, cwd: Path | None = None) -> str:
    """The path relative to the working directory when it lies below it, with '/';
    a file name that is not valid UTF-8 shows its unreadable bytes as "�"."""
    cwd = cwd or Path.cwd()
    try:
        # the folder resolved, the name kept: a link shows as itself, not as its target
        rel = Path(os.path.relpath(os.path.join(_real_folder(str(_absolute(path.parent))), path.name),
                                   _real_folder(str(_absolute(cwd))))).as_posix()
    except ValueError:  # another drive on Windows
        rel = path.as_posix()
    return rel.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def _resolved(path: Path) -> str:
    """The real path, or the absolute one when links loop (``Path.resolve`` raises)."""
    try:
        return str(path.resolve())
    except (OSError, RuntimeError):
        return os.path.abspath(path)


def _absolute(path: Path) -> Path:
    """``path`` from the root, its ".." kept (they are resolved after links)."""
    return path if path.is_absolute() else Path.cwd() / path


@functools.lru_cache(maxsize=4096)
def _real_folder(folder: str) -> str:
    """``_resolved`` of an absolute folder, looked up once per run (``discover`` starts
    afresh): every note of a set lies in a few folders, and resolving one asks the
    file system about each of its parents."""
    return _resolved(Path(folder))


def _excluded(path: Path, root: Path, patterns: tuple[str, ...]) -> bool:
    if not patterns:
        return False
    try:
        rel = Path(_resolved(path)).relative_to(_resolved(root)).as_posix()
    except ValueError:
        rel = path.as_posix()
    candidates = (rel, path.name, path.as_posix())
    return any(fnmatch.fnmatch(c, pat) for pat in patterns for c in candidates)


def discover(
    paths: list[Path],
    *,
    extensions: tuple[str, ...] = DEFAULT_EXTENSIONS,
    exclude: tuple[str, ...] = (),
    exclude_root: Path | None = None,
) -> list[Path]:
    """Files to check, sorted and without duplicates.

    A file named explicitly is always taken, whatever its extension; folders are
    searched recursively for the given extensions, skipping hidden folders.
    """
    _real_folder.cache_clear()  # the folders as they are now, not as an earlier run saw them
    root = exclude_root or Path.cwd()
    found: dict[str, Path] = {}
    for given in paths:
        if given.is_dir():
            for dirpath, dirnames, filenames in os.walk(given):
                dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
                for name in filenames:
                    candidate = Path(dirpath) / name
                    if candidate.suffix.lower() not in extensions:
                        continue
                    if _excluded(candidate, root, exclude):
                        continue
                    found.setdefault(_resolved(candidate), candidate)
        elif not _excluded(given, root, exclude):
            found.setdefault(_resolved(given), given)
    return sorted(found.values(), key=lambda p: display_path(p))


_CONTROL_BYTES = bytes(b for b in range(32) if b < 9 or 13 < b)  # not tab, newline or carriage return


def _looks_binary(data: bytes) -> bool:
    if b"\x00" in data[:8192]:
        return True
    sample = data[:8192]
    if not sample:
        return False
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    return controls / len(sample) > 0.05


def decode(data: bytes) -> tuple[str, str, str]:
    """(text, encoding, problem) for bytes of a text file.

    UTF-8 with a byte-order mark, then UTF-8, then Windows-1252, the encoding of
    most older Dutch office documents. Line endings are normalised to ``\\n``.
    """
    problem = ""
    if data.startswith(b"\xef\xbb\xbf"):
        text, encoding = data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    else:
        try:
            text, encoding = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError as err:
            text, encoding = data.decode("cp1252", errors="replace"), "cp1252"
            problem = say("not valid UTF-8 (byte {byte} cannot be read as UTF-8); read as Windows-1252 (cp1252), "
                          "so check accented letters and save the file as UTF-8", byte=err.start + 1)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text, encoding, problem


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return say("this is a named pipe, not a file of text; not read")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return say("this is a device, not a file of text; not read")
    if stat.S_ISSOCK(mode):
        return say("this is a socket, not a file of text; not read")
    return say("this is not a regular file, not a file of text; not read")


def read_source(path: Path, shown: str | None = None) -> RawSource:
    """Read one file; every failure becomes a ``problem``, never an exception."""
    shown = shown or display_path(path)
    data = read_bytes(path, shown)
    return data if isinstance(data, RawSource) else source_of(path, data, shown)


def read_bytes(path: Path, shown: str) -> bytes | RawSource:
    """A file's bytes, at most ``MAX_FILE_BYTES`` of a regular file; else the problem."""
    too_large = say("the file is more than the {limit} MB a briefing note can be; not checked",
                    limit=MAX_FILE_BYTES // 1_048_576)
    try:
        mode = path.stat().st_mode
        if not stat.S_ISREG(mode):
            # a named pipe would block the run, a device ("/dev/urandom") never ends
            return RawSource(shown, "", "", _kind(mode), readable=False)
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            return RawSource(shown, "", "", say("the file is {size} MB, more than the {limit} MB a briefing note "
                                                "can be; not checked", size=f"{size / 1_048_576:.1f}",
                                                limit=MAX_FILE_BYTES // 1_048_576), readable=False)
        with path.open("rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)  # bounded: the file may grow while it is read
        if len(data) > MAX_FILE_BYTES:
            return RawSource(shown, "", "", too_large, readable=False)
    except (OSError, RuntimeError) as err:  # RuntimeError: links that loop
        reason = getattr(err, "strerror", None) or str(err)
        return RawSource(shown, "", "", say("the file cannot be read ({reason})", reason=reason), readable=False)
    return data


def source_of(path: Path, data: bytes, shown: str) -> RawSource:
    """A file's bytes as a note's source: a document format by its reader, text decoded."""
    reader = reader_for(path.suffix)
    if reader is not None:
        return checked_lines(reader(data, shown))
    if _looks_binary(data):
        return RawSource(
            shown, "", "", say("this is a binary file, not text; not checked"), readable=False
        )
    text, encoding, problem = decode(data)
    return checked_lines(RawSource(shown, text, encoding, problem))


def checked_lines(source: RawSource) -> RawSource:
    """The source, or a problem when it is empty or has a line too long to check."""
    if not source.readable:
        return source
    if not source.text.strip():
        return replace(source, problem=source.problem or say("the file is empty; nothing to check"))
    for number, line in enumerate(source.text.split("\n"), start=1):
        if len(line) > MAX_LINE_CHARS:
            return replace(source, text="", readable=False, problem=say(
                "line {number} is {length} characters long, more than the {limit} a note's paragraph can be; "
                "not checked", number=number, length=grouped(len(line)), limit=grouped(MAX_LINE_CHARS)))
    return source
