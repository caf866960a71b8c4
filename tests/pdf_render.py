"""Render a plain-text note as a PDF the way a word processor lays it out, for the
PDF reader's tests: each line of the note is a paragraph, wrapped at the right margin
(long words hyphenated at a syllable-like break, a word with its own hyphen broken
after it), bullets and numbered items with a hanging indent, a blank line as vertical
space, a running header and a page-number footer on every page.

The font is Bitstream Vera, shipped inside reportlab, so the PDFs are the same on
every machine; it covers everything the corpus writes (ë, ï, ê, €, –, —, …, ﬁ, ﬂ).
``Rendered.lines`` records, per page, the visual lines as drawn, so a test can say
exactly what the reader should give back.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from pathlib import Path

import reportlab
from reportlab.lib.pagesizes import A5
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

FONT = "Vera"
pdfmetrics.registerFont(TTFont(FONT, str(Path(reportlab.__file__).parent / "fonts" / "Vera.ttf")))

SIZE = 10
LEADING = 13  # baseline to baseline inside a paragraph
SPACE_AFTER = 4  # between paragraphs, as a word processor's paragraph style adds
MARGIN = 56
MARKER = re.compile(r"^(?P<indent>[ \t]*)(?P<marker>(?:[-•*–](?:[ \t]+o)?|\d{1,3}[.)])[ \t]+)(?=\S)")
VOWELS = set("aeiouyáéíóúäëïöüèàêâ")


@dataclass
class Rendered:
    pdf: bytes
    lines: list[list[str]] = field(default_factory=list)  # per page: the text lines drawn, furniture aside
    hyphenated: list[tuple[str, str]] = field(default_factory=list)  # (end of a line, start of the next)


def _width(text: str) -> float:
    return pdfmetrics.stringWidth(text, FONT, SIZE)


def _break_point(word: str, room: float) -> int:
    """Where to hyphenate ``word`` so that its head and a hyphen fit in ``room``: before
    a consonant that a vowel follows (gemeen-teraad), at least three letters each
    side; 0 when there is no such place."""
    best = 0
    for i in range(3, len(word) - 2):
        head, tail = word[:i], word[i:]
        if not (head.isalpha() and tail.isalpha()):
            continue
        if word[i].lower() in VOWELS or word[i + 1].lower() not in VOWELS or word[i - 1].lower() not in VOWELS:
            continue
        if _width(head + "-") <= room:
            best = i
    return best


def wrap(text: str, width: float, hyphenate: bool = True) -> tuple[list[str], list[tuple[str, str]]]:
    """The lines of ``text`` within ``width`` points, and the hyphenations made."""
    words = text.split()
    lines: list[str] = []
    breaks: list[tuple[str, str]] = []
    line = ""
    while words:
        word = words.pop(0)
        candidate = f"{line} {word}" if line else word
        if _width(candidate) <= width:
            line = candidate
            continue
        room = width - _width(line + " ") if line else width
        head = ""
        if "-" in word[1:-1] and _width(word[:word.index("-", 1) + 1]) <= room:
            cut = word.index("-", 1) + 1  # Noord-|Holland: after the word's own hyphen
            head, rest = word[:cut], word[cut:]
        elif hyphenate and len(word) >= 9 and (cut := _break_point(word, room)):
            head, rest = word[:cut] + "-", word[cut:]
            breaks.append((word[:cut] + "-", rest))
        if head:
            lines.append(f"{line} {head}" if line else head)
            words.insert(0, rest)
            line = ""
        elif line:
            lines.append(line)
            words.insert(0, word)
            line = ""
        else:  # a word longer than the line: it overflows, as in a word processor
            lines.append(word)
    if line:
        lines.append(line)
    return lines, breaks


def render(text: str, *, header: str = "Gemeente Zuiderhaven – annotatie", footer: str = "Pagina {page} van {pages}",
           pagesize=A5, hyphenate: bool = True, space_after: float = SPACE_AFTER,
           header_on_first: bool = True) -> Rendered:
    """``text`` as a PDF: one paragraph per line of text, a blank line as space."""
    page_w, page_h = pagesize
    body_w = page_w - 2 * MARGIN
    top, bottom = page_h - MARGIN, MARGIN
    # lay out first, to know the number of pages for the footer
    pages: list[list[tuple[float, float, str]]] = [[]]
    y = top
    hyphenated: list[tuple[str, str]] = []
    for raw in text.split("\n"):
        if not raw.strip():
            y -= LEADING
            continue
        m = MARKER.match(raw)
        indent = _width(m.group("indent").expandtabs(4)) if m else 0.0
        marker = m.group("marker").rstrip() if m else ""
        hang = indent + (max(_width(marker + " "), 14) if m else 0.0)
        body = raw[m.end():] if m else raw.strip()
        lines, breaks = wrap(body, body_w - hang, hyphenate)
        hyphenated.extend(breaks)
        for i, line in enumerate(lines):
            if y - LEADING < bottom:
                pages.append([])
                y = top
            y -= LEADING
            if i == 0 and marker:
                pages[-1].append((MARGIN + indent, y, marker))
            pages[-1].append((MARGIN + hang, y, line))
        y -= space_after
    out = io.BytesIO()
    c = canvas.Canvas(out, pagesize=pagesize, invariant=1)
    drawn: list[list[str]] = []
    for number, page in enumerate(pages, start=1):
        c.setFont(FONT, 8)
        if header and (header_on_first or number > 1):
            c.drawString(MARGIN, page_h - MARGIN / 2, header.format(page=number, pages=len(pages)))
        if footer:
            c.drawRightString(page_w - MARGIN, MARGIN / 2, footer.format(page=number, pages=len(pages)))
        c.setFont(FONT, SIZE)
        lines: list[str] = []
        line_y = None
        for x, y, line in page:
            c.drawString(x, y, line)
            if y == line_y:  # the text beside a bullet's marker
                lines[-1] += " " + line
            else:
                lines.append(line)
            line_y = y
        drawn.append(lines)
        c.showPage()
    c.save()
    return Rendered(out.getvalue(), drawn, hyphenated)


def raw_pdf(pages: list[bytes], *, font: bytes = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica "
            b"/Encoding /WinAnsiEncoding >>", compress: bool = False) -> bytes:
    """A PDF written by hand: one content stream per page, one font (``/F1``).
    For what a word processor would not write: glyph names of ligatures, a stream
    that decompresses to many megabytes."""
    import zlib

    objects: list[bytes] = [b"<< /Type /Catalog /Pages 2 0 R >>", b"", font]
    kids = []
    for content in pages:
        body = zlib.compress(content, 9) if compress else content
        flate = b" /Filter /FlateDecode" if compress else b""
        objects.append(b"<< /Length %d%s >>\nstream\n" % (len(body), flate) + body + b"\nendstream")
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 420 595] /Resources << /Font << /F1 3 0 R >> >> "
                       b"/Contents %d 0 R >>" % len(objects))
        kids.append(b"%d 0 R" % len(objects))
    objects[1] = b"<< /Type /Pages /Kids [" + b" ".join(kids) + b"] /Count %d >>" % len(kids)
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, obj in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + obj + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    out.writelines(b"%010d 00000 n \n" % o for o in offsets)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


def lines_pdf(pages: list[list[str]], *, font: bytes | None = None, leading: int = 13) -> bytes:
    """A PDF of Helvetica lines placed one below the other from the top, as given (a
    "" line is vertical space); text in Windows-1252, or raw bytes for a custom font."""
    streams = []
    for page in pages:
        ops = []
        y = 540
        for line in page:
            if line:
                data = line.encode("cp1252") if isinstance(line, str) else line
                data = data.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")
                ops.append(b"BT /F1 10 Tf 50 %d Td (" % y + data + b") Tj ET")
            y -= leading
        streams.append(b"\n".join(ops))
    return raw_pdf(streams, **({"font": font} if font else {}))
