"""moved-fact: a dated fact that moved between versions of the same sentence, with the
twins that must stay silent."""

from __future__ import annotations

from conftest import findings, line_of, note, places, write_set

RULE = ["--select", "moved-fact"]


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
        "A dated fact moved between versions: this note (10 October 2024) says 'op 17 oktober' (17 October "
        "2023), but a.txt (3 October 2024) said 'op 17 september' (17 September 2024) in the same sentence. "
        "About: 'De raadsbrief over de warmtetarieven is op 17 oktober verstuurd'. Something that already "
        "happened cannot move; correct one of them, or say in the note that the earlier date was wrong.")


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
    write_set(tmp_path, {"a.txt": first, "b.txt": later})
    assert places(findings(["check", ".", *RULE], cwd=tmp_path)) == []


def test_a_days_reference_date_moved_while_its_figure_stayed_is_reported(tmp_path):
    first = note("Staf, 12 januari 2026", "- Op 1 januari 2026 woonden 151 asielzoekers in De Wissel.")
    later = note("Staf, 19 januari 2026", "- Op 1 december 2025 woonden 151 asielzoekers in De Wissel.")
    write_set(tmp_path, {"a.txt": first, "b.txt": later})
    assert places(findings(["check", ".", *RULE], cwd=tmp_path)) == [
        ("moved-fact", "b.txt", line_of(later, "1 december"), [("a.txt", line_of(first, "1 januari"))])]
