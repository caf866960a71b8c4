"""The cache of read notes: the same output with it as without, only changed notes
read again, and an entry that is truncated, forged, from another version or made
under other rules never trusted."""

from __future__ import annotations

import io
import os
import pickle
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from annolint import cache as cache_module
from annolint import engine
from annolint.cache import CACHE_DIR, NoteCache, salt_for
from annolint.config import Config, load_config
from annolint.engine import check
from annolint.note_packs import PACK, SNAPSHOT, read_notes
from annolint.reading import NoteReading
from annolint.set_snapshot import SetSnapshot
from conftest import (CORPUS, ROOT, cache_entries, cache_packs, cache_snapshots, kept_pairs, note, notes_in_own_entries, run,
                      write_set)


@pytest.fixture(autouse=True)
def own_cache_key(tmp_path, monkeypatch):
    """Each test signs with a key of its own, kept in its own folder."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "user-cache"))


def _corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "set"
    shutil.copytree(CORPUS, folder)
    return folder


def _checked(folder: Path, *options: str) -> str:
    result = run(["check", ".", "--format", "json", *options], cwd=folder)
    assert result.exit_code == 1, result.output
    return result.stdout


def _counted(folder: Path) -> tuple[list, NoteCache]:
    """The findings of a check through the engine, and its cache (hits and misses)."""
    old = Path.cwd()
    os.chdir(folder)
    try:
        config = load_config(folder / ".annolint.yaml")
        cache = NoteCache(folder / CACHE_DIR, salt_for(config))
        return check([Path(".")], config, cache=cache).findings, cache.counts("note")
    finally:
        os.chdir(old)


def test_a_warm_run_reads_no_note_again_and_reports_byte_for_byte_the_same(tmp_path):
    folder = _corpus(tmp_path)
    uncached = _checked(folder, "--no-cache")
    assert not (folder / CACHE_DIR).exists()
    cold = _checked(folder)
    # one entry per note, the run's findings, the lemmas looked up, the rules, the
    # words and the claims of the set's texts, and the pairs of figures, moved promises, events,
    # questions and (a shelf of them, one list per note date) conflicting dates, and
    # the set's two word statistics (``set_totals``), kept for the next run
    assert len(cache_entries(folder)) == 24 and len(kept_pairs(folder)) == 5
    assert (folder / CACHE_DIR / ".gitignore").read_text(encoding="utf-8").splitlines()[-1] == "*"
    warm = _checked(folder)
    assert len(cache_entries(folder)) == 25  # and the set's snapshot, which a warm run writes
    assert cold == uncached and warm == uncached
    assert _counted(folder)[1] == (12, 0)
    # the text report too, and the rules' own views of the notes (dates, figures, questions)
    assert run(["check", ".", "--no-color"], cwd=folder).stdout == run(["check", ".", "--no-color", "--no-cache"],
                                                                         cwd=folder).stdout


def test_an_edited_note_alone_is_read_again(tmp_path):
    folder = _corpus(tmp_path)
    _checked(folder)
    edited = folder / "05_commissie-wonen-juni.txt"
    edited.write_text(edited.read_text(encoding="utf-8").replace("1.200", "1.300"), encoding="utf-8")
    assert _counted(folder)[1] == (11, 1)
    assert _checked(folder) == _checked(folder, "--no-cache")


def test_a_note_rules_findings_are_kept_with_the_note(tmp_path, monkeypatch):
    # placeholder finds in each note on its own (a note rule): a warm run takes its
    # findings from the cache with each note, and asks it again of the edited note alone
    from annolint.kinds import placeholder

    folder = _corpus(tmp_path)
    asked: list[str] = []
    real = placeholder.note_checker

    def counting(params):
        check_note = real(params)
        return lambda doc, blocks: asked.append(doc.path) or check_note(doc, blocks)

    monkeypatch.setattr(placeholder, "note_checker", counting)
    cold = [f for f in _counted(folder)[0] if f.rule_id == "AL010"]
    assert sorted(asked) == sorted(p.name for p in folder.iterdir() if p.name != "README.md"
                                   and p.suffix in (".txt", ".md"))
    edited = folder / "05_commissie-wonen-juni.txt"
    edited.write_text(edited.read_text(encoding="utf-8") + "\nDe kosten volgen nog (moet nog update).\n",
                      encoding="utf-8")
    asked.clear()
    warm = [f for f in _counted(folder)[0] if f.rule_id == "AL010"]
    assert asked == ["05_commissie-wonen-juni.txt"]
    added = sorted(set(warm) - set(cold))
    assert [(f.location.path, f.location.span.line, f.message) for f in added] == [
        ("05_commissie-wonen-juni.txt", 52, "Onafgemaakte tekst: '(moet nog update)' (een aantekening dat dit "
                                            "deel nog moet gebeuren). Vul dit in of haal het weg voordat de "
                                            "notitie naar de wethouder gaat.")]
    assert len(warm) == len(cold) + 1


def test_a_narrow_run_extracts_only_what_its_rules_read(tmp_path, monkeypatch):
    # --select placeholder reads no dated statement, figure or question of any note:
    # the notes' entries hold its findings alone; a full run after it has the workers
    # extract the rest and reports what a run without the cache reports
    from annolint import reading_processes, rule_processes

    monkeypatch.setattr(reading_processes, "PARALLEL_FROM", 2)
    monkeypatch.setattr(rule_processes, "PARALLEL_FROM", 2)
    folder = _corpus(tmp_path)

    def facts_kept() -> set[tuple[str, ...]]:
        return {tuple(sorted(r.facts)) for r in _notes_held(folder)}

    _checked(folder, "--select", "placeholder", "--jobs", "2")
    # the workers' copies of undated notes hold nothing yet: their facts wait for the set
    assert facts_kept() == {(), ("rule AL010",)}
    full = _checked(folder, "--jobs", "2")
    assert facts_kept() == {("dated", "figures", "lowercase", "questions", "rule AL010", "sentences")}
    assert full == _checked(folder, "--no-cache")


def _notes_held(folder: Path) -> list[NoteReading]:
    """Every note the cache holds: in its own entry, in the set's snapshot, or in a pack
    of notes read in bulk (``note_packs``)."""
    cache = NoteCache(folder / CACHE_DIR, b"")
    streams = [read_notes(cache, entry.name, head) for entry in cache_entries(folder) for head in (PACK, SNAPSHOT)]
    return notes_in_own_entries(folder) + [reading for notes in streams if notes for _, _, reading in notes]


def _snapshot(folder: Path) -> Path:
    held = cache_snapshots(folder)
    assert len(held) == 1
    return held[0]


def test_truncated_corrupt_and_forged_entries_are_read_again(tmp_path):
    folder = _corpus(tmp_path)
    expected = _checked(folder)  # a cold run: the notes' own entries, and no snapshot of the set
    entries = [p for p in cache_entries(folder) if isinstance(pickle.loads(p.read_bytes()[32:]), NoteReading)]
    entries[0].write_bytes(entries[0].read_bytes()[:100])  # truncated
    entries[1].write_bytes(b"\x00" * 500)  # not an entry at all
    blob = entries[2].read_bytes()
    entries[2].write_bytes(blob[:-1] + bytes([blob[-1] ^ 1]))  # one bit changed: the signature fails
    assert _counted(folder)[1] == (9, 3)
    assert _checked(folder) == expected
    _snapshot(folder).unlink()  # which that warm run wrote: the notes' own entries are asked
    assert _counted(folder)[1] == (12, 0)  # rewritten whole


def _note_entries(folder: Path) -> set[str]:
    """The keys of the entries that hold one note each."""
    return {p.name for p in cache_entries(folder) if p not in cache_packs(folder)
            and isinstance(pickle.loads(p.read_bytes()[32:]), NoteReading)}


def test_a_warm_run_takes_its_notes_from_the_sets_snapshot_and_an_edited_one_from_its_own_entry(tmp_path,
                                                                                               monkeypatch):
    folder = _corpus(tmp_path)
    _checked(folder)
    assert _counted(folder)[1] == (12, 0)  # from the notes' own entries; and it writes the snapshot
    snapshot = _snapshot(folder)
    loaded: list[str] = []
    real, real_payload = NoteCache._load, NoteCache.verified_payload
    monkeypatch.setattr(NoteCache, "_load", lambda self, key: loaded.append(key) or real(self, key))
    monkeypatch.setattr(NoteCache, "verified_payload",
                        lambda self, key, kind: loaded.append(key) or real_payload(self, key, kind))
    assert _counted(folder)[1] == (12, 0)
    seen = set(loaded)  # before the entries are looked into below
    assert snapshot.name in seen and not _note_entries(folder) & seen  # no note's own entry
    edited = folder / "05_commissie-wonen-juni.txt"
    edited.write_text(edited.read_text(encoding="utf-8").replace("1.200", "1.300"), encoding="utf-8")
    written = snapshot.read_bytes()
    assert _counted(folder)[1] == (11, 1)
    assert _checked(folder) == _checked(folder, "--no-cache")
    # one note of twelve changed: taken from its own entry, the snapshot not written again
    assert snapshot.read_bytes() == written
    loaded.clear()
    assert _counted(folder)[1] == (12, 0)
    seen = set(loaded)
    assert len(_note_entries(folder) & seen) == 1
    notes = sorted(p for p in folder.iterdir() if p.suffix in (".txt", ".md") and p.name != "README.md" and p != edited)
    for other in notes[:2]:  # three of twelve changed: the snapshot is written again, with them
        other.write_text(other.read_text(encoding="utf-8") + "\n- Een zin erbij.\n", encoding="utf-8")
    assert _counted(folder)[1] == (10, 2)
    assert snapshot.read_bytes() != written
    loaded.clear()
    assert _counted(folder)[1] == (12, 0)
    seen = set(loaded)
    assert not _note_entries(folder) & seen
    assert _checked(folder) == _checked(folder, "--no-cache")


def test_a_truncated_or_forged_snapshot_is_not_trusted(tmp_path, monkeypatch):
    # Not trusted: every note is taken from its own entry, none from the snapshot.
    # A snapshot whose payload is whole but whose signature is not ours would give
    # every note if its signature went unchecked; a truncated one the notes before the cut.
    folder = _corpus(tmp_path)
    expected = _checked(folder)
    assert _checked(folder) == expected  # the warm run writes the snapshot
    snapshot = _snapshot(folder)
    blob = snapshot.read_bytes()
    loaded: list[str] = []
    real = NoteCache._load
    monkeypatch.setattr(NoteCache, "_load", lambda self, key: loaded.append(key) or real(self, key))
    for damaged in (blob[:len(blob) // 2],  # truncated
                    bytes(32) + blob[32:],  # the payload whole, the signature someone else's
                    blob[:-1] + bytes([blob[-1] ^ 1])):  # one bit changed
        snapshot.write_bytes(damaged)
        loaded.clear()
        assert _counted(folder)[1] == (12, 0)
        assert len(_note_entries(folder) & set(loaded)) == 12  # each note from its own entry
        assert snapshot.read_bytes() != damaged  # and the snapshot written whole again
    assert _checked(folder) == expected


def test_an_entry_signed_with_another_users_key_is_not_trusted(tmp_path, monkeypatch):
    folder = _corpus(tmp_path)
    expected = _checked(folder)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "someone-else"))  # a cache committed by someone else
    assert _counted(folder)[1] == (0, 12)
    assert _checked(folder) == expected


def test_another_version_rule_pack_or_configuration_reads_every_note_again(tmp_path, monkeypatch):
    folder = _corpus(tmp_path)
    _checked(folder)
    config = folder / ".annolint.yaml"
    settings = config.read_text(encoding="utf-8")
    config.write_text(settings.replace("fail-on: warning", "fail-on: error"), encoding="utf-8")
    assert _counted(folder)[1] == (0, 12)  # another configuration
    assert _counted(folder)[1] == (12, 0)
    monkeypatch.setattr("annolint.__version__", "99.0")
    assert _counted(folder)[1] == (0, 12)  # another version
    monkeypatch.undo()
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "user-cache"))
    pack = tmp_path / "packs"
    shutil.copytree(ROOT / "rules", pack)
    lexicon = pack / "nl" / "lexicon.yaml"
    lexicon.write_text(lexicon.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    monkeypatch.setattr("annolint.ruleset.builtin_rules_dir", lambda: pack)
    assert _counted(folder)[1] == (0, 12)  # another rule pack


def test_a_warm_run_takes_the_rules_and_lexicon_from_the_cache_until_a_setting_changes(tmp_path, monkeypatch):
    folder = _corpus(tmp_path)
    cold = _checked(folder)
    loaded = []
    real = engine._loaded_setup
    monkeypatch.setattr(engine, "_loaded_setup", lambda config: loaded.append(config.fail_on) or real(config))
    assert _checked(folder) == cold
    assert loaded == []
    config = folder / ".annolint.yaml"
    config.write_text(config.read_text(encoding="utf-8").replace("fail-on: warning", "fail-on: error"),
                      encoding="utf-8")
    _counted(folder)
    _counted(folder)
    assert loaded == ["error"]  # loaded once for the new configuration, then taken from the cache


def test_a_rule_folder_that_disappears_is_an_error_with_the_cache_too(tmp_path):
    # the folder held no rule file, so no file's bytes changed: its being there is part
    # of the key under which the rules are kept
    folder = write_set(tmp_path / "set", {"clean.txt": note("Commissie Bestuur, 4 maart 2024", "- Alles is klaar."),
                                          ".annolint.yaml": "rule-dirs: [myrules]\n"})
    (folder / "myrules").mkdir()
    assert run(["check", "."], cwd=folder).exit_code == 0
    (folder / "myrules").rmdir()
    gone = run(["check", "."], cwd=folder)
    assert gone.exit_code == 2
    assert gone.stderr.strip().endswith("myrules: rule folder does not exist")


def test_two_runs_at_once_give_the_output_of_one(tmp_path):
    folder = _corpus(tmp_path)
    expected = _checked(folder, "--no-cache")
    assert _at_once(folder, 2) == [expected, expected]
    assert _checked(folder) == expected
    assert not [p for p in (folder / CACHE_DIR).rglob(".tmp-*")]  # no half-written entry left


def _entry(folder: Path, key: str) -> Path:
    """The file of the cache entry under ``key``."""
    return folder / CACHE_DIR / key[:2] / key


def _at_once(folder: Path, runs: int) -> list[str]:
    """The JSON reports of ``runs`` checks of ``folder`` started at once."""
    command = [sys.executable, "-m", "annolint", "check", ".", "--format", "json"]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    started = [subprocess.Popen(command, cwd=folder, stdout=subprocess.PIPE, env=env) for _ in range(runs)]
    return [r.communicate()[0].decode("utf-8") for r in started]


def test_two_runs_at_once_that_keep_their_notes_in_packs_give_the_output_of_one(tmp_path):
    # 48 notes: read by worker processes (or, on one core, many read anew in the main
    # process): each run keeps them in packs of its own, and lists its packs
    folder = _corpus(tmp_path)
    for copy in "abc":
        (folder / copy).mkdir()
        for path in folder.glob("*.*"):
            if path.suffix in (".txt", ".md") and path.name != "README.md":
                shutil.copy(path, folder / copy / path.name)
    expected = _checked(folder, "--no-cache")
    assert _at_once(folder, 2) == [expected, expected]
    # the set's list names the packs of one run (the last to list its own), which hold
    # every note once; the other run's packs, if it read the notes too, wait for the sweep
    notes = sorted(str(p.relative_to(folder)) for p in folder.rglob("*.*")
                   if p.suffix in (".txt", ".md") and p.name != "README.md")
    listed = SetSnapshot(NoteCache(folder / CACHE_DIR, salt_for(load_config(folder / ".annolint.yaml"))),
                         [Path(".")]).packs
    packed = cache_packs(folder)
    assert len(notes) == 48 and sorted(path for key in listed
                                       for path, _, _ in packed[_entry(folder, key)]) == notes
    assert _counted(folder)[1] == (48, 0)  # every note from a listed pack
    assert _checked(folder) == expected
    assert not [p for p in (folder / CACHE_DIR).rglob(".tmp-*")]  # no half-written entry left


def test_a_note_dated_by_the_set_is_read_again_when_the_set_changes(tmp_path):
    undated = note("Concept", "- De raadsbrief volgt volgende maand.", "- Lopende trajecten tot 31 december 2030.")
    write_set(tmp_path, {"a.txt": note("Commissie Wonen 12 juni 2024", "- Het rapport volgt in het najaar."),
                         "concept.txt": undated})
    first = run(["check", ".", "--format", "json"], cwd=tmp_path).stdout
    assert first == run(["check", ".", "--format", "json", "--no-cache"], cwd=tmp_path).stdout
    write_set(tmp_path, {"b.txt": note("Commissie Wonen 9 oktober 2024", "- Het rapport volgt in december.")})
    warm = run(["check", ".", "--format", "json"], cwd=tmp_path).stdout
    assert warm == run(["check", ".", "--format", "json", "--no-cache"], cwd=tmp_path).stdout
    assert "9 oktober 2024, de datum van b.txt" in warm and "de datum van b.txt" not in first  # b.txt dates it


def test_a_cache_folder_that_cannot_be_written_is_left_alone(tmp_path):
    folder = _corpus(tmp_path)
    (folder / CACHE_DIR).write_text("a file where the folder would be", encoding="utf-8")
    assert _checked(folder) == _checked(folder, "--no-cache")


def test_two_first_runs_at_once_sign_with_one_key(tmp_path, monkeypatch):
    # Run A finds no key and makes one; meanwhile run B has put its own in place. A
    # takes B's: had it replaced it, each would sign with its own key, and the entries
    # of the run whose key was replaced would never be trusted again.
    import secrets

    key_file = tmp_path / "user-cache" / "annolint" / "cache-key"
    theirs = bytes(range(32))
    made = secrets.token_bytes

    def made_while_another_run_makes_one(n: int) -> bytes:
        key_file.parent.mkdir(parents=True, exist_ok=True)
        key_file.write_bytes(theirs)
        return made(n)

    monkeypatch.setattr(cache_module.secrets, "token_bytes", made_while_another_run_makes_one)
    assert cache_module._user_key() == theirs and key_file.read_bytes() == theirs
    key_file.write_bytes(b"too short")  # a damaged key is replaced
    monkeypatch.setattr(cache_module.secrets, "token_bytes", made)
    mine = cache_module._user_key()
    assert len(mine) == 32 and mine != theirs and key_file.read_bytes() == mine
    assert not [p for p in key_file.parent.iterdir() if p != key_file]  # no temporary file left


def test_no_key_no_cache(tmp_path, monkeypatch):
    monkeypatch.setattr(cache_module, "_user_key", lambda: None)
    cache = NoteCache(tmp_path / CACHE_DIR, salt_for(Config()))
    assert not cache.enabled
    cache.store("ab" * 32, {"x": 1})
    assert cache.load("ab" * 32) is None and not (tmp_path / CACHE_DIR).exists()


def test_the_same_notes_under_the_same_rules_take_their_findings_from_the_cache(tmp_path, monkeypatch):
    """The pre-commit hook on a commit that touched no note: nothing is compared again."""
    from annolint import engine

    folder = _corpus(tmp_path)
    expected = _checked(folder)

    def compared(*args, **kwargs):
        raise AssertionError("the notes were compared again")

    monkeypatch.setattr(engine, "run_rules", compared)
    assert _checked(folder) == expected
    with pytest.raises(AssertionError, match="compared again"):  # other rules: compared
        run(["check", ".", "--format", "json", "--select", "placeholder"], cwd=folder)
    monkeypatch.undo()
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "user-cache"))
    edited = folder / "05_commissie-wonen-juni.txt"
    edited.write_text(edited.read_text(encoding="utf-8") + "\n- Een zin erbij.\n", encoding="utf-8")
    assert _checked(folder) == _checked(folder, "--no-cache")


def test_an_unchanged_word_note_is_not_unpacked_again(tmp_path, monkeypatch):
    """Reading a Word note takes longer than parsing it: the cache finds it by its
    file's bytes, and only a changed file goes through the reader again."""
    from docx_notes import note_to_docx

    from annolint.readers import docx as docx_reader

    folder = tmp_path / "word"
    folder.mkdir()
    for name in ("01_commissie-wonen-januari.txt", "05_commissie-wonen-juni.txt"):
        text = (CORPUS / name).read_text(encoding="utf-8")
        (folder / name.replace(".txt", ".docx")).write_bytes(note_to_docx(text))
    expected = _checked(folder, "--no-cache")
    assert _checked(folder) == expected
    read = docx_reader.read
    opened = []

    def reading(data, shown):
        opened.append(shown)
        return read(data, shown)

    monkeypatch.setattr(docx_reader, "read", reading)
    assert _checked(folder) == expected and opened == []
    changed = folder / "05_commissie-wonen-juni.docx"
    text = (CORPUS / "05_commissie-wonen-juni.txt").read_text(encoding="utf-8")
    changed.write_bytes(note_to_docx(text + "\nExtra.\n"))
    _checked(folder)
    assert opened == ["05_commissie-wonen-juni.docx"]


def test_blocks_and_pieces_come_back_from_the_cache_whole():
    import pickle

    from annolint.model import Block, Document, Piece, Span

    block = Block("bullet", "Het plan", "Het plan", (0, 3, 5, 8), level=1, section="Kern", question=2,
                  role="answer", register="table")
    back = pickle.loads(pickle.dumps(block, protocol=pickle.HIGHEST_PROTOCOL))
    assert back == block and back.masked is back.text  # one string, as the parser made it
    masked = Block("paragraph", "Mevr. X zegt", "Mevr. █ zegt", (0, 1, 1, 12))
    assert pickle.loads(pickle.dumps(masked)).masked == "Mevr. █ zegt"
    assert Document("a.txt", lines=["Eerste", "", "Derde"]).text == "Eerste\n\nDerde"
    # a block of two lines: "Het plan" at line 3 from column 5, "gaat door" at line 4 from column 3
    joined = Block("paragraph", "Het plan gaat door", "Het plan gaat door", (0, 3, 5, 8, 9, 4, 3, 9))
    back = pickle.loads(pickle.dumps(joined, protocol=pickle.HIGHEST_PROTOCOL))
    assert back.pieces == (Piece(0, 3, 5, 8), Piece(9, 4, 3, 9))
    assert (back.line, back.end_line) == (3, 4)
    assert [back.place(offset) for offset in (0, 4, 8, 9, 13, 40)] == [(3, 5), (3, 9), (3, 13), (4, 3), (4, 7), (4, 12)]
    assert back.span(4, 13) == Span(3, 9, 4, 7)
    assert Block("heading", "", "", ()).place(3) == (0, 0)


def test_slotted_facts_come_back_from_the_cache_whole():
    import datetime as dt
    import pickle
    from dataclasses import dataclass, fields

    from annolint.findings import Finding, Related
    from annolint.model import Location, Span, pickled_as_fields
    from annolint.temporal.grammar import TemporalExpression
    from annolint.temporal.interval import Interval

    span = Span(3, 1, 4, 9)
    where = Location("a.txt", span)
    finding = Finding("AL021", "conflicting-date", "warning", "m", where, (Related(where, "r"),), "fp")
    period = Interval(dt.date(2025, 1, 1), dt.date(2025, 7, 1), "half-year")
    expression = TemporalExpression("in de eerste helft van 2025", 4, 31, period, "half-year", bound="in",
                                    explicit_year=True, base=period, make=lambda year: None)
    for value in (span, where, finding, period):
        assert pickle.loads(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)) == value
    back = pickle.loads(pickle.dumps(expression, protocol=pickle.HIGHEST_PROTOCOL))
    assert [getattr(back, f.name) for f in fields(back)][:-1] == [getattr(expression, f.name)
                                                                  for f in fields(expression)][:-1]
    assert back.make is None  # the grammar's closure stays behind

    @pickled_as_fields
    @dataclass(frozen=True, slots=True)
    class One:
        value: int

    assert One.__reduce__(One(7)) == (One, (7,))  # one field: still a tuple of arguments


def test_equal_strings_and_sets_of_words_in_notes_taken_from_the_cache_are_kept_once():
    # A note's reading comes from the cache (or a worker) with objects of its own;
    # copies of a sentence in many notes hold equal ones: the run keeps one of each,
    # in a statement's fields and in the slotted facts a statement holds.
    from dataclasses import dataclass
    from types import SimpleNamespace

    from annolint.model import Document
    from annolint.reading import Readings

    @dataclass(frozen=True, slots=True)
    class Held:  # a slotted fact a statement holds, as a question its answer sentences
        path: str
        text: str

    readings = Readings()
    notes = []
    for path in ("a.txt", "b.txt"):
        terms = frozenset({"warmtenet", "fase"})  # a new, equal set for each note
        sentence = "".join(["De tweede fase ", "van het warmtenet."])  # a new, equal string
        held = Held(path, "".join(["fa", "se"]))
        fact = SimpleNamespace(terms=terms, sentence=sentence, places=(held,))
        notes.append(NoteReading(Document(path), None, facts={"dated": [fact], "sentences": ["fase", terms, 1]}))
        readings.adopt(notes[-1], None)
    a, b = (n.facts for n in notes)
    assert a["dated"][0].terms == b["dated"][0].terms
    assert a["dated"][0].terms is b["dated"][0].terms
    assert b["sentences"][1] is a["dated"][0].terms
    assert a["dated"][0].sentence is b["dated"][0].sentence
    assert a["dated"][0].places[0].text is b["dated"][0].places[0].text
    assert a["dated"][0].places[0].path is not b["dated"][0].places[0].path  # different values stay


def test_a_notes_words_are_kept_as_one_run_and_summed_over_the_set(tmp_path):
    from annolint.word_statistics import run as run_of_words
    from annolint.word_statistics import words_of

    assert words_of(run_of_words(["raad", "eerste fase", "raad"])) == ["raad", "eerste fase", "raad"]
    assert words_of(run_of_words([])) == []
    (tmp_path / "a.md").write_text("# Notitie\n\nDe raad en de raad besluiten over de Fase.\n", encoding="utf-8")
    (tmp_path / "b.md").write_text("# Notitie\n\nDe raad besluit.\n", encoding="utf-8")
    from annolint.engine import load_setup, read_documents
    from annolint.index import CorpusIndex
    from annolint.reading import Readings

    config = Config()
    setup = load_setup(config)
    for _ in ("read", "from the cache"):
        readings = Readings(NoteCache(tmp_path / CACHE_DIR, salt_for(config)))
        documents = read_documents([tmp_path], config, setup.lexicon, readings)
        index = CorpusIndex(documents, setup.lexicon, "nl", readings)
        assert (index.lowercase_words["raad"], index.lowercase_words["besluiten"]) == (3, 1)
        assert "fase" not in index.lowercase_words  # written with a capital
        assert [readings.by_path[d.path].facts["lowercase"] for d in documents] == [
            "raad\nen\nde\nraad\nbesluiten\nover\nde", "raad\nbesluit"]
        readings.store()


def test_a_snapshot_that_holds_notes_the_set_no_longer_has_is_written_again(tmp_path):
    folder = _corpus(tmp_path)
    _checked(folder)
    _checked(folder)  # the warm run writes the snapshot
    snapshot = _snapshot(folder)
    written = snapshot.read_bytes()
    (folder / "00_commissie-wonen-oktober-2023.txt").unlink()
    assert _counted(folder)[1] == (11, 0)  # one note of twelve gone: the snapshot stays
    assert snapshot.read_bytes() == written
    (folder / "01_commissie-wonen-januari.txt").unlink()
    assert _counted(folder)[1] == (10, 0)  # two gone: written again, with the ten
    assert snapshot.read_bytes() != written
    held = read_notes(NoteCache(folder / CACHE_DIR, b""), snapshot.name, SNAPSHOT)
    paths = [path for path, _, _ in held]
    assert len(paths) == 10 and "01_commissie-wonen-januari.txt" not in paths
    assert _checked(folder) == _checked(folder, "--no-cache")


def test_the_findings_are_kept_in_one_entry_that_each_edit_overwrites(tmp_path):
    # one entry per state of the set would grow with every edit; the findings of these
    # paths and rules are kept in one place, with the key of the set they belong to
    folder = _corpus(tmp_path)

    def findings_entries() -> list[Path]:
        # the set's key, then the findings (``Readings.keep_findings``)
        found = []
        for entry in cache_entries(folder):
            stream = pickle.Unpickler(io.BytesIO(entry.read_bytes()[32:]))
            try:
                if type(stream.load()) is str and isinstance(stream.load(), list):
                    found.append(entry)
            except Exception:  # noqa: BLE001 - an entry of another kind
                continue
        return found

    _checked(folder)
    _checked(folder)
    assert len(findings_entries()) == 1 and len(cache_entries(folder)) == 25
    edited = folder / "05_commissie-wonen-juni.txt"
    for number in (1, 2, 3):
        edited.write_text(edited.read_text(encoding="utf-8") + f"\n- Aanvulling {number}.\n", encoding="utf-8")
        assert _checked(folder) == _checked(folder, "--no-cache")
    assert len(findings_entries()) == 1
    assert len(cache_entries(folder)) == 28  # and one entry for each version of the edited note


def _aged(path: Path, days: float) -> None:
    then = path.stat().st_mtime - days * 86400
    os.utime(path, (then, then))


def test_entries_no_run_used_for_thirty_days_are_swept_once_a_day(tmp_path):
    folder = _corpus(tmp_path)
    edited = folder / "05_commissie-wonen-juni.txt"

    def versions_of_the_edited_note() -> list[Path]:
        held = [(p, pickle.loads(p.read_bytes()[32:])) for p in cache_entries(folder)]
        return [p for p, value in held if isinstance(value, NoteReading) and value.document.path == edited.name]

    _checked(folder)
    (first_version,) = versions_of_the_edited_note()
    edited.write_text(edited.read_text(encoding="utf-8") + "\n- Aanvulling.\n", encoding="utf-8")
    _checked(folder)  # the warm run: it writes the set's snapshot
    assert len(versions_of_the_edited_note()) == 2
    for entry in cache_entries(folder):
        _aged(entry, 31)
    left = Path(tempfile.mkstemp(dir=first_version.parent, prefix=".tmp-")[1])  # a killed run's
    _aged(left, 1)
    writing = Path(tempfile.mkstemp(dir=first_version.parent, prefix=".tmp-")[1])  # a running run's
    _aged(folder / CACHE_DIR / ".last-sweep", 2)
    assert _checked(folder) == _checked(folder, "--no-cache")
    kept = set(cache_entries(folder))
    # the run took the set from its snapshot and the findings from their entry, and
    # touched both; no run used the notes' own entries for a month, nor the first
    # version of the edited note: deleted, with the killed run's temporary file
    assert len(kept) == 3 and versions_of_the_edited_note() == [] and not left.exists() and writing.exists()
    assert all(time.time() - p.stat().st_mtime < 3600 for p in kept)
    assert _counted(folder)[1] == (12, 0)  # the snapshot holds every note
    for entry in cache_entries(folder):
        _aged(entry, 31)
    _checked(folder)  # swept less than a day ago: nothing is deleted
    assert set(cache_entries(folder)) == kept  # none deleted, none written (the set is as it was)


def test_a_sweep_deletes_only_old_entries_and_leftovers_and_not_again_the_same_day(tmp_path, monkeypatch):
    cache = NoteCache(tmp_path / CACHE_DIR, b"salt")
    old, used, fresh = (cache.key_of(name) for name in ("old", "used", "fresh"))
    for key in (old, used, fresh):
        cache.store(key, key)
    for key in (old, used):
        _aged(tmp_path / CACHE_DIR / key[:2] / key, 31)
    assert cache.load(used) == used  # touched: used today
    now = time.time()
    assert cache.sweep(now) == 1
    assert cache.load(old) is None and cache.load(used) == used and cache.load(fresh) == fresh
    _aged(tmp_path / CACHE_DIR / fresh[:2] / fresh, 40)
    assert cache.sweep(now + 3600) == 0  # a sweep a day at most
    assert cache.sweep(now + cache_module.SWEEP_EVERY + 1) == 1
    assert cache.load(fresh) is None


def test_many_notes_read_anew_in_the_main_process_are_kept_in_one_pack(tmp_path, monkeypatch):
    from annolint import reading

    monkeypatch.setattr(reading, "PACK_FROM", 4)  # the twelve notes are many
    folder = _corpus(tmp_path)

    def packs() -> list[list[str]]:
        return [[path for path, _, _ in records] for records in cache_packs(folder).values()]

    expected = _checked(folder, "--no-cache")
    assert _checked(folder, "--jobs", "1") == expected
    notes = sorted(r.document.path for r in _notes_held(folder))
    assert len(notes) == 12 and [sorted(held) for held in packs()] == [notes]
    assert notes_in_own_entries(folder) == []  # none in an entry of its own
    # every note from the pack, which loads as a snapshot does: none is written
    assert _counted(folder)[1] == (12, 0)
    assert [sorted(held) for held in packs()] == [notes] and cache_snapshots(folder) == []
    assert _checked(folder) == expected


LOADED: list[str] = []


def _note_loaded(name: str) -> str:
    LOADED.append(name)
    return name


class _Recorded:
    """Unpickled as a string, noting that it was."""

    def __init__(self, name: str):
        self.name = name

    def __reduce__(self):
        return _note_loaded, (self.name,)


def test_a_marked_entry_is_unpickled_only_for_its_mark(tmp_path):
    # the findings of a run whose set changed are not unpickled only to be dropped
    cache = NoteCache(tmp_path / CACHE_DIR, b"salt")
    place = cache.key_of("findings for", "notes")
    cache.store_marked(place, "set as it was", _Recorded("findings"))
    LOADED.clear()
    assert cache.load_marked(place, "set as it is", "findings") is None and LOADED == []
    assert cache.load_marked(place, "set as it was", "findings") == "findings" and LOADED == ["findings"]
    assert cache.counts("findings") == (1, 1)


def test_once_the_notes_are_read_the_snapshot_and_packs_keep_nothing(tmp_path, monkeypatch):
    # A note removed from the set leaves its reading in the snapshot, or its view in a
    # pack, which would keep the whole pack in memory while the rules run
    from annolint import reading
    from annolint.engine import load_setup, read_documents
    from annolint.reading import Readings

    monkeypatch.setattr(reading, "PACK_FROM", 4)
    folder = _corpus(tmp_path)
    _checked(folder)  # the notes in one pack
    (folder / "05_commissie-wonen-juni.txt").unlink()
    old = Path.cwd()
    os.chdir(folder)
    try:
        config = load_config(folder / ".annolint.yaml")
        readings = Readings(NoteCache(folder / CACHE_DIR, salt_for(config)))
        documents = read_documents([Path(".")], config, load_setup(config).lexicon, readings)
    finally:
        os.chdir(old)
    snapshot = readings.snapshot
    # taken from the pack as from a snapshot; the removed note's reading let go
    assert len(documents) == 11 and len(snapshot.taken) == 11 and snapshot.from_entries == 0
    assert snapshot.gone == 1 and snapshot._packed == {} and snapshot._held == {}
