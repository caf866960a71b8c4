"""diverging-figure on small briefing sets: copies with one figure changed, the same
quantity in other words, and everything that must stay silent beside them."""

from __future__ import annotations

import conftest
from annolint.kinds import quantities
from conftest import SEEDS, findings, line_of, needs_seeds, note, seed_copy_findings, write_set

RULE = ["--select", "diverging-figure"]



def places(found: list[dict]) -> list[tuple]:
    return [place[1:] for place in conftest.places(found)]  # one rule: no name


JANUARY = note("Commissie Mobiliteit, 15 januari 2024",
               "- Op dit moment staan er 640 fietsen in de stalling.",
               "- De stalling kost ca. 2,4 miljoen euro.",
               "- Het aandeel tevreden gebruikers is 81%.",
               "- Het streefcijfer voor tevreden gebruikers is 85%.",
               "- In 2023 waren er twaalf storingen in de stalling.")
MARCH = note("Commissie Mobiliteit, 6 maart 2024",
             "- Op dit moment staan er 604 fietsen in de stalling.",
             "- De stalling kost 2,45 miljoen euro.",
             "- In 2023 waren er dertien storingen in de stalling.",
             "- In 2024 waren er vier storingen in de stalling.")
JUNE = note("Commissie Mobiliteit, 12 juni 2024",
            "- Op dit moment staan er 640 fietsen in de stalling.",
            "- De stalling kost tussen 2,3 en 2,5 miljoen euro.",
            "- Het aandeel tevreden gebruikers is 81%.",
            "- Het aandeel tevreden gebruikers van de stalling is volgens de enquête 76%.")
SEPTEMBER = note("Commissie Mobiliteit, 19 september 2024",
                 "- De stalling telt 700 plekken.")
NOVEMBER = note("Commissie Mobiliteit, 21 november 2024",
                "- De stalling telt 750 plekken.",
                "",
                "Vraag en antwoord",
                "",
                "12. Hoeveel plekken komen er bij?",
                "",
                "- Er komen 50 plekken bij.")


def test_reports_exactly_the_figures_that_cannot_both_be_true(tmp_path):
    write_set(tmp_path, {"a.txt": JANUARY, "b.txt": MARCH, "c.txt": JUNE, "d.txt": SEPTEMBER,
                         "e.txt": NOVEMBER})
    found = findings(["check", ".", *RULE], cwd=tmp_path)
    assert places(found) == [
        # 604 between two notes that say 640: a typo, not an update
        ("b.txt", line_of(MARCH, "604"), [("a.txt", line_of(JANUARY, "640")), ("c.txt", line_of(JUNE, "640"))]),
        # a stated year: "twaalf" and "dertien" storingen in 2023 cannot both be true
        ("b.txt", line_of(MARCH, "dertien"), [("a.txt", line_of(JANUARY, "twaalf"))]),
        # the same quantity in other words, in one note: the other side in the same note;
        # January's copy of that sentence only repeats it (the message counts that note)
        ("c.txt", line_of(JUNE, "76%"), [("c.txt", line_of(JUNE, "is 81%"))]),
    ]
    messages = [f["message"] for f in found]
    assert messages[0] == (
        "Een getal wijkt af: hier '604' (6 maart 2024), maar '640' in c.txt (12 juni 2024) en in 1 andere"
        " notitie: dezelfde zin met een ander getal. Betreft: 'Op dit moment staan er 604 fietsen in de "
        "stalling'. Controleer welk getal klopt en gebruik dat overal.")
    assert messages[1].startswith("Een getal wijkt af: hier 'dertien' (6 maart 2024), maar 'twaalf' in a.txt "
                                  "(15 januari 2024): dezelfde zin met een ander getal.")
    assert messages[2].startswith("Een getal wijkt af: hier '76%' (12 juni 2024), maar '81%' in deze notitie en "
                                  "in 1 andere notitie: dezelfde grootheid in andere woorden (beide over 'tevreden', "
                                  "'gebruikers').")
    # Silent: "ca. 2,4 miljoen" against 2,45 and "tussen 2,3 en 2,5 miljoen" (vague figures agree); the
    # target 85% against the measured 81%; 2023 against 2024; 700 then 750 plekken (an update); the
    # question number 12 and the 50 new places (another quantity).


def test_a_copy_with_one_number_changed_is_reported_in_the_same_note(tmp_path):
    text = note("Commissie Mobiliteit, 6 maart 2024",
                "- Er zijn 1.200 woningen aangesloten.",
                "- Er zijn 1.250 woningen aangesloten.",
                "- Er zijn ca. 1.190 woningen aangesloten.")
    write_set(tmp_path, {"a.txt": text})
    assert places(findings(["check", ".", *RULE], cwd=tmp_path)) == [
        ("a.txt", line_of(text, "1.250"), [("a.txt", line_of(text, "1.200")), ("a.txt", line_of(text, "1.190"))])]


def test_a_copy_that_gives_its_period_once_is_the_same_quantity(tmp_path):
    # The same sentence with "in de komende drie jaar" written in one copy only: one
    # quantity, and 40% against 45% is reported; the same value with the period on
    # one side stays silent, and so do two periods written out (2023, 2024).
    text = note("Commissie Wonen, 6 maart 2024",
                "- De groei in de komende drie jaar is 10% ten opzichte van de norm van 45%.",
                "- In 2023 waren er 12 klachten over de warmtetarieven.",
                "- Het aandeel tevreden bewoners in 2023 is 87% bij een streefcijfer van 90%.",
                "",
                "Toelichting",
                "",
                "- De groei is 10% ten opzichte van de norm van 40%.",
                "- In 2024 waren er 15 klachten over de warmtetarieven.",
                "- Het aandeel tevreden bewoners is 87% bij een streefcijfer van 90%.")
    write_set(tmp_path, {"a.txt": text})
    assert places(findings(["check", ".", *RULE], cwd=tmp_path)) == [
        ("a.txt", line_of(text, "norm van 40%"), [("a.txt", line_of(text, "norm van 45%"))])]


def test_digits_swapped_in_other_words_are_a_slip_not_an_update(tmp_path):
    # In other words and later, a changed value reads as an update; the same digits
    # in another order (143 / 134) are a typing slip and reported. Another value
    # (150) in the same words stays an update.
    a = note("Staf, 7 oktober 2024", "- Op dit moment heeft de gemeente contracten met 143 aanbieders van jeugdhulp.",
             "- Op dit moment heeft de gemeente afspraken met 120 scholen over het vervoer.")
    b = note("Commissie Zorg, 19 juni 2025", "- Nu heeft de gemeente nog contracten met 134 aanbieders.",
             "- Nu heeft de gemeente nog afspraken met 150 scholen.")
    write_set(tmp_path, {"a.txt": a, "b.txt": b})
    assert places(findings(["check", ".", *RULE], cwd=tmp_path)) == [
        ("b.txt", line_of(b, "134"), [("a.txt", line_of(a, "143"))])]


def test_one_reference_day_in_other_words_is_one_quantity(tmp_path):
    # "op 1 januari" and "per 1 januari" give one day; the named place is shared and
    # the wording differs ("woonden" / "verbleven"). Another day, or another place on
    # the same day, is another quantity.
    a = note("Staf, 12 januari 2026", "- Op 1 januari 2026 woonden 151 asielzoekers in De Wissel.",
             "- Op 1 januari 2026 woonden 60 asielzoekers in Paviljoen Zuid.")
    b = note("Commissie Zorg, 5 februari 2026", "- Per 1 januari 2026 verbleven er 157 asielzoekers in De Wissel.",
             "- Per 1 februari 2026 verbleven er 163 asielzoekers in De Wissel.")
    write_set(tmp_path, {"a.txt": a, "b.txt": b})
    assert places(findings(["check", ".", *RULE], cwd=tmp_path)) == [
        ("b.txt", line_of(b, "157"), [("a.txt", line_of(a, "151"))])]


def test_a_sentence_copied_into_many_notes_is_compared_once_per_pair_of_wordings(tmp_path, monkeypatch):
    # Eight notes copy one sentence and a ninth, dated among them, changes its figure:
    # 36 pairs of notes, three decisions (the sentence against itself, against the
    # changed copy after it and before it). No note's own date is read: no figure is
    # given for a day.
    notes = {f"{day:02}.txt": note(f"Commissie Wonen, {day} maart 2025",
                                   f"- In 2024 zijn {321 if day == 5 else 312} woningen opgeleverd in Noord.")
             for day in range(1, 10)}
    write_set(tmp_path, notes)
    decided = []
    same_quantity = quantities.same_quantity
    monkeypatch.setattr(quantities, "same_quantity", lambda *args: decided.append(args[:2]) or same_quantity(*args))
    line = line_of(notes["05.txt"], "321")
    assert places(findings(["check", ".", *RULE, "--no-cache"], cwd=tmp_path)) == [
        ("05.txt", line, [("04.txt", line), ("06.txt", line)])]
    assert len(decided) == 3


@needs_seeds
def test_a_seed_note_copied_with_one_figure_changed(tmp_path):
    found = seed_copy_findings(tmp_path / "number", "met 53 personen", "met 35 personen", RULE)
    assert places(found) == [("2_kopie.txt", 43, [("1_origineel.txt", 43)])]
    assert found[0]["message"].startswith("Een getal wijkt af: hier '35' (3 oktober 2024), maar '53' in "
                                          "1_origineel.txt (3 oktober 2024)")
    found = seed_copy_findings(tmp_path / "word", "voor de dertien medewerkers die", "voor de veertien medewerkers die",
                               RULE)
    # line 45 of the copy repeats "dertien medewerkers": it sides with the original
    assert places(found) == [("2_kopie.txt", 27, [("2_kopie.txt", 45), ("1_origineel.txt", 27)])]
    assert found[0]["message"].startswith("Een getal wijkt af: hier 'veertien' (3 oktober 2024), maar 'dertien'")


@needs_seeds
def test_the_seeds_agree_with_themselves():
    assert findings(["check", str(SEEDS), *RULE]) == []


def test_a_departing_statement_is_held_only_against_the_statements_it_was_paired_with(monkeypatch):
    # A group is joined through pairs, A-B-C-D-E here: A and B say one value, C, D and E
    # another. B was paired with C, so B departs from C; A was paired with B alone, and
    # is held against none of the majority. The pairs in one note are no versions.
    from types import SimpleNamespace

    from annolint.kinds import diverging_figure

    one_note = object()
    statements = [SimpleNamespace(doc=doc, name=name) for doc, name in
                  [(object(), "A"), (object(), "B"), (one_note, "C"), (one_note, "D"), (object(), "E")]]
    from annolint.kept_pairs import Found

    found = Found()
    for i, j in [(0, 1), (1, 2), (2, 3), (3, 4)]:
        found.add(i, j, "paraphrase")
    pairs = quantities.Versions(statements, found)
    assert [(a.name, b.name) for a, b, _ in pairs] == [("A", "B"), ("B", "C"), ("D", "E")]
    values = [[0, 1], [2, 3, 4]]
    majority = values[1]
    # asked only among the majority: B's partner A, of its own value, is left out
    partners = pairs.partners([(values, majority)])
    assert partners == {0: set(), 1: {2}}
    held = []
    monkeypatch.setattr(diverging_figure, "_departure", lambda s, direct, params, others: held.append(
        (s.name, [o.name for o in direct], [o.name for o in others])))
    diverging_figure._departures(values, majority, statements, partners, diverging_figure.Params())
    assert held == [("B", ["C"], ["C", "D", "E"])]
