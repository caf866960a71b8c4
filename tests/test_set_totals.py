"""The set's word statistics kept for the next run (``set_totals``): a run after an
edit adds the shares of the changed notes and takes out those of the versions they
replace, and its totals are the ones summed afresh."""

from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path

import pytest
from conftest import CORPUS, checked_in_process

from annolint import set_totals
from annolint.set_totals import SentenceCounts, WordCounts
from annolint.word_statistics import run


def test_taking_a_share_out_leaves_the_sum_of_the_others_with_no_word_at_zero():
    words = WordCounts()
    for share in (run(["plan", "raad", "plan"]), run(["raad", "wijk"]), run(["wijk"])):
        words.add(share)
    words.remove(run(["raad", "wijk"]))
    assert words.counts == Counter({"plan": 2, "raad": 1, "wijk": 1})
    words.remove(run(["raad"]))
    assert "raad" not in words.counts and list(words.counts.values()) == [2, 1]

    sentences = SentenceCounts()
    sentences.add([run(["plan", "wijk"]), frozenset({"westpoort"}), 3])
    sentences.add([run(["plan"]), frozenset({"westpoort", "zuidas"}), 2])
    sentences.remove([run(["plan", "wijk"]), frozenset({"westpoort"}), 3])
    assert (sentences.counts, sentences.names, sentences.total) == (
        Counter({"plan": 1}), Counter({"westpoort": 1, "zuidas": 1}), 2)


def _watch(monkeypatch) -> list[tuple[str, list[str], object, object]]:
    """From now on, for each total a run works out: (kind, the notes whose share it
    read, its tally, the tally of every note's share summed afresh)."""
    seen = []
    summed = set_totals.summed

    def watched(index, kind, fresh, share):
        read = []

        def counted(doc):
            read.append(doc.path)
            return share(doc)

        tally = summed(index, kind, fresh, counted)
        afresh = fresh()
        for doc in index.documents:
            afresh.add(share(doc))
        seen.append((kind, read, tally, afresh))
        return tally

    monkeypatch.setattr("annolint.index.summed", watched)
    return seen


def _same(tally, afresh) -> bool:
    return vars(tally) == vars(afresh)


@pytest.fixture
def folder(tmp_path) -> Path:
    folder = tmp_path / "set"
    shutil.copytree(CORPUS, folder)
    return folder


def test_after_an_edit_only_the_edited_notes_share_is_read_and_the_totals_are_the_sums(folder, monkeypatch):
    seen = _watch(monkeypatch)
    checked_in_process(folder)
    notes = sorted(seen[0][1])
    assert len(notes) == 12 and [(kind, sorted(read)) for kind, read, _, _ in seen] == [
        ("lowercase", notes), ("sentences", notes)]
    bewoners = seen[0][2].counts["bewoners"]
    edited = folder / "05_commissie-wonen-juni.txt"
    text = edited.read_text(encoding="utf-8")
    edits = [text + "\n- Een nieuwe zin over de kademuren van Westpoort.\n",
             text.replace("bewoners", "huurders"),  # five words taken out of the totals
             text]  # back as the totals hold it: nothing to read
    for changed, read, counted in zip(edits, ([edited.name], [edited.name], []), (bewoners, bewoners - 5, bewoners)):
        edited.write_text(changed, encoding="utf-8")
        seen.clear()
        checked_in_process(folder)
        assert [(kind, read) for kind, read, _, _ in seen] == [("lowercase", read), ("sentences", read)]
        assert all(_same(tally, afresh) for _, _, tally, afresh in seen)
        assert seen[0][2].counts["bewoners"] == counted


def test_a_removed_note_is_taken_out_and_without_its_earlier_version_the_notes_are_summed_again(folder,
                                                                                                  monkeypatch):
    seen = _watch(monkeypatch)
    checked_in_process(folder)
    notes = sorted(seen[0][1])
    removed = folder / "03_staf-april.md"
    removed.unlink()
    seen.clear()
    checked_in_process(folder)
    assert [(kind, read) for kind, read, _, _ in seen] == [("lowercase", []), ("sentences", [])]
    assert all(_same(tally, afresh) for _, _, tally, afresh in seen)

    edited = folder / "05_commissie-wonen-juni.txt"
    edited.write_text(edited.read_text(encoding="utf-8") + "\n- Nog een zin.\n", encoding="utf-8")
    monkeypatch.setattr("annolint.reading.Readings.earlier_facts", lambda self, path, key, kind: None)
    seen.clear()
    checked_in_process(folder)
    notes.remove(removed.name)
    assert [(kind, sorted(read)) for kind, read, _, _ in seen] == [("lowercase", notes), ("sentences", notes)]
    assert all(_same(tally, afresh) for _, _, tally, afresh in seen)
