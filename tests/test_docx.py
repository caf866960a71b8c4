"""Word notes (.docx): what the reader makes of a document, the corpus read from Word
gives the findings it gives as text, bad files are read errors, and
``--annotate-docx`` writes commented copies and never touches the notes.

Every .docx here is made by the tests with python-docx (``docx_notes.py``)."""

from __future__ import annotations

import hashlib
import io
import re
import shutil
import zipfile
from collections import Counter
from pathlib import Path

import docx
import pytest

from annolint.config import Config
from annolint.engine import load_setup
from annolint.readers.docx import read
from annolint.readers.docx_paragraphs import W, body_paragraphs
from annolint.sources import read_source
from annolint.structure import parse_document
from conftest import CORPUS, findings, run, write_set
from docx_notes import docx_with_body, note_to_docx, paragraph_lines, replace_part

GOOD = "Annotatie voor wethouder Jansen\n\nCommissie Bestuur, 4 maart 2024\n\nKernboodschap\n\n- TODO cijfers\n"


def lines_of(data: bytes) -> list[str]:
    source = read(data, "note.docx")
    assert source.readable, source.problem
    assert source.form == "docx"
    return source.text.split("\n")


def p(text: str = "", style: str = "", extra: str = "") -> str:
    """A paragraph of WordprocessingML: one run of ``text``."""
    ppr = f'<w:pPr><w:pStyle w:val="{style}"/>{extra}</w:pPr>' if style else (f"<w:pPr>{extra}</w:pPr>" if extra else "")
    run = f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>' if text else ""
    return f"<w:p>{ppr}{run}</w:p>"


# ---- the corpus, written in Word --------------------------------------------------------

def _corpus_sets(root: Path) -> tuple[Path, Path]:
    """The corpus as text (``txt/``) and as Word notes (``docx/``), same configuration."""
    text, word = root / "txt", root / "docx"
    text.mkdir()
    word.mkdir()
    for note in sorted(CORPUS.iterdir()):
        if note.suffix in (".txt", ".md") and note.name != "README.md":
            shutil.copy(note, text / note.name)
            (word / f"{note.stem}.docx").write_bytes(note_to_docx(note.read_text(encoding="utf-8")))
    for folder in (text, word):
        shutil.copy(CORPUS / ".annolint.yaml", folder / ".annolint.yaml")
    return text, word


def _side(folder: Path, location: dict, message: str) -> tuple[str, str, str, str]:
    """(note without extension, its line as read without a list marker, the words the
    place covers, the message with note names without extension)."""
    text = read_source(folder / location["path"]).text
    lines = text.split("\n")
    first, last = location["line"], location["end_line"]
    covered = "\n".join(lines[first - 1:last])
    start = location["column"] - 1
    end = len(covered) - len(lines[last - 1]) + location["end_column"] - 1
    words = covered[start:end].replace("\n", " ")
    # the Word paragraph the place stands in (a text note's lines as note_to_docx joins them)
    paragraph = " ".join(lines[first - 1:last]) if location["path"].endswith(".docx") else \
        " ".join(dict.fromkeys(paragraph_lines(text)[first - 1:last]))
    line = re.sub(r"^\s*(?:[-•*–]\s+(?:o\s+)?|\d{1,3}\s*[.)]\s*)", "", paragraph.strip())
    return (Path(location["path"]).stem, line, words, re.sub(r"\.(?:docx|txt|md)\b", "", message))


def _comparable(folder: Path) -> list[tuple]:
    return sorted(
        (f["rule_id"], _side(folder, f["location"], f["message"]),
         tuple(sorted(_side(folder, r["location"], r["message"]) for r in f["related"])))
        for f in findings(["check", "."], cwd=folder))


def test_the_corpus_written_in_word_gives_the_same_findings_as_the_text_notes(tmp_path):
    text, word = _corpus_sets(tmp_path)
    from_text, from_word = _comparable(text), _comparable(word)
    assert from_word == from_text
    assert Counter(f[0] for f in from_text) == Counter(
        {"AL010": 9, "AL011": 4, "AL030": 5, "AL021": 4, "AL020": 4, "AL040": 4, "AL002": 1, "AL022": 1,
         "AL023": 1, "AL024": 1, "AL031": 1, "AL050": 1, "AL041": 1, "AL042": 1})


def test_question_numbers_come_from_the_numbering_definitions(tmp_path):
    text = (CORPUS / "07_commissie-wonen-oktober.txt").read_text(encoding="utf-8")
    data = note_to_docx(text)
    body = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode()
    assert "Hoe worden bewoners van de tweede fase betrokken?" in body and "16.Hoe" not in body
    lines = lines_of(data)
    numbered = [line for line in lines if re.match(r"\d+\. ", line)]
    assert numbered == [
        "1. Hoeveel woningen worden in de tweede fase aangesloten?", "2. Wanneer start de tweede fase?",
        "3. Betalen bewoners mee aan de aanleg?", "16. Hoe worden bewoners van de tweede fase betrokken?",
        "17. Is er aanleiding om de planning van de tweede fase aan te passen?",
        "18. Is er met het bestuur van de stichting gesproken over de tarieven?"]
    # blank lines are empty paragraphs: the line numbers are the text note's
    assert lines == [re.sub(r"^(\d+)\.(?=\S)", r"\1. ", re.sub(r"^ - o ", "  - ", t)).rstrip()
                     for t in text.split("\n")[:-1]]


# ---- one line per paragraph --------------------------------------------------------------

def test_word_paragraphs_are_never_joined_into_one_block():
    lexicon = load_setup(Config()).lexicon
    long = "Het college heeft in de afgelopen maanden met alle betrokken partijen overleg gevoerd over de"
    paragraphs = ["Annotatie voor wethouder Jansen", "Commissie Bestuur, 4 maart 2024", "Kernboodschap",
                  long, "aanpak van de wijk", "De planning is aangepast  ", "met twee weken",
                  *[f"Punt {i} van de lijst met een zin zonder punt aan het eind" for i in range(20)]]
    data = docx_with_body("".join(p(t.strip()) for t in paragraphs))
    source = read(data, "note.docx")
    word = parse_document(source, lexicon)
    as_text = parse_document(read_source_text("\n".join(paragraphs)), lexicon)
    # each Word paragraph is a block of its own, on the line of its number ...
    assert [(b.line, b.end_line, b.text) for b in word.blocks][3:7] == [
        (4, 4, long), (5, 5, "aanpak van de wijk"), (6, 6, "De planning is aangepast"), (7, 7, "met twee weken")]
    assert all(b.line == b.end_line for b in word.blocks)
    assert len(word.blocks) == len(paragraphs)
    # ... where the same lines in a text note join (a sentence broken by a line break)
    assert (as_text.blocks[3].line, as_text.blocks[3].end_line) == (4, 5)


def read_source_text(text: str):
    from annolint.sources import RawSource

    return RawSource("note.txt", text, "utf-8")


def test_headings_lists_tables_and_empty_paragraphs_one_line_each():
    styles_named_kop = docx_with_body(
        p("Annotatie", "Title") + p() + p("Kernboodschap", "Heading1") + p("Achtergrond", "Heading3")
        + p("Ingesprongen kop", "", '<w:outlineLvl w:val="1"/>') + p("Gewone tekst")
        + "<w:tbl><w:tr><w:tc>" + p("A1") + "</w:tc><w:tc>" + p("B1 eerste") + p("B1 tweede") + "</w:tc></w:tr>"
        + "<w:tr><w:tc>" + p("A2") + "<w:tbl><w:tr><w:tc>" + p("genest") + "</w:tc></w:tr></w:tbl>"
        + "</w:tc><w:tc>" + p() + "</w:tc></w:tr></w:tbl>" + p("Na de tabel"))
    assert lines_of(styles_named_kop) == [
        "# Annotatie", "", "# Kernboodschap", "### Achtergrond", "## Ingesprongen kop", "Gewone tekst",
        "A1", "B1 eerste", "B1 tweede", "A2", "genest", "", "Na de tabel"]


def test_dutch_heading_style_names_are_headings():
    document = docx.Document()
    document._body.clear_content()
    for name in ("Kop 1", "Kop 2"):
        style = document.styles.add_style(name, 1)
        style.base_style = document.styles["Normal"]
    document.add_paragraph("Kernboodschap", style="Kop 1")
    document.add_paragraph("Planning", style="Kop 2")
    document.add_paragraph("Tekst.")
    out = io.BytesIO()
    document.save(out)
    assert lines_of(out.getvalue()) == ["# Kernboodschap", "## Planning", "Tekst."]


def test_tracked_changes_insertions_kept_deletions_dropped():
    change = 'w:id="{}" w:author="Ambtenaar" w:date="2024-03-01T10:00:00Z"'
    body = (
        "<w:p><w:r><w:t xml:space=\"preserve\">Er zijn </w:t></w:r>"
        f"<w:del {change.format(1)}><w:r><w:delText>twaalf</w:delText></w:r></w:del>"
        f"<w:ins {change.format(2)}><w:r><w:t>dertien</w:t></w:r></w:ins>"
        "<w:r><w:t xml:space=\"preserve\"> klachten.</w:t></w:r></w:p>"
        f"<w:p><w:ins {change.format(3)}><w:r><w:t>Een nieuwe alinea.</w:t></w:r></w:ins></w:p>"
        f"<w:p><w:del {change.format(4)}><w:r><w:delText>Geschrapt.</w:delText></w:r></w:del></w:p>"
        f"<w:p><w:moveFrom {change.format(5)}><w:r><w:t>Weg</w:t></w:r></w:moveFrom>"
        f"<w:moveTo {change.format(6)}><w:r><w:t>Verplaatst</w:t></w:r></w:moveTo></w:p>")
    assert lines_of(docx_with_body(body)) == ["Er zijn dertien klachten.", "Een nieuwe alinea.", "", "Verplaatst"]


def test_comments_headers_footers_and_footnotes_are_not_body_text(tmp_path):
    document = docx.Document()
    document._body.clear_content()
    for line in GOOD.rstrip("\n").split("\n")[:-1]:
        document.add_paragraph(line)
    item = document.add_paragraph("Het budget is 40 duizend euro.", style="List Bullet")
    document.add_comment(item.runs, text="TODO navragen bij financien", author="Collega")
    section = document.sections[0]
    section.header.paragraphs[0].text = "Concept TODO"
    section.footer.paragraphs[0].text = "Pagina XXX"
    item.add_run().element.append(docx.oxml.parse_xml(
        f'<w:footnoteReference xmlns:w="{W[1:-1]}" w:id="1"/>'))
    out = io.BytesIO()
    document.save(out)
    data = out.getvalue()
    assert lines_of(data) == ["Annotatie voor wethouder Jansen", "", "Commissie Bestuur, 4 maart 2024", "",
                              "Kernboodschap", "", "- Het budget is 40 duizend euro."]
    write_set(tmp_path, {"note.docx": data})
    assert [f["name"] for f in findings(["check", "."], cwd=tmp_path)] == []


def test_soft_hyphens_no_break_spaces_tabs_and_line_breaks():
    body = ("<w:p><w:r><w:t xml:space=\"preserve\">Woon\u00adwijzer\u00a0Energie\u202fopent</w:t><w:tab/>"
            "<w:t>om</w:t><w:br/><w:t xml:space=\"preserve\">9 uur, dus </w:t><w:softHyphen/>"
            "<w:t>niet</w:t><w:noBreakHyphen/><w:t>westers.</w:t></w:r></w:p>"
            "<w:p><w:r><w:t>Een\u2028regel\u2029verder\x85en\nklaar.</w:t></w:r></w:p>")
    assert lines_of(docx_with_body(body)) == ["Woonwijzer Energie opent om 9 uur, dus niet-westers.",
                                              "Een regel verder en klaar."]


NUMBERING = (
    '<w:abstractNum w:abstractNumId="1">'
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>'
    '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%2)"/></w:lvl>'
    '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="o"/></w:lvl>'
    "</w:abstractNum>"
    '<w:abstractNum w:abstractNumId="2">'
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl>'
    '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/></w:lvl>'
    "</w:abstractNum>"
    '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>'
    '<w:num w:numId="2"><w:abstractNumId w:val="1"/>'
    '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="16"/></w:lvlOverride></w:num>'
    '<w:num w:numId="3"><w:abstractNumId w:val="2"/></w:num>')


def numbered(text: str, num: int, ilvl: int = 0) -> str:
    return p(text, extra=f'<w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num}"/></w:numPr>')


def test_list_numbers_from_the_definitions_two_lists_and_nested_levels():
    body = (numbered("Eerste vraag?", 1) + numbered("Deel a", 1, 1) + numbered("Deel b", 1, 1)
            + numbered("Opsomming", 1, 2) + p("Een alinea tussen de vragen.") + numbered("Tweede vraag?", 1)
            + numbered("Weer deel a", 1, 1) + numbered("Vraag zestien?", 2) + numbered("Vraag zeventien?", 2)
            + numbered("Hoofdstuk", 3) + numbered("Paragraaf", 3, 1) + numbered("Paragraaf", 3, 1)
            + numbered("Hoofdstuk", 3) + numbered("Paragraaf", 3, 1) + numbered("", 1)
            + p("Geen lijst meer", extra='<w:numPr><w:numId w:val="0"/></w:numPr>'))
    assert lines_of(docx_with_body(body, numbering_xml=NUMBERING)) == [
        "1. Eerste vraag?", "  a) Deel a", "  b) Deel b", "    - Opsomming", "Een alinea tussen de vragen.",
        "2. Tweede vraag?", "  a) Weer deel a", "16. Vraag zestien?", "17. Vraag zeventien?",
        # "%1.%2" shows level 1 in its own format, as Word does (no w:isLgl)
        "I. Hoofdstuk", "  I.1 Paragraaf", "  I.2 Paragraaf", "II. Hoofdstuk", "  II.1 Paragraaf", "3.",
        "Geen lijst meer"]


def test_a_style_bound_list_numbers_its_paragraphs():
    document = docx.Document()
    document._body.clear_content()
    for text in ("Vraag een?", "Vraag twee?"):
        document.add_paragraph(text, style="List Number")
    document.add_paragraph("Antwoord", style="List Bullet")
    document.add_paragraph("Dieper", style="List Bullet 2")
    out = io.BytesIO()
    document.save(out)
    assert lines_of(out.getvalue()) == ["1. Vraag een?", "2. Vraag twee?", "- Antwoord", "  - Dieper"]


# ---- bad input ---------------------------------------------------------------------------------

def _zip(entries: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        for name, content in entries.items():
            package.writestr(name, content)
    return out.getvalue()


def test_bad_word_files_are_read_errors_and_the_rest_is_checked(tmp_path):
    empty = io.BytesIO()
    docx.Document().save(empty)
    good = note_to_docx(GOOD)
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600
    write_set(tmp_path, {
        "goed.docx": good,
        "goed.txt": GOOD,
        "kapot.docx": good[: len(good) // 2],
        "tekst.docx": "Gewoon tekst met een .docx-naam.\n",
        "leeg.docx": empty.getvalue(),
        "bom.docx": _zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"\x00" * (51 * 1024 * 1024)}),
        "geen-word.docx": _zip({"readme.txt": b"hallo"}),
        "wachtwoord.docx": ole + "EncryptionInfo".encode("utf-16-le") + b"\x00" * 64,
        "oud.docx": ole,
        "half.docx": replace_part(good, "word/document.xml", b"<w:document"),
        "zonder-body.docx": replace_part(good, "word/document.xml", f'<w:document xmlns:w="{W[1:-1]}"/>'.encode()),
    })
    found = findings(["check", ".", "--message-language", "en"], cwd=tmp_path)
    errors = {f["location"]["path"]: f["message"] for f in found if f["name"] == "read-error"}
    prefix = "This file was not read as it should be: "
    assert errors == {
        "bom.docx": prefix + "the Word document's part word/document.xml unpacks to 51 MB, more than the 50 MB "
                             "annolint reads; not checked.",
        "geen-word.docx": prefix + "this is a zip file, not a Word document (.docx); not checked.",
        "half.docx": prefix + "the Word document is damaged (its parts cannot be read as Word XML); not checked.",
        "kapot.docx": prefix + "this is not a Word document (.docx), or it is damaged: it is not a readable "
                               ".docx package.",
        "leeg.docx": prefix + "the Word document has no text; nothing to check.",
        "oud.docx": prefix + "this is an old Word document (.doc, Word 97-2003) with a .docx name; save it as "
                             ".docx to check it.",
        "tekst.docx": prefix + "this is not a Word document (.docx), or it is damaged: it is not a readable "
                               ".docx package.",
        "zonder-body.docx": prefix + "the Word document has no body text (it is damaged); not checked.",
        "wachtwoord.docx": prefix + "the Word document is protected with a password and cannot be read; save a "
                                    "copy without a password to check it.",
    }
    assert [(f["name"], f["location"]["path"], f["location"]["line"]) for f in found
            if f["name"] != "read-error"] == [("placeholder", "goed.docx", 7), ("placeholder", "goed.txt", 7)]
    dutch = {f["location"]["path"]: f["message"] for f in findings(["check", "."], cwd=tmp_path)
             if f["name"] == "read-error"}
    assert dutch["oud.docx"] == ("Dit bestand kon niet goed worden gelezen: dit is een oud Word-document (.doc, Word "
                                 "97-2003) met een .docx-naam; sla het op als .docx om het te laten controleren.")


# ---- --annotate-docx -----------------------------------------------------------------------------

ANNOTATED = ["01_commissie-wonen-januari", "2024-05-30_commissie-wonen", "06_gemeenteraad-september",
             "06_gemeenteraad-september-mondelinge-vragen", "08_actualiteit-zonder-datum"]


def _annotated_set(root: Path) -> Path:
    """Five corpus notes in Word (one in a subfolder) and one as text."""
    notes = root / "notes"
    for i, stem in enumerate(ANNOTATED):
        text = (CORPUS / f"{stem}.txt").read_text(encoding="utf-8")
        target = notes / ("sub" if i == 1 else "") / f"{stem}.docx"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(note_to_docx(text))
    shutil.copy(CORPUS / "05_commissie-wonen-juni.txt", notes / "05_commissie-wonen-juni.txt")
    shutil.copy(CORPUS / ".annolint.yaml", notes / ".annolint.yaml")
    return notes


def _digests(folder: Path) -> dict[str, tuple[str, int]]:
    return {str(f.relative_to(folder)): (hashlib.sha256(f.read_bytes()).hexdigest(), f.stat().st_mtime_ns)
            for f in sorted(folder.rglob("*")) if f.is_file()}


def _comments_by_paragraph(path: Path) -> dict[int, list[str]]:
    document = docx.Document(str(path))
    out: dict[int, list[str]] = {}
    for number, paragraph in enumerate(body_paragraphs(document.element.body), 1):
        for reference in paragraph.iter(W + "commentReference"):
            comment = document.comments.get(int(reference.get(W + "id")))
            assert (comment.author, comment.initials) == ("annolint", "AL")
            out.setdefault(number, []).append(comment.text)
    return out


def test_annotate_docx_writes_one_comment_per_side_of_each_finding(tmp_path):
    notes = _annotated_set(tmp_path)
    before = _digests(notes)
    plain = run(["check", "notes", "--format", "json"], cwd=tmp_path)
    annotated = run(["check", "notes", "--format", "json", "--annotate-docx", "out"], cwd=tmp_path)
    assert annotated.exit_code == plain.exit_code == 1
    assert annotated.stdout == plain.stdout  # the report is unchanged
    assert _digests(notes) == before  # the notes are untouched

    import json

    report = json.loads(plain.stdout)["findings"]
    expected: dict[str, dict[int, list[str]]] = {}
    for f in report:
        head = f"{f['rule_id']} {f['name']}"
        own = f["location"]
        expected.setdefault(own["path"], {}).setdefault(own["line"], []).append(f"{head}: {f['message']}")
        for r in f["related"]:
            passage = own.get("passage")  # reports quote Word notes; a text note's place is its line
            if passage is None:
                passage = (tmp_path / own["path"]).read_text(encoding="utf-8").split("\n")[own["line"] - 1].strip()
                assert len(passage) <= 100  # shorter than an excerpt: quoted whole
            text = f"{head}: {r['message']}\nDe andere kant, in {own['path']}: \u201c{passage}\u201d"
            expected.setdefault(r["location"]["path"], {}).setdefault(r["location"]["line"], []).append(text)
    copies = sorted(str(f.relative_to(tmp_path / "out")) for f in (tmp_path / "out").rglob("*") if f.is_file())
    assert copies == sorted(["01_commissie-wonen-januari.docx", "sub/2024-05-30_commissie-wonen.docx",
                             "06_gemeenteraad-september.docx", "06_gemeenteraad-september-mondelinge-vragen.docx",
                             "08_actualiteit-zonder-datum.docx"])
    total = 0
    for copy in copies:
        note = f"notes/{copy}"
        got = _comments_by_paragraph(tmp_path / "out" / copy)
        want = expected[note]
        assert {k: sorted(v) for k, v in got.items()} == {k: sorted(v) for k, v in want.items()}, copy
        assert len(docx.Document(str(tmp_path / "out" / copy)).comments) == sum(map(len, want.values()))
        # the copy reads as the note did: comments add no text, move no paragraph
        assert read((tmp_path / "out" / copy).read_bytes(), copy).text == read_source(tmp_path / note).text
        total += sum(map(len, want.values()))
    assert "notes/05_commissie-wonen-juni.txt" in expected  # the text note has findings, and no copy
    assert annotated.stderr == f"annolint: 5 Word-notities met {total} opmerkingen geschreven naar out\n"
    # the empty bullet (08:28), a paragraph with no run, carries its comment
    empty_bullet = next(f for f in report if f["location"] == {**f["location"], "path":
                        "notes/08_actualiteit-zonder-datum.docx", "line": 28})
    assert empty_bullet["name"] == "placeholder"
    assert _comments_by_paragraph(tmp_path / "out" / "08_actualiteit-zonder-datum.docx")[28] == [
        f"AL010 placeholder: {empty_bullet['message']}"]
    paragraph = body_paragraphs(docx.Document(str(tmp_path / "out" / "08_actualiteit-zonder-datum.docx"))
                                .element.body)[27]
    assert [e.tag for e in paragraph if e.tag != W + "pPr"] == [
        W + "commentRangeStart", W + "commentRangeEnd", W + "r"]
    first = _digests(tmp_path / "out")
    run(["check", "notes", "--annotate-docx", "out"], cwd=tmp_path)
    assert {k: v[0] for k, v in _digests(tmp_path / "out").items()} == {k: v[0] for k, v in first.items()}


@pytest.mark.parametrize("args, message", [
    (["notes", "--annotate-docx", "notes/annotated"],
     "--annotate-docx notes/annotated lies in the checked folder notes; annolint never writes among the notes "
     "it checks: choose a folder outside it"),
    (["notes", "--annotate-docx", "notes"],
     "--annotate-docx notes lies in the checked folder notes; annolint never writes among the notes it checks: "
     "choose a folder outside it"),
    (["notes/01_commissie-wonen-januari.docx", "--annotate-docx", "notes"],
     "--annotate-docx notes: the copy of notes/01_commissie-wonen-januari.docx would be written over the note "
     "notes/01_commissie-wonen-januari.docx; annolint never writes to the notes it checks"),
    (["notes/05_commissie-wonen-juni.txt", "--annotate-docx", "notes/05_commissie-wonen-juni.txt"],
     "--annotate-docx notes/05_commissie-wonen-juni.txt is a file, not a folder"),
])
def test_annotate_docx_refuses_to_write_among_the_notes(tmp_path, args, message):
    notes = _annotated_set(tmp_path)
    before = _digests(notes)
    result = run(["check", *args], cwd=tmp_path)
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", f"annolint: error: {message}\n")
    assert _digests(notes) == before


def test_annotate_docx_anchors_on_inserted_and_linked_runs_and_adds_no_text(tmp_path):
    change = 'w:id="1" w:author="Ambtenaar" w:date="2024-03-01T10:00:00Z"'
    body = (p("Annotatie voor wethouder Jansen") + p() + p("Commissie Bestuur, 4 maart 2024") + p()
            + p("Kernboodschap") + p()
            + f'<w:p><w:ins {change}><w:r><w:t>De cijfers volgen. TODO</w:t></w:r></w:ins></w:p>'
            + '<w:p><w:hyperlink w:anchor="x"><w:r><w:t>Zie de bijlage. XXX</w:t></w:r></w:hyperlink></w:p>')
    write_set(tmp_path / "notes", {"note.docx": docx_with_body(body)})
    result = run(["check", "notes", "--annotate-docx", "out"], cwd=tmp_path)
    assert result.exit_code == 1
    copy = tmp_path / "out" / "note.docx"
    report = findings(["check", "notes"], cwd=tmp_path)
    assert [(f["name"], f["location"]["line"], f["related"]) for f in report] == [
        ("placeholder", 7, []), ("placeholder", 8, [])]
    assert _comments_by_paragraph(copy) == {
        f["location"]["line"]: [f"AL010 placeholder: {f['message']}"] for f in report}
    assert read(copy.read_bytes(), "copy").text == read((tmp_path / "notes" / "note.docx").read_bytes(), "n").text


# ---- what reviewers met ---------------------------------------------------------------------

def _note_with_header_table(rows: list[tuple[str, str]], promise: str) -> bytes:
    document = docx.Document()
    document.add_paragraph("Annotatie voor wethouder Van der Linden")
    table = document.add_table(rows=len(rows), cols=2)
    for row, (label, value) in zip(table.rows, rows):
        row.cells[0].text, row.cells[1].text = label, value
    document.add_heading("Kernboodschap", level=1)
    document.add_paragraph(promise, style="List Bullet")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_a_header_table_gives_the_meeting_date_and_the_note_is_compared_over_time(tmp_path):
    write_set(tmp_path, {
        "maart.docx": _note_with_header_table([("Commissie", "Wonen en Bouwen"), ("Datum", "13 maart 2025")],
                                              "Het plan sturen we voor de zomer 2025 naar de raad."),
        "mei.docx": _note_with_header_table([("Commissie", "Wonen en Bouwen, 22 mei 2025")],
                                            "Het plan sturen we in het najaar naar de raad."),
    })
    found = findings(["check", "."], cwd=tmp_path)
    assert [(f["name"], f["location"]["path"], f["location"]["line"], [r["location"]["path"] for r in f["related"]])
            for f in found] == [("shifted-deadline", "mei.docx", 5, ["maart.docx"])]
    assert "in deze notitie (22 mei 2025)" in found[0]["message"] and "(13 maart 2025)" in found[0]["message"]


def test_the_html_report_names_a_word_notes_paragraphs_and_an_old_doc_is_named_not_skipped(tmp_path):
    write_set(tmp_path, {"a.docx": note_to_docx(note_text := "Annotatie\n\nKernboodschap\n\n- Dit is nog TODO.\n"),
                         "oud.doc": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600})
    assert note_text.count("\n") == 5
    page = run(["check", ".", "--format", "html"], cwd=tmp_path).stdout
    assert "· alinea 5</span>" in page and "regel 5" not in page
    errors = {f["location"]["path"]: f["message"] for f in findings(["check", "."], cwd=tmp_path)
              if f["name"] == "read-error"}
    assert errors == {"oud.doc": "Dit bestand kon niet goed worden gelezen: dit is een oud Word-document (.doc, Word "
                                 "97-2003), dat annolint niet leest; sla het op als .docx om het te laten controleren."}


def test_a_comment_on_the_other_side_names_the_page_of_a_pdf_note():
    from annolint.annotate import Comment, comments_by_note
    from annolint.findings import Finding, Related
    from annolint.i18n import speaking
    from annolint.model import Location, Span

    own = Location("b.pdf", Span(12, 16, 12, 21))
    finding = Finding("AL030", "diverging-figure", "error", "Een getal wijkt af.", own,
                      (Related(Location("a.docx", Span(8, 16, 8, 21)), "'1.240' in de notitie van 16 januari 2025"),))
    with speaking("nl"):
        comments = comments_by_note([finding], lambda location: "In 2024 zijn 1.420 woningen opgeleverd.",
                                    lambda location: 3 if location.path.endswith(".pdf") else None)
    assert comments == {
        "b.pdf": [Comment(12, "AL030 diverging-figure: Een getal wijkt af.")],
        "a.docx": [Comment(8, "AL030 diverging-figure: '1.240' in de notitie van 16 januari 2025\nDe andere kant, in "
                              "b.pdf (pagina 3): \u201cIn 2024 zijn 1.420 woningen opgeleverd.\u201d")]}
