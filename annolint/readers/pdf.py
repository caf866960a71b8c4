"""Read a PDF note: the text of its pages, laid out as the parser reads notes.

pypdf reads the file (pure Python, with limits on what a stream may decompress to);
its layout mode gives each page's lines with their columns, from which
``pdf_layout`` drops running headers and footers and joins the lines of each
paragraph. A PDF that cannot be checked (encrypted, damaged, pages of images only,
too large to read) becomes a source with a problem, never an exception.
"""

from __future__ import annotations

import contextlib
import io
import logging
import time
import warnings
from collections.abc import Iterator

from annolint.i18n import number, phrase, say
from annolint.readers.pdf_layout import VisualLine, drop_furniture, page_lines, paragraphs
from annolint.sources import RawSource

# Columns of pypdf's layout grid per average character. pypdf glues two pieces of text
# into one word when the second starts within the columns the first took, however far
# apart they are drawn ("- o" + "Het" became "- oHet" at its default, 1.25); a finer grid
# puts a space wherever the PDF has a gap.
COLUMNS_PER_CHAR = 2.0
MAX_PAGES = 500
MAX_STREAM_BYTES = 8 * 1024 * 1024  # what one stream may decompress to; a page of text is a few kB
MAX_TEXT_CHARS = 5_000_000  # the text of all pages: about as much as a plain-text note may be
MAX_SECONDS = 30.0  # reading stops after this, between pages
NO_TEXT = phrase("this PDF has no text layer (a scan?); annolint does not do OCR, so it cannot check it "
                 "— export the note as text or Word, or run OCR first")

# What one stream of a note may decompress to (a page of text is a few kB), and no
# external decoder run: pypdf's configuration, for the time of one read.
_LIMITS = {
    "maximum_declared_stream_length": MAX_STREAM_BYTES,
    "array_based_stream_maximum_output_length": MAX_STREAM_BYTES,
    "zlib_maximum_output_length": MAX_STREAM_BYTES,
    "lzw_maximum_output_length": MAX_STREAM_BYTES,
    "run_length_maximum_output_length": MAX_STREAM_BYTES,
    "brotli_maximum_output_length": MAX_STREAM_BYTES,
    "jbig2_maximum_output_length": MAX_STREAM_BYTES,
    "image_maximum_buffer_size": MAX_STREAM_BYTES,
    "jbig2dec_binary": None,
}


class _Unreadable(Exception):
    """A reason, in plain words, why the PDF cannot be checked."""


@contextlib.contextmanager
def _bounded() -> Iterator[None]:
    """pypdf's limits lowered to a note's size, and its log and warnings kept off
    stderr, for the time of one read."""
    import pypdf

    logger = logging.getLogger("pypdf")
    level, propagate = logger.level, logger.propagate
    try:
        logger.setLevel(logging.CRITICAL + 1)
        logger.propagate = False
        with warnings.catch_warnings(), pypdf.apply_configuration(**_LIMITS):
            warnings.simplefilter("ignore")
            yield
    finally:
        logger.setLevel(level)
        logger.propagate = propagate


def _page_layouts(data: bytes) -> list[str]:
    """The layout-mode text of each page."""
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, LimitReachedError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            # a PDF with only an owner password (no copying, no printing) opens with ""
            try:
                opened = reader.decrypt("")
            except DependencyError as err:
                raise _Unreadable(say("the PDF is encrypted and pypdf needs the 'cryptography' package to open "
                                      "it (pip install cryptography)")) from err
            except Exception:  # noqa: BLE001 - an unknown or broken encryption
                opened = 0
            if not opened:
                raise _Unreadable(say("the PDF is protected with a password; annolint cannot open it — "
                                      "save it without protection to check it"))
        count = len(reader.pages)
    except _Unreadable:
        raise
    except Exception as err:  # noqa: BLE001 - pypdf raises many kinds on a damaged file
        raise _Unreadable(say("the file cannot be read as a PDF ({reason}); it may be damaged or cut short",
                              reason=_reason(err))) from err
    if count == 0:
        raise _Unreadable(say("the PDF has no pages; nothing to check"))
    if count > MAX_PAGES:
        raise _Unreadable(say("the PDF has {count} pages, more than the {limit} a briefing note can have; "
                              "not checked", count=number(count), limit=MAX_PAGES))
    started = time.monotonic()
    layouts: list[str] = []
    total = 0
    for index in range(count):
        if time.monotonic() - started > MAX_SECONDS:
            raise _Unreadable(say("reading the PDF took more than {seconds} seconds (at page {page} of "
                                  "{count}); not checked", seconds=f"{MAX_SECONDS:.0f}", page=index + 1, count=count))
        try:
            text = reader.pages[index].extract_text(extraction_mode="layout",
                                                     layout_mode_scale_weight=COLUMNS_PER_CHAR)
        except LimitReachedError as err:
            raise _Unreadable(say("page {page} of the PDF holds more than a note's page can (over {limit} MB "
                                  "unpacked; a PDF bomb?); not checked", page=index + 1,
                                  limit=MAX_STREAM_BYTES // 1_048_576)) from err
        except Exception as err:  # noqa: BLE001 - one damaged page: the note cannot be checked whole
            raise _Unreadable(say("page {page} of the PDF cannot be read ({reason}); not checked", page=index + 1,
                                  reason=_reason(err))) from err
        total += len(text) - text.count(" ")  # the layout pads lines with spaces: count the rest
        if total > MAX_TEXT_CHARS:
            raise _Unreadable(say("the text of the PDF is more than the {limit} million characters a briefing "
                                  "note can be; not checked", limit=MAX_TEXT_CHARS // 1_000_000))
        layouts.append(text)
    return layouts


def _reason(err: Exception) -> str:
    text = " ".join(str(err).split())
    return text[:120] if text else type(err).__name__


def read(data: bytes, shown: str) -> RawSource:
    """The note in ``data`` (the bytes of a PDF) as a source; ``shown`` is its display path."""
    if not data.strip():
        return RawSource(shown, "", "", say("the file is empty; nothing to check"), readable=False, form="pdf")
    try:
        with _bounded():
            layouts = _page_layouts(data)
    except _Unreadable as err:
        return RawSource(shown, "", "", str(err), readable=False, form="pdf")
    except (MemoryError, RecursionError) as err:
        problem = say("the PDF is too deeply nested; not checked") if isinstance(err, RecursionError) else \
            say("the PDF is too large to read; not checked")
        return RawSource(shown, "", "", problem, readable=False, form="pdf")
    pages: list[list[VisualLine]] = [page_lines(layout) for layout in layouts]
    if not any(pages):
        return RawSource(shown, "", "", say(NO_TEXT), readable=False, form="pdf")
    text, firsts = paragraphs(drop_furniture(pages), COLUMNS_PER_CHAR)
    return RawSource(shown, text, "pdf", form="pdf", pages=firsts)
