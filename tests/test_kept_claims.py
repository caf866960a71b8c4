"""The claims of the set's texts kept for the next run (flipped-statement's
``kept_claims``): a run after an edit reads anew only the new texts and the texts
that hold a claim said both ways, and reports what a run without the cache reports,
however the claims' numbers collide."""

from __future__ import annotations

import json
import shutil

from conftest import CORPUS, checked_in_process, run

from annolint.kinds import flipped_statement

EDITED = "05_commissie-wonen-juni.txt"


def _claims_read(monkeypatch) -> dict[str, list]:
    """From now on, each text whose claims are read, with its claims."""
    read = {}
    claims = flipped_statement._claims

    def counted(text, *how):
        found = read[text] = list(claims(text, *how))
        return iter(found)

    monkeypatch.setattr(flipped_statement, "_claims", counted)
    return read


def _cli(folder, *options) -> str:
    return run(["check", ".", "--format", "json", "--select", "flipped-statement", *options], cwd=folder).stdout


def test_after_an_edit_only_new_texts_and_texts_with_a_claim_said_both_ways_are_read(tmp_path, monkeypatch):
    folder = tmp_path / "set"
    shutil.copytree(CORPUS, folder)
    read = _claims_read(monkeypatch)
    first = checked_in_process(folder, ("flipped-statement",))
    every = dict(read)
    ways: dict[str, set[bool]] = {}
    for claims in every.values():
        for core, *_, negation in claims:
            ways.setdefault(core, set()).add(negation)
    both = {core for core, said in ways.items() if len(said) == 2}
    doubtful = sorted(text for text, claims in every.items() if any(core in both for core, *_ in claims))
    assert len(every) > 100 and len(first) >= 1 and 2 <= len(doubtful) < 10

    edited = folder / EDITED
    original = edited.read_text(encoding="utf-8")
    edited.write_text(original + "\n- De nieuwe regeling gaat in op de eerste dag van de maand.\n", encoding="utf-8")
    read.clear()
    assert checked_in_process(folder, ("flipped-statement",)) == first
    assert sorted(read) == sorted([*doubtful, "De nieuwe regeling gaat in op de eerste dag van de maand."])

    # a sentence of the set flipped ("nog niet tevreden" in both notes 06, one of them
    # with "10-15%": figures are no words of a claim): found, as without the cache
    edited.write_text(original + "\n- Van de aangesloten huishoudens is 12% nog wel tevreden over de aansluiting.\n",
                      encoding="utf-8")
    cached = json.loads(_cli(folder))["findings"]
    assert cached == json.loads(_cli(folder, "--no-cache"))["findings"]
    paths = [f.location.path for f in first]
    assert [f["location"]["path"] for f in cached] == sorted(
        [*paths, "06_gemeenteraad-september-mondelinge-vragen.txt", "06_gemeenteraad-september.txt"])


def test_claims_whose_numbers_collide_are_told_apart_by_reading_their_texts(tmp_path, monkeypatch):
    folder = tmp_path / "set"
    shutil.copytree(CORPUS, folder)
    # every claim one number, negated or not: every text holds a claim "said both
    # ways", so every text with a claim is read again, and the claims themselves decide
    monkeypatch.setattr(flipped_statement, "_digest", lambda core, negation: int(negation))
    read = _claims_read(monkeypatch)
    checked_in_process(folder, ("flipped-statement",))
    claiming = {text for text, claims in read.items() if claims}
    edited = folder / EDITED
    added = "De nieuwe regeling gaat in op de eerste dag van de maand."
    edited.write_text(edited.read_text(encoding="utf-8") + f"\n- {added}\n", encoding="utf-8")
    read.clear()
    found = checked_in_process(folder, ("flipped-statement",))
    assert read.keys() == claiming | {added}
    expected = json.loads(_cli(folder, "--no-cache"))["findings"]
    assert len(found) >= 1 and [(f.location.path, f.location.span.line, f.message) for f in found] == [
        (f["location"]["path"], f["location"]["line"], f["message"]) for f in expected]
