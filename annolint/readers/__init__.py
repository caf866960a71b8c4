"""Readers for document formats that are not plain text.

A reader turns a file's bytes into a ``sources.RawSource``: the note's text, one
line per paragraph (Word) or per visual line (PDF), so that the structure parser and
every rule kind see the same model whatever the format. A reader never raises for a
bad file: what it cannot read becomes the source's ``problem``.

``reader_for(suffix)`` is the only entry point; each format's module is imported
when a file of that format is met, so a set of Markdown notes never loads them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable

if TYPE_CHECKING:
    from annolint.sources import RawSource

Reader = Callable[[bytes, str], "RawSource"]  # (the file's bytes, its display path)


def reader_for(suffix: str) -> Reader | None:
    """The reader for a file extension (".docx", ".pdf"), or None for plain text."""
    suffix = suffix.lower()
    if suffix == ".docx":
        from annolint.readers.docx import read

        return read
    if suffix == ".pdf":
        from annolint.readers import pdf

        return pdf.read
    if suffix == ".doc":
        return old_word
    return None


def old_word(data: bytes, shown: str) -> "RawSource":
    """A Word 97-2003 note (.doc): named, so that it is not skipped without a word,
    but not read; its format is a binary one that no well-kept Python library reads."""
    from annolint.i18n import say
    from annolint.sources import RawSource

    return RawSource(shown, "", "", say("this is an old Word document (.doc, Word 97-2003), which annolint does "
                                        "not read; save it as .docx to check it"), readable=False, form="doc")
