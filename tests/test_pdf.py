"""PDF notes: read as the text notes they were made from, page furniture and line
breaks undone; a PDF that cannot be checked is a read-error and the rest is checked.

Every PDF here is made by the tests: ``pdf_render.render`` lays a corpus note out as a
word processor would (wrapped lines, hanging bullets, hyphenation, a running header
and a page-number footer), ``lines_pdf`` places given lines.
"""

from __future__ import annotations

import io
import json
import re
import shutil

import pytest
from reportlab.lib.pdfencrypt import StandardEncryption
from reportlab.pdfgen import canvas

from annolint.config import Config
from annolint.engine import load_setup
from annolint.model import Document
from annolint.readers.pdf import NO_TEXT, read
from annolint.readers.pdf_layout import (
    VisualLine,
    drop_furniture,
    join_broken_word,
    normalise,
    page_lines,
    paragraphs,
)
from annolint.sources import read_source
from annolint.structure import parse_document
from conftest import CORPUS, findings, run, triples, write_set
from pdf_render import lines_pdf, raw_pdf, render

NOTES = sorted(p for p in CORPUS.iterdir() if p.suffix in (".txt", ".md") and p.name != "README.md")
GOOD = "Annotatie voor wethouder Jansen\n\nCommissie Bestuur, 4 maart 2024\n\nKernboodschap\n\n- TODO cijfers\n"


# ---- the corpus as PDFs -------------------------------------------------------------------

@pytest.fixture(scope="module")
def pdf_set(tmp_path_factory):
    """The corpus notes rendered as PDFs, beside the corpus's configuration."""
    folder = tmp_path_factory.mktemp("pdfset")
    shutil.copy(CORPUS / ".annolint.yaml", folder / ".annolint.yaml")
    rendered = {}
    for note in NOTES:
        rendered[note.stem] = render(note.read_text(encoding="utf-8"))
        (folder / f"{note.stem}.pdf").write_bytes(rendered[note.stem].pdf)
    return folder, rendered


def _span_text(lines: list[str], loc: dict) -> str:
    """The words a location covers, whitespace collapsed."""
    first, last = loc["line"], loc["end_line"]
    if first == last:
        text = lines[first - 1][loc["column"] - 1:loc["end_column"] - 1]
    else:
        text = " ".join([lines[first - 1][loc["column"] - 1:], *lines[first:last - 1],
                         lines[last - 1][:loc["end_column"] - 1]])
    return " ".join(text.split())


def _elements(found: list[dict], texts: dict[str, list[str]]) -> list[tuple]:
    """Each finding as its rule, its note (without folder and extension), the words
    of each side and its message with the notes' paths taken out."""
    def note(path: str) -> str:
        return re.sub(r"\.(txt|md|pdf)$", "", path.rsplit("/", 1)[-1])

    def side(loc: dict) -> tuple[str, str]:
        return note(loc["path"]), _span_text(texts[note(loc["path"])], loc)

    out = []
    for f in found:
        message = re.sub(r"(?:[\w./-]*/)?([\w-]+)\.(?:txt|md|pdf)\b", r"\1", f["message"])
        out.append((f["rule_id"], *side(f["location"]), message,
                    tuple(side(r["location"]) for r in f["related"])))
    return sorted(out)


def test_the_corpus_as_pdfs_gives_the_same_findings_as_the_text_notes(pdf_set):
    folder, rendered = pdf_set
    # the rendering is what the test claims: notes over two and three pages, words
    # hyphenated at a line's end, the header and the footer on every page
    assert sorted(len(r.lines) for r in rendered.values()) == [1, 1, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3]
    breaks = [b for r in rendered.values() for b in r.hyphenated]
    assert breaks == [("geluidso-", "verlast"), ("warmte-", "tarieven"), ("geluidso-", "verlast"), ("Warmte-", "net"),
                      ("opge-", "leverd"), ("tevre-", "denheidsonderzoek"), ("geluidso-", "verlast")]

    text_found = findings(["check", "corpus"], cwd=CORPUS.parent)
    pdf_found = findings(["check", "."], cwd=folder)
    text_lines = {p.stem: p.read_text(encoding="utf-8").split("\n") for p in NOTES}
    pdf_lines = {p.stem: read_source(p).text.split("\n") for p in folder.glob("*.pdf")}
    want = _elements(text_found, text_lines)
    assert len(want) == 38 and {w[0] for w in want} == {
        "AL002", "AL010", "AL011", "AL020", "AL021", "AL022", "AL023", "AL024", "AL030", "AL031", "AL040", "AL041",
        "AL042", "AL050"}
    assert _elements(pdf_found, pdf_lines) == want


def test_a_finding_on_a_later_page_names_that_page_and_quotes_its_passage(pdf_set):
    folder, rendered = pdf_set
    found = findings(["check", ".", "--select", "diverging-figure,conflicting-date"], cwd=folder)
    places = {(f["rule_id"], f["location"]["path"], f["location"]["line"]): f["location"] for f in found}
    # 'ca. 310 duizend euro' closes 02_gemeenteraad-maart, on its third page; the
    # raadsbrief 'van 18 maart' of 05_commissie-wonen-juni stands on its first
    figure = places[("AL030", "02_gemeenteraad-maart.pdf", 60)]
    assert (figure["page"], figure["passage"]) == (
        3, "Het onderzoek kost ca. 310 duizend euro en wordt betaald uit het Warmtefonds.")
    assert any("ca. 310 duizend euro en wordt" in line for line in rendered["02_gemeenteraad-maart"].lines[2])
    # 'op 19 september' in 06_gemeenteraad-september is on page 2
    date = places[("AL021", "06_gemeenteraad-september.pdf", 33)]
    # the passage as a reader searches for it: without the list marker
    assert (date["page"], date["passage"]) == (2, "De raadsbrief over de warmtetarieven is op 19 september verstuurd.")
    assert "- De raadsbrief over de warmtetarieven is op 19 september" in rendered["06_gemeenteraad-september"].lines[1]
    related = next(f for f in found if f["rule_id"] == "AL021" and f["location"]["line"] == 33)["related"]
    assert [(r["location"]["path"], r["location"]["page"], r["location"]["passage"]) for r in related] == [
        ("06_gemeenteraad-september-mondelinge-vragen.pdf", 1,
         "De raadsbrief over de warmtetarieven is op 17 september verstuurd.")]
    # 'dertien klachten' on page 2, its "geluidso-" / "verlast" whole again
    count = places[("AL030", "2024-05-30_commissie-wonen.pdf", 27)]
    assert (count["page"], count["passage"]) == (
        2, "Er zijn dertien klachten binnengekomen over geluidsoverlast tijdens de werkzaamheden.")
    assert "- Er zijn dertien klachten binnengekomen over geluidso-" in rendered["2024-05-30_commissie-wonen"].lines[1]


def test_a_paragraph_split_by_a_page_break_is_one_block_on_two_pages(pdf_set):
    folder, _ = pdf_set
    source = read_source(folder / "01_commissie-wonen-januari.pdf")
    lines = source.text.split("\n")
    # page 2 starts inside the bullet on the information meeting: its first part ends in
    # a hard break, the parser joins the two lines into one block
    assert source.pages == (1, 23, 49)
    assert lines[21:23] == ["- De informatiebijeenkomst voor bewoners is op 5 februari  ", "in het buurthuis De Klaproos."]
    doc = parse_document(source, load_setup(Config()).lexicon)
    block = next(b for b in doc.blocks if "informatiebijeenkomst" in b.text)
    assert block.text == "De informatiebijeenkomst voor bewoners is op 5 februari in het buurthuis De Klaproos."
    assert (block.line, block.end_line, doc.page_of(block.line), doc.page_of(block.end_line)) == (22, 23, 1, 2)


# ---- text: ligatures, hyphenation, furniture, paragraphs ------------------------------------

def test_normalise_undoes_ligatures_and_drawing_characters_only():
    assert normalise("\ufb01nanci\u00eble e\ufb00ect, \ufb02exibel, o\ufb03ce, a\ufb04uent") == \
        "financiële effect, flexibel, office, affluent"
    assert normalise("ge\u00adinformeerd\u00a0over 12\u202f%, e\u0308 \u2011 x") == "geinformeerd over 12 %, ë - x"
    assert normalise("m² … ½ – “citaat”") == "m² … ½ – “citaat”"  # NFKC would change each
    assert normalise("gemeente\u00ad") == "gemeente\u00ad"  # a soft hyphen that ends a line marks a break


@pytest.mark.parametrize("head, tail, joined", [
    ("de gemeente-", "raad besluit", "de gemeenteraad besluit"),
    ("de provincie Noord-", "Holland", "de provincie Noord-Holland"),
    ("na COVID-", "19", "na COVID-19"),
    ("d.d. 14-", "09-2024", "d.d. 14-09-2024"),
    ("de zorg-", "en welzijnstaken", "de zorg- en welzijnstaken"),
    ("de jeugd-", "of ouderenzorg", "de jeugd- of ouderenzorg"),
    ("een zee-", "egel", "een zee-egel"),
    ("een niet-", "westerse achtergrond", "een niet-westerse achtergrond"),
    ("zijn ge-", "informeerd", "zijn geïnformeerd"),
    ("is be-", "eindigd", "is beëindigd"),
    ("het warmte\u00ad", "net", "het warmtenet"),
])
def test_a_word_broken_at_a_line_end(head, tail, joined):
    assert join_broken_word(head, tail)[0] == joined


def test_a_word_the_note_writes_with_a_hyphen_keeps_it_and_a_dash_is_no_broken_word():
    assert join_broken_word("met evidence-", "based werken", frozenset({"evidence-based"}))[0] == \
        "met evidence-based werken"
    assert join_broken_word("met evidence-", "based werken")[0] == "met evidencebased werken"
    assert join_broken_word("laten we -", "als zij dat willen") is None


def _page(*texts: str) -> list[VisualLine]:
    return [VisualLine(t, 0, 0, t) for t in texts]


def test_running_headers_and_footers_are_dropped_and_nothing_else():
    header = "Annotatie commissie Wonen – 12 maart 2024"
    pages = [
        _page(header, "Kernboodschap", "Eerste alinea.", "Vertrouwelijk", "Pagina 1 van 3"),
        _page(header, "Tweede alinea.", header, "Pagina 2 van 3"),  # the header's words in the body stay
        _page(header.replace("12", "19"), "Derde alinea.", "Vertrouwelijk", "3"),
        _page(header, "Vierde alinea.", "- 4 -"),
    ]
    assert [[line.text for line in page] for page in drop_furniture(pages)] == [
        ["Kernboodschap", "Eerste alinea.", "Vertrouwelijk"],
        ["Tweede alinea.", header],
        ["Derde alinea.", "Vertrouwelijk"],
        ["Vierde alinea."],
    ]
    # "Vertrouwelijk" stands at the bottom of two pages of four: not most, kept;
    # a lone number that is not the page's own is text
    assert [[line.text for line in page] for page in drop_furniture([_page("Inleiding", "Tekst.", "7")])] == [
        ["Inleiding", "Tekst.", "7"]]


def test_an_empty_page_keeps_the_page_numbers_of_the_rest_right(tmp_path):
    pdf = lines_pdf([["Annotatie voor wethouder Jansen", "", "- Het eerste punt."], [],
                     ["- Het punt op pagina drie.", "", "- Nog een punt."]])
    source = read(pdf, "leeg.pdf")
    assert source.text == ("Annotatie voor wethouder Jansen\n\n- Het eerste punt.\n\n- Het punt op pagina drie.\n\n"
                           "- Nog een punt.\n")
    assert source.pages == (1, 5, 5)
    doc = Document(path="leeg.pdf", pages=source.pages)
    assert [doc.page_of(n) for n in (1, 3, 5, 7)] == [1, 1, 3, 3]


def test_a_pdf_of_lines_is_read_as_paragraphs_with_its_words_whole():
    header = "Annotatie commissie Wonen – 12 maart 2024"
    body = [
        "- De gemeenteraad van de provincie Noord-Holland heeft de gemeente-",
        "raad gevraagd om de begroting van de zorg- en welzijnstaken en de",
        "jeugd- of ouderenzorg te bespreken met de gedeputeerde van Noord-",
        "Holland. Het gaat om de subsidie voor de periode 2024-2025 en de",
        "stukken van 14-09-2024. Het \xadnan\xadci\xeble e\xadect is klein.",
    ]
    lig = (b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding << /Type /Encoding "
           b"/BaseEncoding /WinAnsiEncoding /Differences [1 /fi /fl /ff /ffi /ffl] >> >>")
    encoded = [line.encode("cp1252").replace(b"\xadnan\xadci", b"\x01nanci").replace(b"e\xadect", b"e\x03ect")
               for line in body]
    pdf = lines_pdf([[header, "", "Kernboodschap", "", *encoded[:3], "", "Pagina 1 van 2"],
                     [header, "", *encoded[3:], "- Tweede punt.", "", "Pagina 2 van 2"]], font=lig)
    source = read(pdf, "regels.pdf")
    assert source.text == (
        "Kernboodschap\n\n"
        "- De gemeenteraad van de provincie Noord-Holland heeft de gemeenteraad gevraagd om de begroting van de "
        "zorg- en welzijnstaken en de jeugd- of ouderenzorg te bespreken met de gedeputeerde van  \n"
        "Noord-Holland. Het gaat om de subsidie voor de periode 2024-2025 en de stukken van 14-09-2024. Het "
        "financiële effect is klein.\n"
        "- Tweede punt.\n")
    assert (source.form, source.pages, source.readable, source.problem) == ("pdf", (1, 4), True, "")


def test_paragraphs_break_at_space_list_marks_and_short_lines():
    lines = [VisualLine("Vraag 1:", 0, 0, "Vraag 1:"),
             VisualLine("VVD", 0, 0, "VVD", gap=1),
             VisualLine("- Het warmtenet in de Oosterpolder ligt op schema en de", 0, 4,
                        "Het warmtenet in de Oosterpolder ligt op schema en de", gap=1),
             VisualLine("Oosterpolder is tevreden.", 4, 4, "Oosterpolder is tevreden."),
             VisualLine("- Nee.", 0, 4, "Nee.")]
    text, pages = paragraphs([lines])
    assert (text, pages) == ("Vraag 1:\n\nVVD\n\n- Het warmtenet in de Oosterpolder ligt op schema en de Oosterpolder "
                             "is tevreden.\n- Nee.\n", (1,))


@pytest.mark.parametrize("bullet", ["\uf0b7", "\uf0a7", "\x7f"])
def test_a_bullet_from_a_symbol_font_is_a_bullet_and_its_wrapped_line_joins(bullet):
    """Word's Symbol bullet comes out of a PDF as U+F0B7 (a private-use character), a
    font without a bullet name as U+007F: either starts a list item, and the line it
    wraps onto is part of it."""
    layout = (f"Kernboodschap\n\n{bullet}   In 2024 zijn 1.240 sociale huurwoningen opgeleverd, waarvan 180 in\n"
              f"    Molenwijk.\n{bullet}   De bouw loopt volgens planning.\n")
    marker = "▪" if bullet == "\uf0a7" else "•"
    assert paragraphs([page_lines(layout)]) == (
        f"Kernboodschap\n\n{marker} In 2024 zijn 1.240 sociale huurwoningen opgeleverd, waarvan 180 in Molenwijk.\n"
        f"{marker} De bouw loopt volgens planning.\n", (1,))


# ---- PDFs that cannot be checked ---------------------------------------------------------

def _encrypted(user_password: str) -> bytes:
    out = io.BytesIO()
    c = canvas.Canvas(out, encrypt=StandardEncryption(user_password, ownerPassword="eigenaar", canCopy=0))
    c.drawString(50, 500, "Het warmtenet ligt op schema. TODO")
    c.showPage()
    c.save()
    return out.getvalue()


def test_unreadable_pdfs_are_read_errors_and_the_rest_is_checked(tmp_path):
    good = render(GOOD).pdf
    write_set(tmp_path, {
        "good.txt": GOOD,
        "scan.pdf": raw_pdf([b"0 0 m 100 100 l S 10 10 200 200 re f"]),  # drawn shapes, no text
        "geheim.pdf": _encrypted("geheim"),
        "alleen-eigenaar.pdf": _encrypted(""),  # an owner password only: opens, is checked
        "kapot.pdf": b"%PDF-1.4\n" + bytes(range(256)) * 20,
        "afgebroken.pdf": good[:len(good) // 2],
        "bom.pdf": raw_pdf([b"BT /F1 10 Tf 50 500 Td (x) Tj ET " + b" " * 30_000_000], compress=True),
        "dik.pdf": raw_pdf([b"BT /F1 10 Tf 50 500 Td (x) Tj ET"] * 501),
        "leeg.pdf": b"",
    })
    result = run(["check", ".", "--format", "json", "--message-language", "en"], cwd=tmp_path)
    assert result.exit_code == 1
    assert result.stderr == ""  # pypdf's warnings about the damaged files stay quiet
    found = json.loads(result.stdout)["findings"]
    messages = {f["location"]["path"]: f["message"] for f in found if f["name"] == "read-error"}
    prefix = "This file was not read as it should be: "
    assert messages == {
        "scan.pdf": prefix + NO_TEXT + ".",
        "geheim.pdf": prefix + "the PDF is protected with a password; annolint cannot open it — save it without "
                               "protection to check it.",
        "kapot.pdf": prefix + "the file cannot be read as a PDF (Stream has ended unexpectedly); it may be damaged "
                              "or cut short.",
        "afgebroken.pdf": prefix + "the file cannot be read as a PDF (Stream has ended unexpectedly); it may be "
                                   "damaged or cut short.",
        "bom.pdf": prefix + "page 1 of the PDF holds more than a note's page can (over 8 MB unpacked; a PDF bomb?); "
                            "not checked.",
        "dik.pdf": prefix + "the PDF has 501 pages, more than the 500 a briefing note can have; not checked.",
        "leeg.pdf": prefix + "the file is empty; nothing to check.",
    }
    assert NO_TEXT == ("this PDF has no text layer (a scan?); annolint does not do OCR, so it cannot check it — "
                       "export the note as text or Word, or run OCR first")
    assert sorted(t for t in triples(found) if t[0] != "read-error") == [
        ("document-date", "alleen-eigenaar.pdf", 1), ("placeholder", "alleen-eigenaar.pdf", 1),
        ("placeholder", "good.txt", 7)]
    dutch = json.loads(run(["check", ".", "--format", "json"], cwd=tmp_path).stdout)["findings"]
    assert {f["location"]["path"]: f["message"] for f in dutch if f["name"] == "read-error"}["scan.pdf"] == (
        "Dit bestand kon niet goed worden gelezen: deze pdf heeft geen tekstlaag (een scan?); annolint doet geen "
        "tekstherkenning (OCR) en kan hem dus niet controleren — exporteer de notitie als tekst of Word, of laat er "
        "eerst OCR op los.")
