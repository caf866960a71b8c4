"""Questions matched across notes, and the inconsistent-answer, duplicate-question and
answer-status rules, with consistent repeats beside every planted contradiction."""

from __future__ import annotations

from pathlib import Path

import conftest
from conftest import SEEDS, findings, line_of, needs_seeds, places, seed_copy_findings, write_set

from annolint.config import Config
from annolint.engine import load_setup, read_documents
from annolint.index import CorpusIndex
from annolint.kinds import answer_differences
from annolint.kinds.question_pairs import matched_questions

ANSWER_RULES = ["--select", "inconsistent-answer,duplicate-question,answer-status"]


def note(meeting: str, *lines: str) -> str:
    return conftest.note(meeting, *lines, section="Vraag en antwoord")


MARCH = note("Commissie Mobiliteit, 6 maart 2024",
             "1. Komt er een tweede fietsenstalling bij het station?", "",
             "- Ja, de tweede stalling is voorzien voor 2026.", "",
             "2. Betalen fietsers voor de stalling?", "",
             "- Nee, de stalling is de eerste 24 uur gratis.", "",
             "3. Is er aanleiding om de planning van de stalling aan te passen?", "",
             "- Er is geen aanleiding om de planning van de stalling aan te passen.", "",
             "4. Hoeveel plekken heeft de stalling?", "",
             "- De stalling heeft 640 plekken.", "",
             "5. Is er met de omwonenden gesproken?", "",
             "- Er is met de omwonenden gesproken over de bouw van de stalling.")
JUNE = note("Commissie Mobiliteit, 12 juni 2024",
            "1. Komt er een tweede fietsenstalling bij het station?", "",
            "- Nee, er komt geen tweede stalling.", "",
            "2. Betalen fietsers voor de stalling?", "",
            "- Nee, de stalling is de eerste 24 uur gratis.", "",
            "3. Is er aanleiding om de planning van de stalling aan te passen?", "",
            "- Er is wel aanleiding om de planning van de stalling aan te passen.", "",
            "4. Hoeveel fietsplekken heeft de nieuwe stalling?", "",
            "- De stalling heeft 604 plekken.", "",
            "5. Is er met de omwonenden gesproken?", "",
            "- Er wordt met de omwonenden gesproken over de bouw van de stalling.")
SEPTEMBER = note("Commissie Mobiliteit, 19 september 2024",
                 "1. Betalen fietsers voor de stalling?", "",
                 "- Nee, de stalling is de eerste 24 uur gratis.", "",
                 "2. Komt er een tweede fietsenstalling bij het station?", "",
                 "- Nee, er komt geen tweede stalling.", "",
                 "3. Moeten fietsers betalen voor de stalling?", "",
                 "- Ja, fietsers betalen vanaf het eerste uur.")


def test_answers_that_contradict_earlier_ones_are_reported(tmp_path):
    write_set(tmp_path, {"a.txt": MARCH, "b.txt": JUNE, "c.txt": SEPTEMBER})
    found = findings(["check", ".", *ANSWER_RULES], cwd=tmp_path)
    assert places(found) == [
        ("inconsistent-answer", "b.txt", line_of(JUNE, "Nee, er komt geen"), [("a.txt", line_of(MARCH, "Ja, de tweede"))]),
        ("inconsistent-answer", "b.txt", line_of(JUNE, "wel aanleiding"), [("a.txt", line_of(MARCH, "geen aanleiding"))]),
        ("inconsistent-answer", "b.txt", line_of(JUNE, "604"), [("a.txt", line_of(MARCH, "640"))]),
        ("answer-status", "b.txt", line_of(JUNE, "Er wordt met"), [("a.txt", line_of(MARCH, "Er is met"))]),
        # reworded, and answered "Ja" where every earlier note says "Nee"
        ("inconsistent-answer", "c.txt", line_of(SEPTEMBER, "Ja, fietsers"), [("b.txt", line_of(JUNE, "Nee, de stalling"))]),
        ("duplicate-question", "c.txt", line_of(SEPTEMBER, "Ja, fietsers"), [("c.txt", line_of(SEPTEMBER, "Nee, de stalling"))]),
    ]
    messages = [f["message"] for f in found]
    assert messages[0] == (
        "Dezelfde vraag, een ander antwoord: vraag 1 hier (12 juni 2024) en vraag 1 in a.txt (6 maart "
        "2024) komen voor 100% overeen, maar hier 'Nee', daar 'Ja'. Zorg dat de antwoorden overeenkomen, "
        "of vermeld wat er is veranderd.")
    assert messages[1].endswith(
        "maar hier 'Er is wel aanleiding om de planning van de stalling aan te passen.', daar 'Er is geen aanleiding "
        "om de planning van de stalling aan te passen.'. Zorg dat de antwoorden overeenkomen, of vermeld wat er is "
        "veranderd.")
    assert "vraag 4 hier (12 juni 2024) en vraag 4 in a.txt (6 maart 2024)" in messages[2]
    assert "hier '604', daar '640'" in messages[2]
    assert messages[5].startswith("Deze notitie bevat twee keer dezelfde vraag, met antwoorden die elkaar "
                                  "tegenspreken: vraag 3 en vraag 1 komen voor")
    # Silent: question 2 answered alike three times; September's question 2 ("Nee") agrees with June,
    # the most recent earlier answer to it; the reworded question 4 is matched, not reported for wording.


def test_an_answer_copied_into_many_notes_is_compared_once_per_pair_of_wordings(tmp_path, monkeypatch):
    # MARCH's questions and answers in six notes, then JUNE's: each answer is held
    # against each earlier copy, but compared once per pair of wordings (the three
    # rules of the kind each compare once); the findings are those of one copy.
    notes = {f"{n}.txt": MARCH.replace("6 maart", f"{n} maart") for n in range(1, 7)}
    notes["7.txt"] = JUNE
    write_set(tmp_path, notes)
    compared = []
    differences = answer_differences._differences
    monkeypatch.setattr(answer_differences, "_differences",
                        lambda a, b, *rest: compared.append((a.path, b.path)) or differences(a, b, *rest))
    found = findings(["check", ".", *ANSWER_RULES, "--no-cache"], cwd=tmp_path)
    assert [(name, path, line) for name, path, line, _ in places(found)] == [
        ("inconsistent-answer", "7.txt", line_of(JUNE, "Nee, er komt geen")),
        ("inconsistent-answer", "7.txt", line_of(JUNE, "wel aanleiding")),
        ("inconsistent-answer", "7.txt", line_of(JUNE, "604")),
        ("answer-status", "7.txt", line_of(JUNE, "Er wordt met")),
    ]
    # each finding names the most recent earlier copy
    assert {related[0][0] for *_, related in places(found)} == {"6.txt"}
    # 5 questions, each in 15 pairs of March's copies and 6 pairs with June: decided
    # once per pair of wordings, by the two rules that compare notes (duplicate-question
    # compares within a note): March's 5 against themselves, and 4 of June's against
    # March's (June answers question 2 word for word as March does)
    assert sorted(compared) == [("1.txt", "2.txt")] * 10 + [("6.txt", "7.txt")] * 8


def test_the_rules_that_compare_notes_share_one_history_of_the_answers(tmp_path, monkeypatch):
    # inconsistent-answer and answer-status match questions alike across notes: which
    # earlier answers each answer follows is worked out once, and each answer's
    # wording numbered once, for all three rules of the kind
    notes = {f"{n}.txt": MARCH.replace("6 maart", f"{n} maart") for n in range(1, 4)}
    notes["7.txt"] = JUNE
    write_set(tmp_path, notes)
    from annolint.kinds import inconsistent_answer

    ordered, numbered = [], []
    order, number = inconsistent_answer._order, answer_differences.AnswerWordings._number
    monkeypatch.setattr(inconsistent_answer, "_order", lambda q: ordered.append((q.path, q.number)) or order(q))
    monkeypatch.setattr(answer_differences.AnswerWordings, "_number",
                        lambda self, q: numbered.append((q.path, q.number)) or number(self, q))
    found = findings(["check", ".", *ANSWER_RULES, "--no-cache"], cwd=tmp_path)
    assert sorted({name for name, *_ in places(found)}) == ["answer-status", "inconsistent-answer"]
    # each question of the four notes put in time once (not once per rule), and its
    # answer's wording numbered once
    assert len(ordered) == len(set(ordered)) == len(numbered) == len(set(numbered)) == 4 * 5


def test_question_matching_is_explainable_and_ignores_wording(tmp_path):
    write_set(tmp_path, {"a.txt": MARCH, "b.txt": JUNE})
    config = Config()
    lexicon = load_setup(config).lexicon
    index = CorpusIndex(read_documents([tmp_path], config, lexicon), lexicon)
    pairs = sorted((a.number, b.number, round(alike, 2)) for a, b, alike in matched_questions(index, 0.6))
    assert [(a, b) for a, b, _ in pairs] == [("1", "1"), ("2", "2"), ("3", "3"), ("4", "4"), ("5", "5")]
    assert [alike for _, _, alike in pairs if alike < 1] == [pairs[3][2]] and 0.6 <= pairs[3][2] < 1


@needs_seeds
def test_seeds_repeated_questions_are_matched():
    config = Config()
    lexicon = load_setup(config).lexicon
    index = CorpusIndex(read_documents([SEEDS], config, lexicon), lexicon)
    pairs = sorted((Path(a.path).name[:3], a.number, Path(b.path).name[:3], b.number)
                   for a, b, _ in matched_questions(index, 0.6))
    assert pairs == [("000", "1", "003", "38"), ("000", "2", "003", "39"), ("000", "3", "003", "40"),
                     ("000", "4", "003", "41"), ("000", "5", "003", "42")]
    assert findings(["check", str(SEEDS), *ANSWER_RULES]) == []


@needs_seeds
def test_a_seed_answer_flipped_is_reported_with_both_places(tmp_path):
    found = seed_copy_findings(tmp_path / "polarity", "- Nee, we weten niet om wie dit gaat.",
                               "- Ja, we weten niet om wie dit gaat.", ANSWER_RULES)
    assert places(found) == [("inconsistent-answer", "2_kopie.txt", 73, [("1_origineel.txt", 73)])]
    assert "vraag 4 hier (3 oktober 2024) en vraag 4 in 1_origineel.txt" in found[0]["message"]
    assert "hier 'Ja', daar 'Nee'" in found[0]["message"]
    found = seed_copy_findings(tmp_path / "negation", "Het gaat hier niet om een wetenschappelijk",
                               "Het gaat hier wel om een wetenschappelijk", ANSWER_RULES)
    assert places(found) == [("inconsistent-answer", "2_kopie.txt", 59, [("1_origineel.txt", 59)])]
    assert "'Het gaat hier wel om een wetenschappelijk" in found[0]["message"]


def test_english_pack(tmp_path):
    def english(meeting: str, *lines: str) -> str:
        return "\n".join(["Briefing for councillor Smith", "", meeting, "", "Questions and answers", "", *lines, ""])
    write_set(tmp_path, {
        ".annolint.yaml": "language: en\n",
        "a.txt": english("Committee on Transport, 6 March 2024", "1. Will there be a second bicycle park?", "",
                         "- Yes, the second park is planned for 2026."),
        "b.txt": english("Committee on Transport, 12 June 2024", "1. Will there be a second bicycle park?", "",
                         "- No, there will be no second park.")})
    found = findings(["check", ".", *ANSWER_RULES], cwd=tmp_path)
    assert places(found) == [("inconsistent-answer", "b.txt", 9, [("a.txt", 9)])]
    assert "'No' here, 'Yes' there" in found[0]["message"]


def test_an_earlier_answer_confirms_only_what_it_says_itself(tmp_path):
    # 02 answers in other words (no sentence to compare the figure with), 08 and 12
    # copy one sentence with 2 and 3 fte: 12 is held against 08, for 02 confirms
    # only the "Ja". A later copy that agrees with an earlier one stays silent.
    question = "1. Is de wethouder bereid om wachtlijstbemiddelaars in te zetten?"
    a = note("Commissie Zorg, 24 oktober 2024", question, "", "- Ja. We stellen 3 fte wachtlijstbemiddelaars aan.")
    b = note("Commissie Zorg, 10 april 2025", question, "", "- Ja. We hebben 2 fte wachtlijstbemiddelaars aangesteld.")
    c = note("Commissie Zorg, 11 september 2025", question, "", "- Ja. We hebben 3 fte wachtlijstbemiddelaars aangesteld.")
    d = note("Commissie Zorg, 2 oktober 2025", question, "", "- Ja. We hebben 3 fte wachtlijstbemiddelaars aangesteld.")
    write_set(tmp_path, {"a.txt": a, "b.txt": b, "c.txt": c, "d.txt": d})
    found = findings(["check", ".", "--select", "inconsistent-answer"], cwd=tmp_path)
    assert places(found) == [("inconsistent-answer", "c.txt", line_of(c, "3 fte"), [("b.txt", line_of(b, "2 fte"))])]
    assert "hier '3', daar '2'" in found[0]["message"]


def test_a_relative_date_copied_word_for_word_is_no_difference_and_reasons_keep_the_answers_order(tmp_path):
    # "deze week" in the answer of July and of June is two weeks, written the same:
    # the same claim repeated. The figure and the date written otherwise differ,
    # reported in the order the answer gives them.
    question = "1. Wanneer besluit het college over de subsidie?"
    a = note("Commissie Zorg, 26 juni 2025", question, "",
             "- Deze week besluit het college; 20% gaat naar de wijken.", "- Het besluit volgt op 4 juli 2025.")
    b = note("Commissie Zorg, 10 juli 2025", question, "",
             "- Deze week besluit het college; 30% gaat naar de wijken.", "- Het besluit volgt op 11 juli 2025.")
    write_set(tmp_path, {"a.txt": a, "b.txt": b})
    found = findings(["check", ".", "--select", "inconsistent-answer"], cwd=tmp_path)
    assert places(found) == [("inconsistent-answer", "b.txt", line_of(b, "30%"), [("a.txt", line_of(a, "20%"))])]
    assert "maar hier '30%', daar '20%'; hier 'op 11 juli 2025', daar 'op 4 juli 2025'. Zorg" in found[0]["message"]


def test_a_question_in_other_words_is_matched_through_its_answers(tmp_path):
    first = note("Commissie Mobiliteit, 6 maart 2024",
                 "1. Voert de wethouder een parkeerplafond in voor deelauto's in de binnenstad?", "",
                 "- Nee.", "- In 2025 voeren we geen parkeerplafond in voor deelauto's in de binnenstad.", "",
                 "2. Komen er meer laadpalen bij de parkeergarages?", "",
                 "- Ja.", "- We plaatsen dit jaar twintig nieuwe laadpalen bij de garages aan de ring.")
    later = note("Commissie Mobiliteit, 12 juni 2024",
                 "1. Krijgen deelauto's in de binnenstad een maximum aantal parkeerplekken?", "",
                 "- Ja.", "- In 2025 voeren we een parkeerplafond in voor deelauto's in de binnenstad.", "",
                 "2. Moeten bewoners voortaan betalen voor de laadpalen bij de parkeergarages?", "",
                 "- Nee.", "- Het laden blijft dit jaar gratis.")
    write_set(tmp_path, {"a.txt": first, "b.txt": later})
    found = findings(["check", ".", *ANSWER_RULES], cwd=tmp_path)
    # question 1 asked in other words, with answers about the same parkeerplafond: reported;
    # question 2 shares two words (laadpalen, parkeergarages), its answers nothing: silent
    assert places(found) == [
        ("inconsistent-answer", "b.txt", line_of(later, "- Ja."), [("a.txt", line_of(first, "- Nee."))])]
    assert found[0]["message"] == (
        "Dezelfde vraag, een ander antwoord: vraag 1 hier (12 juni 2024) en vraag 1 in a.txt (6 maart "
        "2024) zijn anders gesteld, met antwoorden over hetzelfde ('voeren', 'parkeerplafond', "
        "'deelauto's', 'binnenstad'), maar hier 'Ja', daar 'Nee'; hier 'In 2025 voeren we een "
        "parkeerplafond in voor d … o's in de binnenstad.', daar 'In 2025 voeren we geen parkeerplafond "
        "in voor … o's in de binnenstad.'. Zorg dat de antwoorden overeenkomen, of vermeld wat er is "
        "veranderd.")


def test_an_answer_that_says_it_may_well_be_so_contradicts_a_no(tmp_path):
    march = note("Commissie Mobiliteit, 6 maart 2024",
                 "1. Worden er bomen gekapt voor de nieuwe fietsroute?", "",
                 "- Nee. Er worden geen bomen gekapt.", "",
                 "2. Komt er verlichting langs de fietsroute?", "",
                 "- Ja. Langs de hele route komt verlichting.")
    september = note("Commissie Mobiliteit, 19 september 2024",
                     "1. Worden er bomen gekapt voor de nieuwe fietsroute?", "",
                     "- Voor twee bomen bij de brug is kap niet uit te sluiten, omdat de route daar smaller is.", "",
                     "2. Komt er verlichting langs de fietsroute?", "",
                     "- Dat het fietspad bij de brug later verlicht wordt, is niet uitgesloten.")
    write_set(tmp_path, {"a.txt": march, "b.txt": september})
    found = findings(["check", ".", *ANSWER_RULES], cwd=tmp_path)
    # "niet uit te sluiten" against "Nee" contradicts it; against "Ja" it does not
    assert places(found) == [("inconsistent-answer", "b.txt", line_of(september, "niet uit te sluiten"),
                              [("a.txt", line_of(march, "Nee. Er worden"))])]
    assert found[0]["message"].endswith("maar hier 'niet uit te sluiten', daar 'Nee'. Zorg dat de antwoorden "
                                        "overeenkomen, of vermeld wat er is veranderd.")


def test_a_question_asked_again_around_every_word_of_the_first_in_one_note(tmp_path):
    text = note("Gemeenteraad, 16 april 2025",
                "1. Komt er een klankbordgroep met omwonenden?", "",
                "- Ja. In mei starten we met een klankbordgroep van omwonenden en ondernemers.", "",
                "2. Worden de omwonenden structureel betrokken, bijvoorbeeld in een klankbordgroep?", "",
                "- Nee. Een klankbordgroep komt er niet.", "",
                "3. Komt er naast de klankbordgroep met omwonenden ook een digitaal "
                "panel?", "",
                "- Nee.")
    other = note("Gemeenteraad, 23 april 2025",
                 "1. Worden de omwonenden structureel betrokken, bijvoorbeeld in een klankbordgroep?", "",
                 "- Ja, zoals gezegd.")
    write_set(tmp_path, {"a.txt": text, "b.txt": other})
    found = findings(["check", ".", "--select", "duplicate-question"], cwd=tmp_path)
    # question 2 asks around every word of question 1, in one note, and its answer speaks
    # of the klankbordgroep: reported; question 3 also holds every word of question 1, but
    # its bare "Nee" answers only what it adds (a digital panel): silent
    assert places(found) == [
        ("duplicate-question", "a.txt", line_of(text, "Een klankbordgroep komt er niet"),
         [("a.txt", line_of(text, "- Ja. In mei"))])]
    assert found[0]["message"] == ("Deze notitie bevat twee keer dezelfde vraag, met antwoorden die elkaar "
                                   "tegenspreken: vraag 2 en vraag 1 vragen hetzelfde, de ene in meer woorden, "
                                   "maar hier 'Nee', daar 'Ja'.")
