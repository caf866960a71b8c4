"""``--annotate-docx OUT``: copies of the Word notes with a comment on each side of
each finding.

For every .docx note that a finding touches, a copy is written to OUT (at its path
below the checked folder, or its name when the file was named itself) with one Word
comment per side: on the finding's own paragraph the rule and its message; on each
other place the related message, and the note and passage of the finding's own side.
A finding's line is the paragraph's number in body order, the same list the reader
numbered (``readers.docx_paragraphs.body_paragraphs``).

The notes themselves are only read. ``plan`` works out, before any checking, where
each copy goes, and refuses an OUT inside a checked folder and a copy that would
land on a note.
"""

from __future__ import annotations

import io
import os
import zipfile
from dataclasses import dataclass
from pathlib import Path

from annolint.findings import Finding
from annolint.i18n import say
from annolint.model import Document

AUTHOR, INITIALS = "annolint", "AL"
FIXED_TIME = (1980, 1, 1, 0, 0, 0)  # zip entry times: the same findings give the same bytes
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


class AnnotateError(Exception):
    """OUT cannot be used; the message says why, in one line."""


@dataclass(frozen=True)
class Comment:
    line: int  # the paragraph, 1-based, as the reader numbered it
    text: str


def _inside(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def plan(out: Path, given: list[Path], files: list[Path]) -> dict[Path, Path]:
    """Where the copy of each .docx note among ``files`` goes, by note.

    ``given`` are the paths named on the command line, ``files`` the notes found in
    them. Raises ``AnnotateError`` when OUT is a file, is or lies in a checked
    folder, when a copy would overwrite a note, or when two notes would share a copy.
    """
    if out.exists() and not out.is_dir():
        raise AnnotateError(f"--annotate-docx {out} is a file, not a folder")
    out_real = os.path.realpath(out)
    folders = [(g, os.path.realpath(g)) for g in given if g.is_dir()]
    for folder, real in folders:
        if _inside(out_real, real):
            raise AnnotateError(f"--annotate-docx {out} lies in the checked folder {folder}; annolint never "
                                "writes among the notes it checks: choose a folder outside it")
    notes = {os.path.realpath(f): f for f in files}
    targets: dict[Path, Path] = {}
    claimed: dict[str, Path] = {}
    for note in files:
        if note.suffix.lower() != ".docx":
            continue
        home = next((g for g in given if g.is_dir() and _inside(os.path.abspath(note), os.path.abspath(g))), None)
        relative = Path(os.path.relpath(os.path.abspath(note), os.path.abspath(home))) if home else Path(note.name)
        target = out / relative
        real = os.path.realpath(target)
        if real in notes or any(_inside(real, r) for _, r in folders):
            raise AnnotateError(f"--annotate-docx {out}: the copy of {note} would be written over the note "
                                f"{notes.get(real, target)}; annolint never writes to the notes it checks")
        if real in claimed:
            raise AnnotateError(f"--annotate-docx {out}: {claimed[real]} and {note} would both be copied to "
                                f"{target}; annotate one of the folders at a time")
        claimed[real] = note
        targets[note] = target
    return targets


def _no_page(location) -> None:
    return None


def comments_by_note(findings: list[Finding], excerpt, page=_no_page) -> dict[str, list[Comment]]:
    """The comments to write, by a note's display path, in report order: for each
    finding one on its own place and one on each related place.

    ``excerpt(location)`` is the passage of a place (``ReportContext.quoted``),
    ``page(location)`` its page in a PDF note, else None (``ReportContext.page``)."""
    out: dict[str, list[Comment]] = {}
    for finding in findings:
        head = f"{finding.rule_id} {finding.rule_name}"
        own = finding.location
        out.setdefault(own.path, []).append(Comment(own.span.line, f"{head}: {finding.message}"))
        for related in finding.related:
            where = related.location
            note = own.path + (say(" (page {page})", page=page(own)) if page(own) else "")
            text = f"{head}: {related.message}\n" + say("Other side, in {note}: \u201c{passage}\u201d", note=note,
                                                          passage=excerpt(own))
            out.setdefault(where.path, []).append(Comment(where.span.line, text))
    return out


def annotated_copy(data: bytes, comments: list[Comment]) -> bytes:
    """The Word document ``data`` with ``comments`` added, as .docx bytes."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.text.paragraph import Paragraph
    from docx.text.run import Run

    from annolint.readers.docx import open_document
    from annolint.readers.docx_paragraphs import body_paragraphs, text_runs

    document = open_document(data)
    paragraphs = body_paragraphs(document.element.body)
    for comment in comments:
        if not paragraphs:
            break
        p = paragraphs[min(max(comment.line, 1), len(paragraphs)) - 1]
        paragraph = Paragraph(p, document._body)
        runs = text_runs(p)
        if runs:
            added = document.add_comment([Run(runs[0], paragraph), Run(runs[-1], paragraph)], text=comment.text,
                                         author=AUTHOR, initials=INITIALS)
        else:
            # A paragraph with no text (an empty bullet): Word's own way, a range of
            # no length at the paragraph and the reference mark, which adds no text.
            added = document.comments.add_comment(text=comment.text, author=AUTHOR, initials=INITIALS)
            ident = str(added.comment_id)
            p.append(OxmlElement("w:commentRangeStart", attrs={qn("w:id"): ident}))
            p.append(OxmlElement("w:commentRangeEnd", attrs={qn("w:id"): ident}))
            reference = OxmlElement("w:r")
            style = OxmlElement("w:rPr")
            style.append(OxmlElement("w:rStyle", attrs={qn("w:val"): "CommentReference"}))
            reference.append(style)
            reference.append(OxmlElement("w:commentReference", attrs={qn("w:id"): ident}))
            p.append(reference)
        added._comment_elm.attrib.pop(qn("w:date"), None)  # the time of the run: not deterministic
    buffer = io.BytesIO()
    document.save(buffer)
    return _fixed_times(buffer.getvalue())


def _fixed_times(data: bytes) -> bytes:
    """The package with every entry dated 1980-01-01, in the same order."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            fixed = zipfile.ZipInfo(item.filename, FIXED_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(fixed, source.read(item.filename))
    return out.getvalue()


def write_copies(targets: dict[Path, Path], documents: list[Document], findings: list[Finding],
                 excerpt, shown, page=_no_page) -> tuple[int, int, list[str]]:
    """Write the annotated copies; (copies, comments, notes left out with the reason).

    ``shown(path)`` is a note's display path. A note is read again and must read as
    it did when checked; one that changed since, or that cannot be opened, is left
    out and named. ``OSError`` from writing is the caller's to report.
    """
    from annolint.readers.docx import DocxProblem, read
    from annolint.sources import MAX_FILE_BYTES

    wanted = comments_by_note(findings, excerpt, page)
    by_path = {d.path: d for d in documents}
    copies = count = 0
    skipped: list[str] = []
    for note, target in targets.items():
        path = shown(note)
        document = by_path.get(path)
        if path not in wanted or document is None or not document.checked or document.form != "docx":
            continue
        try:
            with note.open("rb") as handle:
                data = handle.read(MAX_FILE_BYTES + 1)
        except OSError as err:
            skipped.append(f"{path} (it cannot be read again: {err.strerror or err})")
            continue
        if read(data, path).text != document.text:
            skipped.append(f"{path} (it changed while it was checked)")
            continue
        try:
            copy = annotated_copy(data, wanted[path])
        except DocxProblem as problem:
            skipped.append(f"{path} ({problem})")
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(copy)
        copies, count = copies + 1, count + len(wanted[path])
    return copies, count, skipped

