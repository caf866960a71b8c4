"""moved-fact: a dated fact that moved between versions of the same sentence, with the
twins that must stay silent."""

from __future__ import annotations

from conftest import findings, line_of, note, places, write_set

RULE = ["--select", "moved-fact"]


def _found(tmp_path, first: str, later: str, rule: str = "moved-fact") -> list[tuple]:
    """Places of ``rule``'s findings in a set of two notes, a.txt and b.txt."""
    write_set(tmp_path, {"a.txt": first, "b.txt": later})
    return places(findings(["check", ".", "--select", rule], cwd=tmp_path))


def test_a_past_event_moved_in_a_later_version_is_reported_with_both_sides(tmp_path):
    first = note("Commissie Wonen, 3 oktober 2024",
                 "- De raadsbrief over de warmtetarieven is op 17 september verstuurd.",
                 "- Sinds 13 oktober 2023 is het loket open.")
    later = note("Commissie Wonen, 10 oktober 2024",
                 "- De raadsbrief over de warmtetarieven is op 17 oktober verstuurd.",
                 "- Sinds 20 november 2023 is het loket open.")
    write_set(tmp_path, {"a.txt": first, "b.txt": later})
    found = findings(["check", ".", *RULE], cwd=tmp_path)
    assert places(found) == [
        ("moved-fact", "b.txt", line_of(later, "17 oktober"), [("a.txt", line_of(first, "17 september"))]),
        ("moved-fact", "b.txt", line_of(later, "20 november"), [("a.txt", line_of(first, "13 oktober"))]),
    ]
    assert found[0]["message"] == (
        "Een feit heeft tussen twee versies een andere datum gekregen: in deze notitie (10 oktober 2024) "
        "staat 'op 17 oktober' (17 oktober 2023), maar in a.txt (3 oktober 2024) stond in dezelfde zin "
        "'op 17 september' (17 september 2024). Betreft: 'De raadsbrief over de warmtetarieven is op 17 "
        "oktober verstuurd'. Wat al gebeurd is, kan niet verschuiven; corrigeer een van beide, of vermeld"
        " in de notitie dat de eerdere datum niet klopte.")


def test_versions_that_agree_promises_periods_frames_and_announced_changes_stay_silent(tmp_path):
    first = note("Commissie Wonen, 3 maart 2024",
                 "- De raadsbrief over de warmtetarieven is op 17 februari verstuurd.",
                 "- De evaluatie sturen we in oktober naar de raad.",
                 "- In 2023 waren er vijf storingen in het warmtenet.",
                 "- De notulen van de vorige staf (10 februari) zijn vastgesteld.",
                 "- Het loket is op 4 januari 2024 geopend.",
                 "Datum 3 maart 2024")
    later = note("Commissie Wonen, 8 september 2024",
                 "- De raadsbrief over de warmtetarieven is op 17 februari verstuurd.",
                 "- De evaluatie sturen we in november naar de raad.",
                 "- In 2024 waren er vijf storingen in het warmtenet.",
                 "- De notulen van de vorige staf (18 augustus) zijn vastgesteld.",
                 "- Het loket is inmiddels op 11 januari 2024 geopend, eerder meldden we 4 januari.",
                 "Datum 8 september 2024")
    assert _found(tmp_path, first, later) == []


def test_a_days_reference_date_moved_while_its_figure_stayed_is_reported(tmp_path):
    first = note("Staf, 12 januari 2026", "- Op 1 januari 2026 woonden 151 asielzoekers in De Wissel.")
    later = note("Staf, 19 januari 2026", "- Op 1 december 2025 woonden 151 asielzoekers in De Wissel.")
    assert _found(tmp_path, first, later) == [
        ("moved-fact", "b.txt", line_of(later, "1 december"), [("a.txt", line_of(first, "1 januari"))])]


def test_an_event_moved_by_the_week_between_two_notes_is_reported_a_weekly_meeting_is_not(tmp_path):
    # The notes are a week apart and the event moved by a week: still an event that
    # moved. The weekly staf in brackets moves with its note: the note's own frame.
    first = note("Staf, 28 november 2024",
                 "- Op 4 november is de eerste fase van het warmtenet opgeleverd aan de stichting.",
                 "- De Woonwijzer heeft in het eerste kwartaal 243 bewoners gesproken.",
                 "- De actiepunten van de vorige staf (21 november) zijn afgehandeld.")
    later = note("Staf, 5 december 2024",
                 "- Op 11 november is de eerste fase van het warmtenet opgeleverd aan de stichting.",
                 "- De Woonwijzer heeft in het derde kwartaal 243 bewoners gesproken.",
                 "- De actiepunten van de vorige staf (28 november) zijn afgehandeld.")
    assert _found(tmp_path, first, later) == [
        ("moved-fact", "b.txt", line_of(later, "11 november"), [("a.txt", line_of(first, "4 november"))]),
        ("moved-fact", "b.txt", line_of(later, "derde kwartaal"), [("a.txt", line_of(first, "eerste kwartaal"))]),
    ]


def test_a_change_cue_copied_with_the_sentence_announces_nothing_new(tmp_path):
    # "inmiddels" in both versions speaks of the award becoming final, not of the date;
    # a cue the later note adds does announce the change.
    first = note("Raad, 30 oktober 2025",
                 "- Op 3 juni 2025 is het convenant met Beekdal getekend.",
                 "- Op 26 september 2025 is de opdracht gegund aan 57 aanbieders. De gunning is inmiddels definitief.")
    later = note("Raad, 6 november 2025",
                 "- Op 10 juni 2025 is het convenant met Beekdal getekend. Eerder meldden we 3 juni; dat was onjuist.",
                 "- Op 26 oktober 2025 is de opdracht gegund aan 57 aanbieders. De gunning is inmiddels definitief.")
    assert _found(tmp_path, first, later) == [
        ("moved-fact", "b.txt", line_of(later, "26 oktober"), [("a.txt", line_of(first, "26 september"))]),
    ]


def test_a_past_fact_moved_into_the_future_in_a_copy_is_reported(tmp_path):
    # The earlier note says it happened; its copy puts it after its own date: the
    # later version is read as a plan, and the event still moved.
    first = note("Staf, 12 januari 2026", "- Op 1 januari 2026 woonden 151 asielzoekers in De Wissel.")
    later = note("Staf, 19 januari 2026", "- Op 1 januari 2027 woonden 151 asielzoekers in De Wissel.")
    assert _found(tmp_path, first, later) == [
        ("moved-fact", "b.txt", line_of(later, "2027"), [("a.txt", line_of(first, "2026 woonden"))])]


def test_a_start_moved_in_a_copied_sentence_is_a_shift_two_measurements_are_not(tmp_path):
    first = note("Raad, 12 februari 2025",
                 "- Stichting Wilgenhof sluit per 1 april 2025 twee crisisgroepen aan de Parkweg.",
                 "- Per 1 november 2024 woonden er 98 asielzoekers in De Wissel.")
    later = note("Raad, 19 februari 2025",
                 "- Stichting Wilgenhof sluit per 1 april 2026 twee crisisgroepen aan de Parkweg.",
                 "- Per 1 januari 2025 verbleven er 157 asielzoekers in De Wissel.")
    assert _found(tmp_path, first, later, "shifted-deadline") == [
        ("shifted-deadline", "b.txt", line_of(later, "1 april 2026"), [("a.txt", line_of(first, "1 april 2025"))])]


def test_a_reference_date_or_a_start_moved_by_the_notes_week_is_reported(tmp_path):
    # "(stand per 1 januari 2026)" names a measurement's day, "sinds 10 januari" an
    # opening's: days, not periods that roll with the note. "raadsinformatiebrief" is
    # a letter, no meeting ("raad" as a whole word is).
    first = note("Staf, 12 januari 2026",
                 "- De achterstand is gedaald van 63 naar 55 personen (stand per 1 januari 2026).",
                 "- Het loket is sinds 10 januari ook op zaterdag open voor vragen.",
                 "- Kennis te nemen van de raadsinformatiebrief van 5 januari 2026 over de opvang.")
    later = note("Staf, 19 januari 2026",
                 "- De achterstand is gedaald van 63 naar 55 personen (stand per 8 januari 2026).",
                 "- Het loket is sinds 17 januari ook op zaterdag open voor vragen.",
                 "- Kennis te nemen van de raadsinformatiebrief van 12 januari 2026 over de opvang.")
    assert _found(tmp_path, first, later) == [
        ("moved-fact", "b.txt", line_of(later, "8 januari"), [("a.txt", line_of(first, "1 januari 2026"))]),
        ("moved-fact", "b.txt", line_of(later, "17 januari"), [("a.txt", line_of(first, "10 januari"))]),
        ("moved-fact", "b.txt", line_of(later, "12 januari 2026"), [("a.txt", line_of(first, "5 januari 2026"))]),
    ]


def test_a_deadline_that_moved_in_a_copied_sentence_is_compared_by_its_end(tmp_path):
    # Two deadlines always overlap as periods; "uiterlijk eind maart" and "uiterlijk
    # medio" name two ends. The same end written otherwise stays silent.
    first = note("Raad, 3 juli 2025",
                 "- Alle 120 units zijn uiterlijk eind maart 2026 opgeleverd.",
                 "- De 24 gezinsunits zijn uiterlijk 31 maart 2026 opgeleverd.")
    later = note("Staf, 12 januari 2026",
                 "- Alle 120 units zijn uiterlijk medio 2026 opgeleverd.",
                 "- De 24 gezinsunits zijn uiterlijk eind maart 2026 opgeleverd.")
    assert _found(tmp_path, first, later) == [
        ("moved-fact", "b.txt", line_of(later, "medio 2026"), [("a.txt", line_of(first, "Alle 120"))])]


def test_a_change_cue_in_the_next_bullet_announces_only_what_that_bullet_speaks_of(tmp_path):
    # "Inmiddels" in the next bullet about energy advice says nothing about the
    # letter; a next bullet that refers back to it ("Dat …") or names it does.
    first = note("Commissie Wonen, 13 februari 2025",
                 "- De raadsbrief over de huurbevriezing is op 17 december verstuurd.",
                 "- Tot nu toe hebben 41 huishoudens energieadvies gehad.")
    unrelated = note("Commissie Wonen, 10 april 2025",
                     "- De raadsbrief over de huurbevriezing is op 7 december verstuurd.",
                     "- Inmiddels hebben 87 huishoudens energieadvies gehad.")
    assert _found(tmp_path / "unrelated", first, unrelated) == [
        ("moved-fact", "b.txt", line_of(unrelated, "7 december"), [("a.txt", line_of(first, "17 december"))])]
    for told in ("- Dat is eerder gemeld als 17 december; inmiddels gecorrigeerd.",
                 "- De datum van de raadsbrief is inmiddels gecorrigeerd."):
        later = note("Commissie Wonen, 10 april 2025",
                     "- De raadsbrief over de huurbevriezing is op 7 december verstuurd.", told)
        assert _found(tmp_path / str(len(told)), first, later) == [], told


def test_two_sentences_alike_but_for_their_figures_are_followed_each(tmp_path):
    lines = ("- Op 1 juli 2025 was de wachtlijst 63 personen.", "- Per 1 januari 2025 was de wachtlijst 38 personen.")
    a = note("Commissie Wonen, 25 september 2025", *lines)
    b = note("Commissie Wonen, 2 oktober 2025", lines[0], lines[1].replace("januari 2025", "januari 2026"))
    write_set(tmp_path, {"a.txt": a, "b.txt": b})
    found = findings(["check", ".", "--select", "moved-fact"], cwd=tmp_path)
    # the second sentence moved; the first, with the same words and another figure, did not
    assert places(found) == [("moved-fact", "b.txt", line_of(b, "januari 2026"), [("a.txt", line_of(a, "januari 2025"))])]
