"""What a date dates: schedule items, denied dates, questions, letters of one kind,
the same sentence about two things, and sentences broken by the page. Each silent
case has a twin that must still be reported."""

from __future__ import annotations

from annolint.config import Config
from annolint.engine import load_setup
from annolint.sources import RawSource
from annolint.structure import parse_document
from conftest import findings, line_of, note, places, write_set

LEXICON = load_setup(Config()).lexicon
DATE, STALE, SHIFT = (["--select", r] for r in ("conflicting-date", "stale-commitment", "shifted-deadline"))


def rules_at(args: list[str], tmp_path) -> list[tuple[str, str, int]]:
    return [(name, path, line) for name, path, line, _ in places(findings(["check", ".", *args], cwd=tmp_path))]


AGENDA = ("- Commissie Zorg 10 april 2025: stand van zaken wachtlijsten.",
          "- Commissie Zorg 22 mei 2025: jaarrekening 2024.",
          "- Commissie Zorg 19 juni 2025: voortgang inkoop jeugdhulp 2026.")


def test_the_items_of_a_schedule_are_their_own_events(tmp_path):
    text = note("Staf, 17 maart 2025",
                "- Een eerste beeld van de wachtlijsten volgt in de commissie Zorg van 10 april.", "",
                "Termijnagenda", "", *AGENDA)
    write_set(tmp_path, {"a.txt": text})
    assert rules_at(DATE, tmp_path) == []
    # the twin: the same reference twice in prose, with two dates
    prose = note("Staf, 17 maart 2025",
                 "- Een eerste beeld van de wachtlijsten volgt in de commissie Zorg van 10 april.",
                 "- De cijfers over de wachtlijsten bespreken we in de commissie Zorg van 22 mei.")
    write_set(tmp_path, {"a.txt": prose})
    assert rules_at(DATE, tmp_path) == [("conflicting-date", "a.txt", line_of(prose, "22 mei"))]


def test_a_schedule_item_moved_in_a_later_copy_is_reported(tmp_path):
    first = note("Staf, 17 maart 2025", "Termijnagenda", "", *AGENDA)
    later = note("Staf, 31 maart 2025", "Termijnagenda", "", AGENDA[0], AGENDA[1],
                 "- Commissie Zorg 3 juli 2025: voortgang inkoop jeugdhulp 2026.")
    write_set(tmp_path, {"1.txt": first, "2.txt": later})
    assert rules_at(SHIFT, tmp_path) == [("shifted-deadline", "2.txt", line_of(later, "3 juli 2025"))]


def test_past_items_of_a_timeline_are_not_stale_promises(tmp_path):
    text = note("Commissie Zorg, 19 juni 2025", "Tijdlijn", "",
                "- 7 oktober 2024       start inkooptraject",
                "- 21 november 2024     marktconsultatie met de aanbieders",
                "- 23 januari 2025      bespreking nota van uitgangspunten", "",
                "- De evaluatie sturen we voor de zomer 2024 naar de raad.")
    write_set(tmp_path, {"a.txt": text})
    assert rules_at(STALE, tmp_path) == [("stale-commitment", "a.txt", line_of(text, "voor de zomer 2024"))]


def test_a_date_the_note_denies_and_corrects_is_no_moved_promise(tmp_path):
    first = note("Commissie Wonen, 3 juli 2025",
                 "- De eerste bewoners wonen naar verwachting in december 2025 op Dokkersveld.")
    corrected = note("Commissie Wonen, 1 oktober 2025",
                     "- Daardoor wonen de eerste bewoners niet in december maar in februari 2026 op Dokkersveld.")
    moved = note("Commissie Wonen, 5 november 2025",
                 "- De eerste bewoners wonen naar verwachting in maart 2026 op Dokkersveld.")
    write_set(tmp_path, {"1.txt": first, "2.txt": corrected})
    assert rules_at(SHIFT, tmp_path) == []
    write_set(tmp_path, {"3.txt": moved})
    assert rules_at(SHIFT, tmp_path) == [("shifted-deadline", "3.txt", line_of(moved, "maart 2026"))]


def test_a_question_claims_no_date(tmp_path):
    text = note("Raadsvergadering, 10 maart 2021",
                "Klopt het dat alleen in 2019 een correctie voor de marktwerking is opgenomen? "
                "De evaluatie sturen we in 2020 naar de raad.")
    write_set(tmp_path, {"a.txt": text})
    assert rules_at(STALE, tmp_path) == [("stale-commitment", "a.txt", line_of(text, "Klopt het"))]
    got = findings(["check", ".", *STALE], cwd=tmp_path)
    assert [f["message"].split("'")[1] for f in got] == ["in 2020"]


def test_letters_the_note_lists_with_several_dates_are_a_kind_not_one_letter(tmp_path):
    text = note("Raadsbrief, 12 oktober 2021",
                "- Zie de raadsbrief d.d. 3 november 2020 over de binnenstad.",
                "- Eerdere brieven over de binnenstad: brief d.d. 17 december 2021 (uitvoeringsprogramma); "
                "brief d.d. 9 juni 2021 (tussentijdse raadsbrief binnenstad).")
    write_set(tmp_path, {"a.txt": text})
    assert rules_at(DATE, tmp_path) == []
    # the twin: one letter named twice, with two dates
    one = note("Raadsbrief, 12 oktober 2021",
               "- Zie de raadsbrief d.d. 3 november 2020 over de binnenstad.",
               "- In de raadsbrief d.d. 9 juni 2021 over de binnenstad staat de planning.")
    write_set(tmp_path, {"a.txt": one})
    assert rules_at(DATE, tmp_path) == [("conflicting-date", "a.txt", line_of(one, "9 juni 2021"))]


def test_a_letter_about_another_topic_is_another_letter(tmp_path):
    other = note("Staf, 17 maart 2025",
                 "- Op de raadsinformatiebrief over de wachtlijsten van 28 januari 2025 kwamen vragen van de SP.",
                 "- De raad wordt met een raadsinformatiebrief op 18 maart 2025 over de reorganisatie geïnformeerd.")
    same = note("Staf, 17 maart 2025",
                "- Op de raadsinformatiebrief over de wachtlijsten van 28 januari 2025 kwamen vragen van de SP.",
                "- Sinds de raadsinformatiebrief over de wachtlijsten van 4 februari 2025 is de wachtlijst korter.")
    write_set(tmp_path, {"a.txt": other})
    assert rules_at(DATE, tmp_path) == []
    write_set(tmp_path, {"a.txt": same})
    assert rules_at(DATE, tmp_path) == [("conflicting-date", "a.txt", line_of(same, "4 februari 2025"))]


def test_the_same_sentence_about_two_named_things_is_not_one_copy(tmp_path):
    two = note("Rapport, 11 februari 2020",
               "- Vigerend bestemmingsplan Sloterdijk, gemeente Amsterdam, onherroepelijk (vastgesteld 2013-07-03).",
               "- Vigerend bestemmingsplan Boven 't Y, gemeente Amsterdam, onherroepelijk (vastgesteld 2018-02-14).")
    one = note("Rapport, 11 februari 2020",
               "- Vigerend bestemmingsplan Sloterdijk, gemeente Amsterdam, onherroepelijk (vastgesteld 2013-07-03).",
               "- Vigerend bestemmingsplan Sloterdijk, gemeente Amsterdam, onherroepelijk (vastgesteld 2018-02-14).")
    write_set(tmp_path, {"a.txt": two})
    assert rules_at(DATE, tmp_path) == []
    write_set(tmp_path, {"a.txt": one})
    assert rules_at(DATE, tmp_path) == [("conflicting-date", "a.txt", line_of(one, "2018-02-14"))]


def test_a_note_dated_from_its_text_is_never_the_earlier_one(tmp_path):
    dated = note("Staf, 8 september 2025",
                 "- Het gesprek met de bezwaarmakers van Dokkersveld is gepland op 15 september 2025.")
    guessed = "\n".join(["CONCEPT", "", "Annotatie bezwaar Dokkersveld", "",
                         "- Op 3 september 2025 hebben omwonenden bezwaar gemaakt.",
                         "- Het gesprek met de bezwaarmakers van Dokkersveld is gepland op 29 september 2025.", ""])
    write_set(tmp_path, {"a.txt": dated, "b.txt": guessed})
    assert rules_at(SHIFT, tmp_path) == []
    # the twin: the same note with its meeting date in the header is the earlier one
    stated = guessed.replace("Annotatie bezwaar Dokkersveld", "Staf, 1 september 2025")
    write_set(tmp_path, {"b.txt": stated})
    assert rules_at(SHIFT, tmp_path) == [("shifted-deadline", "a.txt", line_of(dated, "15 september"))]


def test_a_line_broken_at_the_right_margin_continues_its_sentence():
    filler = "Dit is een regel tekst uit een gescande brief die tot aan de rechterkantlijn loopt, zoals"
    lines = ["Notulen raadsvergadering", "", "Kernboodschap", ""] + [filler] * 20 + ["Klopt het dan dat alleen in 2019 een correctie voor de marktwerking in de stad",
                             "Amsterdam is opgenomen? Dat vraag ik de wethouder.", "",
                             "Kort.", "Amsterdam blijft een nieuwe alinea na een afgesloten zin."]
    doc = parse_document(RawSource("notulen.txt", "\n".join(lines) + "\n", "utf-8"), LEXICON)
    texts = [b.text for b in doc.blocks]
    assert any(t.endswith("marktwerking in de stad Amsterdam is opgenomen? Dat vraag ik de wethouder.")
               for t in texts)
    assert "Amsterdam blijft een nieuwe alinea na een afgesloten zin." in texts


def test_an_owner_tag_and_a_baseline_year_say_nothing_about_the_subject(tmp_path):
    earlier = note("Raad, 3 juli 2025",
                   "- De eerste bewoners wonen naar verwachting in december 2025 op Dokkersveld.",
                   "- Het budget voor 2025 is 81 miljoen euro. Dat is fors meer dan in 2024.")
    actions = note("Staf, 8 september 2025", "Actiepunten", "",
                   "- Gesprek met de bezwaarmakers Dokkersveld: gepland op 15 september (Wonen).")
    moved = note("Staf, 15 september 2025",
                 "- De eerste bewoners wonen naar verwachting in februari 2026 op Dokkersveld.")
    write_set(tmp_path, {"1.txt": earlier, "2.txt": actions})
    assert rules_at(SHIFT, tmp_path) == []
    write_set(tmp_path, {"3.txt": moved})
    assert rules_at(SHIFT, tmp_path) == [("shifted-deadline", "3.txt", line_of(moved, "februari 2026"))]


def test_a_figure_changed_with_its_date_is_another_period_not_a_moved_promise(tmp_path):
    first = note("Commissie, 27 maart 2025", "- De taakstelling voor het eerste halfjaar van 2025 is 96 statushouders.")
    second = note("Staf, 8 september 2025", "- De taakstelling voor het tweede halfjaar van 2025 is 104 statushouders.")
    moved = note("Staf, 15 september 2025", "- De taakstelling voor het tweede halfjaar van 2026 is 104 statushouders.")
    write_set(tmp_path, {"1.txt": first, "2.txt": second})
    assert rules_at(SHIFT, tmp_path) == []
    write_set(tmp_path, {"3.txt": moved})
    assert rules_at(SHIFT, tmp_path) == [("shifted-deadline", "3.txt", line_of(moved, "tweede halfjaar van 2026"))]


def test_two_starts_of_one_thing_conflict_though_open_ended_periods_overlap(tmp_path):
    text = note("Raad, 11 maart 2026",
                "- Sinds 13 oktober 2025 wonen er asielzoekers in De Wissel.",
                "- De klankbordgroep is sindsdien drie keer bijeengekomen.", "",
                "Vraag en antwoord", "",
                "- Sinds 13 oktober 2026 wonen er asielzoekers in De Wissel.")
    write_set(tmp_path, {"a.txt": text})
    assert rules_at(DATE, tmp_path) == [("conflicting-date", "a.txt", line_of(text, "13 oktober 2026"))]


def test_a_deadline_is_its_end_and_a_moved_end_is_a_shift(tmp_path):
    first = note("Commissie Wonen, 3 maart 2025",
                 "- De brief over een tweede locatie ontvangt de raad voor 1 november 2025.",
                 "- Het Uitvoeringsplan Warmte is uiterlijk eind 2025 klaar.",
                 "- De evaluatie van de Woonwijzer sturen we voor de zomer 2025 naar de raad.")
    later = note("Commissie Wonen, 10 maart 2025",
                 "- De brief over een tweede locatie ontvangt de raad voor 1 december 2025.",
                 "- Het Uitvoeringsplan Warmte is uiterlijk eind 2026 klaar.",
                 "- De evaluatie van de Woonwijzer sturen we voor 1 juli 2025 naar de raad.")
    write_set(tmp_path, {"a.txt": first, "b.txt": later})
    found = findings(["check", ".", *SHIFT], cwd=tmp_path)
    assert [(n, p, line) for n, p, line, _ in places(found)] == [
        ("shifted-deadline", "b.txt", line_of(later, "1 december")),
        ("shifted-deadline", "b.txt", line_of(later, "eind 2026"))]
    assert "ongeveer 4 weken later" in found[0]["message"] and "ongeveer 12 maanden later" in found[1]["message"]


def test_a_short_schedule_item_is_its_own_copy(tmp_path):
    items = ("- Commissie Zorg 5 februari 2026: voortgang huisvesting.", "- Gemeenteraad 11 maart 2026: vragenuur.",
             "- Bestuurlijk overleg: 12 maart 2026, ondertekening prestatieafspraken.")
    first = note("Staf, 12 januari 2026", "Termijnagenda", "", *items)
    later = note("Staf, 19 januari 2026", "Termijnagenda", "", items[0],
                 "- Gemeenteraad 11 april 2026: vragenuur.", items[2])
    write_set(tmp_path, {"1.txt": first, "2.txt": later})
    assert rules_at(SHIFT, tmp_path) == [("shifted-deadline", "2.txt", line_of(later, "11 april 2026"))]


def test_a_note_without_a_date_still_compares_its_own_dates(tmp_path):
    text = "\n".join(["Annotatie voor wethouder Jansen", "", "Kernboodschap", "",
                      "- Op 4 november is de eerste fase van het warmtenet opgeleverd aan de stichting.",
                      "- Bewoners kunnen met vragen terecht bij het loket.", "",
                      "Achtergrond", "",
                      "- Op 11 november is de eerste fase van het warmtenet opgeleverd aan de stichting.", ""])
    write_set(tmp_path, {"a.txt": text})
    found = findings(["check", ".", *DATE], cwd=tmp_path)
    assert rules_at(DATE, tmp_path) == [("conflicting-date", "a.txt", line_of(text, "11 november"))]
    assert found[0]["message"].startswith(
        "Twee datums voor hetzelfde: hier staat 'Op 11 november' (jaar onbekend: de notitie heeft geen datum), maar "
        "'Op 4 november' (jaar onbekend: de notitie heeft geen datum) eerder in deze notitie.")
