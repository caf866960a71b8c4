"""The temporal grammar, as a table: a sentence, its note's date, and the time
expression it holds with the period it means ([start, end), end exclusive; "-" is
open) and its granularity. The sentence's tense decides the year of a yearless
date, so each case is a whole sentence or phrase as a note would have it."""

from __future__ import annotations

import datetime as dt

import pytest

from annolint.config import Config
from annolint.engine import load_setup
from annolint.temporal import fallback
from annolint.temporal.statements import StatementReader

READERS: dict[str, StatementReader] = {}


def reader(language: str) -> StatementReader:
    if language not in READERS:
        READERS[language] = StatementReader(load_setup(Config(language=language)).lexicon, language)
    return READERS[language]


def day(text: str) -> dt.date | None:
    return None if text == "-" else dt.date.fromisoformat(text)


DUTCH = [
    # note of 22 January 2024 (the staff agenda's date)
    ("2024-01-22", "Dit is toegezegd voor de zomer 2024.", "voor de zomer 2024", "-", "2024-07-13", "open-ended"),
    ("2024-01-22", "Planning is om de vragenlijst eind februari te lanceren.", "eind februari", "2024-02-21", "2024-03-01", "month"),
    ("2024-01-22", "Op 5 februari a.s. vindt de kennissessie plaats.", "Op 5 februari a.s.", "2024-02-05", "2024-02-06", "day"),
    ("2024-01-22", "Sinds 18 december is het meldpunt beschikbaar.", "Sinds 18 december", "2023-12-18", "-", "open-ended"),
    ("2024-01-22", "Sinds 10 januari staat er een knop op intranet.", "Sinds 10 januari", "2024-01-10", "-", "open-ended"),
    ("2024-01-22", "Eind januari verwachten we een eerste beeld.", "Eind januari", "2024-01-21", "2024-02-01", "month"),
    ("2024-01-22", "Het Bureau moet het komende jaar verder worden ingericht.", "het komende jaar", "2024-01-22", "2025-01-22", "year"),
    ("2024-01-22", "De komende weken vindt er communicatie plaats.", "De komende weken", "2024-01-22", "2024-03-04", "week"),
    ("2024-01-22", "Deze maand wordt gestart met de interviews.", "Deze maand", "2024-01-01", "2024-02-01", "month"),
    ("2024-01-22", "Op 17 januari is de opdracht gegeven.", "Op 17 januari", "2024-01-17", "2024-01-18", "day"),
    ("2024-01-22", "Op 31 januari 2024 trapt de directeur af.", "Op 31 januari 2024", "2024-01-31", "2024-02-01", "day"),
    ("2024-01-22", "Per 1 januari 2024 is het team overgegaan in een bureau.", "Per 1 januari 2024", "2024-01-01", "-", "open-ended"),
    ("2024-01-22", "Vergadering 22 januari 2024, 11:30-12:00 u", "22 januari 2024", "2024-01-22", "2024-01-23", "day"),
    ("2024-01-22", "Het onderzoek start begin 2024.", "begin 2024", "2024-01-01", "2024-05-01", "year"),
    ("2024-01-22", "Verwey Jonker (Q1 2024) onderzoek", "Q1 2024", "2024-01-01", "2024-04-01", "quarter"),
    ("2024-01-22", "De rapporten verschijnen eind oktober.", "eind oktober", "2024-10-21", "2024-11-01", "month"),
    ("2024-01-22", "Het rapport is in oktober verschenen.", "in oktober", "2023-10-01", "2023-11-01", "month"),
    ("2024-01-22", "Volgend jaar volgt de evaluatie.", "Volgend jaar", "2025-01-01", "2026-01-01", "year"),
    ("2024-01-22", "Vorig jaar is het meldpunt geopend.", "Vorig jaar", "2023-01-01", "2024-01-01", "year"),
    ("2024-01-22", "Dit jaar komt er een nieuw plan.", "Dit jaar", "2024-01-01", "2025-01-01", "year"),
    ("2024-01-22", "Het plan volgt in het voorjaar.", "in het voorjaar", "2024-03-01", "2024-06-01", "season"),
    ("2024-01-22", "Het plan volgt dit najaar.", "dit najaar", "2024-09-01", "2024-12-01", "season"),
    ("2024-01-22", "Afgelopen winter was het druk bij het loket.", "Afgelopen winter", "2022-12-01", "2023-03-01", "season"),
    ("2024-01-22", "Deze winter is het druk bij het loket.", "Deze winter", "2023-12-01", "2024-03-01", "season"),
    ("2024-01-22", "Het besluit volgt in week 6.", "in week 6", "2024-02-05", "2024-02-12", "week"),
    ("2024-01-22", "De nota komt in de eerste helft van 2024.", "in de eerste helft van 2024", "2024-01-01", "2024-07-01", "year"),
    ("2024-01-22", "De aanvraag moet vóór 1 maart binnen zijn.", "vóór 1 maart", "-", "2024-03-01", "open-ended"),
    ("2024-01-22", "De brief gaat uiterlijk 15 februari de deur uit.", "uiterlijk 15 februari", "-", "2024-02-16", "open-ended"),
    ("2024-01-22", "Het plan volgt na het kerstreces.", "na het kerstreces", "2025-01-06", "-", "open-ended"),
    ("2024-01-22", "Voor het zomerreces besluit de raad.", "Voor het zomerreces", "-", "2024-07-13", "open-ended"),
    ("2024-01-22", "De evaluatie komt na de zomer.", "na de zomer", "2024-09-01", "-", "open-ended"),
    ("2024-01-22", "Het onderzoek loopt in het derde kwartaal.", "in het derde kwartaal", "2024-07-01", "2024-10-01", "quarter"),
    ("2024-01-22", "In december was het rustig.", "In december", "2023-12-01", "2024-01-01", "month"),
    ("2024-01-22", "De aanleg begint in januari.", "in januari", "2024-01-01", "2024-02-01", "month"),
    # note of 7 March 2024
    ("2024-03-07", "Alle woningen zijn naar verwachting eind 2025 aangesloten.", "eind 2025", "2025-09-01", "2026-01-01", "year"),
    ("2024-03-07", "Het bewonersonderzoek vindt begin 2024 plaats.", "begin 2024", "2024-01-01", "2024-05-01", "year"),
    ("2024-03-07", "De stichting heeft in februari een brief gestuurd.", "in februari", "2024-02-01", "2024-03-01", "month"),
    ("2024-03-07", "Het warmteplan is in 2023 door de raad vastgesteld.", "in 2023", "2023-01-01", "2024-01-01", "year"),
    ("2024-03-07", "De subsidie loopt tot 1 mei.", "tot 1 mei", "-", "2024-05-01", "open-ended"),
    ("2024-03-07", "De inschrijving is open tot en met mei.", "tot en met mei", "-", "2024-06-01", "open-ended"),
    ("2024-03-07", "Het loket is open vanaf 1 januari 2025.", "vanaf 1 januari 2025", "2025-01-01", "-", "open-ended"),
    ("2024-03-07", "De raad besluit uiterlijk eind 2024.", "uiterlijk eind 2024", "-", "2025-01-01", "open-ended"),
    ("2024-03-07", "Het plan komt uiterlijk in het voorjaar van 2025.", "uiterlijk in het voorjaar van 2025", "-", "2025-06-01", "open-ended"),
    ("2024-03-07", "Na het zomerreces volgt de nota.", "Na het zomerreces", "2024-08-26", "-", "open-ended"),
    ("2024-03-07", "De bijeenkomst is omstreeks 1 april.", "omstreeks 1 april", "2024-04-01", "2024-04-02", "day"),
    ("2024-03-07", "De tweede fase is voorzien voor 2026.", "voor 2026", "2026-01-01", "2027-01-01", "year"),
    ("2024-03-07", "De aansluiting volgt in de loop van 2025.", "in de loop van 2025", "2025-01-01", "2026-01-01", "year"),
    ("2024-03-07", "Het veldwerk loopt van 1 maart tot 1 mei.", "1 maart tot 1 mei", "2024-03-01", "2024-05-01", "day"),
    ("2024-03-07", "De enquête loopt tussen maart en mei 2024.", "maart en mei 2024", "2024-03-01", "2024-06-01", "month"),
    ("2024-03-07", "De enquête loopt maart t/m mei 2024.", "maart t/m mei 2024", "2024-03-01", "2024-06-01", "month"),
    ("2024-03-07", "Het plan ligt er in januari 2025.", "in januari 2025", "2025-01-01", "2025-02-01", "month"),
    ("2024-03-07", "Het besluit valt in zomer 2024.", "in zomer 2024", "2024-06-01", "2024-09-01", "season"),
    ("2024-03-07", "De nota verschijnt na de zomer 2024.", "na de zomer 2024", "2024-09-01", "-", "open-ended"),
    ("2024-03-07", "De tweede fase start in het voorjaar van 2026.", "in het voorjaar van 2026", "2026-03-01", "2026-06-01", "season"),
    # note of 30 May 2024
    ("2024-05-30", "In juni krijgen de huishoudens een samenvatting.", "In juni", "2024-06-01", "2024-07-01", "month"),
    ("2024-05-30", "De resultaten verwachten we medio mei 2024.", "medio mei 2024", "2024-05-11", "2024-05-21", "month"),
    # note of 4 July 2024 (the inferred date of the summer note)
    ("2024-07-04", "De bestuursopdracht is gepland voor het najaar 2024.", "voor het najaar 2024", "2024-09-01", "2024-12-01", "season"),
    ("2024-07-04", "De groei voor de komende twee jaar is 25%.", "voor de komende twee jaar", "2024-07-04", "2026-07-04", "year"),
    ("2024-07-04", "Dat zien we de afgelopen jaren terug.", "de afgelopen jaren", "2021-07-04", "2024-07-04", "year"),
    ("2024-07-04", "Het aandeel was 10% in 2021.", "in 2021", "2021-01-01", "2022-01-01", "year"),
    ("2024-07-04", "De gemeente werkt sinds 2020 aan de opdracht.", "sinds 2020", "2020-01-01", "-", "open-ended"),
    ("2024-07-04", "Na 2020: een aantal voorbeelden.", "Na 2020", "2021-01-01", "-", "open-ended"),
    ("2024-07-04", "Volgende week spreken we de directeuren.", "Volgende week", "2024-07-08", "2024-07-15", "week"),
    ("2024-07-04", "Vorige maand kwamen er meldingen binnen.", "Vorige maand", "2024-06-01", "2024-07-01", "month"),
    ("2024-07-04", "Volgend voorjaar evalueren we de aanpak.", "Volgend voorjaar", "2025-03-01", "2025-06-01", "season"),
    ("2024-07-04", "Deze zomer analyseren we de resultaten.", "Deze zomer", "2024-06-01", "2024-09-01", "season"),
    ("2024-07-04", "We werken dit het komende halfjaar uit.", "het komende halfjaar", "2024-07-04", "2025-01-04", "half-year"),
    ("2024-07-04", "De komende maanden spreken we met bewoners.", "De komende maanden", "2024-07-04", "2025-01-04", "month"),
    ("2024-07-04", "Dit kwartaal starten we.", "Dit kwartaal", "2024-07-01", "2024-10-01", "quarter"),
    ("2024-07-04", "Volgend kwartaal starten we.", "Volgend kwartaal", "2024-10-01", "2025-01-01", "quarter"),
    ("2024-07-04", "Het onderzoek loopt in het eerste kwartaal van 2025.", "in het eerste kwartaal van 2025", "2025-01-01", "2025-04-01", "quarter"),
    ("2024-07-04", "Het besluit volgt in het eerste halfjaar van 2025.", "in het eerste halfjaar van 2025", "2025-01-01", "2025-07-01", "half-year"),
    ("2024-07-04", "De sessie is in week 42 van 2024.", "in week 42 van 2024", "2024-10-14", "2024-10-21", "week"),
    ("2024-07-04", "De raadsbrief van 28 maart gaf een update.", "28 maart", "2024-03-28", "2024-03-29", "day"),
    ("2024-07-04", "De training loopt van 14 t/m 18 oktober.", "14 t/m 18 oktober", "2024-10-14", "2024-10-19", "day"),
    ("2024-07-04", "De rapportage volgt medio 2024.", "medio 2024", "2024-05-01", "2024-09-01", "year"),
    ("2024-07-04", "De rapportage volgt in de tweede helft van 2024.", "in de tweede helft van 2024", "2024-07-01", "2025-01-01", "year"),
    ("2024-07-04", "De nota verschijnt half oktober.", "half oktober", "2024-10-11", "2024-10-21", "month"),
    ("2024-07-04", "Dit willen we eind van dit jaar afronden.", "eind van dit jaar", "2024-09-01", "2025-01-01", "year"),
    ("2024-07-04", "Dit willen we begin volgend jaar afronden.", "begin volgend jaar", "2025-01-01", "2025-05-01", "year"),
    ("2024-07-04", "Het onderzoek loopt in Q3.", "in Q3", "2024-07-01", "2024-10-01", "quarter"),
    ("2024-07-04", "Het artikel verscheen d.d. 14-09-2024 in de krant.", "14-09-2024", "2024-09-14", "2024-09-15", "day"),
    ("2024-07-04", "Het besluit is van 2024-09-14.", "2024-09-14", "2024-09-14", "2024-09-15", "day"),
    ("2024-07-04", "Zomer 2024 valt de beslissing.", "Zomer 2024", "2024-06-01", "2024-09-01", "season"),
    # notes of the autumn of 2024
    ("2024-10-03", "De anonieme mail is in september vorig jaar verstuurd.", "in september vorig jaar", "2023-09-01", "2023-10-01", "month"),
    ("2024-10-03", "Die bespreek ik in het najaar met u.", "in het najaar", "2024-09-01", "2024-12-01", "season"),
    ("2024-10-03", "De raad is op 2 oktober geïnformeerd.", "op 2 oktober", "2024-10-02", "2024-10-03", "day"),
    ("2024-10-03", "We bespreken het rapport vandaag.", "vandaag", "2024-10-03", "2024-10-04", "day"),
    ("2024-10-03", "Morgen volgt het besluit.", "Morgen", "2024-10-04", "2024-10-05", "day"),
    ("2024-10-03", "Gisteren kwam het bericht binnen.", "Gisteren", "2024-10-02", "2024-10-03", "day"),
    ("2024-10-03", "We besluiten voor het kerstreces.", "voor het kerstreces", "-", "2024-12-21", "open-ended"),
    ("2024-10-24", "De bijeenkomst is op 5 november in het buurthuis.", "op 5 november", "2024-11-05", "2024-11-06", "day"),
    ("2024-12-12", "In januari volgt het besluit.", "In januari", "2025-01-01", "2025-02-01", "month"),
    # dates dateparser reads (two-digit years): the grammar leaves them alone
    ("2024-07-04", "De brief is van 3 okt '24.", "3 okt '24", "2024-10-03", "2024-10-04", "day"),
    ("2024-07-04", "Het artikel verscheen op 14-09-24.", "14-09-24", "2024-09-14", "2024-09-15", "day"),
]

ENGLISH = [
    ("2024-01-22", "This was promised by summer 2024.", "by summer 2024", "-", "2024-09-01", "open-ended"),
    ("2024-01-22", "The plan follows in the autumn.", "in the autumn", "2024-09-01", "2024-12-01", "season"),
    ("2024-01-22", "The reports are expected at the end of October.", "at the end of October", "2024-10-21", "2024-11-01", "month"),
    ("2024-01-22", "The reports will be published end of October.", "end of October", "2024-10-21", "2024-11-01", "month"),
    ("2024-01-22", "The survey runs in Q1.", "in Q1", "2024-01-01", "2024-04-01", "quarter"),
    ("2024-01-22", "We evaluate the pilot next spring.", "next spring", "2024-03-01", "2024-06-01", "season"),
    ("2024-01-22", "The council will decide by 3 October 2024.", "by 3 October 2024", "-", "2024-10-04", "open-ended"),
    ("2024-01-22", "The hearing is on October 3, 2024.", "on October 3, 2024", "2024-10-03", "2024-10-04", "day"),
    ("2024-01-22", "The hearing is on the 3rd of October 2024.", "on the 3rd of October 2024", "2024-10-03", "2024-10-04", "day"),
    ("2024-01-22", "The desk has been open since 10 January.", "since 10 January", "2024-01-10", "-", "open-ended"),
    ("2024-01-22", "The study starts early 2024.", "early 2024", "2024-01-01", "2024-05-01", "year"),
    ("2024-01-22", "The network is complete by mid-2024.", "by mid-2024", "-", "2024-09-01", "open-ended"),
    ("2024-01-22", "All homes are connected in late 2025.", "in late 2025", "2025-09-01", "2026-01-01", "year"),
    ("2024-01-22", "The report is due in the first half of 2024.", "in the first half of 2024", "2024-01-01", "2024-07-01", "year"),
    ("2024-01-22", "Results follow in the second quarter of 2024.", "in the second quarter of 2024", "2024-04-01", "2024-07-01", "quarter"),
    ("2024-01-22", "Last year the desk opened.", "Last year", "2023-01-01", "2024-01-01", "year"),
    ("2024-01-22", "Next year the second phase starts.", "Next year", "2025-01-01", "2026-01-01", "year"),
    ("2024-01-22", "This month we start the interviews.", "This month", "2024-01-01", "2024-02-01", "month"),
    ("2024-01-22", "In the coming weeks we inform residents.", "In the coming weeks", "2024-01-22", "2024-03-04", "week"),
    ("2024-01-22", "Diversity should grow over the next two years.", "the next two years", "2024-01-22", "2026-01-22", "year"),
    ("2024-01-22", "The plan follows after the summer recess.", "after the summer recess", "2024-09-03", "-", "open-ended"),
    ("2024-01-22", "We will decide before the Christmas recess.", "before the Christmas recess", "-", "2024-12-20", "open-ended"),
    ("2024-01-22", "The session is in week 42.", "in week 42", "2024-10-14", "2024-10-21", "week"),
    ("2024-01-22", "The letter went out in March 2024.", "in March 2024", "2024-03-01", "2024-04-01", "month"),
    ("2024-01-22", "Fieldwork runs from 1 March to 1 May.", "from 1 March to 1 May", "2024-03-01", "2024-05-02", "day"),
    ("2024-01-22", "The survey runs between March and May 2024.", "March and May 2024", "2024-03-01", "2024-06-01", "month"),
    ("2024-01-22", "Applications close no later than 1 June.", "no later than 1 June", "-", "2024-06-02", "open-ended"),
    ("2024-01-22", "The desk is renamed as of 1 January 2025.", "as of 1 January 2025", "2025-01-01", "-", "open-ended"),
    ("2024-01-22", "We discuss the report today.", "today", "2024-01-22", "2024-01-23", "day"),
    ("2024-01-22", "The decision follows tomorrow.", "tomorrow", "2024-01-23", "2024-01-24", "day"),
    ("2024-01-22", "We have seen this over the past three years.", "the past three years", "2021-01-22", "2024-01-22", "year"),
    ("2024-01-22", "The strategy follows in the autumn of 2024.", "in the autumn of 2024", "2024-09-01", "2024-12-01", "season"),
    ("2024-01-22", "The work continues during Q2 2024.", "during Q2 2024", "2024-04-01", "2024-07-01", "quarter"),
    ("2024-01-22", "Results follow in the third quarter.", "in the third quarter", "2024-07-01", "2024-10-01", "quarter"),
    ("2024-01-22", "The letter is dated 14 Oct '24.", "14 Oct '24", "2024-10-14", "2024-10-15", "day"),
]


def _one(language: str, doc: str, sentence: str):
    found, _ = reader(language).expressions(sentence, dt.date.fromisoformat(doc))
    assert len(found) == 1, [e.text for e in found]
    return found[0]


@pytest.mark.parametrize("language, doc, sentence, text, start, end, granularity",
                         [("nl", *case) for case in DUTCH] + [("en", *case) for case in ENGLISH])
def test_expression(language, doc, sentence, text, start, end, granularity):
    expression = _one(language, doc, sentence)
    assert (expression.text, expression.interval.start, expression.interval.end,
            expression.interval.granularity) == (text, day(start), day(end), granularity)
    assert sentence[expression.start:expression.end] == text


def test_the_tables_are_as_large_as_promised():
    assert len(DUTCH) >= 80 and len(ENGLISH) >= 30


NOT_DATES_NL = [
    "Het project kost 2,5 miljoen euro.",
    "We beginnen om 10.00 uur in de raadzaal.",
    "Overleg 11:30-12:00 u in de kamer van de wethouder.",
    "De werkzaamheden duren 6 weken.",
    "Zie agendapunt 12 en Nr. VN2024-010173.",
    "De cijfers van 2023 zijn bekend.",
    "CBS onderzoek (2019) en KIS (2021-2023).",
    "- o 2020: 1",
    "De medewerkers zijn 1 op 1 overgestapt.",
    "Het programma bestaat uit 24 uur-sessies.",
    "De vacature is in schaal 12.",
    "De RVU is afgerond met 276 personen.",
    "Het veldwerk liep vertraging op door de meivakantie.",
    "Motie 732 vraagt om een overzicht.",
    "Dit is het eerste project met een klankbordgroep.",
    "Maart was een drukke maand voor het loket.",
]

NOT_DATES_EN = [
    "The project costs 2.5 million.",
    "We meet at 10.00 in the council chamber.",
    "The works take 6 weeks.",
    "See item 12 of the agenda.",
    "The figures of 2023 are known.",
    "We may decide later.",
]


@pytest.mark.parametrize("sentence", NOT_DATES_NL)
def test_dutch_text_that_is_not_a_date(sentence):
    assert reader("nl").expressions(sentence, dt.date(2024, 7, 4))[0] == []


@pytest.mark.parametrize("sentence", NOT_DATES_EN)
def test_english_text_that_is_not_a_date(sentence):
    assert reader("en").expressions(sentence, dt.date(2024, 7, 4))[0] == []


def test_without_a_note_date_a_yearless_date_has_no_period():
    found, _ = reader("nl").expressions("De rapporten verschijnen eind oktober, in 2024 zeker.", None)
    assert [(e.text, e.interval) for e in found][0] == ("eind oktober", None)
    assert found[1].text == "in 2024" and found[1].interval.start == dt.date(2024, 1, 1)


def test_dateparser_reads_only_what_the_grammar_left(monkeypatch):
    fallback._parse.cache_clear()
    fallback.CALLS.clear()
    reader("nl").expressions("Toegezegd voor de zomer 2024, eind oktober en op 3 oktober 2024.", dt.date(2024, 1, 22))
    assert fallback.CALLS["dateparser"] == 0
    found, _ = reader("nl").expressions("De brief van 3 okt '24 en die van 14-09-24.", dt.date(2024, 10, 20))
    assert [e.text for e in found] == ["3 okt '24", "14-09-24"]
    assert fallback.CALLS["dateparser"] == 2
