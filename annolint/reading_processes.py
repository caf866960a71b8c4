"""Notes read by several worker processes (``--jobs``), each note by the worker that
has read most of its text already.

Reading a note is mostly reading its sentences and blocks, and each distinct one is
read once per process (``memo.py``): briefing sets copy paragraphs from note to
note. Notes handed out in turn would have every worker read nearly every paragraph
of the set; so the main process first deals the notes out by content
(``shares``): each note goes to the worker whose work after taking it is least,
counting only the lines that worker has not seen yet. Copies of a note meet in one
worker, and the work stays even.

Each worker reads its share in order and pickles each note once, into a stream
(``note_packs``): the same chunk goes into its pack of the cache (one entry, not one
file a note) and to the main process, which takes them in, in the order of the
files, with one unpickler per worker, and reads none itself. A reader keeps what it
has read of sentences and blocks for the next note (its memos, a third of its memory
on 1,000 notes), scattered between the notes it keeps: in the main process it would
stay there for the rest of the run, and every rule worker forked from it would start
with it (figures in ``benchmarks/README.md``).
"""

from __future__ import annotations

import gc
import multiprocessing
import queue
import signal
from collections.abc import Callable, Iterator
from pathlib import Path

from annolint import forking
from annolint.cache import NoteCache
from annolint.errors import InternalError
from annolint.note_packs import NoteStream, NoteUnstream
from annolint.reading import NoteReading, Readings
from annolint.sources import RawSource, read_bytes

# Below this many notes, starting worker processes costs more than it saves.
PARALLEL_FROM = 40
# The work of a note whose every line a worker has seen already, as a share of its
# size: splitting it into blocks, its header and questions, which are not shared.
OWN_WORK = 0.25


def read_in_parallel(files: list[Path], jobs: int, config, cache: NoteCache | None, lexicon=None,
                     rules: list | None = None, pack_key: Callable[[], str] | None = None
                     ) -> Iterator[tuple[NoteReading, str | None]]:
    """(reading, cache key) of each file, in the order of ``files``, read by ``jobs``
    worker processes. Each worker parses its notes and extracts what ``rules`` read
    of a dated note, and what the note rules among them find in it
    (``CorpusIndex.read_with_note``); an undated note's facts wait for the set's
    reference date. ``pack_key()`` names each worker's pack; without it, each note
    read is kept in an entry of its own."""
    # forked where that is safe (``forking.can_fork``); elsewhere the platform's
    # default, spawn: each worker starts Python afresh and loads the packs itself
    fork = forking.can_fork()
    context = multiprocessing.get_context("fork" if fork else None)
    if fork:
        _INHERITED["lexicon"] = lexicon  # a forked worker has it already: not loaded again
    spec = (cache.folder, cache.salt_input) if cache is not None and cache.enabled else None
    results = context.Queue()
    workers = [context.Process(target=_work, daemon=True, args=(
        config, spec, rules, [(i, files[i]) for i in share], results,
        pack_key() if pack_key is not None and spec is not None else None, n))
               for n, share in enumerate(share for share in shares(files, jobs) if share)]
    for worker in workers:
        worker.start()
    try:
        # each worker's chunks are taken in as they arrive, in the order it sent them
        streams = [NoteUnstream() for _ in workers]
        arrived: dict[int, tuple[NoteReading, str | None]] = {}
        for number in range(len(files)):
            while number not in arrived:
                sent, worker_number, chunk = _next_result(results, workers)
                _, key, reading = streams[worker_number].load(chunk)
                arrived[sent] = reading, key
            if number == len(files) - 1:
                for worker in workers:  # done: each closes its pack (a worker stopped midway leaves none)
                    worker.join()
            yield arrived.pop(number)
    finally:
        _INHERITED.clear()
        for worker in workers:
            if worker.is_alive():
                worker.terminate()
            worker.join()


def _next_result(results, workers) -> tuple[int, int, bytes]:
    """(file number, worker number, the note's chunk of the worker's stream) of the
    next note a worker sent; a note that broke a worker, or a worker that died, raised."""
    while True:
        try:
            number, failure, payload = results.get(timeout=1.0)
        except queue.Empty:
            if any(w.exitcode not in (None, 0) for w in workers):  # killed (out of memory, a signal)
                raise InternalError("reading notes", RuntimeError("a worker process stopped")) from None
            continue
        if failure is not None:
            raise failure
        worker_number, chunk = payload
        return number, worker_number, chunk


def shares(files: list[Path], jobs: int) -> list[list[int]]:
    """The numbers of the files each of ``jobs`` workers reads, each in order: every
    file goes to the worker whose work after taking it is least, a worker's work
    being the size of the lines it had not seen yet and ``OWN_WORK`` of the rest."""
    seen: list[set[int]] = [set() for _ in range(jobs)]
    work = [0.0] * jobs
    dealt: list[list[int]] = [[] for _ in range(jobs)]
    for number, path in enumerate(files):
        lines = _lines(path)
        size = sum(lines.values())
        costs = [work[w] + OWN_WORK * size + sum(n for h, n in lines.items() if h not in seen[w])
                 for w in range(jobs)]
        chosen = min(range(jobs), key=lambda w: (costs[w], w))
        dealt[chosen].append(number)
        work[chosen] = costs[chosen]
        seen[chosen].update(lines)
    return dealt


def _lines(path: Path) -> dict[int, int]:
    """The file's distinct lines (by hash) and their lengths; a Word or PDF file is one
    line of its size, and one that is not read (a named pipe, a device, too large,
    unreadable: ``read_bytes`` says) has none."""
    data = read_bytes(path, str(path))
    if isinstance(data, RawSource):
        return {}
    if path.suffix.lower() in (".docx", ".pdf"):
        return {hash(data): len(data)}
    return {hash(line): len(line) + 1 for line in data.splitlines() if line.strip()}


_WORKER: dict = {}
_INHERITED: dict = {}  # what the main process has loaded, for the workers it forks


def _work(config, spec, rules, numbered: list[tuple[int, Path]], results, pack_key: str | None,
          worker_number: int) -> None:
    """A worker: read each (number, file) and put (number, failure, (worker_number,
    chunk)) on ``results``; keep the notes it reads in the pack ``pack_key``."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the main process's to handle: it stops the workers
    _start_worker(config, spec, rules, pack_key)
    for number, path in numbered:
        failure, chunk = _read_one(path)
        results.put((number, failure, (worker_number, chunk)))
        # what stays (the run's memos of sentences and blocks) the collector need not
        # walk again: it did after every few notes, a tenth of a worker's time
        gc.freeze()
        if failure is not None:
            break
    _WORKER["stream"].close()
    results.close()
    results.join_thread()  # everything sent before the process ends


def _start_worker(config, spec, rules, pack_key: str | None = None) -> None:
    from annolint.engine import load_setup
    from annolint.index import CorpusIndex

    cache = NoteCache(spec[0], spec[1]) if spec is not None else None
    lexicon = _INHERITED.get("lexicon") or load_setup(config, cache).lexicon
    _WORKER.update(config=config, lexicon=lexicon, readings=Readings(cache, hand_over=True),
                   stream=NoteStream(cache, pack_key), packing=cache is not None and pack_key is not None,
                   extractors=CorpusIndex([], lexicon, config.language, rules=rules).read_with_note(None))


def _read_one(path) -> tuple:
    """(None, the note's chunk of the worker's stream) for one note, or (the exception, None)."""
    from annolint.i18n import speaking
    from annolint.yamlfile import ConfigError

    readings: Readings = _WORKER["readings"]
    try:
        with speaking(_WORKER["config"].messages):
            # an undated note's facts wait for the set's date
            doc = readings.read_note(path, _WORKER["lexicon"], _WORKER["extractors"])
        reading, key = readings.by_path.pop(doc.path), readings.keys.pop(doc.path, None)
        storing = readings.caching and key is not None and (reading.changed or _WORKER["packing"])
        reading.changed = reading.changed and not storing  # stored here, or as the cache holds it
        if storing and not _WORKER["packing"]:
            readings.cache.store(key, reading)
        # pickled once, for the main process and the pack (every note the worker hands
        # on: a chunk refers to the ones before it); the workers write side by side
        payload = _WORKER["stream"].add(doc.path, key, reading)
    except (ConfigError, InternalError) as err:
        return err, None
    except Exception as err:  # noqa: BLE001 - a bug: the main process names the note
        return InternalError(f"reading {path}", err), None
    return None, payload
