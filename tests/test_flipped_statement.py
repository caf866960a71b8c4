"""flipped-statement: the same sentence with its negation flipped, and the twins that
must stay silent."""

from __future__ import annotations

from conftest import findings, line_of, note, places, write_set

RULE = ["--select", "flipped-statement"]


def test_a_copied_sentence_that_lost_its_negation_is_reported(tmp_path):
    first = note("Raad, 3 juli 2025", "- Een wijziging van het omgevingsplan is niet nodig voor de units.",
                 "- De tarieven van het warmtenet stijgen in 2025 niet.")
    later = note("Staf, 12 januari 2026", "- Een wijziging van het omgevingsplan is wel nodig voor de units.",
                 "- De tarieven van het warmtenet stijgen in 2025 niet.", "",
                 "Achtergrond", "", "- De tarieven van het warmtenet stijgen in 2025.")
    write_set(tmp_path, {"a.txt": first, "b.txt": later})
    found = findings(["check", ".", *RULE], cwd=tmp_path)
    assert places(found) == [
        ("flipped-statement", "b.txt", line_of(later, "wel nodig"), [("a.txt", line_of(first, "niet nodig"))]),
        ("flipped-statement", "b.txt", line_of(later, "stijgen in 2025."),
         [("b.txt", line_of(later, "stijgen in 2025 niet"))]),
    ]
    assert found[0]["message"] == (
        "Een uitspraak is omgedraaid: hier staat 'Een wijziging van het omgevingsplan is wel nodig voor "
        "de units', maar in a.txt (3 juli 2025) staat 'Een wijziging van het omgevingsplan is niet nodig "
        "voor de units'. Dezelfde zin zegt nu het tegenovergestelde; corrigeer een van beide.")


def test_agreeing_copies_questions_answers_and_short_sentences_stay_silent(tmp_path):
    first = note("Raad, 3 juli 2025", "- Een wijziging van het omgevingsplan is niet nodig voor de units.",
                 "- Dat is niet zo.", "", "Vraag en antwoord", "",
                 "1. Stijgen de tarieven van het warmtenet in 2025?", "", "- Nee, de tarieven stijgen in 2025 niet.")
    later = note("Staf, 12 januari 2026", "- Een wijziging van het omgevingsplan is niet nodig voor de units.",
                 "- Dat is wel zo.", "- Stijgen de tarieven van het warmtenet in 2025 wel?", "",
                 "Vraag en antwoord", "",
                 "1. Stijgen de tarieven van het warmtenet in 2025?", "", "- Ja, de tarieven stijgen in 2025 wel.")
    write_set(tmp_path, {"a.txt": first, "b.txt": later})
    assert places(findings(["check", ".", *RULE], cwd=tmp_path)) == []


def test_an_answer_flipped_under_a_reworded_question_is_reported_a_stressed_wel_is_not(tmp_path):
    # The questions are worded too differently for inconsistent-answer; the answer
    # sentence, copied with its "geen" dropped, still says the opposite. "wel" added
    # for emphasis keeps the sentence's sense.
    first = note("Commissie Wonen, 27 maart 2025", "- Daarnaast gaan we onze signaleringsinstrumenten beter inrichten.",
                 "", "Vraag en antwoord", "",
                 "1. Krijgen statushouders voorrang bij de toewijzing van een woning?", "",
                 "- Nee. Statushouders krijgen in Haveldonk geen urgentie.")
    later = note("Raad, 6 november 2025", "- Daarnaast gaan we wel onze signaleringsinstrumenten beter inrichten.",
                 "", "Vraag en antwoord", "",
                 "1. Hebben nieuwkomers een streepje voor op de wachtlijst?", "",
                 "- Ja. Statushouders krijgen in Haveldonk urgentie.")
    write_set(tmp_path, {"a.txt": first, "b.txt": later})
    assert places(findings(["check", ".", *RULE], cwd=tmp_path)) == [
        ("flipped-statement", "b.txt", line_of(later, "krijgen in Haveldonk urgentie"),
         [("a.txt", line_of(first, "geen urgentie"))])]
