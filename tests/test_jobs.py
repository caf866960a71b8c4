"""Reading notes and running rules in parallel processes (--jobs): the same output
byte for byte as one process, with and without the cache, and a note or a rule that
breaks a worker named."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from annolint import forking, reading_processes, rule_processes, structure
from conftest import CORPUS, cache_entries, cache_packs, cache_snapshots, notes_in_own_entries, run


PARALLEL_RUNS: list[int] = []  # the number of notes each parallel read handed back
GROUPS_RUN: list[int] = []  # the number of groups of rules each side-by-side run ran


@pytest.fixture
def corpus(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "user-cache"))
    monkeypatch.setattr(reading_processes, "PARALLEL_FROM", 2)  # the corpus's 12 notes are read by workers
    parallel = reading_processes.read_in_parallel

    def counted(*args):
        found = list(parallel(*args))
        PARALLEL_RUNS.append(len(found))
        return found

    monkeypatch.setattr(reading_processes, "read_in_parallel", counted)
    monkeypatch.setattr(rule_processes, "PARALLEL_FROM", 2)  # and its rules run side by side
    side_by_side = rule_processes.run_in_processes

    def grouped(groups, *args, **kwargs):
        done = list(side_by_side(groups, *args, **kwargs))
        GROUPS_RUN.append(len(done))
        return done

    monkeypatch.setattr(rule_processes, "run_in_processes", grouped)
    PARALLEL_RUNS.clear()
    GROUPS_RUN.clear()
    folder = tmp_path / "set"
    shutil.copytree(CORPUS, folder)
    return folder


@pytest.mark.parametrize("fmt", ["json", "text", "sarif"])
def test_two_jobs_give_the_output_of_one_byte_for_byte(corpus, fmt):
    one = run(["check", ".", "--format", fmt, "--jobs", "1", "--no-cache"], cwd=corpus)
    assert PARALLEL_RUNS == GROUPS_RUN == []
    two = run(["check", ".", "--format", fmt, "--jobs", "2", "--no-cache"], cwd=corpus)
    assert PARALLEL_RUNS == [12]  # the workers read every note
    # and ran the 15 rules of the Dutch pack in 11 groups: diverging- and changed-figure
    # together, and the three rules of the inconsistent-answer kind with flipped-statement
    # (they share work)
    assert GROUPS_RUN == [11]
    assert one.exit_code == two.exit_code == 1
    assert two.stdout == one.stdout and two.stdout.count("AL0") >= 37


def test_two_jobs_fill_and_read_the_cache_as_one_does(corpus):
    expected = run(["check", ".", "--format", "json", "--jobs", "1", "--no-cache"], cwd=corpus).stdout
    assert run(["check", ".", "--format", "json", "--jobs", "2"], cwd=corpus).stdout == expected  # cold
    assert len(list((corpus / ".annolint_cache").rglob("*"))) > 12
    assert run(["check", ".", "--format", "json", "--jobs", "2"], cwd=corpus).stdout == expected  # warm
    assert run(["check", ".", "--format", "json", "--jobs", "1"], cwd=corpus).stdout == expected
    assert PARALLEL_RUNS == [12]  # a warm run takes every note from the cache in the main process
    assert GROUPS_RUN == [11]  # and the findings of the same notes under the same rules


@pytest.mark.skipif(not forking.can_fork(), reason="the workers are forked only where that is safe")
def test_the_main_process_reads_no_note_itself_when_workers_read(corpus, monkeypatch):
    # What a reader keeps while it reads (its memos) would stay in the memory every
    # rule worker is forked from: the main process only takes the workers' notes in.
    import os

    from annolint.reading import Readings

    main = os.getpid()
    parsed_here: list[str] = []
    read_note = Readings.read_note

    def counted(self, path, *args):
        if os.getpid() == main:
            parsed_here.append(path.name)
        return read_note(self, path, *args)

    monkeypatch.setattr(Readings, "read_note", counted)
    two = run(["check", ".", "--format", "json", "--jobs", "2", "--no-cache"], cwd=corpus).stdout
    assert PARALLEL_RUNS == [12] and parsed_here == []
    assert run(["check", ".", "--format", "json", "--jobs", "1", "--no-cache"], cwd=corpus).stdout == two
    assert len(parsed_here) == 12  # one process: it reads every note itself


def test_a_cold_cache_is_looked_up_by_the_workers_alone(corpus, monkeypatch):
    # The main process looks the first notes up (COLD_PROBE); finding none of them
    # cached, it leaves the rest to the workers, which take a note the cache holds
    # from it all the same: its entry is not written again. Every note they hand on
    # goes in their packs (a note's chunk refers to the ones before it), the two they
    # read anew and the ten they took from the cache.
    import pickle

    from annolint import engine
    from annolint.reading import NoteReading, Readings

    monkeypatch.setattr(engine, "COLD_PROBE", 2)
    expected = run(["check", ".", "--format", "json", "--jobs", "1", "--no-cache"], cwd=corpus).stdout
    run(["check", ".", "--format", "json", "--jobs", "1"], cwd=corpus)  # each note in its own entry
    entries = {}
    for path in cache_entries(corpus):
        reading = pickle.loads(path.read_bytes()[32:])
        if isinstance(reading, NoteReading):
            entries[reading.document.path] = path
    names = sorted(entries)
    assert len(names) == 12
    for name in names[:2]:  # the two notes looked up first: not in the cache
        entries[name].unlink()
    # an entry written again is a new file put in its place; a used one is only touched
    written = {name: entries[name].stat().st_ino for name in names[2:]}
    looked_up: list[str] = []
    cached = Readings.cached
    # looked up before reading (a note read is looked up with what ``read`` found of it)
    monkeypatch.setattr(Readings, "cached", lambda self, path, found=None: (
        found is None and looked_up.append(path.name)) or cached(self, path, found))
    assert run(["check", ".", "--format", "json", "--jobs", "2"], cwd=corpus).stdout == expected
    assert looked_up == names[:2]  # by the main process (the workers' own lists are theirs)
    assert {name: entries[name].stat().st_ino for name in names[2:]} == written
    packed = sorted(path for held in _packs(corpus).values() for path in held)
    assert packed == names and not any(entries[name].exists() for name in names[:2])


def test_an_edited_note_is_read_again_and_the_rules_run_again_side_by_side(corpus):
    expected_cold = run(["check", ".", "--format", "json", "--jobs", "2"], cwd=corpus).stdout
    note = corpus / "01_commissie-wonen-januari.txt"
    note.write_text(note.read_text(encoding="utf-8") + "\nHet aantal volgt nog (moet nog update).\n", encoding="utf-8")
    warm = run(["check", ".", "--format", "json", "--jobs", "2"], cwd=corpus).stdout
    assert PARALLEL_RUNS == [12]  # the edited note was parsed in the main process, the rest taken from the cache
    assert GROUPS_RUN == [11, 11]
    assert warm == run(["check", ".", "--format", "json", "--jobs", "1", "--no-cache"], cwd=corpus).stdout
    # the edit was read: one placeholder more
    assert warm.count('"placeholder"') == expected_cold.count('"placeholder"') + 1


def _internal_error(corpus: Path, jobs: str = "2") -> str:
    """The one line a run that hits a bug prints (exit 2)."""
    result = run(["check", ".", "--jobs", jobs, "--no-cache"], cwd=corpus)
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1
    return result.stderr


def test_a_rule_that_breaks_a_worker_is_named_and_the_run_exits_2(corpus, monkeypatch):
    from annolint.kinds import spelling

    def broken(params, index, scope):
        raise KeyError("oops")

    monkeypatch.setattr(spelling, "check", broken)
    assert _internal_error(corpus).startswith("annolint: internal error while running rule AL011 "
                                              "inconsistent-spelling: KeyError: 'oops'")


def test_a_note_rule_that_breaks_while_a_note_is_read_names_the_rule_and_the_note(corpus, monkeypatch):
    # placeholder finds in each note on its own: it runs where the note is read
    from annolint.kinds import placeholder

    def checker(params):
        def check_note(doc, blocks):
            if doc.path.endswith("03_staf-april.md"):
                raise KeyError("oops")
            return iter(())
        return check_note

    monkeypatch.setattr(placeholder, "note_checker", checker)
    for jobs in ("2", "1"):  # the same line whether a worker or the rule found it
        assert _internal_error(corpus, jobs).startswith("annolint: internal error while running rule AL010 "
                                                        "placeholder on 03_staf-april.md: KeyError: 'oops' (")


def test_notes_cached_by_a_narrower_run_get_their_other_facts_from_the_workers(corpus):
    expected = run(["check", ".", "--format", "json", "--jobs", "1", "--no-cache"], cwd=corpus).stdout
    run(["check", ".", "--select", "placeholder", "--jobs", "2"], cwd=corpus)
    assert PARALLEL_RUNS == [12]
    assert run(["check", ".", "--format", "json", "--jobs", "2"], cwd=corpus).stdout == expected
    # the notes with a date of their own were cached without their statements, figures
    # and questions: the workers extracted those; the undated note waits for the set
    assert PARALLEL_RUNS == [12, 11]
    assert run(["check", ".", "--format", "json", "--jobs", "2"], cwd=corpus).stdout == expected
    assert PARALLEL_RUNS == [12, 11]  # then every note holds them


def test_a_run_that_reads_no_facts_leaves_the_cached_notes_alone(corpus):
    # document-date reads no statement of any note: nothing is missing from a note
    # another run cached, whatever it holds
    for jobs in ("1", "2", "2"):
        run(["check", ".", "--select", "document-date", "--jobs", jobs], cwd=corpus)
    assert PARALLEL_RUNS == []


def test_a_note_that_breaks_a_worker_is_named_and_the_run_exits_2(corpus, monkeypatch):
    parse = structure.parse_document

    def broken(source, lexicon):
        if source.path.endswith("03_staf-april.md"):
            raise IndexError("list index out of range")
        return parse(source, lexicon)

    monkeypatch.setattr(structure, "parse_document", broken)
    assert _internal_error(corpus).startswith("annolint: internal error while reading 03_staf-april.md: IndexError: "
                                              "list index out of range (this is a bug in annolint")


class _Terminal(__import__("io").StringIO):
    def isatty(self) -> bool:
        return True


def test_a_progress_bar_on_a_terminal_only_and_never_in_ci(monkeypatch):
    from annolint import cli

    monkeypatch.delenv("CI", raising=False)
    assert cli._progress() is None  # pytest's standard error is no terminal
    terminal = _Terminal()
    monkeypatch.setattr("sys.stderr", terminal)
    bar = cli._progress()
    assert list(bar("Reading notes", iter(["a", "b", "c"]), 3)) == ["a", "b", "c"]
    assert "Reading notes" in terminal.getvalue() and "3/3" in terminal.getvalue()
    monkeypatch.setenv("CI", "true")
    assert cli._progress() is None


def test_piped_output_has_no_progress_in_it(corpus):
    result = run(["check", ".", "--jobs", "2", "--no-cache"], cwd=corpus)
    assert "Reading notes" not in result.stderr and "Notities lezen" not in result.stderr


def test_a_corrupt_entry_found_by_a_parallel_run_is_read_again_from_its_note(corpus):
    expected = run(["check", ".", "--format", "json", "--jobs", "1", "--no-cache"], cwd=corpus).stdout
    run(["check", ".", "--format", "json", "--jobs", "2"], cwd=corpus)
    entries = sorted(p for p in (corpus / ".annolint_cache").rglob("*") if p.is_file() and p.stat().st_size > 2000)
    for entry in entries:  # every note's entry cut in half, the findings' too
        entry.write_bytes(entry.read_bytes()[: entry.stat().st_size // 2])
    assert run(["check", ".", "--format", "json", "--jobs", "2"], cwd=corpus).stdout == expected
    assert PARALLEL_RUNS == [12, 12]  # found in the cache, not trusted: read again, by the workers
    assert GROUPS_RUN == [11, 11]


def test_notes_are_dealt_to_the_worker_that_read_their_lines_and_the_work_stays_even(tmp_path):
    first = "".join(f"Regel {n} van de eerste notitie over de jeugdzorg.\n" for n in range(40))
    second = "".join(f"Regel {n} van de tweede notitie over de statushouders.\n" for n in range(40))
    names = {"a1.txt": first, "b1.txt": second, "a2.txt": first + "Een zin erbij.\n",
             "b2.txt": "Kop\n" + second, "a3.txt": first.replace("Regel 3 ", "Regel drie ")}
    files = []
    for name, text in names.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        files.append(tmp_path / name)
    # a1 to the first worker, b1 to the idle second; each later version to its own
    assert reading_processes.shares(files, 2) == [[0, 2, 4], [1, 3]]
    assert reading_processes.shares(files, 1) == [[0, 1, 2, 3, 4]]
    # a third worker, idle, reads a2 anew sooner than the first would after a1; a3 then
    # goes where its lines were read and the work is least
    assert reading_processes.shares(files, 3) == [[0, 4], [1, 3], [2]]


def test_a_reading_worker_that_dies_stops_the_run_with_exit_2_not_a_hang(corpus, monkeypatch):
    import os

    monkeypatch.setattr(reading_processes, "_read_one", lambda path: os._exit(9))  # killed, say, out of memory
    result = run(["check", ".", "--jobs", "2", "--no-cache"], cwd=corpus)
    assert result.exit_code == 2
    assert result.stderr.startswith("annolint: internal error while reading notes: RuntimeError: a worker "
                                    "process stopped (this is a bug in annolint")


def test_where_processes_cannot_be_forked_workers_are_spawned_and_the_output_is_the_same(corpus, monkeypatch):
    # macOS and Windows: the reading workers start Python afresh; the rules run here
    monkeypatch.setattr(forking, "can_fork", lambda: False)
    one = run(["check", ".", "--format", "json", "--jobs", "1", "--no-cache"], cwd=corpus)
    two = run(["check", ".", "--format", "json", "--jobs", "2", "--no-cache"], cwd=corpus)
    assert PARALLEL_RUNS == [12] and GROUPS_RUN == []
    assert two.stdout == one.stdout and two.exit_code == one.exit_code == 1
    # with the cache: the spawned workers write their packs, and the next run takes every note from them
    assert run(["check", ".", "--format", "json", "--jobs", "2"], cwd=corpus).stdout == one.stdout
    assert len(cache_packs(corpus)) == 2 and PARALLEL_RUNS == [12, 12]
    assert run(["check", ".", "--format", "json", "--jobs", "2"], cwd=corpus).stdout == one.stdout
    assert PARALLEL_RUNS == [12, 12]  # nothing left for the workers to read


def test_a_rule_worker_that_dies_stops_the_run_with_exit_2_naming_its_rules(corpus, monkeypatch):
    import os

    from annolint.kinds import spelling

    monkeypatch.setattr(spelling, "check", lambda params, index, scope: os._exit(9))
    result = run(["check", ".", "--jobs", "2", "--no-cache"], cwd=corpus)
    assert result.exit_code == 2
    assert result.stderr.startswith("annolint: internal error while running rule AL011 inconsistent-spelling: "
                                    "RuntimeError: its process stopped (exit 9) (this is a bug in annolint")


def test_a_named_pipe_among_many_notes_does_not_block_the_parallel_run(tmp_path):
    # dealing notes out reads them first: a named pipe must not be opened (no writer
    # would ever come), as reading a note never opens one
    import os
    import subprocess
    import sys

    if not hasattr(os, "mkfifo"):
        pytest.skip("no named pipes here")
    folder = tmp_path / "set"
    folder.mkdir()
    notes = sorted(CORPUS.glob("*.txt"))
    for copy in range(reading_processes.PARALLEL_FROM // len(notes) + 1):  # enough notes for the workers
        for note in notes:
            shutil.copy(note, folder / f"{copy}_{note.name}")
    os.mkfifo(folder / "pijp.txt")
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "user-cache")}
    runs = [subprocess.run([sys.executable, "-m", "annolint", "check", ".", "--no-cache", "--jobs", jobs,
                            "--format", "json"], cwd=folder, env=env, capture_output=True, text=True, timeout=120)
            for jobs in ("1", "2")]
    assert [r.returncode for r in runs] == [1, 1]
    assert runs[0].stdout == runs[1].stdout and '"path": "pijp.txt"' in runs[1].stdout


def test_groups_of_rules_start_longest_first_by_the_last_run_s_times():
    from types import SimpleNamespace

    def rule(rule_id, *shares):
        return SimpleNamespace(id=rule_id, name=rule_id.lower(), module=SimpleNamespace(SHARES=shares))

    rules = [rule("A"), rule("B", "pairs"), rule("C"), rule("D", "pairs")]
    groups = rule_processes.groups(rules)
    assert [rule_processes.group_name(g) for g in groups] == ["A", "B+D", "C"]
    # one worker at a time: the groups finish in the order they were started
    done = rule_processes.run_in_processes(groups, None, 1, lambda r, index: [], {"C": 2.0, "B+D": 1.0})
    assert [(rule_processes.group_name(g), found) for g, found, _ in done] == [("C", []), ("B+D", []), ("A", [])]
    done = rule_processes.run_in_processes(groups, None, 1, lambda r, index: [], None)  # no times: in order
    assert [rule_processes.group_name(g) for g, _, _ in done] == ["A", "B+D", "C"]


def test_a_group_that_needs_nothing_prepared_compares_while_the_rest_is_prepared(tmp_path):
    # inconsistent-spelling reads only the set's lower-case words: it starts before
    # ``prepare`` (on the core the main process leaves free), the others after it;
    # placeholder, a note rule, waits too (``prepare`` finds it in undated notes)
    import time

    from annolint.config import Config
    from annolint.engine import load_setup, read_documents
    from annolint.index import CorpusIndex

    config = Config()
    setup = load_setup(config)
    rules = {rule.name: rule for rule in setup.rules}
    groups = [[rules["placeholder"]], [rules["diverging-figure"]], [rules["inconsistent-spelling"]]]
    index = CorpusIndex(read_documents([CORPUS], config, setup.lexicon), setup.lexicon)
    early = index.ready_early(groups)
    assert early == {2}
    events = tmp_path / "events"

    def log(line: str) -> None:
        with events.open("a", encoding="utf-8") as handle:
            handle.write(line + "\n")

    def run_rule(rule, index):  # in the worker
        log(f"compare {rule.name}")
        return []

    def prepare():  # in the main process
        time.sleep(0.5)
        log("prepared")

    done = rule_processes.run_in_processes(groups, index, 2, run_rule, {}, early, prepare)
    assert sorted(rule_processes.group_name(g) for g, _, _ in done) == ["AL010", "AL011", "AL030"]
    lines = events.read_text(encoding="utf-8").splitlines()
    # the fork compares while the main process prepares, and takes no group that
    # needs what is prepared: those come after, each once
    assert lines[:2] == ["compare inconsistent-spelling", "prepared"]
    assert sorted(lines[2:]) == ["compare diverging-figure", "compare placeholder"]


def test_the_engine_starts_inconsistent_spelling_while_it_prepares_the_rest(corpus, monkeypatch, tmp_path):
    import time

    from annolint.index import CorpusIndex
    from annolint.kinds import spelling

    events = tmp_path / "events"

    def log(line: str) -> None:
        with events.open("a", encoding="utf-8") as handle:
            handle.write(line + "\n")

    prepare, check = CorpusIndex.prepare, spelling.check

    def slow_prepare(self):
        time.sleep(0.5)
        prepare(self)
        log("prepared")

    def logged(params, index, scope):
        log("spelling compares")
        yield from check(params, index, scope)

    monkeypatch.setattr(CorpusIndex, "prepare", slow_prepare)
    monkeypatch.setattr(spelling, "check", logged)
    expected = run(["check", ".", "--format", "json", "--jobs", "1", "--no-cache"], cwd=corpus).stdout
    events.unlink()
    assert run(["check", ".", "--format", "json", "--jobs", "2", "--no-cache"], cwd=corpus).stdout == expected
    assert GROUPS_RUN == [11]
    assert events.read_text(encoding="utf-8").splitlines() == ["spelling compares", "prepared"]



def test_a_cold_runs_packs_serve_as_the_snapshot_until_too_many_notes_change(corpus, monkeypatch):
    # a cold run (a CI job on a fresh checkout) does not pay for a snapshot nobody may
    # keep; the runs after it take their notes from the workers' packs as from one,
    # and write it once too many notes are not as the packs hold them
    from annolint.cache import NoteCache

    expected = run(["check", ".", "--format", "json", "--jobs", "1", "--no-cache"], cwd=corpus).stdout
    loaded = []
    real_load = NoteCache.load
    monkeypatch.setattr(NoteCache, "load",
                        lambda self, key, kind="note", **how: loaded.append((kind, key)) or real_load(
                            self, key, kind, **how))
    real_payload = NoteCache.verified_payload
    monkeypatch.setattr(NoteCache, "verified_payload",
                        lambda self, key, kind: loaded.append((kind, key)) or real_payload(self, key, kind))
    assert run(["check", ".", "--format", "json", "--jobs", "2"], cwd=corpus).stdout == expected
    assert PARALLEL_RUNS == [12]
    entries = {p.name for p in (corpus / ".annolint_cache").rglob("*") if len(p.name) == 64}
    snapshot = {key for kind, key in loaded if kind == "set"}
    packs = {key for kind, key in loaded if kind == "packs"}  # the list of the workers' packs
    assert len(snapshot) == 1 and not snapshot & entries and len(packs) == 1 and packs <= entries
    worker_packs = {entry.name for entry in cache_packs(corpus)}
    loaded.clear()
    assert run(["check", ".", "--format", "json", "--jobs", "2"], cwd=corpus).stdout == expected
    entries = {p.name for p in (corpus / ".annolint_cache").rglob("*") if len(p.name) == 64}
    # every note from the two workers' packs (its own entry asked for first: none has one); no
    # snapshot written
    assert len(worker_packs) == 2 and {key for kind, key in loaded if kind == "pack"} == worker_packs
    assert len({key for kind, key in loaded if kind == "note"}) == 12 and not snapshot & entries
    assert packs | worker_packs <= entries

    edited = corpus / "05_commissie-wonen-juni.txt"
    edited.write_text(edited.read_text(encoding="utf-8").replace("1.200", "1.300"), encoding="utf-8")
    loaded.clear()
    assert run(["check", ".", "--format", "json", "--jobs", "2"], cwd=corpus).stdout == \
        run(["check", ".", "--format", "json", "--jobs", "1", "--no-cache"], cwd=corpus).stdout
    # ten notes from the packs, the undated one from its own entry (the cold run's main
    # process kept it there with the facts the set's date gave it), the edited one read
    # anew (each note's own entry asked for first)
    assert len({key for kind, key in loaded if kind == "note"}) == 12
    entries = {p.name for p in (corpus / ".annolint_cache").rglob("*") if len(p.name) == 64}
    # two of twelve not as the packs hold them, more than STALE_SHARE: the snapshot holds all, the packs go
    assert snapshot <= entries and not (packs | worker_packs) & entries


def test_a_set_changed_run_after_run_gives_the_output_of_no_cache_each_time(corpus, monkeypatch):
    # The cache as the runs of a month leave it: packs of the workers and of the main
    # process, notes' own entries, a snapshot written once too many notes changed, with
    # notes edited, removed, added and renamed in between, by one process or two
    from annolint import reading

    monkeypatch.setattr(reading, "PACK_FROM", 3)  # three notes read anew in the main process make a pack
    notes = sorted(p for p in corpus.iterdir() if p.suffix in (".txt", ".md") and p.name != "README.md")

    def append(path: Path, text: str) -> None:
        path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")

    first = notes[4].read_text(encoding="utf-8")
    steps = [
        ("2", lambda: None),  # cold: the workers' packs
        ("2", lambda: append(notes[4], "\nHet aantal woningen is 1.350.\n")),
        ("1", lambda: [append(n, "\nDe planning volgt in 2026.\n") for n in notes[5:8]]),
        ("2", lambda: (notes[9].unlink(), shutil.copy(notes[1], corpus / "13_kopie.txt"))),
        ("1", lambda: notes[2].rename(corpus / "14_hernoemd.txt")),
        ("2", lambda: notes[4].write_text(first, encoding="utf-8")),
        ("1", lambda: None),
    ]
    for jobs, change in steps:
        change()
        cached = run(["check", ".", "--format", "json", "--jobs", jobs], cwd=corpus)
        fresh = run(["check", ".", "--format", "json", "--jobs", "1", "--no-cache"], cwd=corpus)
        assert cached.exit_code == fresh.exit_code == 1 and cached.stdout == fresh.stdout
    assert PARALLEL_RUNS[0] == 12  # the cold run's workers read every note


def test_packs_that_pile_up_with_versions_no_run_takes_are_folded_into_the_snapshot(corpus, monkeypatch):
    # Notes changed in bulk (a pull) go into a pack of the main process; the versions
    # they replace stay in the older packs, loaded by every run and taken by none. They
    # count as stale: once, with the notes changed since, they pass STALE_SHARE, one
    # snapshot holds the set and the packs go.
    from annolint import reading, set_snapshot

    monkeypatch.setattr(reading, "PACK_FROM", 3)
    monkeypatch.setattr(set_snapshot, "STALE_SHARE", 0.4)  # of 12 notes: more than 4.8
    notes = sorted(p for p in corpus.iterdir() if p.suffix in (".txt", ".md") and p.name != "README.md")
    dated = [n for n in notes if n.name != "08_actualiteit-zonder-datum.txt"]

    def packs() -> int:
        return len(cache_packs(corpus))

    def checked(jobs: str) -> None:
        assert run(["check", ".", "--format", "json", "--jobs", jobs], cwd=corpus).stdout == \
            run(["check", ".", "--format", "json", "--jobs", "1", "--no-cache"], cwd=corpus).stdout

    def edit(some: list[Path]) -> None:
        for n in some:
            n.write_text(n.read_text(encoding="utf-8") + "\nDe planning volgt in 2026.\n", encoding="utf-8")

    checked("2")
    assert packs() == 2  # the two workers'
    edit(dated[:3])
    checked("1")  # three read anew (and the undated note from its own entry): 4 of 12, not yet stale
    assert packs() == 3  # and a pack of the main process with the three
    checked("1")  # the three from the new pack, their old versions superseded, the undated note: 4
    assert packs() == 3
    edit(dated[3:5])
    checked("1")  # two read anew, the undated note, three superseded: 6 of 12, stale
    assert packs() == 0 and len(cache_snapshots(corpus)) == 1


def test_groups_are_taken_longest_first_and_without_times_the_early_ones_first():
    from types import SimpleNamespace

    def group(name, *reads):
        return [SimpleNamespace(id=name, module=SimpleNamespace(READS=reads))]

    found = [group("A", "dated"), group("B", "figures", "sentences"), group("C", "lowercase"), group("D", "dated")]
    assert rule_processes.order(found, {"A": 0.2, "B": 0.1, "C": 0.9, "D": 0.3}, frozenset({2})) == [2, 3, 0, 1]
    # no times (a cold cache): the early group, then those that read most, in order
    assert rule_processes.order(found, {}, frozenset({2})) == [2, 1, 0, 3]


def test_a_fork_takes_group_after_group_while_the_main_process_is_busy(tmp_path):
    # one long group and six short ones, two workers: one takes the long one (the
    # main process, most often), and the other every short one, one after another,
    # without waiting for it to hand them out
    import os
    import time
    from types import SimpleNamespace

    log = tmp_path / "log"
    groups = [[SimpleNamespace(id=name, name=name.lower())] for name in ("S1", "LONG", "S2", "S3", "S4", "S5", "S6")]
    took = {"LONG": 1.0, **{f"S{n}": 0.1 / n for n in range(1, 7)}}
    main = os.getpid()

    def run_rule(rule, index):
        with log.open("a", encoding="utf-8") as handle:
            handle.write(f"{rule.id} {'main' if os.getpid() == main else 'fork'}\n")
        time.sleep(0.6 if rule.id == "LONG" else 0.01)
        return [rule.id]

    done = list(rule_processes.run_in_processes(groups, None, 2, run_rule, took))
    assert sorted(found for _, [found], _ in done) == ["LONG", "S1", "S2", "S3", "S4", "S5", "S6"]
    ran = dict(line.split() for line in log.read_text(encoding="utf-8").splitlines())
    other = "fork" if ran["LONG"] == "main" else "main"
    assert ran == {"LONG": ran["LONG"], **{f"S{n}": other for n in range(1, 7)}}


UNDATED = "08_actualiteit-zonder-datum.txt"  # the corpus's one note without a date


def _packs(corpus: Path) -> dict[Path, list[str]]:
    """The packs of notes read in bulk in the cache, and the notes each holds."""
    return {entry: [path for path, _, _ in records] for entry, records in cache_packs(corpus).items()}


def test_a_cold_run_keeps_the_notes_its_workers_read_in_one_pack_each(corpus):
    expected = run(["check", ".", "--format", "json", "--jobs", "1", "--no-cache"], cwd=corpus).stdout
    assert run(["check", ".", "--format", "json", "--jobs", "2"], cwd=corpus).stdout == expected
    packs = _packs(corpus)
    notes = sorted(p.name for p in corpus.iterdir() if p.suffix in (".txt", ".md") and p.name != "README.md")
    # two workers, two packs, each note in one of them
    assert len(packs) == 2 and sorted(n for held in packs.values() for n in held) == notes
    # and the undated note, whose facts waited for the set, in an entry of its own too
    own = sorted(r.document.path for r in notes_in_own_entries(corpus))
    assert own == [UNDATED]


def test_a_truncated_or_forged_pack_is_not_trusted(corpus):
    # its notes are read again, and the output is the same; a pack whose signature
    # holds is read (its notes taken from it: no worker reads them)
    expected = run(["check", ".", "--format", "json", "--jobs", "1", "--no-cache"], cwd=corpus).stdout
    run(["check", ".", "--format", "json", "--jobs", "2"], cwd=corpus)
    (damaged, held), (kept, _) = sorted(_packs(corpus).items(), key=lambda item: -len(item[1]))
    blob = damaged.read_bytes()
    damaged.write_bytes(blob[:len(blob) // 2])
    PARALLEL_RUNS.clear()
    assert run(["check", ".", "--format", "json", "--jobs", "2"], cwd=corpus).stdout == expected
    # the damaged pack's notes read again, but the undated one, which its own entry holds
    assert PARALLEL_RUNS == [len([n for n in held if n != UNDATED])]
    assert not kept.exists()  # its notes are in the snapshot the run wrote


def test_a_pack_with_one_bit_changed_is_not_trusted(corpus):
    expected = run(["check", ".", "--format", "json", "--jobs", "1", "--no-cache"], cwd=corpus).stdout
    run(["check", ".", "--format", "json", "--jobs", "2"], cwd=corpus)
    packs = _packs(corpus)
    for entry in packs:
        blob = bytearray(entry.read_bytes())
        blob[-1] ^= 1
        entry.write_bytes(bytes(blob))
    PARALLEL_RUNS.clear()
    assert run(["check", ".", "--format", "json", "--jobs", "2"], cwd=corpus).stdout == expected
    assert PARALLEL_RUNS == [11]  # all but the undated note, which its own entry holds
