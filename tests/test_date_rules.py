"""shifted-deadline, conflicting-date and stale-commitment on small briefing sets, with
consistent repetitions beside every planted contradiction."""

from __future__ import annotations

from conftest import ROOT, SEEDS, findings, line_of, needs_seeds, note, write_set

DATE_RULES = ["--select", "shifted-deadline,conflicting-date,stale-commitment"]




JANUARY = note(
    "Commissie Mobiliteit, 15 januari 2024",
    "- Het Actieplan Fietsparkeren sturen we voor de zomer 2024 naar de raad.",
    "- De Monitor Luchtkwaliteit verschijnt in 2025.",
    "- De inspraakavond voor bewoners is op 12 februari in wijkcentrum De Linde.",
    "- De Nota Parkeernormen bieden we uiterlijk in maart 2024 aan de raad aan.",
    "- Het onderzoek naar deelscooters loopt in Q1 2024.",
)
OCTOBER = note(
    "Commissie Mobiliteit, 10 oktober 2024",
    "- Het Actieplan Fietsparkeren sturen we in het najaar naar de raad.",
    "- De Monitor Luchtkwaliteit verschijnt begin 2025.",
    "- De inspraakavond voor bewoners is op 12 november in wijkcentrum De Linde.",
    "- In de Nota Parkeernormen, die de raad in december ontvangt, staan de nieuwe normen.",
    "- Het onderzoek naar deelscooters liep begin 2024.",
    "- De bewonersbrief over de werkzaamheden is op 1 oktober verstuurd.",
)
OCTOBER_SAME_MEETING = note(
    "Commissie Mobiliteit, 10 oktober 2024",
    "- De raadsbrief van 2 oktober beschrijft de kosten van de stalling.",
    "- Sinds de raadsbrief van 9 oktober zijn de kosten van de stalling gelijk gebleven.",
    "- De bewonersbrief over de werkzaamheden is op 3 oktober verstuurd.",
    "- De rapporten verschijnen eind oktober en worden in november besproken.",
    "- De tussentijdse brief van 2 oktober gaat ook over de stalling.",
    "- Het onderzoek naar deelscooters is in februari afgerond.",
)
DECEMBER = note(
    "Commissie Mobiliteit, 2 december 2024",
    "- De evaluatie van het Fietsplan sturen we voor de zomer 2024 naar de raad.",
    "- Het Fietsplan is in het voorjaar van 2024 vastgesteld.",
    "- De Monitor Luchtkwaliteit verschijnt in het eerste kwartaal van 2025.",
    "",
    "Vraag en antwoord",
    "",
    "1. Komt de evaluatie van het Fietsplan nog voor de zomer 2024?",
    "",
    "- Nee, die komt later.",
)
SET = {"a_januari.txt": JANUARY, "b_oktober.txt": OCTOBER, "c_oktober.txt": OCTOBER_SAME_MEETING,
       "d_december.txt": DECEMBER}


def test_date_rules_report_exactly_the_planted_contradictions(tmp_path):
    write_set(tmp_path, SET)
    found = findings(["check", ".", *DATE_RULES], cwd=tmp_path)
    got = [(f["name"], f["location"]["path"], f["location"]["line"],
            [(r["location"]["path"], r["location"]["line"]) for r in f["related"]]) for f in found]
    assert got == [
        ("shifted-deadline", "b_oktober.txt", line_of(OCTOBER, "Actieplan"),
         [("a_januari.txt", line_of(JANUARY, "Actieplan"))]),
        ("shifted-deadline", "b_oktober.txt", line_of(OCTOBER, "Parkeernormen"),
         [("a_januari.txt", line_of(JANUARY, "Parkeernormen"))]),
        ("conflicting-date", "c_oktober.txt", line_of(OCTOBER_SAME_MEETING, "van 9 oktober"),
         [("c_oktober.txt", line_of(OCTOBER_SAME_MEETING, "raadsbrief van 2 oktober")),
          ("c_oktober.txt", line_of(OCTOBER_SAME_MEETING, "tussentijdse brief van 2 oktober"))]),
        ("conflicting-date", "c_oktober.txt", line_of(OCTOBER_SAME_MEETING, "bewonersbrief"),
         [("b_oktober.txt", line_of(OCTOBER, "bewonersbrief"))]),
        ("stale-commitment", "d_december.txt", line_of(DECEMBER, "evaluatie van het Fietsplan sturen"), []),
    ]


def test_messages_name_both_sides_and_the_shift(tmp_path):
    write_set(tmp_path, SET)
    messages = [f["message"] for f in findings(["check", ".", *DATE_RULES], cwd=tmp_path)]
    assert messages[0] == (
        "Een toezegging is verschoven: in deze notitie (10 oktober 2024) staat 'in het najaar' "
        "(september–november 2024), maar in a_januari.txt (15 januari 2024) stond 'voor de zomer 2024' "
        "(vóór 13 juli 2024): ongeveer 2 maanden later. Opgevat als dezelfde toezegging: dezelfde zin met"
        " een andere datum. Betreft: 'Het Actieplan Fietsparkeren sturen we in het najaar naar de raad'. "
        "Gaat het echt om uitstel, vermeld dat dan in de notitie; zo niet, corrigeer een van beide.")
    assert messages[1].startswith(
        "Een toezegging is verschoven: in deze notitie (10 oktober 2024) staat 'in december' (december 2024), maar "
        "in a_januari.txt (15 januari 2024) stond 'uiterlijk in maart 2024' (vóór 1 april 2024): ongeveer 8 maanden "
        "later.")
    assert messages[2].startswith(
        "Twee datums voor hetzelfde: hier staat '9 oktober' (9 oktober 2024), maar '2 oktober' (2 oktober 2024) "
        "eerder in deze notitie.")
    assert messages[3].startswith(
        "Twee datums voor hetzelfde: hier staat 'op 3 oktober' (3 oktober 2024), maar 'op 1 oktober' (1 oktober "
        "2024) in b_oktober.txt, een notitie van dezelfde datum.")
    assert messages[4] == (
        "Een verlopen toezegging: in deze notitie (2 december 2024) staat nog 'voor de zomer 2024' (vóór "
        "13 juli 2024), maar die periode was ongeveer 5 maanden vóór de datum van de notitie al voorbij. "
        "Vermeld wat er is gebeurd of noem de nieuwe datum.")


def test_the_same_promise_repeated_is_silent(tmp_path):
    january = note("Commissie Mobiliteit, 15 januari 2024",
                   "- Het Actieplan Fietsparkeren sturen we voor de zomer 2024 naar de raad.")
    march = note("Gemeenteraad, 6 maart 2024",
                 "- Het Actieplan Fietsparkeren sturen we voor de zomer 2024 naar de raad.",
                 "- Het Actieplan Fietsparkeren is aan de raad toegezegd voor de zomer.")
    write_set(tmp_path, {"a.txt": january, "b.txt": march})
    assert findings(["check", ".", *DATE_RULES], cwd=tmp_path) == []


def test_a_promise_told_with_all_its_words_again_is_one_promise_without_a_name(tmp_path):
    september = note("Commissie Mobiliteit, 25 september 2025",
                     "- De brief over een tweede parkeerlocatie ontvangt u voor 1 november, zoals toegezegd.",
                     "- Voor 1 november ontvangt u de brief.")
    november = note("Gemeenteraad, 6 november 2025",
                    "- Zoals toegezegd ontvangt u in januari 2026 een brief over een tweede parkeerlocatie.",
                    "- De brief ontvangt u nu in januari.")
    write_set(tmp_path, {"a.txt": september, "b.txt": november})
    found = findings(["check", ".", "--select", "shifted-deadline"], cwd=tmp_path)
    # every word of the subject again ("brief", "tweede parkeerlocatie"): the same promise;
    # "de brief" alone says too little (a word of the genre), whatever its dates
    assert [(f["location"]["path"], f["location"]["line"]) for f in found] == [("b.txt", line_of(november, "januari 2026"))]
    assert "beide over 'tweede parkeerlocatie'" in found[0]["message"]


def test_a_pronoun_takes_its_subject_from_the_sentence_before(tmp_path):
    promise = ("- De actualisering van het Mobiliteitsplan is een belangrijk kader. Deze is aan de raad "
               "toegezegd voor de zomer 2024.")
    january = note("Commissie Mobiliteit, 15 januari 2024", promise)
    october = note("Commissie Mobiliteit, 10 oktober 2024",
                   "- Het geactualiseerde Mobiliteitsplan ontvangt u in het najaar.")
    write_set(tmp_path, {"a.txt": january, "b.txt": october})
    found = findings(["check", ".", *DATE_RULES], cwd=tmp_path)
    assert [(f["name"], f["location"]["path"], f["location"]["line"], f["location"]["column"])
            for f in found] == [("shifted-deadline", "b.txt", 8, 50)]
    assert found[0]["related"][0]["location"]["line"] == 8 and found[0]["related"][0]["location"]["column"] == promise.index("voor de zomer") + 1


def test_english_pack(tmp_path):
    january = "\n".join(["Briefing for councillor Smith", "", "Committee on Transport, 15 January 2024", "",
                         "Key messages", "",
                         "- We will send the Cycle Parking Plan to the council by summer 2024.",
                         "- The Air Quality Monitor is published in 2025.", ""])
    october = "\n".join(["Briefing for councillor Smith", "", "Committee on Transport, 10 October 2024", "",
                         "Key messages", "",
                         "- We will send the Cycle Parking Plan to the council in the autumn.",
                         "- The Air Quality Monitor is published early 2025.",
                         "- The council letter of 2 October describes the costs of the parking.",
                         "- Since the council letter of 9 October the costs of the parking are unchanged.", ""])
    december = "\n".join(["Briefing for councillor Smith", "", "Committee on Transport, 2 December 2024", "",
                          "Key messages", "",
                          "- We will send the evaluation of the Cycle Plan to the council before summer 2024.", ""])
    write_set(tmp_path, {".annolint.yaml": "language: en\n", "a.txt": january, "b.txt": october,
                         "c.txt": december})
    found = findings(["check", ".", *DATE_RULES], cwd=tmp_path)
    assert [(f["name"], f["location"]["path"], f["location"]["line"]) for f in found] == [
        ("shifted-deadline", "b.txt", 7), ("conflicting-date", "b.txt", 10), ("stale-commitment", "c.txt", 7)]
    assert "'in the autumn' (September–November 2024)" in found[0]["message"]
    assert "'by summer 2024' (before 1 September 2024)" in found[0]["message"]


@needs_seeds
def test_seeds_bestuursopdracht_shift():
    found = findings(["check", str(SEEDS), *DATE_RULES], cwd=ROOT)
    got = [(f["name"], f["location"]["path"].rsplit("/", 1)[1], f["location"]["line"],
            [(r["location"]["path"].rsplit("/", 1)[1], r["location"]["line"]) for r in f["related"]]) for f in found]
    assert got == [
        ("shifted-deadline", "000_e41e3f26934184d6.txt", 38, [("004_22fb1aa4b1456c68.txt", 31)]),
        ("shifted-deadline", "002_fa814430e892bf7f.txt", 101, [("004_22fb1aa4b1456c68.txt", 50)]),
        ("shifted-deadline", "003_63c184dd3d99bfd8.txt", 409, [("004_22fb1aa4b1456c68.txt", 50)]),
    ]
    assert found[1]["message"].startswith(
        "Een toezegging is verschoven: in deze notitie (18 september 2024) staat 'in het najaar' (september–november "
        "2024), maar in ../shared/seeds/004_22fb1aa4b1456c68.txt (22 januari 2024) stond 'voor de zomer 2024' (vóór "
        "13 juli 2024): ongeveer 2 maanden later.")


def test_a_councils_own_recess_calendar_comes_from_a_lexicon_file(tmp_path):
    march = note("Commissie Mobiliteit, 6 maart 2024",
                 "- Het Actieplan Fietsparkeren sturen we na het zomerreces naar de raad.")
    august = note("Commissie Mobiliteit, 1 augustus 2024",
                  "- Het Actieplan Fietsparkeren sturen we in september naar de raad.")
    write_set(tmp_path, {"a.txt": march, "b.txt": august})
    # The built-in summer recess ends on 25 August: September is after it.
    assert findings(["check", ".", *DATE_RULES], cwd=tmp_path) == []
    write_set(tmp_path, {
        "kalender.yaml": "time:\n  recesses:\n    - {names: [zomerreces], start: \"07-06\", end: \"10-06\"}\n",
        ".annolint.yaml": "lexicons: [kalender.yaml]\n"})
    found = findings(["check", "a.txt", "b.txt", *DATE_RULES], cwd=tmp_path)
    assert [(f["name"], f["location"]["path"], f["location"]["line"]) for f in found] == [
        ("shifted-deadline", "b.txt", 8)]
    assert "'na het zomerreces' (vanaf 7 oktober 2024)" in found[0]["message"]


def test_a_bad_time_lexicon_names_file_line_and_field(tmp_path):
    write_set(tmp_path, {
        "note.txt": note("Commissie Mobiliteit, 6 maart 2024", "- Tekst."),
        "tijd.yaml": "time:\n  parts:\n    - {names: [rond], part: ergens}\n",
        ".annolint.yaml": "lexicons: [tijd.yaml]\n"})
    from conftest import run
    result = run(["check", "note.txt"], cwd=tmp_path)
    assert result.exit_code == 2
    assert "tijd.yaml:3: field 'time.parts[0].part': must be one of: begin, middle, end" in result.stderr
    write_set(tmp_path, {"tijd.yaml": "time:\n  bounds:\n    - {names: [on], bound: in}\n"})
    result = run(["check", "note.txt"], cwd=tmp_path)
    assert result.exit_code == 2
    assert "tijd.yaml:3: field 'time.bounds[0].names[0]': must be text: YAML reads yes, no, on and off" in result.stderr
    # a season's edge or a recess that is no day of the year: refused at load, not when a
    # note says "voor de zomer" (it crashed then), nor ignored (recesses were)
    for text, expected in [
        ('time:\n  seasons:\n    - {names: [zomer], start: 6, before: "13-45"}\n',
         "tijd.yaml:3: field 'time.seasons[0].before': '13-45' is not a day of the year written as MM-DD"),
        ("time:\n  seasons:\n    - {names: [zomer], start: 14}\n",
         "tijd.yaml:3: field 'time.seasons[0].start': 14 is not a month (1-12)"),
        ('time:\n  recesses:\n    - {names: [voorjaarsreces], start: "02-20", end: "02-30"}\n',
         "tijd.yaml:3: field 'time.recesses[0].end': '02-30' is not a day of the year written as MM-DD"),
    ]:
        write_set(tmp_path, {"tijd.yaml": text})
        result = run(["check", "note.txt"], cwd=tmp_path)
        assert result.exit_code == 2
        assert expected in result.stderr, result.stderr


def test_short_planning_lines_written_twice_in_a_note_compare(tmp_path):
    # Two content words copied word for word are one line of the planning, written
    # twice ("Start gebiedsteams"); a label written twice is no record's field yet.
    # Dated items of an inventory ("03-04-2018 Ajax, ADO") are each their own.
    text = note("Staf, 17 maart 2025",
                "- Start gebiedsteams: 1 september 2025.",
                "- Bestuursopdracht actualiseren in het najaar van 2025.",
                "- 03-04-2018 Ajax, ADO",
                "- 20-04-2018 Ajax, ADO",
                "",
                "Planning",
                "",
                "- Start gebiedsteams: 1 oktober 2025.",
                "- Bestuursopdracht actualiseren in het voorjaar van 2025.")
    write_set(tmp_path, {"a.txt": text})
    found = findings(["check", ".", "--select", "conflicting-date"], cwd=tmp_path)
    assert [(f["location"]["line"], [r["location"]["line"] for r in f["related"]]) for f in found] == [
        (line_of(text, "1 oktober"), [line_of(text, "1 september")]),
        (line_of(text, "voorjaar"), [line_of(text, "najaar")]),
    ]


def test_a_date_without_its_year_in_a_note_of_unknown_date_agrees_with_the_same_days(tmp_path):
    text = note("Commissie Zorg",
                "- Op de informatieavond van 30 september 2025 kunnen omwonenden het gebouw bekijken.",
                "- Op de informatieavond van 30 september kunnen omwonenden het gebouw bekijken.",
                "- Op de informatieavond van 7 oktober kunnen omwonenden het gebouw bekijken.")
    write_set(tmp_path, {"a.txt": text})
    found = findings(["check", ".", "--select", "conflicting-date"], cwd=tmp_path)
    assert [(f["location"]["line"], sorted(r["location"]["line"] for r in f["related"])) for f in found] == [
        (line_of(text, "7 oktober"), [line_of(text, "30 september 2025"), line_of(text, "30 september kunnen")])]


def test_two_names_of_one_letter_about_one_subject_in_a_note_compare(tmp_path):
    # "raadsinformatiebrief" and "voortgangsbrief" are both a brief; about the
    # warmtetransitie both, they are one letter with two dates. A brief about
    # something else is another letter.
    text = note("Commissie Wonen, 20 juni 2024",
                "- In de raadsinformatiebrief van 4 juni leest u de stand van zaken van de warmtetransitie.",
                "- De voortgangsbrief van 14 juni beschrijft de stand van zaken van de warmtetransitie.",
                "- De informatiebrief van 11 juni over het parkeerbeleid gaat naar de bewoners.",
                "- Het warmtenet in de Oosterpolder ligt op schema.",
                "- De bewoners kunnen met vragen terecht bij het loket.",
                "- Het parkeerbeleid wordt in het najaar geëvalueerd.")
    write_set(tmp_path, {"a.txt": text})
    found = findings(["check", ".", "--select", "conflicting-date"], cwd=tmp_path)
    assert [(f["location"]["line"], [r["location"]["line"] for r in f["related"]]) for f in found] == [
        (line_of(text, "14 juni"), [line_of(text, "4 juni")])]


def test_a_note_whose_latest_date_is_a_deadline_after_the_whole_set_takes_the_sets_date(tmp_path):
    # The concept note has no header date; the latest date in it is a deadline at the
    # end of 2026, after every dated note: it takes the set's latest date, and says so.
    write_set(tmp_path, {
        "a.txt": note("Commissie Zorg, 23 januari 2025", "- De nieuwe contracten gaan in op 1 januari 2026."),
        "b.txt": note("Raad, 30 oktober 2025", "- De gunning is definitief."),
        "concept.txt": "\n".join(["Annotatie voor wethouder Jansen", "", "Concept", "", "Kernboodschap", "",
                                  "- Lopende trajecten lopen door tot 31 december 2026.", ""]),
    })
    found = findings(["check", ".", "--select", "document-date"], cwd=tmp_path)
    assert [(f["location"]["path"], f["location"]["line"], f["message"]) for f in found] == [
        ("concept.txt", 7, "De datum van deze notitie is onzeker: geen vergaderdatum in de kop, en de laatste datum "
                           "in de tekst, '31 december 2026', ligt na elke gedateerde notitie van de set; aangenomen "
                           "is 30 oktober 2025, de datum van b.txt, de laatste notitie. Zet de vergaderdatum in de kop "
                           "van de notitie ('Datum: 13 maart 2025', of de vergadering met haar datum), of in een "
                           "tekstnotitie 'date: JJJJ-MM-DD' als front matter.")]


def test_a_copied_line_with_two_dates_and_one_changed_is_no_series(tmp_path):
    line = "- Kwartaalrapportage wonen: eerste rapportage over Q1 2025, te verschijnen eind april 2025."
    text = note("Gemeenteraad, 7 november 2024", line, "- Het college neemt de rapportage over.", "",
                "Planning", "", line.replace("eind april", "begin april"))
    forms = note("Commissie Wonen, 3 juni 2019",
                 "- De put is conform de richtlijn gegraven op 19-2-2019. Metselwerk matig, scheur boven de balk.",
                 "- De put is conform de richtlijn gegraven op 20-2-2019. Metselwerk redelijk, geen palen te zien.")
    write_set(tmp_path, {"a.txt": text, "b.txt": forms})
    found = findings(["check", ".", "--select", "conflicting-date"], cwd=tmp_path)
    # the quarter written twice agrees, the month does not: a drift, not a series; two
    # paragraphs of one form, each with its own words besides the date, are two records
    assert [(f["location"]["path"], f["location"]["line"], [r["location"]["line"] for r in f["related"]])
            for f in found] == [("a.txt", line_of(text, "begin april"), [line_of(text, "eind april")])]


def test_a_passed_day_in_a_copied_sentence_moved_or_rolled_on(tmp_path):
    a = note("Commissie Zorg, 25 september 2025",
             "- De opvanglocatie opent op 1 oktober 2025.",
             "- Ik ga op 1 oktober 2025 naar de klankbordgroep.",
             "- Als de bouw volgens planning verloopt, ontvangt de stichting op 1 oktober de eerste bewoners.")
    b = note("Commissie Zorg, 2 oktober 2025",
             "- De opvanglocatie opent op 1 november 2025.",
             "- Ik ga op 8 oktober 2025 naar de klankbordgroep.",
             "- Als de bouw volgens planning verloopt, ontvangt de stichting op 1 oktober de eerste bewoners.")
    write_set(tmp_path, {"a.txt": a, "b.txt": b})
    found = findings(["check", ".", "--select", "shifted-deadline"], cwd=tmp_path)
    # the opening moved a month in a note a week later: reported; the next meeting a week
    # later rolled on with the notes; "op 1 oktober" copied word for word is the same day,
    # though read in 2026 in the later note
    assert [(f["location"]["path"], f["location"]["line"]) for f in found] == [("b.txt", line_of(b, "1 november"))]


def test_a_bullet_that_names_nothing_takes_its_subject_from_the_bullet_before(tmp_path):
    april = note("Commissie Zorg, 10 april 2025",
                 "- Onderzoeksbureau Veldkamp heeft de interviews afgerond.",
                 "- Het rapport ontvangt u voor de zomer 2025, zoals toegezegd.",
                 "- De kosten van de verbouwing vallen lager uit.",
                 "- Het rapport ontvangt u in het najaar.")
    september = note("Commissie Zorg, 11 september 2025",
                     "- Het rapport van onderzoeksbureau Veldkamp ontvangt u in het eerste kwartaal van 2026.")
    write_set(tmp_path, {"a.txt": april, "b.txt": september})
    found = findings(["check", ".", "--select", "shifted-deadline"], cwd=tmp_path)
    # the report of the bullet after the bureau's is the bureau's report; the one after the
    # costs is another report (nothing names it), and is not taken for it
    assert [(f["location"]["path"], f["location"]["line"], [r["location"]["line"] for r in f["related"]])
            for f in found] == [("b.txt", line_of(september, "kwartaal"), [line_of(april, "voor de zomer")])]


def test_a_moved_promise_is_told_announced_or_not_per_earlier_version_in_any_order_of_pairs(tmp_path, monkeypatch):
    # The September note moves the report and keeps the January copy's "inmiddels"
    # sentence: against that copy the cue announces nothing new, so the move stands.
    # Against the January paraphrase (another sentence) the cue would explain it. Which
    # of the two pairs comes first must not decide for the other.
    from annolint import kept_pairs

    january = note("Commissie Ruimte, 16 januari 2025",
                   "- Onderzoeksbureau Arcadis levert het rapport voor de zomer 2025 op.",
                   "- Het rapport van onderzoeksbureau Arcadis over de kademuren ontvangt u voor de zomer 2025. "
                   "De planning is inmiddels bekend.")
    september = note("Commissie Ruimte, 11 september 2025",
                     "- Het rapport van onderzoeksbureau Arcadis over de kademuren ontvangt u in het eerste kwartaal "
                     "van 2026. De planning is inmiddels bekend.")
    others = {f"{n}.txt": note(f"Commissie Ruimte, {day}", *lines) for n, day, lines in [
        ("f1", "6 februari 2025", ["- De gemeente plant dit jaar veertig nieuwe bomen in het park.",
                                   "- Het speelterrein aan de Lindelaan gaat in maart open."]),
        ("f2", "13 maart 2025", ["- De raad besluit in april over het parkeerbeleid in de binnenstad.",
                                 "- Bewoners kunnen tot 1 mei reageren op het ontwerp."]),
        ("f3", "10 april 2025", ["- De subsidieregeling voor groene daken loopt door tot eind 2025.",
                                 "- De wethouder spreekt in juni met de ondernemersvereniging."])]}
    write_set(tmp_path, {"e.txt": january, "l.txt": september, **others})
    pairs = kept_pairs.candidate_pairs
    found = {}
    for order in ("as given", "reversed"):
        monkeypatch.setattr(kept_pairs, "candidate_pairs", lambda *a, **k: (
            reversed(list(pairs(*a, **k))) if order == "reversed" else pairs(*a, **k)))
        # without the cache: the second run would take the first one's findings
        found[order] = [(f["location"]["path"], f["location"]["line"], f["related"][0]["location"]["line"])
                        for f in findings(["check", ".", "--no-cache", "--select", "shifted-deadline"],
                                          cwd=tmp_path)]
    expected = [("l.txt", line_of(september, "eerste kwartaal"), line_of(january, "over de kademuren"))]
    assert found == {"as given": expected, "reversed": expected}
