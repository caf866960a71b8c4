"""An internal error (a bug in annolint) is one plain line on stderr and exit status 2,
never a traceback and never 1, which a CI gate reads as findings."""

from __future__ import annotations

import sys

import pytest

from annolint import cli, engine, reporters, structure
from conftest import ROOT


def _run(monkeypatch, *args: str) -> int:
    monkeypatch.setattr(sys, "argv", ["annolint", *args])
    with pytest.raises(SystemExit) as stop:
        cli.run()
    return stop.value.code


def test_a_rule_that_crashes_names_itself_and_exits_2(monkeypatch, capsys):
    def broken(rule, index):
        raise IndexError("list index out of range")

    monkeypatch.setattr(engine, "rule_findings", broken)
    assert _run(monkeypatch, "check", str(ROOT / "corpus"), "--select", "placeholder") == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert err.startswith("annolint: internal error while running rule AL010 placeholder: "
                          "IndexError: list index out of range (this is a bug in annolint, not in your notes;")


def test_a_note_that_crashes_the_reader_names_the_file(monkeypatch, capsys):
    def broken(source, lexicon):
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(structure, "parse_document", broken)
    # --no-cache: a note read before comes from the cache, without the parser
    assert _run(monkeypatch, "check", str(ROOT / "corpus" / "03_staf-april.md"), "--no-cache") == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert err.startswith("annolint: internal error while reading ")
    assert "03_staf-april.md: RecursionError: maximum recursion depth exceeded (this is a bug" in err


def test_any_other_bug_is_one_line_and_exit_2(monkeypatch, capsys):
    def broken(*args, **kwargs):
        raise ValueError("bad")

    monkeypatch.setattr(reporters, "render", broken)
    # --no-cache: a note read before comes from the cache, without the parser
    assert _run(monkeypatch, "check", str(ROOT / "corpus" / "03_staf-april.md"), "--no-cache") == 2
    assert capsys.readouterr().err == (
        "annolint: internal error: ValueError: bad (this is a bug in annolint, not in your notes; "
        "please report it with this line and the command you ran)\n")


def test_ctrl_c_exits_130_not_1_which_a_ci_gate_reads_as_findings(monkeypatch, capsys):
    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(engine, "check", interrupted)
    assert _run(monkeypatch, "check", str(ROOT / "corpus")) == 130
    assert capsys.readouterr().err == "\nAborted!\n"


def test_help_version_and_usage_errors_keep_their_exit_statuses(monkeypatch, capsys):
    assert _run(monkeypatch, "--version") == 0
    assert capsys.readouterr().out.startswith("annolint, version ")
    assert _run(monkeypatch, "check", "--help") == 0
    assert _run(monkeypatch, "check", "--no-such-option") == 2
    assert "Error: No such option '--no-such-option'" in capsys.readouterr().err


def test_an_end_of_input_is_not_taken_for_ctrl_c(monkeypatch, capsys):
    def ended(*args, **kwargs):
        raise EOFError("end of input")

    monkeypatch.setattr(engine, "check", ended)
    assert _run(monkeypatch, "check", str(ROOT / "corpus")) == 1  # as click ends it
    assert capsys.readouterr().err == "\nAborted!\n"
