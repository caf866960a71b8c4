"""The model behind precision: which text is prose, what a figure measures, what a
date dates. Each case has a twin that must still be reported, so that a rule that
went silent everywhere would fail here."""

from __future__ import annotations

from pathlib import Path

from annolint.config import Config
from annolint.engine import load_setup
from annolint.sources import RawSource
from annolint.structure import parse_document
from conftest import findings, line_of, note, places, write_set

LEXICON = load_setup(Config()).lexicon
FIGURE, DATE, STALE, SHIFT = (["--select", r] for r in ("diverging-figure", "conflicting-date",
                                                          "stale-commitment", "shifted-deadline"))


def registers(text: str, name: str = "a.txt") -> dict[int, str]:
    doc = parse_document(RawSource(name, text, "utf-8"), LEXICON)
    return {b.line: b.register for b in doc.blocks}


def test_record_fields_logs_tables_and_debris_are_not_prose():
    text = "\n".join([
        "Melding", "",
        "Gemeld op : 01-02-2020 00:42", "",
        "Stadsdeel : Zuid", "",
        "Verzonden: dinsdag 12 juni 2018 10:10", "",
        "Paal 2 2 160 Goed 25 mm 3.3 1.7 57 50", "",
        "| A ‚ : ‘ kat À | Bt = ES", "",
        "Start nieuwe contracten: 1 januari 2026", "",
        "De raad heeft op 3 maart 2024 het plan vastgesteld.", ""])
    got = registers(text)
    assert [got[line_of(text, s)] for s in ("Gemeld op", "Stadsdeel", "Verzonden", "Paal 2", "kat À",
                                             "Start nieuwe", "De raad heeft")] == \
        ["form", "form", "log", "table", "debris", "prose", "prose"]


def test_lines_opening_alike_with_a_number_are_a_log():
    entries = [f"Gewijzigd op {d}-03-2022 om Status gewijzigd naar: {s}"
               for d, s in (("05", "Gemeld"), ("09", "In behandeling"), ("13", "Afgehandeld"))]
    text = "\n\n".join(["Geschiedenis", *entries, "Op 5 maart 2022 is de melding gedaan."]) + "\n"
    got = registers(text)
    assert [got[line_of(text, e)] for e in entries] == ["log"] * 3
    assert got[line_of(text, "Op 5 maart")] == "prose"


def test_a_status_log_gives_no_dates_to_compare_but_a_copied_sentence_does(tmp_path):
    log = "\n".join(f"- Gewijzigd op {d}-06-2020 om Status gewijzigd naar: Open" for d in ("13", "15", "16"))
    twin = note("Commissie Wonen, 3 maart 2024",
                "- De raad is in de raadsbrief van 28 maart 2024 geïnformeerd over de kosten.",
                "- Sinds de raadsbrief van 18 maart 2024 zijn de kosten niet veranderd.")
    write_set(tmp_path, {"log.txt": note("Commissie Wonen, 3 maart 2024", log), "brief.txt": twin})
    assert places(findings(["check", ".", *DATE], cwd=tmp_path)) == [
        ("conflicting-date", "brief.txt", line_of(twin, "18 maart"), [("brief.txt", line_of(twin, "28 maart"))])]


def test_item_numbers_and_identifiers_are_not_figures(tmp_path):
    text = note("Commissie Wonen, 3 maart 2024",
                "- Monster 1 heeft een aantasting van 28 mm.",
                "- Monster 2 heeft een aantasting van 19 mm.",
                "- Zie Meldingen-1282290 en zaak 20211214 voor de 3 klachten.",
                "- Zie Meldingen-520204 en zaak 20200627 voor de 3 klachten.",
                "- Er zijn 1.200 woningen aangesloten.",
                "- Er zijn 1.250 woningen aangesloten.")
    write_set(tmp_path, {"a.txt": text})
    assert places(findings(["check", ".", *FIGURE], cwd=tmp_path)) == [
        ("diverging-figure", "a.txt", line_of(text, "1.250"), [("a.txt", line_of(text, "1.200"))])]


def test_figures_of_different_places_or_beside_an_average_are_different_quantities(tmp_path):
    text = note("Commissie Wonen, 3 maart 2024",
                "- In Noordwijk staan 312 kinderen op de wachtlijst voor jeugdhulp.",
                "- In Oosterveld staan 264 kinderen op de wachtlijst voor jeugdhulp.",
                "- Bij het Zuidcollege ligt het aandeel 8% boven het gemiddelde van 32%.",
                "- Het gemiddelde aandeel van de scholen is 32%.",
                "- Op de wachtlijst voor jeugdhulp staan in Noordwijk nu 321 kinderen.")
    write_set(tmp_path, {"a.txt": text})
    assert places(findings(["check", ".", *FIGURE], cwd=tmp_path)) == [
        ("diverging-figure", "a.txt", line_of(text, "321"), [("a.txt", line_of(text, "312"))])]


def test_quoted_words_are_not_the_notes_own_claims(tmp_path):
    a = note("Commissie Wonen, 3 maart 2024", "- Het antwoord was: “U hoort binnen 5 werkdagen wat wij doen.”",
             "- Wij reageren binnen 5 werkdagen op elke klacht.")
    b = note("Commissie Wonen, 3 maart 2024", "- Het antwoord was: “U hoort binnen 3 werkdagen wat wij doen.”",
             "- Wij reageren binnen 3 werkdagen op elke klacht.")
    write_set(tmp_path, {"a.txt": a, "b.txt": b})
    assert places(findings(["check", ".", *FIGURE], cwd=tmp_path)) == [
        ("diverging-figure", "b.txt", line_of(b, "Wij reageren"), [("a.txt", line_of(a, "Wij reageren"))])]


def test_reference_dates_and_for_a_year_are_not_stale_promises(tmp_path):
    text = note("Commissie Jeugd, 11 september 2025",
                "- Zoals toegezegd in de commissie van 24 oktober 2024 sturen we het rapport.",
                "- De cijfers per peildatum 1 maart 2025 sturen we u toe.",
                "- Voor 2025 verwachten we een overschrijding van 9 miljoen euro.",
                "- De evaluatie sturen we voor de zomer 2025 naar de raad.")
    write_set(tmp_path, {"a.txt": text})
    assert places(findings(["check", ".", *STALE], cwd=tmp_path)) == [
        ("stale-commitment", "a.txt", line_of(text, "voor de zomer 2025"), [])]


def test_a_move_the_later_note_announces_is_an_update(tmp_path):
    first = note("Commissie Wonen, 18 januari 2024",
                 "- Het Uitvoeringsplan Warmte sturen we voor de zomer 2024 naar de raad.")
    silent = note("Commissie Wonen, 3 oktober 2024",
                  "- Het Uitvoeringsplan Warmte sturen we inmiddels in het voorjaar 2025 naar de raad.")
    moved = note("Commissie Wonen, 5 november 2024",
                 "- Het Uitvoeringsplan Warmte sturen we in het najaar 2025 naar de raad.")
    write_set(tmp_path, {"1.txt": first, "2.txt": silent, "3.txt": moved})
    got = places(findings(["check", ".", *SHIFT], cwd=tmp_path))
    assert [(name, path, line) for name, path, line, _ in got] == [
        ("shifted-deadline", "3.txt", line_of(moved, "najaar 2025"))]


def test_a_full_date_in_the_file_name_dates_the_note_before_its_text():
    text = "Conceptbrief\n\nCommissie Wonen, 3 maart 2023\n\nKernboodschap\n\n- De brief gaat naar de raad.\n"
    for name, date in (("conceptbrief_12_mei_2023.txt", "2023-05-12"), ("20230607_memo.txt", "2023-06-07"),
                       ("memo.txt", "2023-03-03")):
        doc = parse_document(RawSource(name, text, "utf-8"), LEXICON)
        assert doc.date.date.isoformat() == date, name
    letterhead = parse_document(RawSource("brief.txt", "Amsterdam, 7 november 2022\n\nGeachte heer,\n", "utf-8"),
                                LEXICON)
    assert (letterhead.date.source, letterhead.date.assumed) == ("opening-lines", True)


