"""The words of the set's texts kept for the next run (``spelling_words.KeptWords``):
inconsistent-spelling reads anew only the texts the cache does not know, writes them
again only once many are new, and reports what a run without the cache reports."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from conftest import CORPUS, run

from annolint.kinds import spelling_words


def _texts_read(monkeypatch) -> list[str]:
    """The texts whose words are read from now on."""
    read = []
    words = spelling_words._words

    def counted(text, shared):
        read.append(text)
        return words(text, shared)

    monkeypatch.setattr(spelling_words, "_words", counted)
    return read


def _writes(monkeypatch) -> list[int]:
    """How many texts' words each write of the kept words holds, from now on."""
    written = []
    keep = spelling_words.KeptWords.keep

    def counted(self, words):
        stored = self.cache.store

        def store(key, value):
            written.append(len(value))
            stored(key, value)

        self.cache.store = store
        try:
            keep(self, words)
        finally:
            del self.cache.store  # the cache's own again

    monkeypatch.setattr(spelling_words.KeptWords, "keep", counted)
    return written


def _spelling(folder: Path) -> list:
    """inconsistent-spelling's findings, through the engine in this process, with the cache."""
    from annolint.cache import CACHE_DIR, NoteCache, salt_for
    from annolint.config import load_config
    from annolint.engine import check

    old = Path.cwd()
    os.chdir(folder)
    try:
        config = load_config(folder / ".annolint.yaml")
        return check([Path(".")], config, cache=NoteCache(folder / CACHE_DIR, salt_for(config)),
                     select=("inconsistent-spelling",)).findings
    finally:
        os.chdir(old)


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
