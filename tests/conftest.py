"""Shared helpers: write a small briefing set, run annolint on it, read findings."""

from __future__ import annotations

import json
import os
import pickle
from pathlib import Path

import pytest
from click.testing import CliRunner

from annolint.cli import main

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "seeds"
CORPUS = ROOT / "corpus"

needs_seeds = pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds is not present in this clone")


def write_set(folder: Path, files: dict[str, str | bytes]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return folder


def run(args: list[str], cwd: Path | None = None):
    """Run the CLI in ``cwd``; returns click's Result (exit_code, stdout, stderr)."""
    runner = CliRunner()
    old = Path.cwd()
    if cwd:
        os.chdir(cwd)
    try:
        return runner.invoke(main, args, catch_exceptions=False)
    finally:
        os.chdir(old)


def findings(args: list[str], cwd: Path | None = None) -> list[dict]:
    result = run([*args, "--format", "json"], cwd=cwd)
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.stdout)["findings"]


def triples(items: list[dict]) -> list[tuple[str, str, int]]:
    """(rule name, path, line) of each finding, in report order."""
    return [(f["name"], f["location"]["path"], f["location"]["line"]) for f in items]


def note(meeting: str, *lines: str, section: str = "Kernboodschap") -> str:
    """A small Dutch note: header, meeting and date, one section, ``lines``."""
    return "\n".join(["", "Annotatie voor wethouder Jansen", "", meeting, "", section, "", *lines, ""])


def line_of(text: str, needle: str) -> int:
    """The 1-based line of ``text`` that holds ``needle``."""
    return next(i for i, line in enumerate(text.split("\n"), 1) if needle in line)


def places(items: list[dict]) -> list[tuple]:
    """(rule name, path, line, related (path, line) pairs) of each finding."""
    return [(f["name"], f["location"]["path"], f["location"]["line"],
             [(r["location"]["path"], r["location"]["line"]) for r in f["related"]]) for f in items]


def seed_copy_findings(folder: Path, old: str, new: str, rules: list[str]) -> list[dict]:
    """Seed 000 as ``1_origineel.txt`` beside ``2_kopie.txt``, a copy with ``old``
    replaced by ``new``, checked with ``rules``."""
    original = (SEEDS / "000_e41e3f26934184d6.txt").read_text(encoding="utf-8")
    copy = original.replace(old, new)
    assert copy != original, old
    write_set(folder, {"1_origineel.txt": original, "2_kopie.txt": copy})
    return findings(["check", ".", *rules], cwd=folder)


def cache_entries(folder: Path) -> list[Path]:
    """The entries of the cache in ``folder`` (``.annolint_cache``), in order."""
    return sorted(p for p in (folder / ".annolint_cache").rglob("*") if p.is_file() and len(p.name) == 64)


def cache_packs(folder: Path) -> dict[Path, list[tuple[str, str, object]]]:
    """The packs of notes read in bulk (``note_packs``) in the cache in ``folder``: by
    entry, (path, cache key, reading) of each note it holds."""
    from annolint.cache import NoteCache
    from annolint.note_packs import read_notes

    cache = NoteCache(folder / ".annolint_cache", b"")
    packs = {entry: read_notes(cache, entry.name) for entry in cache_entries(folder)}
    return {entry: records for entry, records in packs.items() if records}


def cache_snapshots(folder: Path) -> list[Path]:
    """The entries of the cache in ``folder`` that hold the set (``set_snapshot``): a
    stream of notes as a pack is, with the snapshot's head."""
    from annolint.cache import NoteCache
    from annolint.note_packs import SNAPSHOT, read_notes

    cache = NoteCache(folder / ".annolint_cache", b"")
    return [entry for entry in cache_entries(folder) if read_notes(cache, entry.name, SNAPSHOT) is not None]


def kept_pairs(folder: Path) -> list:
    """The pairs each rule kind keeps for the next run in the cache in ``folder``: a
    ``kept_pairs.Kept``, or a shelf of them (by list)."""
    from annolint.kept_pairs import Kept

    found = []
    for entry in cache_entries(folder):
        try:
            value = pickle.loads(entry.read_bytes()[32:])
        except Exception:  # noqa: BLE001 - a stream of notes, which starts with its head
            continue
        if isinstance(value, Kept) or (type(value) is dict and value and
                                       all(isinstance(v, Kept) for v in value.values())):
            found.append(value)
    return found


def notes_in_own_entries(folder: Path) -> list:
    """The notes (``NoteReading``) the cache in ``folder`` holds each in an entry of its own."""
    from annolint.reading import NoteReading

    packs = cache_packs(folder)
    held = []
    for entry in cache_entries(folder):
        if entry not in packs:
            value = pickle.loads(entry.read_bytes()[32:])  # the first object of a streamed entry
            if isinstance(value, NoteReading):
                held.append(value)
    return held


def checked_in_process(folder: Path, select: tuple[str, ...] = ()) -> list:
    """The findings of the rules ``select`` (all without) on ``folder``, through the
    engine in this process, with the folder's cache: for tests that watch what a run
    does inside (the code it calls), which ``run`` cannot show."""
    from annolint.cache import CACHE_DIR, NoteCache, salt_for
    from annolint.config import load_config
    from annolint.engine import check

    old = Path.cwd()
    os.chdir(folder)
    try:
        config = load_config(folder / ".annolint.yaml")
        return check([Path(".")], config, cache=NoteCache(folder / CACHE_DIR, salt_for(config)),
                     select=select).findings
    finally:
        os.chdir(old)
