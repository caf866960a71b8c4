"""Pairs kept from the run before (``kept_pairs``): only the pairs that hold an item the
run before cannot vouch for are decided again, and the pairs found are the ones a
run without them finds."""

from __future__ import annotations

import datetime as dt
import os
import pickle
from dataclasses import dataclass
from pathlib import Path

from annolint.config import Config
from annolint.kept_pairs import Kept, Keeping, alike_pairs


@dataclass(frozen=True)
class Note:
    path: str
    date: dt.date | None = None


@dataclass(frozen=True, eq=False)
class Item:
    doc: Note
    terms: frozenset[str]
    value: int


class Cache:
    """A cache that pickles what it keeps, as ``NoteCache`` does."""

    def __init__(self):
        self.entries: dict[str, bytes] = {}

    def load(self, key: str, kind: str = "note"):
        return pickle.loads(self.entries[key]) if key in self.entries else None

    def store(self, key: str, value) -> None:
        self.entries[key] = pickle.dumps(value)


def _items(values: dict[str, list[tuple[str, int]]]) -> list[Item]:
    """Items of notes: note name -> (its words, its value) of each item."""
    return [Item(Note(path), frozenset(words.split()), value)
            for path, items in values.items() for words, value in items]


def _pairs(items: list[Item], cache: Cache | None, keys: dict[str, str], weights: dict[str, float] | None = None,
           context=lambda item: None, limit: int = 400) -> tuple[set, list]:
    """The pairs found alike (as (note, value) pairs) and the pairs decided."""
    decided = []

    def decide(a: Item, b: Item) -> bool:
        decided.append(((a.doc.path, a.value), (b.doc.path, b.value)))
        return a.value % 10 == b.value % 10  # alike: the same last digit

    counts: dict[str, int] = {}
    identity = []
    for item in items:
        number = counts[item.doc.path] = counts.get(item.doc.path, -1) + 1
        identity.append((item.doc.path, keys[item.doc.path], item.doc.date, number))
    keeping = Keeping(cache, "pairs", identity, context) if cache is not None else None
    weights = weights or {}
    found = alike_pairs(items, lambda item: item.terms, lambda term: weights.get(term, 1.0),
                        lambda item: (item.terms, item.value), decide, limit=limit, keeping=keeping)
    return {((items[i].doc.path, items[i].value), (items[j].doc.path, items[j].value)) for i, j in found}, decided


NOTES = {"a": [("bomen park", 11), ("school plein", 20)],
         "b": [("bomen park", 21), ("school plein", 30), ("brug kade", 5)],
         "c": [("bomen park", 12), ("brug kade", 15)],
         "d": [("school plein", 40), ("brug kade", 25)]}
KEYS = {name: f"key-{name}" for name in NOTES}


def test_an_edited_note_has_only_its_own_pairs_decided_again():
    cache = Cache()
    first, _ = _pairs(_items(NOTES), cache, KEYS)
    assert first == _pairs(_items(NOTES), None, KEYS)[0]
    assert ((("a", 11), ("b", 21))) in first and (("b", 5), ("c", 15)) in first
    edited = {**NOTES, "c": [("bomen park", 31), ("brug kade", 15)]}
    keys = {**KEYS, "c": "key-c2"}
    found, decided = _pairs(_items(edited), cache, keys)
    assert found == _pairs(_items(edited), None, keys)[0]
    assert (("a", 11), ("c", 31)) in found and (("a", 11), ("c", 12)) not in found
    # only the pairs that hold an item of note c, each once
    assert sorted(decided) == sorted([(("a", 11), ("c", 31)), (("b", 21), ("c", 31)),
                                      (("b", 5), ("c", 15)), (("c", 15), ("d", 25))])
    # nothing changed since: nothing decided
    assert _pairs(_items(edited), cache, keys) == (found, [])


def test_a_removed_note_takes_its_pairs_and_a_renamed_one_is_decided_again():
    cache = Cache()
    _pairs(_items(NOTES), cache, KEYS)
    without_b = {name: items for name, items in NOTES.items() if name != "b"}
    found, decided = _pairs(_items(without_b), cache, KEYS)
    assert found == _pairs(_items(without_b), None, KEYS)[0] and decided == []
    renamed = {**without_b, "e": NOTES["b"]}  # b's text under another name
    keys = {**KEYS, "e": KEYS["b"]}
    found, decided = _pairs(_items(renamed), cache, keys)
    assert found == _pairs(_items(renamed), None, keys)[0]
    assert decided and all("e" in (a[0], b[0]) for a, b in decided)


def test_an_item_whose_term_weighs_otherwise_or_whose_context_changed_is_decided_again():
    cache = Cache()
    _pairs(_items(NOTES), cache, KEYS)
    found, decided = _pairs(_items(NOTES), cache, KEYS, weights={"kade": 2.0})
    assert found == _pairs(_items(NOTES), None, KEYS, weights={"kade": 2.0})[0]
    assert sorted(decided) == sorted([(("b", 5), ("c", 15)), (("b", 5), ("d", 25)), (("c", 15), ("d", 25))])
    # the context the kind reads of an item from the rest of the set: here, note d's items
    found, decided = _pairs(_items(NOTES), cache, KEYS, weights={"kade": 2.0},
                            context=lambda item: "dated anew" if item.doc.path == "d" else None)
    assert sorted(decided) == sorted([(("b", 30), ("d", 40)), (("a", 20), ("d", 40)),
                                      (("b", 5), ("d", 25)), (("c", 15), ("d", 25))])


def test_a_term_that_crosses_the_limit_pairs_its_items_no_more():
    # with a limit of three items, "brug" stops pairing once a fourth note says it
    cache = Cache()
    first, _ = _pairs(_items(NOTES), cache, KEYS, limit=3)
    assert (("b", 5), ("c", 15)) in first
    grown = {**NOTES, "e": [("brug kade", 35)]}
    keys = {**KEYS, "e": "key-e"}
    found, _ = _pairs(_items(grown), cache, keys, limit=3)
    assert found == _pairs(_items(grown), None, keys, limit=3)[0]
    assert not any(a[1] % 10 == 5 for a, _ in found)  # no pair of the items that say "brug kade"
    shrunk, _ = _pairs(_items(NOTES), cache, KEYS, limit=3)  # and pairs them again when it is gone
    assert shrunk == first


def test_an_entry_that_is_not_kept_pairs_is_not_trusted():
    cache = Cache()
    cache.store("pairs", ["something", "else"])
    found, decided = _pairs(_items(NOTES), cache, KEYS)
    assert found == _pairs(_items(NOTES), None, KEYS)[0] and len(decided) == 9
    assert isinstance(cache.load("pairs"), Kept)  # and replaced


FIGURE_RULES = ("diverging-figure", "changed-figure")


def _figure_pairs_decided(monkeypatch) -> list[tuple[str, str]]:
    """The notes of each pair of figures decided from now on (``same_quantity``)."""
    from annolint.kinds import quantities

    decided = []
    same_quantity = quantities.same_quantity

    def counted(a, b, *args, **kwargs):
        decided.append((a.path, b.path))
        return same_quantity(a, b, *args, **kwargs)

    monkeypatch.setattr(quantities, "same_quantity", counted)
    return decided


def _checked(folder: Path) -> list:
    """The figure rules' findings on ``folder``, through the engine in this process, with the cache."""
    from annolint.cache import CACHE_DIR, NoteCache, salt_for
    from annolint.config import load_config
    from annolint.engine import check

    old = Path.cwd()
    os.chdir(folder)
    try:
        config = load_config(folder / ".annolint.yaml") if (folder / ".annolint.yaml").exists() else Config()
        cache = NoteCache(folder / CACHE_DIR, salt_for(config))
        return check([Path(".")], config, cache=cache, select=FIGURE_RULES).findings
    finally:
        os.chdir(old)


def _uncached_equals_cached(folder: Path) -> str:
    from conftest import run

    uncached = run(["check", ".", "--no-cache", "--format", "json", "--select", ",".join(FIGURE_RULES)], cwd=folder)
    assert run(["check", ".", "--format", "json", "--select", ",".join(FIGURE_RULES)],
               cwd=folder).stdout == uncached.stdout
    return uncached.stdout


def test_a_set_with_one_figure_edited_decides_again_only_the_pairs_of_that_note(tmp_path, monkeypatch):
    # the engine, in one process: diverging-figure and changed-figure compare the
    # edited note's figures alone, and report what a run without the cache reports
    import shutil

    from conftest import CORPUS

    folder = tmp_path / "set"
    shutil.copytree(CORPUS, folder)
    decided = _figure_pairs_decided(monkeypatch)
    _checked(folder)
    everything = len(decided)
    edited = folder / "05_commissie-wonen-juni.txt"
    edited.write_text(edited.read_text(encoding="utf-8").replace("1.200", "1.300"), encoding="utf-8")
    decided.clear()
    found = _checked(folder)
    assert 0 < len(decided) < everything
    assert all("05_commissie-wonen-juni.txt" in pair for pair in decided)
    assert len(found) == _uncached_equals_cached(folder).count('"rule_id"') == 7


def test_an_undated_note_is_compared_again_when_the_set_gets_a_later_date(tmp_path, monkeypatch):
    # an undated note reads its dates against the set's latest date (its facts wait for
    # the set): when the latest note is dated a year later, the undated note's figures
    # are other statements, compared anew, though its text is as it was
    from conftest import note, write_set

    sentence = "- In de wijk zijn {} woningen aangesloten op het warmtenet van het stadsdeel."
    # four wordings (a pair of wordings is decided once)
    folder = write_set(tmp_path / "set", {
        "a.txt": note("Commissie Wonen, 16 januari 2025", sentence.format(120)),
        "b.txt": note("Commissie Wonen, 13 maart 2025", sentence.format(121)),
        "d.txt": note("Commissie Wonen, 6 februari 2025", sentence.format(122)),
        "u.txt": "\nAnnotatie voor wethouder Jansen\n\nKernboodschap\n\n" + sentence.format(130) + "\n"})
    decided = _figure_pairs_decided(monkeypatch)
    _checked(folder)
    assert ("a.txt", "d.txt") in decided and ("a.txt", "u.txt") in decided
    write_set(folder, {"b.txt": note("Commissie Wonen, 13 maart 2026", sentence.format(121))})
    decided.clear()
    _checked(folder)
    assert sorted(set(decided)) == [("a.txt", "b.txt"), ("a.txt", "u.txt"), ("b.txt", "d.txt"), ("b.txt", "u.txt"),
                                    ("d.txt", "u.txt")]
    _uncached_equals_cached(folder)


def test_a_shelf_keeps_the_pairs_of_the_lists_of_this_run_in_one_entry():
    # conflicting-date pairs the statements of each note date apart: one entry for all
    # of them, which forgets the lists the set no longer has
    from annolint.kept_pairs import Shelf

    cache = Cache()
    shelf = Shelf(cache, "dates")
    for name, notes in (("january", NOTES), ("march", {"e": [("bomen park", 41)], "f": [("bomen park", 51)]})):
        keys = {note: f"key-{note}" for note in notes}
        identity = [(item.doc.path, keys[item.doc.path], None, n) for n, item in enumerate(_items(notes))]
        alike_pairs(_items(notes), lambda item: item.terms, lambda term: 1.0, lambda item: item.value,
                    lambda a, b: a.value % 10 == b.value % 10, keeping=Keeping(shelf, name, identity))
    shelf.close()
    assert sorted(cache.load("dates")) == ["january", "march"]
    assert list(cache.load("dates")["march"].found.decided()) == [(0, 1, True)]
    shelf = Shelf(cache, "dates")
    assert shelf.load("march", "kept pairs").identities == [("e", "key-e", None, 0), ("f", "key-f", None, 1)]
    shelf.store("march", shelf.load("march", "kept pairs"))
    shelf.close()
    assert list(cache.load("dates")) == ["march"]
