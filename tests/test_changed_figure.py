"""changed-figure: a figure that changed between versions of the same sentence, with
the twins that must stay silent."""

from __future__ import annotations

from conftest import findings, line_of, note, places, write_set

RULE = ["--select", "changed-figure"]
BOTH = ["--select", "changed-figure", "--select", "diverging-figure"]


def test_a_figure_changed_once_and_kept_is_reported_with_the_notes_that_carry_the_old_value(tmp_path):
    a = note("Commissie Wonen, 3 oktober 2024", "- Het bureau heeft 42 gesprekken gevoerd met bewoners.")
    b = note("Commissie Wonen, 10 oktober 2024", "- Het bureau heeft 42 gesprekken gevoerd met bewoners.")
    c = note("Commissie Wonen, 17 oktober 2024", "- Het bureau heeft 24 gesprekken gevoerd met bewoners.")
    d = note("Commissie Wonen, 24 oktober 2024", "- Het bureau heeft 24 gesprekken gevoerd met bewoners.")
    write_set(tmp_path, {"a.txt": a, "b.txt": b, "c.txt": c, "d.txt": d})
    found = findings(["check", ".", *BOTH], cwd=tmp_path)
    assert places(found) == [("changed-figure", "c.txt", line_of(c, "24 gesprekken"),
                              [("b.txt", line_of(b, "42")), ("a.txt", line_of(a, "42"))])]
    assert found[0]["message"] == (
        "Een getal is veranderd tussen versies van dezelfde zin: hier staat '24' (17 oktober 2024), in "
        "b.txt (10 oktober 2024) stond '42'. Is '24' de nieuwe stand, dan staat in deze notities nog "
        "'42': b.txt, a.txt; zo niet, corrigeer dan deze notitie. Betreft: 'Het bureau heeft 24 "
        "gesprekken gevoerd met bewoners'.")


def test_announced_changes_other_years_rounded_counts_and_back_and_forth_are_not_this_rule(tmp_path):
    a = note("Commissie Wonen, 3 oktober 2024",
             "- Op dit moment zijn 1.200 woningen aangesloten op het warmtenet.",
             "- De subsidie voor de isolatie van woningen is 300 euro per woning.",
             "- In 2023 kwamen er 12 klachten binnen over het warmtenet.",
             "- Het onderzoek naar de warmtetarieven kost 240 duizend euro.")
    b = note("Commissie Wonen, 10 oktober 2024",
             "- Op dit moment zijn 1.250 woningen aangesloten op het warmtenet.",
             "- De subsidie voor de isolatie van woningen is inmiddels bijgesteld naar 350 euro per woning.",
             "- In 2024 kwamen er 15 klachten binnen over het warmtenet.",
             "- Het onderzoek naar de warmtetarieven kost 420 duizend euro.")
    c = note("Commissie Wonen, 17 oktober 2024",
             "- Het onderzoek naar de warmtetarieven kost 240 duizend euro.")
    write_set(tmp_path, {"a.txt": a, "b.txt": b, "c.txt": c})
    assert places(findings(["check", ".", *RULE], cwd=tmp_path)) == []
    # the back and forth is diverging-figure's
    assert [(n, p, line) for n, p, line, _ in places(findings(["check", ".", *BOTH], cwd=tmp_path))] == [
        ("diverging-figure", "b.txt", line_of(b, "420 duizend"))]


def test_a_present_state_that_changed_is_reported_as_most_likely_an_update(tmp_path):
    a = note("Commissie Wonen, 3 oktober 2024", "- Op dit moment zijn 1.214 woningen aangesloten op het warmtenet.")
    b = note("Commissie Wonen, 10 oktober 2024", "- Op dit moment zijn 1.241 woningen aangesloten op het warmtenet.")
    write_set(tmp_path, {"a.txt": a, "b.txt": b})
    found = findings(["check", ".", *RULE], cwd=tmp_path)
    assert places(found) == [("changed-figure", "b.txt", line_of(b, "1.241"), [("a.txt", line_of(a, "1.214"))])]
    assert found[0]["message"] == (
        "Een getal is veranderd tussen versies van dezelfde zin: hier staat '1.241' (10 oktober 2024), in"
        " a.txt (3 oktober 2024) stond '1.214'; de zin geeft het als de huidige stand ('Op dit moment'), "
        "dus waarschijnlijk een actualisering. Is '1.241' de nieuwe stand, dan staat in deze notities nog"
        " '1.214': a.txt; zo niet, corrigeer dan deze notitie. Betreft: 'Op dit moment zijn 1.241 "
        "woningen aangesloten op het warmtenet'.")


def test_a_figure_changed_in_a_reworded_sentence_is_reported_and_a_growing_count_is_not(tmp_path):
    a = note("Commissie Wonen, 5 maart 2025",
             "- De corporatie stelt per jaar minimaal 70 woningen beschikbaar voor starters.",
             "- Tot nu toe hebben de wijkcoaches 41 gezinnen geholpen met een betalingsregeling.")
    b = note("Commissie Wonen, 2 april 2025",
             "- De corporatie stelt per jaar minimaal 70 woningen beschikbaar voor starters.",
             "- Sinds de start hebben de wijkcoaches 41 gezinnen geholpen met een betalingsregeling.")
    c = note("Commissie Wonen, 7 mei 2025",
             "- Op grond van de afspraken stelt de corporatie per jaar minimaal 80 woningen beschikbaar voor "
             "starters.",
             "- Sinds de start hebben de wijkcoaches 231 gezinnen geholpen met een betalingsregeling.")
    write_set(tmp_path, {"a.txt": a, "b.txt": b, "c.txt": c})
    found = findings(["check", ".", *BOTH], cwd=tmp_path)
    # 231 families: b's sentence copied with another figure, a version like any other; a's
    # reworded sentence gives a count so far ("tot nu toe") and is not taken for its version
    assert places(found) == [
        ("changed-figure", "c.txt", line_of(c, "80 woningen"), [("b.txt", line_of(b, "70")), ("a.txt", line_of(a, "70"))]),
        ("changed-figure", "c.txt", line_of(c, "231"), [("b.txt", line_of(b, "41"))])]
    assert found[0]["message"].startswith(
        "Een getal is veranderd tussen versies van dezelfde uitspraak in andere woorden (beide over 'stelt', "
        "'corporatie', 'minimaal', 'woningen'): hier staat '80' (7 mei 2025), in b.txt (2 april 2025) stond '70'.")
