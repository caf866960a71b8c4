"""Reading notes in parallel processes (--jobs): the same output byte for byte as
one process, with and without the cache, and a note that breaks a worker named."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from annolint import reading, structure
from conftest import CORPUS, run


PARALLEL_RUNS: list[int] = []  # the number of notes each parallel read handed back


@pytest.fixture
def corpus(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "user-cache"))
    monkeypatch.setattr(reading, "PARALLEL_FROM", 2)  # the corpus's 12 notes are read by workers
    parallel = reading.read_in_parallel

    def counted(files, jobs, config, cache):
        found = list(parallel(files, jobs, config, cache))
        PARALLEL_RUNS.append(len(found))
        return found

    monkeypatch.setattr(reading, "read_in_parallel", counted)
    PARALLEL_RUNS.clear()
    folder = tmp_path / "set"
    shutil.copytree(CORPUS, folder)
    return folder


@pytest.mark.parametrize("fmt", ["json", "text", "sarif"])
def test_two_jobs_give_the_output_of_one_byte_for_byte(corpus, fmt):
    one = run(["check", ".", "--format", fmt, "--jobs", "1", "--no-cache"], cwd=corpus)
    assert PARALLEL_RUNS == []
    two = run(["check", ".", "--format", fmt, "--jobs", "2", "--no-cache"], cwd=corpus)
    assert PARALLEL_RUNS == [12]  # the workers read every note
    assert one.exit_code == two.exit_code == 1
    assert two.stdout == one.stdout and two.stdout.count("AL0") >= 37


def test_two_jobs_fill_and_read_the_cache_as_one_does(corpus):
    expected = run(["check", ".", "--format", "json", "--jobs", "1", "--no-cache"], cwd=corpus).stdout
    assert run(["check", ".", "--format", "json", "--jobs", "2"], cwd=corpus).stdout == expected  # cold
    assert len(list((corpus / ".annolint_cache").rglob("*"))) > 12
    assert run(["check", ".", "--format", "json", "--jobs", "2"], cwd=corpus).stdout == expected  # warm
    assert run(["check", ".", "--format", "json", "--jobs", "1"], cwd=corpus).stdout == expected
    assert PARALLEL_RUNS == [12, 12]


def test_a_note_that_breaks_a_worker_is_named_and_the_run_exits_2(corpus, monkeypatch):
    parse = structure.parse_document

    def broken(source, lexicon):
        if source.path.endswith("03_staf-april.md"):
            raise IndexError("list index out of range")
        return parse(source, lexicon)

    monkeypatch.setattr(structure, "parse_document", broken)
    result = run(["check", ".", "--jobs", "2", "--no-cache"], cwd=corpus)
    assert result.exit_code == 2
    assert result.stderr.startswith("annolint: internal error while reading 03_staf-april.md: IndexError: list "
                                    "index out of range (this is a bug in annolint")
    assert result.stderr.count("\n") == 1


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
