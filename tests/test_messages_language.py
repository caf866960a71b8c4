"""Findings in the reader's language: the Dutch pack speaks Dutch, the English pack
English, and ``message-language`` (configuration or ``--message-language``) chooses
independently of the pack. Every phrase the code says has its Dutch in the catalogue."""

from __future__ import annotations

import ast
import datetime as dt
import string
from pathlib import Path

import yaml

from annolint.i18n import catalogue, speaking
from annolint.temporal.interval import Interval, ended_before, shift_in_words
from conftest import ROOT, findings, note, run, write_set

CATALOGUE = ROOT / "rules" / "common" / "messages-nl.yaml"
SAYING = ("say", "plural", "phrase")


def _said_in_code() -> dict[str, str]:
    """Every literal template passed to say/plural/phrase in annolint's code, with its file."""
    found = {}
    for path in sorted((ROOT / "annolint").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and getattr(node.func, "id", None) in SAYING):
                continue
            args = node.args[1:3] if node.func.id == "plural" else node.args[:1]
            for arg in args:
                for value in (arg.body, arg.orelse) if isinstance(arg, ast.IfExp) else (arg,):
                    if isinstance(value, ast.Constant) and isinstance(value.value, str):
                        found[value.value] = path.name
    return found


def _fields(template: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(template) if f}


def test_every_phrase_the_code_says_has_its_dutch_with_the_same_placeholders():
    said = _said_in_code()
    assert len(said) > 60  # the scan finds the phrases (a broken scan would pass vacuously)
    dutch = catalogue("nl").phrases
    missing = sorted(t for t in said if t not in dutch)
    assert missing == []
    assert [t for t in said if _fields(t) != _fields(dutch[t])] == []


def test_every_built_in_rule_and_placeholder_reason_has_its_dutch():
    texts = catalogue("nl")
    for pack in ("nl", "en", "common"):
        for path in sorted((ROOT / "rules" / pack).glob("*.yaml")):
            if path.name.startswith(("lexicon", "messages-")):
                continue
            rule = yaml.safe_load(path.read_text(encoding="utf-8"))
            entry = texts.rules[rule["name"]]
            assert _fields(entry["message"]) <= _fields(rule["message"]) | {"total", "modality", "other_date"}
            assert entry["description"].strip()
            for pattern in rule.get("patterns", []):
                assert pattern["reason"] in texts.phrases, (path.name, pattern["reason"])


def test_periods_dates_and_shifts_in_dutch_come_from_babels_month_names():
    autumn = Interval(dt.date(2024, 9, 1), dt.date(2024, 12, 1), "season")
    summer = Interval(None, dt.date(2024, 7, 13), "season")
    note_day = Interval(dt.date(2024, 12, 2), None, "day")
    with speaking("nl"):
        assert (autumn.describe(), summer.describe()) == ("september–november 2024", "vóór 13 juli 2024")
        assert shift_in_words(summer, autumn) == "ongeveer 2 maanden later"
        assert ended_before(summer, note_day) == "ongeveer 5 maanden vóór de datum van de notitie"
        assert Interval(dt.date(2025, 3, 3), None, "day").describe() == "vanaf 3 maart 2025"
    with speaking("en"):
        assert (autumn.describe(), summer.describe()) == ("September–November 2024", "before 13 July 2024")
        assert ended_before(summer, note_day) == "about 5 months before the note's date"


JUNE = note("Commissie Wonen 12 juni 2024", "Het rapport verschijnt in het najaar.")
OCTOBER = note("Commissie Wonen 9 oktober 2024", "Het rapport verschijnt in december.")
JUNE_EN = "\n".join(["Briefing for councillor Smith", "", "Committee on Housing, 12 June 2024", "", "Key messages",
                     "", "- The report is published in the autumn.", ""])
OCTOBER_EN = JUNE_EN.replace("12 June", "9 October").replace("in the autumn", "in December")


def _promise_message(folder: Path, config: str | None, *options: str) -> str:
    english_pack = config is not None and "language: en" in config.splitlines()
    files = {"a.txt": JUNE_EN if english_pack else JUNE, "b.txt": OCTOBER_EN if english_pack else OCTOBER}
    if config is not None:
        files[".annolint.yaml"] = config
    write_set(folder, files)
    found = findings(["check", "a.txt", "b.txt", "--select", "shifted-deadline", *options], cwd=folder)
    assert [(f["name"], f["location"]["path"]) for f in found] == [("shifted-deadline", "b.txt")]
    return found[0]["message"]


def test_the_message_language_is_chosen_apart_from_the_rule_pack(tmp_path):
    dutch = ("Een toezegging is verschoven: in deze notitie (9 oktober 2024) staat 'in december' (december 2024), "
             "maar in a.txt (12 juni 2024) stond 'in het najaar' (september–november 2024): direct erna.")
    english = ("A promise moved: this note (9 October 2024) says 'in december' (December 2024), but a.txt "
               "(12 June 2024) said 'in het najaar' (September–November 2024): right after it.")
    assert _promise_message(tmp_path / "default", None).startswith(dutch)
    assert _promise_message(tmp_path / "nl-pack-en", "message-language: en\n").startswith(english)
    assert _promise_message(tmp_path / "option", "message-language: nl\n", "--message-language", "en").startswith(
        english)
    assert _promise_message(tmp_path / "en-pack", "language: en\n").startswith(
        "A promise moved: this note (9 October 2024) says 'in December' (December 2024), but a.txt (12 June 2024) "
        "said 'in the autumn' (September–November 2024): right after it.")
    assert _promise_message(tmp_path / "en-pack-nl", "language: en\nmessage-language: nl\n").startswith(
        "Een toezegging is verschoven: in deze notitie (9 oktober 2024) staat 'in December' (december 2024), maar "
        "in a.txt (12 juni 2024) stond 'in the autumn' (september–november 2024): direct erna.")


def test_a_wrong_message_language_names_the_file_and_field(tmp_path):
    write_set(tmp_path, {".annolint.yaml": "message-language: fr\n", "a.txt": JUNE})
    result = run(["check", "a.txt"], cwd=tmp_path)
    assert result.exit_code == 2
    assert result.stderr == (f"annolint: error: {tmp_path / '.annolint.yaml'}:1: field 'message-language': "
                             "must be one of nl, en\n")


def test_a_users_own_rule_keeps_its_own_words_in_either_language(tmp_path):
    rule = ("id: AL900\nname: own-todo\nkind: placeholder\nseverity: error\n"
            "message: \"Nog doen: {text}\"\ndescription: Eigen regel.\npatterns:\n"
            "  - pattern: \"NOG DOEN\"\n    reason: eigen markering\n")
    write_set(tmp_path, {".annolint.yaml": "rule-dirs: [own]\nmessage-language: en\n", "own/todo.yaml": rule,
                         "a.txt": note("Commissie Wonen 12 juni 2024", "- NOG DOEN")})
    found = findings(["check", "a.txt", "--select", "own-todo"], cwd=tmp_path)
    assert [f["message"] for f in found] == ["Nog doen: 'NOG DOEN'"]
