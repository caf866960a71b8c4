"""Word notes for the tests, made here with python-docx (no binary is checked in).

``note_to_docx`` writes a plain-text or Markdown note as a Word author would have
typed it: one paragraph per line, headings in Heading styles, bullets as Word
bullets (top level in the "List Bullet" style, nested ones as "List Paragraph" with
a level of a multi-level bullet list), numbered questions as "List Number" items
whose number Word keeps outside the text (a list that does not go on from the last
number restarts with a start override), blank lines as empty paragraphs. A sentence
broken over two lines (a lower-case line after an unfinished one) and a Markdown
hard break (two trailing spaces) are one paragraph, the latter with a line break.
"""

from __future__ import annotations

import io
import re
import zipfile

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

MD_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
BULLET = re.compile(r"^(?P<indent>[ \t]*)[-•*–](?=\s|$)[ \t]*(?P<o>o(?=\s)[ \t]*)?(?P<text>.*)$")
QUESTION = re.compile(r"^\s*(?P<num>\d{1,3})\s*[.)]\s*(?P<text>[A-Z].*)$")
TERMINAL = re.compile(r"[.?!:;…)\]\"”’*]\s*$")

LIST_NUMBER_ABSTRACT = 7  # the default template's "List Number" list (numId 5)
NESTED_BULLETS = 90  # an abstractNum and num id this module adds: bullets on three levels


def w(xml: str):
    """An element from WordprocessingML written with the ``w:`` prefix."""
    return parse_xml(re.sub(r"^<([\w:]+)", lambda m: f"<{m.group(1)} {nsdecls('w')}", xml, count=1))


def add_nested_bullets(document) -> int:
    """Add a three-level bullet list to the numbering part; its numId."""
    numbering = document.part.numbering_part.element
    levels = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="o"/></w:lvl>'
        for i in range(3))
    abstract = w(f'<w:abstractNum w:abstractNumId="{NESTED_BULLETS}">{levels}</w:abstractNum>')
    numbering.insert(0, abstract)  # abstractNums come before nums
    numbering.append(w(f'<w:num w:numId="{NESTED_BULLETS}"><w:abstractNumId w:val="{NESTED_BULLETS}"/></w:num>'))
    return NESTED_BULLETS


def add_num(document, abstract: int, start: int | None = None) -> int:
    """A new list instance of ``abstract`` (a list that restarts); its numId."""
    numbering = document.part.numbering_part.element
    ids = [int(n.get(qn("w:numId"))) for n in numbering.iterchildren(qn("w:num"))]
    num_id = max(ids, default=0) + 1
    override = (f'<w:lvlOverride w:ilvl="0"><w:startOverride w:val="{start}"/></w:lvlOverride>'
                if start is not None else "")
    numbering.append(w(f'<w:num w:numId="{num_id}"><w:abstractNumId w:val="{abstract}"/>{override}</w:num>'))
    return num_id


def set_num(paragraph, num_id: int, ilvl: int = 0) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    ppr.append(w(f'<w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'))


def _paragraphs(text: str) -> list[tuple[list[str], int]]:
    """The note's lines grouped into the paragraphs a Word author would have made:
    (the paragraph's lines, separated by line breaks in Word; how many text lines)."""
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    groups: list[tuple[list[str], int]] = []
    for line in lines:
        previous = groups[-1][0][-1] if groups else ""
        if groups and previous.endswith("  ") and line.strip():
            groups[-1][0].append(line)  # a Markdown hard break: a line break in one paragraph
        elif groups and previous.strip() and line[:1].islower() and not TERMINAL.search(previous):
            groups[-1][0][-1] = previous.rstrip() + " " + line.strip()  # a sentence broken by a line break
        else:
            groups.append(([line], 0))
            continue
        groups[-1] = (groups[-1][0], groups[-1][1] + 1)
    return [(parts, count + 1) for parts, count in groups]


def paragraph_lines(text: str) -> list[str]:
    """For each line of a text note (index 0 = line 1), the paragraph it becomes in
    ``note_to_docx``: its lines joined with spaces."""
    out: list[str] = []
    for parts, count in _paragraphs(text):
        out.extend([" ".join(part.strip() for part in parts)] * count)
    return out


def note_to_docx(text: str) -> bytes:
    """The note as a .docx file's bytes (see the module doc)."""
    document = docx.Document()
    document._body.clear_content()
    nested = add_nested_bullets(document)
    expected = None  # the number the current numbered list shows next
    list_num = None  # the numId of that list (None: the "List Number" style's own)
    for group, _ in _paragraphs(text):
        first = group[0]
        if len(group) > 1:  # a hard break: the lines as runs with a w:br between them
            paragraph = document.add_paragraph()
            for i, part in enumerate(group):
                run = paragraph.add_run(part.strip())
                if i < len(group) - 1:
                    run.add_break()
            continue
        if not first.strip():
            document.add_paragraph()
        elif (m := MD_HEADING.match(first)) is not None:
            document.add_paragraph(m.group(2), style=f"Heading {len(m.group(1))}")
        elif (m := BULLET.match(first)) is not None and not first.lstrip().startswith("**"):
            indent = len(m.group("indent").expandtabs(4))
            level = 1 if m.group("o") or indent else 0
            if indent >= 4:
                level = max(level, indent // 2)
            body = m.group("text").strip()
            if level == 0:
                document.add_paragraph(body, style="List Bullet")
            else:
                set_num(document.add_paragraph(body, style="List Paragraph"), nested, level)
        elif (m := QUESTION.match(first)) is not None:
            number = int(m.group("num"))
            paragraph = document.add_paragraph(m.group("text").strip(), style="List Number")
            if expected is None and number == 1:
                list_num = None
            elif number != expected:
                list_num = add_num(document, LIST_NUMBER_ABSTRACT, start=number)
            if list_num is not None:
                set_num(paragraph, list_num)
            expected = number + 1
        else:
            document.add_paragraph(first.strip())
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def docx_with_body(body_xml: str, styles: bool = True, numbering_xml: str = "") -> bytes:
    """A .docx whose body is ``body_xml`` (WordprocessingML with the ``w:`` prefix),
    with ``numbering_xml`` (abstractNum and num elements) as its numbering definitions."""
    document = docx.Document()
    body = document.element.body
    body.clear_content()
    wrapped = parse_xml(f"<w:body {nsdecls('w')}>{body_xml}</w:body>")
    sect = body.find(qn("w:sectPr"))
    for child in list(wrapped):
        if sect is not None:
            sect.addprevious(child)
        else:
            body.append(child)
    if numbering_xml:
        numbering = document.part.numbering_part.element
        for child in list(numbering):
            numbering.remove(child)
        for child in parse_xml(f"<w:numbering {nsdecls('w')}>{numbering_xml}</w:numbering>"):
            numbering.append(child)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def replace_part(data: bytes, name: str, content: bytes) -> bytes:
    """The .docx with one part's bytes replaced (or added)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            if item.filename != name:
                target.writestr(item, source.read(item.filename))
        target.writestr(name, content)
    return out.getvalue()
