"""The words of the set's texts kept for the next run (``spelling_words.KeptWords``):
inconsistent-spelling reads anew only the texts the cache does not know, writes them
again only once many are new, and reports what a run without the cache reports."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import CORPUS, checked_in_process, run

from annolint.kinds import spelling_scan, spelling_words
from annolint.kinds.spelling_words import KeptWords


def _texts_passed(monkeypatch, module, name: str) -> list[str]:
    """The texts passed to ``module.name`` from now on (its first argument)."""
    passed = []
    function = getattr(module, name)

    def counted(text, *rest):
        passed.append(text)
        return function(text, *rest)

    monkeypatch.setattr(module, name, counted)
    return passed


def _texts_read(monkeypatch) -> list[str]:
    """The texts whose words are read from now on."""
    return _texts_passed(monkeypatch, spelling_words, "_words")


def _writes(monkeypatch) -> list[int]:
    """How many texts' words each write of the kept words holds, from now on."""
    written = []
    keep = spelling_words.KeptWords.keep

    def counted(self, words, names):
        stored = self.cache.store

        def store(key, value):
            written.append(len(value[1]))
            stored(key, value)

        self.cache.store = store
        try:
            keep(self, words, names)
        finally:
            del self.cache.store  # the cache's own again

    monkeypatch.setattr(spelling_words.KeptWords, "keep", counted)
    return written


def _spelling(folder: Path) -> list:
    """inconsistent-spelling's findings, through the engine in this process, with the cache."""
    return checked_in_process(folder, ("inconsistent-spelling",))


def test_a_second_run_reads_only_the_edited_notes_texts_and_a_bulk_edit_writes_them_again(tmp_path, monkeypatch):
    folder = tmp_path / "set"
    shutil.copytree(CORPUS, folder)
    read, written = _texts_read(monkeypatch), _writes(monkeypatch)
    first = _spelling(folder)
    texts = len(read)
    assert texts > 100 and written == [texts]  # every text read, and kept
    edited = folder / "05_commissie-wonen-juni.txt"
    edited.write_text(edited.read_text(encoding="utf-8") + "\n- Een nieuwe zin over Westpoort-Noord.\n",
                      encoding="utf-8")
    read.clear()
    again = _spelling(folder)
    # the new paragraph alone (the note's other texts are as they were), and the kept
    # words are not written again for one new text
    assert read == ["Een nieuwe zin over Westpoort-Noord."] and written == [texts]
    assert len(again) == len(first)
    # a note of new paragraphs: with the one before (read anew again, not kept), more
    # than one text in fifty new, kept again
    (folder / "13_nieuw.txt").write_text("".join(f"\n- Paragraaf {n} over de Hoogbouw aan de Kade.\n"
                                                 for n in range(5)), encoding="utf-8")
    read.clear()
    _spelling(folder)
    assert len(read) == 6 and read[0] == "Een nieuwe zin over Westpoort-Noord." and written == [texts, texts + 6]
    edited.write_text(edited.read_text(encoding="utf-8") + "\n- Nog een zin.\n", encoding="utf-8")
    read.clear()
    _spelling(folder)  # the six known since
    assert read == ["Nog een zin."] and written == [texts, texts + 6]
    for options in ([], ["--no-cache"]):  # and with the cache, as without it
        assert run(["check", ".", "--format", "json", "--select", "inconsistent-spelling", *options],
                   cwd=folder).stdout == run(["check", ".", "--format", "json", "--select", "inconsistent-spelling",
                                              "--no-cache"], cwd=folder).stdout


def _texts_looked_at(monkeypatch) -> list[str]:
    """The texts where the set's names are looked for from now on (not taken from the kept spots)."""
    return _texts_passed(monkeypatch, spelling_scan, "spots")


def test_where_names_are_written_is_looked_for_again_only_in_new_texts_and_in_texts_a_changed_name_may_be_in(
        tmp_path, monkeypatch):
    folder = tmp_path / "set"
    shutil.copytree(CORPUS, folder)
    looked = _texts_looked_at(monkeypatch)
    first = _spelling(folder)
    every = list(looked)
    assert len(every) > 100
    edited = folder / "05_commissie-wonen-juni.txt"
    original = edited.read_text(encoding="utf-8")
    # a sentence with no new name: it alone is looked at
    edited.write_text(original + "\n- Een nieuwe zin over de planning.\n", encoding="utf-8")
    looked.clear()
    assert len(_spelling(folder)) == len(first) and looked == ["Een nieuwe zin over de planning."]
    # a new name ("Zuiderhaven Oost" is one nowhere else): the new text, and every text
    # that writes "zuiderhaven" in any case, in which the new name might be written
    edited.write_text(original + "\n- Het plan voor de Zuiderhaven Oost.\n", encoding="utf-8")
    looked.clear()
    _spelling(folder)
    zuiderhaven = [t for t in every if "zuiderhaven" in t.casefold()]
    assert len(zuiderhaven) >= 2 and sorted(looked) == sorted([*zuiderhaven, "Het plan voor de Zuiderhaven Oost."])
    cached = run(["check", ".", "--format", "json", "--select", "inconsistent-spelling"], cwd=folder).stdout
    assert cached == run(["check", ".", "--format", "json", "--select", "inconsistent-spelling", "--no-cache"],
                         cwd=folder).stdout


def test_kept_spots_hold_for_a_text_unless_it_writes_the_first_word_of_a_name_added_or_gone():
    class NoCache:
        def load(self, key, kind):
            return (frozenset({("westpoort",), ("gemeente", "amsterdam")}), {})

    kept = KeptWords(NoCache(), "key")
    same = kept.spots_hold(frozenset({("westpoort",), ("gemeente", "amsterdam")}))
    assert same("De Gemeente Amsterdam en Westpoort.")
    added = kept.spots_hold(frozenset({("westpoort",), ("gemeente", "amsterdam"), ("kade", "oost")}))
    assert not added("Langs de KADE.") and not added("De Kademuur.") and added("De Gemeente Amsterdam.")
    gone = kept.spots_hold(frozenset({("westpoort",)}))
    assert not gone("de gemeente") and gone("Westpoort")
    many = kept.spots_hold(frozenset((f"naam{n}",) for n in range(50)))
    assert not many("Westpoort")


def test_what_a_text_is_for_names_is_kept_but_a_record_field_is_told_by_the_sets_labels(monkeypatch):
    told = _texts_passed(monkeypatch, spelling_scan, "_told")
    text = "Toelichting : de buurman van De Wissel schrijft dat de overlast niet stopt."
    words = spelling_words._words(text, {})
    stop_words = frozenset({"de", "van", "dat", "niet"})
    alone = spelling_scan.standing(text, words, stop_words, frozenset())
    # the label opens three blocks of the set: the field's free text, an aside
    among_records = spelling_scan.standing(text, words, stop_words, frozenset({"toelichting"}))
    assert (alone.aside, among_records.aside) == (False, True) and alone.caption is among_records.caption is False
    assert told == [text]  # told once, by the text


def test_a_copy_on_one_line_takes_its_texts_line_starts_and_a_copy_on_two_lines_its_own():
    from annolint.model import Block

    text = "Het plan van Jan de Vries en Van Dam voor de kade"
    first = text.index("Van Dam")
    one_line = Block("paragraph", text, text, (0, 3, 1, len(text)))
    two_lines = Block("paragraph", text, text, (0, 7, 1, first - 1, first, 8, 1, len(text) - first))
    copies = spelling_scan._copies(text, [(0, None, one_line), (1, None, one_line), (2, None, two_lines)],
                                   {0, first, text.index("Jan")})
    assert [copy.line_heads for copy in copies] == [frozenset({0}), frozenset({0}), frozenset({0, first})]
    assert copies[0].line_heads is copies[1].line_heads  # worked out once
