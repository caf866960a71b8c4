"""Read a Word note (.docx) as the text the structure parser reads.

One line per body paragraph (``docx_paragraphs.body_paragraphs``), so a finding's
line number is the paragraph's number in body order, and its column a position in
the line as annolint reads it:

- heading styles (Title, Heading/Kop 1-9, or an outline level) become Markdown
  heading lines ("## Kernboodschap");
- list paragraphs get the number Word shows, computed from the numbering
  definitions ("3. Betalen bewoners mee …?"), or "- " for a bullet, indented two
  spaces per nesting level;
- tracked insertions are read, deletions are not; comments, headers, footers and
  footnotes are not body text; soft hyphens go, non-breaking spaces, tabs and line
  breaks inside a paragraph become spaces.

An empty paragraph is an empty line. The parser takes every line of a Word note for
a paragraph of its own (``structure.py``): it never joins two of them into one block.

A file that is not a Word document, is encrypted, is damaged, would unpack to too
much, or has no text comes back unreadable with a plain ``problem``; nothing raises.
"""

from __future__ import annotations

import io
import zipfile

from annolint.i18n import number, say
from annolint.readers.docx_paragraphs import Numbering, Styles, body_paragraphs, heading_level, paragraph_text
from annolint.sources import RawSource

MAX_PART_BYTES = 50 * 1024 * 1024  # one part unpacked (document.xml of a 5 MB file is far less)
MAX_TOTAL_BYTES = 100 * 1024 * 1024  # all parts unpacked
MAX_PARTS = 10_000
OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ENCRYPTED = "EncryptionInfo".encode("utf-16-le")  # the stream an encrypted Office file holds
RT_STYLES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"
RT_NUMBERING = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering"


class DocxProblem(Exception):
    """A .docx file that cannot be read; the message says why, in plain words."""


def open_document(data: bytes):
    """The python-docx Document of a file's bytes, after checking, before anything is
    unpacked, that it is a Word package of a sane size; ``DocxProblem`` otherwise."""
    if data.startswith(OLE_SIGNATURE):
        if ENCRYPTED in data:
            raise DocxProblem(say("the Word document is protected with a password and cannot be read; "
                                  "save a copy without a password to check it"))
        raise DocxProblem(say("this is an old Word document (.doc, Word 97-2003) with a .docx name; "
                              "save it as .docx to check it"))
    try:
        package = zipfile.ZipFile(io.BytesIO(data))
        entries = package.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
        raise DocxProblem(say("this is not a Word document (.docx), or it is damaged: "
                              "it is not a readable .docx package")) from None
    if len(entries) > MAX_PARTS:
        raise DocxProblem(say("the Word document holds {count} parts, more than the {limit} a note can have; "
                              "not checked", count=number(len(entries)), limit=number(MAX_PARTS)))
    for entry in entries:
        if entry.file_size > MAX_PART_BYTES:
            raise DocxProblem(say("the Word document's part {part} unpacks to {size} MB, more than the {limit} MB "
                                  "annolint reads; not checked", part=entry.filename,
                                  size=f"{entry.file_size / 1_048_576:.0f}", limit=MAX_PART_BYTES // 1_048_576))
    total = sum(e.file_size for e in entries)
    if total > MAX_TOTAL_BYTES:
        raise DocxProblem(say("the Word document unpacks to {size} MB, more than the {limit} MB annolint reads; "
                              "not checked", size=f"{total / 1_048_576:.0f}", limit=MAX_TOTAL_BYTES // 1_048_576))
    if "[Content_Types].xml" not in {e.filename for e in entries}:
        raise DocxProblem(say("this is a zip file, not a Word document (.docx); not checked"))
    import docx  # python-docx: loaded only when a Word note is met

    try:
        # zipfile never unpacks more than an entry's stated size (checked above): a
        # part that claims less than it holds fails its checksum instead.
        return docx.Document(io.BytesIO(data))
    except Exception:  # noqa: BLE001 - a third-party parser of untrusted bytes: any failure is a bad file
        raise DocxProblem(say("the Word document is damaged (its parts cannot be read as Word XML); "
                              "not checked")) from None


def _related_root(document, reltype: str):
    """The XML root of a part the main document relates to (styles, numbering), or None."""
    try:
        return document.part.part_related_by(reltype).element
    except (KeyError, AttributeError):
        return None


def note_lines(document) -> list[str]:
    """The note's lines: one per body paragraph, in body order (see the module doc)."""
    styles = Styles(_related_root(document, RT_STYLES))
    numbering = Numbering(_related_root(document, RT_NUMBERING), styles)
    body = document.element.body
    if body is None:
        raise DocxProblem(say("the Word document has no body text (it is damaged); not checked"))
    lines = []
    for paragraph in body_paragraphs(body):
        text = paragraph_text(paragraph)
        marker = numbering.marker(paragraph)  # counted for every list paragraph, shown or not
        level = heading_level(paragraph, styles)
        if level:
            number = marker[0] if marker and marker[0] != "-" else ""
            line = " ".join(part for part in ("#" * level, number, text) if part) if text else ""
        elif marker and marker[0]:
            line = f"{'  ' * marker[1]}{marker[0]} {text}"
        else:
            line = text
        lines.append(line.rstrip())
    return lines


def read(data: bytes, shown: str) -> RawSource:
    """A Word note as a ``RawSource`` of form "docx"; an unreadable one with its problem."""
    try:
        lines = note_lines(open_document(data))
    except DocxProblem as problem:
        return RawSource(shown, "", "", str(problem), readable=False, form="docx")
    except RecursionError:
        return RawSource(shown, "", "", say("the Word document is nested too deeply to read; not checked"),
                         readable=False, form="docx")
    if not any(line.strip() for line in lines):
        return RawSource(shown, "", "", say("the Word document has no text; nothing to check"),
                         readable=False, form="docx")
    return RawSource(shown, "\n".join(lines), "utf-8", form="docx")
