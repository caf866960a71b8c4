"""The reader: every structural form of the seed notes, and the same forms in fixtures."""


import datetime as dt

from annolint.config import Config
from annolint.engine import load_setup
from annolint.sources import RawSource, read_source
from annolint.structure import parse_document
from conftest import SEEDS, needs_seeds

LEXICON = load_setup(Config()).lexicon


def parse(text: str, path: str = "note.txt"):
    return parse_document(RawSource(path, text, "utf-8"), LEXICON)


def seed(prefix: str):
    path = next(SEEDS.glob(prefix + "*.txt"))
    return parse_document(read_source(path, path.name), LEXICON)


def test_numbered_questions_answers_askers_and_joins():
    doc = parse(
        "Annotatie voor wethouder Jansen\n\nCommissie Bestuur, 4 maart 2024\n\nVraag en antwoord\n\n"
        "1. Is het onderzoek klaar\n\nen openbaar?\n\n- Ja, het is klaar. De commissie heeft\n\n"
        "gesproken met 53 personen.\n - o Met bijlage\n\n16.Hoe verder?\n\n- Zie hieronder\n\n"
        "Binnengekomen vragen namens lid Bakker (VVD)\n\n17. Wat kost het?\n\n- 5.1, 2, e weet het.\n")
    assert doc.date.date == dt.date(2024, 3, 4) and doc.date.source == "header"
    assert [(q.number, q.text, q.form) for q in doc.questions] == [
        ("1", "Is het onderzoek klaar en openbaar?", "numbered"),
        ("16", "Hoe verder?", "numbered"), ("17", "Wat kost het?", "numbered")]
    assert str(doc.questions[2].askers[0]) == "Bakker (VVD)"
    first_answer = doc.blocks[doc.questions[0].answer_blocks[0]]
    assert first_answer.text == "Ja, het is klaar. De commissie heeft gesproken met 53 personen."
    assert (first_answer.line, first_answer.end_line) == (11, 13)
    assert first_answer.span(48, 50).line == 13  # "53" lies on the continuation line
    assert doc.blocks[doc.questions[0].answer_blocks[1]].level == 1
    assert [r.text for r in doc.redactions] == ["5.1, 2, e"]
    assert "█████████" in doc.blocks[doc.questions[2].answer_blocks[0]].masked


def test_document_date_order_front_matter_header_file_name_inferred():
    assert parse("---\ndate: 2024-05-01\n---\nCommissie X, 3 oktober 2024\n").date.source == "front-matter"
    assert parse("Annotatie\n\n- niets\n", "2024-06-02_x.txt").date.date == dt.date(2024, 6, 2)
    inferred = parse("Annotatie\n\n- Op 4 juli 2024 en 1 maart 2024 gebeurde het.\n")
    assert (inferred.date.date, inferred.date.source) == (dt.date(2024, 7, 4), "inferred")
    assert parse("Annotatie\n\n- niets\n").date is None


def test_a_date_label_in_the_header_gives_the_notes_date_also_in_a_table_cell_before_it():
    for header in ("Datum: 13 maart 2025", "Datum vergadering | donderdag 13 maart 2025",
                   "Datum\n13 maart 2025", "Commissie\nWonen en Bouwen, 13 maart 2025"):
        date = parse(f"Annotatie voor wethouder Jansen\n{header}\n\nKernboodschap\n\n- Het loopt.\n").date
        assert (date.date, date.source) == (dt.date(2025, 3, 13), "header"), header
    # a long line before the date is no label: the date stays an assumption
    date = parse("Annotatie voor wethouder Jansen over de voortgang van het project\n13 maart 2025\n\n"
                 "Kernboodschap\n\n- Het loopt.\n").date
    assert date.source == "opening-lines"


@needs_seeds
def test_seed_000_numbered_questions_and_stubs():
    doc = seed("000")
    assert doc.date.date == dt.date(2024, 10, 3)
    assert [q.number for q in doc.questions if q.form == "numbered"] == ["1", "2", "3", "4", "5", "6"]
    assert doc.questions[-1].form == "stub" and str(doc.questions[-1].askers[0]) == "D66"
    assert doc.questions[3].text.startswith("Worden er nog stappen genomen")
    assert [doc.blocks[i].text for i in doc.questions[3].answer_blocks] == ["Nee, we weten niet om wie dit gaat."]
    assert any(b.text.endswith("hebben wethouder Groot-Wassink en ik het gesprek met hen gevoerd.") for b in doc.blocks)


@needs_seeds
def test_seed_001_askers_from_section_headings_and_nesting():
    doc = seed("001")
    assert doc.date is None
    assert len(doc.questions) == 20
    assert [str(a) for a in doc.questions[8].askers] == ["Namane (PvdA)"]
    assert [str(a) for a in doc.questions[12].askers] == ["Mangal (DENK)"]
    assert [str(a) for a in doc.questions[15].askers] == ["van Pijpen (GroenLinks)"]
    levels = [b.level for b in doc.blocks if b.kind == "bullet" and 30 <= b.line <= 34]
    assert levels == [0, 1, 2, 1, 1]
    assert "e₃" not in " ".join(b.masked for b in doc.blocks if b.line == 15)


@needs_seeds
def test_seed_002_vraag_forms():
    doc = seed("002")
    assert doc.date.date == dt.date(2024, 9, 18)
    assert [(q.number, q.form) for q in doc.questions] == [("1", "vraag"), ("2", "vraag"), ("3", "vraag"),
                                                           ("4", "vraag"), ("5", "vraag")]
    assert [str(a) for a in doc.questions[0].askers] == ["Partij voor de Dieren", "Kreuger"]
    assert doc.questions[0].text == ("Waren deze verhalen bekend bij de wethouder? "
                                     "Wist de wethouder van deze gevallen en zo nee, waarom niet?")
    assert [str(a) for a in doc.questions[4].askers] == ["Van Pijpen"]
    assert doc.questions[4].text.startswith("Of er nu al beter geregeld is")
    assert len(doc.questions[4].answer_blocks) == 4


@needs_seeds
def test_seed_003_compact_numbering_and_broken_questions():
    doc = seed("003")
    numbers = [q.number for q in doc.questions]
    assert numbers == [str(n) for n in range(1, 66)]
    by_number = {q.number: q for q in doc.questions}
    assert by_number["16"].text == "Hoe zit het bij de verschillende clusters?"
    assert by_number["64"].text.startswith("0 meting, er wordt gezegd")
    assert by_number["20"].text == ("Hoe kan het dat we de aantallen van het Verwey Jonker rapport niet terug "
                                    "zien in de meldingen bij BI en het DRA?")
    assert (by_number["20"].span.line, by_number["20"].span.end_line) == (284, 286)
    assert [str(a) for a in by_number["53"].askers] == ["Khan (Denk)"]
    assert any(r.text == "[redacted]" for r in doc.redactions)


@needs_seeds
def test_seed_004_markdown_agenda():
    doc = seed("004")
    assert doc.date.date == dt.date(2024, 1, 22) and doc.date.text == "22 januari 2024"
    headings = [b.text for b in doc.blocks if b.kind == "heading"]
    assert "**b. Mededeling I&D - Update Verwey Jonker onderzoek**" in headings
    assert [q.text for q in doc.questions] == ["Hoe wilt u hier verder op worden voorbereid?"]
    joined = next(b for b in doc.blocks if b.line == 64)
    assert joined.end_line == 66 and "Daarna spreek" in joined.text
    redaction_lines = {r.span.line for r in doc.redactions}
    assert {9, 10, 11, 12, 13, 19, 59, 66} <= redaction_lines
