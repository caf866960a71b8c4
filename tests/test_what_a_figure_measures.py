"""What a figure measures, and which answers answer one question: a statistic, a
row of a breakdown, an item of a report, a field of a record, a change against a
level, a place along a line. Each silent case has a twin that must still be
reported."""

from __future__ import annotations

from conftest import findings, line_of, note, places, write_set

FIGURE, ANSWER = (["--select", r] for r in ("diverging-figure", "inconsistent-answer"))


def rules_at(args: list[str], tmp_path) -> list[tuple[str, str, int]]:
    return [(name, path, line) for name, path, line, _ in places(findings(["check", ".", *args], cwd=tmp_path))]


def test_a_maximum_and_an_average_are_two_quantities(tmp_path):
    text = note("Commissie Zorg, 24 oktober 2024",
                "- De norm die we met de aanbieders afspraken is maximaal 10 weken tussen aanmelding en start.",
                "- De gemiddelde wachttijd tussen aanmelding en start van de hulp was 14 weken.",
                "- De gemiddelde wachttijd tussen aanmelding en start van de hulp was 16 weken.")
    write_set(tmp_path, {"a.txt": text})
    assert rules_at(FIGURE, tmp_path) == [("diverging-figure", "a.txt", line_of(text, "hulp was 16"))]


def test_rows_of_a_breakdown_are_not_one_figure_copied(tmp_path):
    rows = note("Commissie Zorg, 24 oktober 2024", "Naar leeftijd:", "",
                "- 0 tot 12 jaar: 702 kinderen", "- 12 tot 18 jaar: 512 kinderen")
    drift = note("Commissie Zorg, 24 oktober 2024", "Naar leeftijd:", "",
                 "- 0 tot 12 jaar: 702 kinderen", "", "Bijlage", "", "- 0 tot 12 jaar: 720 kinderen")
    write_set(tmp_path, {"a.txt": rows})
    assert rules_at(FIGURE, tmp_path) == []
    write_set(tmp_path, {"a.txt": drift})
    assert rules_at(FIGURE, tmp_path) == [("diverging-figure", "a.txt", line_of(drift, "720 kinderen"))]


def test_the_same_line_under_two_numbered_items_belongs_to_each(tmp_path):
    def report(second: str) -> str:
        return note("Rapport, 3 juni 2019", section="Resultaten") + "\n".join([
            "Onderzoekslocatie 1 op 9 m van het nulpunt:", "", "- Gemiddelde dragende restdiameter 175 mm;", "",
            second, "", "- Gemiddelde dragende restdiameter 184 mm;", ""])
    items = report("Onderzoekslocatie 2 op 26 m van het nulpunt:")
    write_set(tmp_path, {"a.txt": items})
    assert rules_at(FIGURE, tmp_path) == []
    summary = report("Samenvatting van de inspectie:")
    write_set(tmp_path, {"a.txt": summary})
    assert rules_at(FIGURE, tmp_path) == [("diverging-figure", "a.txt", line_of(summary, "184 mm"))]


def test_one_field_twice_in_a_note_is_two_records(tmp_path):
    sites = note("Locatieonderzoek, 23 juni 2022", "A: Parkeerplaats Noord", "",
                 "Afstand centrumzone: circa 50 meter tot de rand", "",
                 "B: Boulevard", "", "Afstand centrumzone: circa 400 meter tot de rand")
    write_set(tmp_path, {"a.txt": sites})
    assert rules_at(FIGURE, tmp_path) == []
    prose = note("Locatieonderzoek, 23 juni 2022", "A: Parkeerplaats Noord", "",
                 "Afstand centrumzone: circa 50 meter tot de rand", "",
                 "- De afstand tot de centrumzone is circa 80 meter tot de rand.")
    write_set(tmp_path, {"a.txt": prose})
    assert rules_at(FIGURE, tmp_path) == [("diverging-figure", "a.txt", line_of(prose, "circa 80"))]


def test_a_change_is_not_a_level(tmp_path):
    level = note("Staf, 12 januari 2026", "- Met De Wissel en Paviljoen Zuid zitten we op 240 plekken.")
    change = note("Commissie, 25 september 2025",
                  "- We onderzoeken een uitbreiding van Paviljoen Zuid met ongeveer 40 plekken.")
    drift = note("Commissie, 12 januari 2026", "- Met De Wissel en Paviljoen Zuid zitten we op 250 plekken.")
    write_set(tmp_path, {"a.txt": level, "b.txt": change})
    assert rules_at(FIGURE, tmp_path) == []
    write_set(tmp_path, {"c.txt": drift})
    assert rules_at(FIGURE, tmp_path) == [("diverging-figure", "c.txt", line_of(drift, "250 plekken"))]


def test_a_place_along_a_line_and_figures_given_respectively_are_not_one_quantity(tmp_path):
    text = note("Inspectie, 11 september 2018",
                "- Op 18 meter vanaf het O-punt zijn twee planken van de werkvloer verzakt.",
                "- Op 20 meter vanaf het O-punt bevindt zich een schade in de werkvloer.",
                "- De monsters 1, 2 en 3 zijn in een buitenste schil van respectievelijk 19, 20 en 28 mm aangetast.",
                "- De buitenste schil van deze palen is over 12 mm aangetast.")
    write_set(tmp_path, {"a.txt": text})
    assert rules_at(FIGURE, tmp_path) == []
    # the twin: a length that is a quantity, written twice with two values
    lengths = note("Inspectie, 11 september 2018",
                   "- Over een lengte van 18 meter zijn de planken van de werkvloer verzakt.", "",
                   "Samenvatting", "",
                   "- Over een lengte van 20 meter zijn de planken van de werkvloer verzakt.")
    write_set(tmp_path, {"a.txt": lengths})
    assert rules_at(FIGURE, tmp_path) == [("diverging-figure", "a.txt", line_of(lengths, "20 meter"))]


def test_questions_about_two_named_places_are_two_questions(tmp_path):
    first = note("Raad, 16 april 2025", "Vraag en antwoord", "",
                 "1. Komt er beveiliging bij de opvanglocatie?", "",
                 "- Ja. Het COA zet bij De Wissel dag en nacht beveiliging in.", section="Achtergrond")
    other = note("Commissie, 5 februari 2026", "Vraag en antwoord", "",
                 "1. Komt er beveiliging bij de opvanglocatie op Dokkersveld?", "",
                 "- Nee. Dokkersveld is een gewone woonbuurt met een beheerder.", section="Achtergrond")
    same = note("Raad, 11 maart 2026", "Vraag en antwoord", "",
                "1. Komt er beveiliging bij de opvanglocatie De Wissel?", "",
                "- Nee. Bij De Wissel is geen beveiliging.", section="Achtergrond")
    write_set(tmp_path, {"a.txt": first, "b.txt": other})
    assert rules_at(ANSWER, tmp_path) == []
    write_set(tmp_path, {"c.txt": same})
    assert rules_at(ANSWER, tmp_path) == [("inconsistent-answer", "c.txt", line_of(same, "- Nee"))]


def test_a_copied_answer_with_two_dates_pairs_them_by_position(tmp_path):
    answer = "- De eerste rapportage over Q1 2026 verschijnt eind april 2026."
    a = note("Raad, 30 oktober 2025", "Vraag en antwoord", "",
             "1. Hoe houdt de raad zicht op de nieuwe contracten?", "", answer, section="Achtergrond")
    b = a.replace("30 oktober", "6 november")
    write_set(tmp_path, {"a.txt": a, "b.txt": b})
    assert rules_at(ANSWER, tmp_path) == []
    moved = a.replace("30 oktober", "13 november").replace("eind april 2026", "eind mei 2026")
    write_set(tmp_path, {"c.txt": moved})
    assert rules_at(ANSWER, tmp_path) == [("inconsistent-answer", "c.txt", line_of(moved, "eind mei"))]


def test_a_copied_vague_figure_with_another_number_was_rewritten(tmp_path):
    text = note("Raad, 26 september 2024",
                "- Aan de bewonersavond deden ongeveer 60 bewoners mee.", "",
                "Vraag en antwoord", "",
                "- Aan de bewonersavond deden ongeveer 72 bewoners mee.",
                "- De klankbordgroep telt ca. 240 leden; precies zijn het er 243 leden volgens de lijst.")
    write_set(tmp_path, {"a.txt": text})
    assert rules_at(FIGURE, tmp_path) == [("diverging-figure", "a.txt", line_of(text, "ongeveer 72"))]


def test_a_count_by_a_reference_day_is_not_the_total_of_its_period(tmp_path):
    september = note("Staf Wonen, 8 september 2025",
                     "- Stand per 1 september 2025: in het tweede halfjaar zijn 29 starters gehuisvest.")
    january = note("Staf Wonen, 12 januari 2026",
                   "- In het tweede halfjaar van 2025 hebben we ruim 110 starters gehuisvest.")
    february = note("Commissie Wonen, 5 februari 2026",
                    "- In het tweede halfjaar van 2025 zijn 112 starters gehuisvest.")
    march = note("Commissie Wonen, 11 maart 2026",
                 "- In de tweede helft van 2025 hebben we 118 starters gehuisvest.")
    write_set(tmp_path, {"a.txt": september, "b.txt": january, "c.txt": february, "d.txt": march})
    # the half year's total in other words ("tweede helft" / "tweede halfjaar"): one shared
    # word besides the period will do; "ruim 110" agrees with both 112 and 118 and does not
    # make them one value; the 29 counted by 1 September is another quantity
    assert rules_at(FIGURE, tmp_path) == [("diverging-figure", "d.txt", line_of(march, "118"))]


def test_a_figure_without_its_day_gives_the_latest_reading_of_its_note(tmp_path):
    october = note("Commissie Zorg, 24 oktober 2024",
                   "- 42% van de kinderen op de wachtlijst wacht langer dan de norm van tien weken.")
    november = note("Gemeenteraad, 7 november 2024",
                    "- Bijna de helft van de kinderen op de wachtlijst (47%) wacht langer dan de norm van tien weken "
                    "(peildatum 1 september 2024).")
    july = note("Commissie Zorg, 10 juli 2025",
                "- 38% van de kinderen op de wachtlijst wacht langer dan de norm van tien weken.")
    write_set(tmp_path, {"a.txt": october, "b.txt": november, "c.txt": july})
    # October's 42% is the reading of 1 September its note knew; July's 38% is a later one
    assert rules_at(FIGURE, tmp_path) == [("diverging-figure", "b.txt", line_of(november, "47%"))]


def test_digits_swapped_are_a_slip_even_in_other_words(tmp_path):
    march = note("Staf Wonen, 10 maart 2025",
                 "- Onder de provinciale afspraak heeft de gemeente een opgave van 285 opvangplekken.",
                 "- De totale waarde van de contracten is € 312 mln voor vier jaar.",
                 "- In de aanbesteding gaat het om contracten van in totaal € 321 mln over vier jaar.",
                 "- In de wijk zijn 124 huurwoningen gebouwd.")
    january = note("Staf Wonen, 12 januari 2026",
                   "- Onze opgave onder de provinciale afspraak blijft 258 plekken.",
                   "- In de wijk zijn 142 woningen verkocht.")
    write_set(tmp_path, {"a.txt": march, "b.txt": january})
    # 258 "plekken" retypes 285 "opvangplekken"; 321 against 312 in one note on one word
    # ("contracten"); 142 sold homes are no 124 built rental homes (other words, and the
    # compound counts other things)
    assert rules_at(FIGURE, tmp_path) == [("diverging-figure", "a.txt", line_of(march, "321")),
                                          ("diverging-figure", "b.txt", line_of(january, "258"))]


def test_a_value_between_notes_of_the_other_value_is_no_update(tmp_path):
    notes = {
        "a.txt": note("Staf Wonen, 19 mei 2025",
                      "- De corporatie verhuurt maximaal 20% van de vrijkomende sociale huurwoningen aan starters."),
        "b.txt": note("Staf Wonen, 3 september 2025",
                      "- De corporatie wijst maximaal een kwart van de sociale huurwoningen toe aan starters."),
        "c.txt": note("Commissie Wonen, 6 november 2025",
                      "- Maximaal 20% van de vrijkomende woningen verhuurt de corporatie aan starters."),
    }
    write_set(tmp_path, notes)
    # September's quarter is matched with May's sentence only (November's is worded too
    # differently), but November, matched with May, still gives 20%: not an update
    assert rules_at(FIGURE, tmp_path) == [("diverging-figure", "b.txt", line_of(notes["b.txt"], "een kwart"))]


def test_the_day_an_amount_was_decided_is_not_its_period(tmp_path):
    july = note("Gemeenteraad, 3 juli 2025",
                "- Het krediet van € 4,2 mln voor de herinrichting van het Havenplein stelt de raad op 3 juli "
                "beschikbaar.",
                "- Stand per 1 juli 2025: op de reserve staat € 2,1 mln.")
    november = note("Gemeenteraad, 6 november 2025",
                    "- Het krediet van 4,6 miljoen euro voor de herinrichting van het Havenplein is in juli door de "
                    "raad beschikbaar gesteld.",
                    "- Stand per 1 november 2025: op de reserve staat € 1,8 mln.")
    write_set(tmp_path, {"a.txt": july, "b.txt": november})
    found = findings(["check", ".", "--select", "changed-figure,diverging-figure"], cwd=tmp_path)
    # the credit decided on 3 July and "in juli" is one amount, told otherwise in November;
    # the reserve "stand per" two days is two readings
    assert places(found) == [("changed-figure", "b.txt", line_of(november, "4,6 miljoen"),
                              [("a.txt", line_of(july, "4,2 mln"))])]
