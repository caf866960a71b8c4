"""The body of a Word document as annolint numbers it: paragraphs in order, their
visible text, their heading level and their list numbers.

Both the reader (``readers/docx.py``) and the annotator (``annotate.py``) list the
paragraphs with ``body_paragraphs``, so a finding's line number is the index of the
paragraph a Word comment goes on. The functions work on plain lxml elements of
``word/document.xml``, ``styles.xml`` and ``numbering.xml`` (python-docx's elements
are lxml elements too).

Body order: the body's paragraphs top to bottom; a table's paragraphs row by row,
cell by cell, a nested table in place; content controls (``w:sdt``) and custom XML
are read through. Text boxes, drawings and the text of headers, footers, footnotes
and comments are not body paragraphs. A row deleted as a tracked change is left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"

P, TBL, TR = W + "p", W + "tbl", W + "tr"
VAL = W + "val"

# Never holds body paragraphs (or holds a second copy of them: mc:AlternateContent).
_NOT_BODY = {W + "sectPr", W + "tblPr", W + "tblGrid", W + "trPr", W + "tcPr", W + "sdtPr",
             W + "sdtEndPr", W + "del", W + "moveFrom", MC + "AlternateContent"}

# Inside a paragraph: what carries no visible text of the paragraph itself. Deleted
# text (tracked changes), field codes, drawings and text boxes, properties.
_NO_TEXT = {W + "pPr", W + "rPr", W + "del", W + "moveFrom", W + "delText", W + "instrText",
            W + "delInstrText", W + "drawing", W + "pict", W + "object", MC + "AlternateContent",
            W + "footnoteReference", W + "endnoteReference", W + "commentReference",
            W + "annotationRef", W + "fldData", W + "sym", W + "ruby"}

_SPACES = {W + "tab": " ", W + "ptab": " ", W + "br": " ", W + "cr": " ", W + "noBreakHyphen": "-"}
_TEXT = {W + "t", *_SPACES}
# Soft hyphens go; non-breaking, narrow and figure spaces, tabs and stray line or
# paragraph separators become plain spaces (a line is a paragraph); other control
# characters go.
_CLEAN = {0xAD: None, 0xA0: " ", 0x202F: " ", 0x2007: " ", 0x09: " ", 0x0A: " ", 0x0D: " ", 0x0B: " ",
          0x0C: " ", 0x85: " ", 0x2028: " ", 0x2029: " ", **{c: None for c in range(32) if c not in (9, 10, 11, 12, 13)}}


def _walk(element, skipped, leaves):
    """The elements below ``element`` in document order, without the subtrees
    ``skipped(child)`` refuses, and not looking inside tags in ``leaves``. Without
    recursion: a hostile file may nest deeply."""
    stack = [iter(element)]
    while stack:
        child = next(stack[-1], None)
        if child is None:
            stack.pop()
            continue
        if not isinstance(child.tag, str) or skipped(child):  # comments, processing instructions
            continue
        yield child
        if child.tag not in leaves:
            stack.append(iter(child))


def body_paragraphs(body) -> list:
    """The ``w:p`` elements of a document body, in annolint's order (1 = line 1)."""
    def skipped(child) -> bool:
        return child.tag in _NOT_BODY or (child.tag == TR and _deleted_row(child))

    return [e for e in _walk(body, skipped, {P}) if e.tag == P]


def _deleted_row(row) -> bool:
    props = row.find(W + "trPr")
    return props is not None and props.find(W + "del") is not None


def _hidden(run) -> bool:
    props = run.find(W + "rPr")
    vanish = props.find(W + "vanish") if props is not None else None
    return vanish is not None and vanish.get(VAL, "true") not in ("0", "false", "off")


def _not_text(child) -> bool:
    """Deleted text, field codes, drawings, properties, and a paragraph inside this
    one (a text box's); a hidden run."""
    return child.tag in _NO_TEXT or child.tag == P or (child.tag == W + "r" and _hidden(child))


def paragraph_text(paragraph) -> str:
    """The visible text of a paragraph: tracked insertions kept, deletions dropped,
    hidden runs and field codes left out, breaks and tabs as spaces, trimmed."""
    parts = [(e.text or "") if e.tag == W + "t" else _SPACES[e.tag]
             for e in _walk(paragraph, _not_text, _TEXT) if e.tag in _TEXT]
    return "".join(parts).translate(_CLEAN).strip()


def text_runs(paragraph) -> list:
    """The ``w:r`` elements that show this paragraph's text (not deleted, not in a
    text box), in order: where a comment on the paragraph starts and ends."""
    return [e for e in _walk(paragraph, _not_text, {W + "r"})
            if e.tag == W + "r" and (e.find(W + "t") is not None or e.find(W + "tab") is not None)]


# ---- styles: headings and the list a style carries ---------------------------------------

HEADING_NAME = re.compile(r"^(?:heading|kop)\s*([1-9])$", re.IGNORECASE)
TITLE_NAMES = {"title", "titel"}
LIST_STYLE_LEVEL = re.compile(r"^list (?:bullet|number)\s*([2-9])$|^lijstopsommingsteken\s*([2-9])$|"
                              r"^lijstnummering\s*([2-9])$", re.IGNORECASE)


def _int(value, default: int | None = None) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


@dataclass
class _Style:
    name: str = ""
    based_on: str = ""
    num_id: int | None = None
    ilvl: int | None = None
    outline: int | None = None


class Styles:
    """The paragraph styles of ``styles.xml`` that matter here: names, inheritance,
    outline levels and the list a style is bound to."""

    def __init__(self, root=None):
        self.styles: dict[str, _Style] = {}
        self.default = ""
        if root is None:
            return
        for element in root.iterchildren(W + "style"):
            if element.get(W + "type", "paragraph") != "paragraph":
                continue
            sid = element.get(W + "styleId") or ""
            style = _Style()
            name = element.find(W + "name")
            style.name = (name.get(VAL) or "") if name is not None else ""
            based = element.find(W + "basedOn")
            style.based_on = (based.get(VAL) or "") if based is not None else ""
            props = element.find(W + "pPr")
            if props is not None:
                style.num_id, style.ilvl = _num_pr(props)
                outline = props.find(W + "outlineLvl")
                style.outline = _int(outline.get(VAL)) if outline is not None else None
            self.styles[sid] = style
            if element.get(W + "default") in ("1", "true", "on"):
                self.default = sid

    def chain(self, style_id: str) -> list[tuple[str, _Style]]:
        """The style and those it is based on, nearest first (loops cut)."""
        out: list[tuple[str, _Style]] = []
        seen: set[str] = set()
        while style_id and style_id not in seen and style_id in self.styles:
            seen.add(style_id)
            out.append((style_id, self.styles[style_id]))
            style_id = self.styles[style_id].based_on
        return out


def _num_pr(props) -> tuple[int | None, int | None]:
    numpr = props.find(W + "numPr")
    if numpr is None:
        return None, None
    num_id, ilvl = numpr.find(W + "numId"), numpr.find(W + "ilvl")
    return (_int(num_id.get(VAL)) if num_id is not None else None,
            _int(ilvl.get(VAL)) if ilvl is not None else None)


def style_id(paragraph, styles: Styles) -> str:
    props = paragraph.find(W + "pPr")
    pstyle = props.find(W + "pStyle") if props is not None else None
    return (pstyle.get(VAL) or "") if pstyle is not None else styles.default


def heading_level(paragraph, styles: Styles) -> int:
    """1-6 for a Title or Heading/Kop 1-9 paragraph (or one with an outline level), else 0."""
    props = paragraph.find(W + "pPr")
    outline = props.find(W + "outlineLvl") if props is not None else None
    level = _int(outline.get(VAL)) if outline is not None else None
    if level is None:
        for _, style in styles.chain(style_id(paragraph, styles)):
            name = style.name.strip()
            if (m := HEADING_NAME.match(name)) is not None:
                return min(int(m.group(1)), 6)
            if name.lower() in TITLE_NAMES:
                return 1
            if style.outline is not None:
                level = style.outline
                break
    # outline level 9 is body text
    return min(level + 1, 6) if level is not None and 0 <= level <= 8 else 0


# ---- numbering: the numbers Word shows before list paragraphs ------------------------------

@dataclass
class _Level:
    start: int = 0  # the schema's default when w:start is absent
    fmt: str = "decimal"
    text: str = ""
    restart: int | None = None  # w:lvlRestart: 0 = never restart
    pstyle: str = ""


@dataclass
class _Num:
    abstract: dict[int, _Level]
    overrides: dict[int, _Level] = field(default_factory=dict)
    start_overrides: dict[int, int] = field(default_factory=dict)

    def level(self, ilvl: int) -> _Level:
        return self.overrides.get(ilvl) or self.abstract.get(ilvl) or _Level(fmt="decimal", text="")


def _level(element) -> _Level:
    level = _Level()
    for tag, attr in (("start", "start"), ("numFmt", "fmt"), ("lvlText", "text"),
                      ("lvlRestart", "restart"), ("pStyle", "pstyle")):
        child = element.find(W + tag)
        if child is None:
            continue
        value = child.get(VAL)
        if attr in ("start", "restart"):
            parsed = _int(value)
            if parsed is not None:
                setattr(level, attr, parsed)
        else:
            setattr(level, attr, value or "")
    return level


def _levels(abstract) -> dict[int, _Level]:
    return {ilvl: _level(lvl) for lvl in abstract.iterchildren(W + "lvl")
            if (ilvl := _int(lvl.get(W + "ilvl"))) is not None and 0 <= ilvl <= 8}


MAX_LEVEL = 8


class Numbering:
    """List numbers as Word shows them, computed paragraph by paragraph in body order.

    Counters are kept per list instance (``w:num``) and level: a level starts at its
    ``w:start`` (or the instance's ``w:startOverride``), counts up, and restarts when a
    shallower level of the same list is used (unless ``w:lvlRestart`` says 0).
    """

    def __init__(self, root=None, styles: Styles | None = None):
        self.styles = styles or Styles()
        self.nums: dict[int, _Num] = {}
        self.counters: dict[int, list[int | None]] = {}
        if root is None:
            return
        abstracts: dict[int, object] = {}
        for abstract in root.iterchildren(W + "abstractNum"):
            aid = _int(abstract.get(W + "abstractNumId"))
            if aid is not None:
                abstracts[aid] = abstract
        style_links = {}  # a list style's abstractNum (w:styleLink) by style id
        for aid, abstract in abstracts.items():
            link = abstract.find(W + "styleLink")
            if link is not None and link.get(VAL):
                style_links[link.get(VAL)] = aid
        nums_raw = {}
        for num in root.iterchildren(W + "num"):
            nid, ref = _int(num.get(W + "numId")), num.find(W + "abstractNumId")
            if nid is not None and ref is not None and _int(ref.get(VAL)) is not None:
                nums_raw[nid] = (num, _int(ref.get(VAL)))
        for nid, (num, aid) in nums_raw.items():
            abstract = abstracts.get(aid)
            # "numStyleLink": the definition lives with a list style; follow it once
            link = abstract.find(W + "numStyleLink") if abstract is not None else None
            if link is not None and link.get(VAL) in style_links:
                abstract = abstracts.get(style_links[link.get(VAL)])
            entry = _Num(_levels(abstract) if abstract is not None else {})
            for override in num.iterchildren(W + "lvlOverride"):
                ilvl = _int(override.get(W + "ilvl"))
                if ilvl is None or not 0 <= ilvl <= MAX_LEVEL:
                    continue
                start = override.find(W + "startOverride")
                if start is not None and _int(start.get(VAL)) is not None:
                    entry.start_overrides[ilvl] = _int(start.get(VAL))
                lvl = override.find(W + "lvl")
                if lvl is not None:
                    entry.overrides[ilvl] = _level(lvl)
            self.nums[nid] = entry

    def _list_of(self, paragraph) -> tuple[int, int, str] | None:
        """(numId, level, style id) of a list paragraph, or None."""
        props = paragraph.find(W + "pPr")
        num_id, ilvl = _num_pr(props) if props is not None else (None, None)
        sid = style_id(paragraph, self.styles)
        from_style = None
        for chained_id, style in self.styles.chain(sid):
            if style.num_id is not None:
                from_style = (chained_id, style)
                break
        if num_id is None and from_style is not None:
            num_id = from_style[1].num_id
        if not num_id or num_id not in self.nums:  # numId 0 switches a style's list off
            return None
        if ilvl is None and from_style is not None:
            ilvl = from_style[1].ilvl
            if ilvl is None:  # the level whose w:pStyle is this style
                ilvl = next((i for i, lvl in sorted(self.nums[num_id].abstract.items())
                             if lvl.pstyle and lvl.pstyle == from_style[0]), None)
        return num_id, min(max(ilvl or 0, 0), MAX_LEVEL), sid

    def marker(self, paragraph) -> tuple[str, int] | None:
        """("1." / "a)" / "-" for a bullet / "" for no visible number, nesting level)
        of a list paragraph, counting it; None for a paragraph outside lists."""
        found = self._list_of(paragraph)
        if found is None:
            return None
        num_id, ilvl, sid = found
        num = self.nums[num_id]
        counters = self.counters.setdefault(num_id, [None] * (MAX_LEVEL + 1))
        level = num.level(ilvl)
        if counters[ilvl] is None:
            counters[ilvl] = num.start_overrides.get(ilvl, level.start)
        else:
            counters[ilvl] += 1
        for deeper in range(ilvl + 1, MAX_LEVEL + 1):
            restart = num.level(deeper).restart
            if restart is None or (restart != 0 and ilvl < restart):
                counters[deeper] = None
        nesting = ilvl or _style_nesting(self.styles, sid)
        if level.fmt == "bullet":
            return "-", nesting
        if level.fmt == "none":
            return "", nesting

        def shown(match: re.Match) -> str:
            k = int(match.group(1)) - 1
            if k > MAX_LEVEL:
                return ""
            value = counters[k] if counters[k] is not None else num.level(k).start
            return _format(value, num.level(k).fmt)

        return re.sub(r"%([1-9])", shown, level.text).strip(), nesting


def _style_nesting(styles: Styles, sid: str) -> int:
    """"List Bullet 2" / "List Number 3": a single-level list nested by its style."""
    for _, style in styles.chain(sid):
        if (m := LIST_STYLE_LEVEL.match(style.name.strip())) is not None:
            return int(next(g for g in m.groups() if g)) - 1
    return 0


_ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"),
          (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))


def _letters(value: int) -> str:
    """1 → a, 26 → z, 27 → aa (Word repeats the letter)."""
    if value <= 0:
        return str(value)
    return chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1)


def _roman(value: int) -> str:
    if not 0 < value < 4000:
        return str(value)
    out = ""
    for number, letters in _ROMAN:
        while value >= number:
            out, value = out + letters, value - number
    return out


def _format(value: int, fmt: str) -> str:
    if fmt == "lowerLetter":
        return _letters(value)
    if fmt == "upperLetter":
        return _letters(value).upper()
    if fmt == "lowerRoman":
        return _roman(value)
    if fmt == "upperRoman":
        return _roman(value).upper()
    if fmt == "decimalZero":
        return f"{value:02d}"
    return str(value)  # decimal, and formats annolint does not render (ordinal words, …)
