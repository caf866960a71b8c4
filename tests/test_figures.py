"""Reading figures, as a table: a sentence and the figures in it, each with the text
read, the values it allows (low, high), its unit and its role."""

from __future__ import annotations

import datetime as dt

import pytest

from annolint.config import Config
from annolint.engine import load_setup, read_documents
from annolint.figures.statements import FigureReader
from annolint.model import Block, Document

READERS: dict[str, FigureReader] = {}


def figures(language: str, sentence: str) -> list[tuple]:
    if language not in READERS:
        READERS[language] = FigureReader(load_setup(Config(language=language)).lexicon, language)
    reader = READERS[language]
    block = Block("bullet", sentence, sentence, (0, 1, 1, len(sentence)))
    found = reader._statements(Document("x.txt"), 0, block, 0, sentence, dt.date(2024, 7, 4))
    return [(s.figure.text, round(s.figure.low, 4), round(s.figure.high, 4), s.figure.unit, s.role) for s in found]


M = "measured"
DUTCH = [
    ("55% maakt ongewenst gedrag mee.", [("55%", 55, 55, "%", M)]),
    ("De commissie heeft met 53 personen gesproken.", [("53", 53, 53, "person", M)]),
    ("Het aandeel medewerkers is 20,74% (peildatum 4 juli 2024).", [("20,74%", 20.74, 20.74, "%", M)]),
    ("Op dit moment zijn 1.200 woningen aangesloten.", [("1.200", 1200, 1200, "woning", M)]),
    ("Er staan 800.000 euro op de begroting.", [("800.000 euro", 800000, 800000, "EUR", M)]),
    ("Er zijn twaalf klachten binnengekomen.", [("twaalf", 12, 12, "klacht", M)]),
    ("Er zijn dertien klachten binnengekomen.", [("dertien", 13, 13, "klacht", M)]),
    ("Het onderzoek kost ca. 240 duizend euro.", [("ca. 240 duizend euro", 216000, 264000, "EUR", M)]),
    ("Ca. 1500 mensen keken online mee.", [("Ca. 1500", 1350, 1650, "mens", M)]),
    ("Het project kost € 1,2 mln.", [("€ 1,2 mln", 1200000, 1200000, "EUR", M)]),
    ("De subsidie is EUR 450.000.", [("EUR 450.000", 450000, 450000, "EUR", M)]),
    ("De aanleg kost 1,5 miljoen euro.", [("1,5 miljoen euro", 1500000, 1500000, "EUR", M)]),
    # a statistic opening a sentence counts; a capitalised label names ("Paal 2" below)
    ("Gemiddeld 16 weken.", [("16", 16, 16, "weken", M)]),
    # a share of a whole in words is a percentage; beside the percentage it says again, not
    ("Maximaal een kwart van de woningen gaat naar starters.", [("een kwart", 25, 25, "%", M)]),
    ("Bijna de helft van de kinderen wacht.", [("Bijna de helft", 37.5, 50, "%", M)]),
    ("Bijna de helft van de kinderen (47%) wacht.", [("47%", 47, 47, "%", M)]),
    ("De kosten liggen tussen 1,5 en 2 miljoen euro.", [("tussen 1,5 en 2 miljoen euro", 1500000, 2000000, "EUR", M)]),
    ("Het budget is 800.000 à 1 miljoen euro.", [("800.000 à 1 miljoen euro", 800000, 1000000, "EUR", M)]),
    ("Het aandeel stijgt met 10-15%.", [("10-15%", 10, 15, "%", M)]),
    ("Het aandeel stijgt met 10 tot 15 procent.", [("10 tot 15 procent", 10, 15, "%", M)]),
    ("Het aandeel steeg met 2,5 procentpunt.", [("2,5 procentpunt", 2.5, 2.5, "pp", M)]),
    ("Ruim 50 deelnemers kwamen naar de avond.", [("Ruim 50", 50, 62.5, "deelnemer", M)]),
    ("Bijna 100 mensen kwamen naar de avond.", [("Bijna 100", 75, 100, "mens", M)]),
    ("Zo'n 20 bewoners kwamen naar de avond.", [("Zo'n 20", 18, 22, "bewoner", M)]),
    ("Ongeveer 60 bewoners kwamen naar de avond.", [("Ongeveer 60", 54, 66, "bewoner", M)]),
    ("Circa 300 woningen krijgen een brief.", [("Circa 300", 270, 330, "woning", M)]),
    ("Meer dan 40 bewoners reageerden.", [("Meer dan 40", 40, 50, "bewoner", M)]),
    ("Het duurt anderhalf jaar.", [("anderhalf", 1.5, 1.5, "jaar", M)]),
    ("Het kost een half procent van het budget.", [("een half procent", 0.5, 0.5, "%", M)]),
    ("Het streefcijfer is 20%.", [("20%", 20, 20, "%", "target")]),
    ("De beoogde groei is 25%.", [("25%", 25, 25, "%", "target")]),
    ("De raming is 3,4 miljoen euro.", [("3,4 miljoen euro", 3400000, 3400000, "EUR", "forecast")]),
    ("We verwachten 400 aansluitingen.", [("400", 400, 400, "aansluit", "forecast")]),
    ("Het aandeel is 17% en het doel is 20%.", [("17%", 17, 17, "%", M), ("20%", 20, 20, "%", "target")]),
    ("Het aandeel is 10% in 2021, 14% in 2023.", [("10%", 10, 10, "%", M), ("14%", 14, 14, "%", M)]),
    ("De groei voor de komende twee jaar is 25% ten opzichte van het streefcijfer van 30% medewerkers.",
     [("25%", 25, 25, "%", "target"), ("30%", 30, 30, "%", "target")]),
    ("Het warmtenet krijgt 3 ton subsidie.", [("3 ton", 300000, 300000, "subsidi", M)]),
    ("Er zijn 24 uur-sessies.", [("24", 24, 24, "uur-sessi", M)]),
    ("De leergang duurt 1 jaar.", [("1", 1, 1, "jaar", M)]),
    ("Er starten 3 externe vertrouwenspersonen.", [("3", 3, 3, "extern", M)]),
    ("Twee conclusies springen eruit.", [("Twee", 2, 2, "conclusi", M)]),
    ("Er kwamen 1.500 bezoekers.", [("1.500", 1500, 1500, "bezoeker", M)]),
    ("De RVU is afgerond met 276 personen.", [("276", 276, 276, "person", M)]),
    ("Er zijn 2.000 woningen gepland.", [("2.000", 2000, 2000, "woning", M)]),
    ("We zien 14% discriminatie.", [("14%", 14, 14, "%", M)]),
    ("Van de huishoudens is 0,5% niet aangesloten.", [("0,5%", 0.5, 0.5, "%", M)]),
    ("Het tekort is 12,5 miljoen.", []),  # a figure needs a unit or a counted noun
    ("Er werken 1.234 medewerkers.", [("1.234", 1234, 1234, "medewerker", M)]),
    ("Er kwamen vijftien meldingen binnen.", [("vijftien", 15, 15, "meld", M)]),
    ("We doen dit in twee stappen.", [("twee", 2, 2, "stapp", M)]),
]

DUTCH_NOT_FIGURES = [
    "Zie agendapunt 6 en motie 732.",
    "De functie is in schaal 12.",
    "Annotatie agendapunt Nr. 18.",
    "Kenmerk VN2024-010173.",
    "Bel 020 552 1234 of 14 020.",
    "We beginnen om 10.00 uur.",
    "Overleg 11:30-12:00 u.",
    "De cijfers van 2023 zijn bekend.",
    "CBS onderzoek (2019).",
    "In 2021 was het anders.",
    "Het gaat om de 0 meting.",
    "De medewerkers zijn 1 op 1 overgestapt.",
    "Paal 2 is aangetast.",
    "Zij kreeg de helft.",
    "We doen niet alles in 1 x goed.",
    "Op 5 februari a.s. is de sessie.",
    "Vergadering 22 januari 2024.",
    "Het besluit van 14-09-2024.",
    "Gesprek met 5.1, 2, e over de aanpak.",
    "Een van de twee is klaar.",
]

ENGLISH = [
    ("55% experience unwanted behaviour.", [("55%", 55, 55, "%", M)]),
    ("The committee spoke with 53 people.", [("53", 53, 53, "peopl", M)]),
    ("The share is 20.74% now.", [("20.74%", 20.74, 20.74, "%", M)]),
    ("There are 1,500 visitors.", [("1,500", 1500, 1500, "visitor", M)]),
    ("It costs € 1.2 million.", [("€ 1.2 million", 1200000, 1200000, "EUR", M)]),
    ("It costs EUR 450,000.", [("EUR 450,000", 450000, 450000, "EUR", M)]),
    ("There were thirteen complaints.", [("thirteen", 13, 13, "complaint", M)]),
    ("There were twelve complaints.", [("twelve", 12, 12, "complaint", M)]),
    ("About 240 people attended.", [("About 240", 216, 264, "peopl", M)]),
    ("Over 50 residents attended.", [("Over 50", 50, 62.5, "resident", M)]),
    ("Almost 100 residents attended.", [("Almost 100", 75, 100, "resident", M)]),
    ("Between 1.5 and 2 million euros is needed.", [("Between 1.5 and 2 million euros", 1500000, 2000000, "EUR", M)]),
    ("The share rises 10-15%.", [("10-15%", 10, 15, "%", M)]),
    ("The share rose by 2.5 percentage points.", [("2.5 percentage points", 2.5, 2.5, "pp", M)]),
    ("The target is 20%.", [("20%", 20, 20, "%", "target")]),
    ("The forecast is 3.4 million euros.", [("3.4 million euros", 3400000, 3400000, "EUR", "forecast")]),
    ("We expect 400 connections.", [("400", 400, 400, "connection", "forecast")]),
    ("The share was 10% in 2021, 14% in 2023.", [("10%", 10, 10, "%", M), ("14%", 14, 14, "%", M)]),
    ("It costs £ 300.", [("£ 300", 300, 300, "GBP", M)]),
    ("There are 2,000 homes planned.", [("2,000", 2000, 2000, "home", M)]),
    ("Roughly 30 staff joined.", [("Roughly 30", 27, 33, "staff", M)]),
    ("Fifteen residents replied.", [("Fifteen", 15, 15, "resident", M)]),
    ("A quarter of the homes go to starters.", [("A quarter", 25, 25, "%", M)]),
]

ENGLISH_NOT_FIGURES = [
    "See item 6 and motion 732.",
    "We start at 10.00 am.",
    "The figures of 2023 are known.",
    "The hearing is on 3 October 2024.",
    "Grade 12 applies.",
]


@pytest.mark.parametrize("language, sentence, expected",
                         [("nl", s, e) for s, e in DUTCH] + [("en", s, e) for s, e in ENGLISH])
def test_figures_are_read(language, sentence, expected):
    assert figures(language, sentence) == expected


@pytest.mark.parametrize("language, sentence",
                         [("nl", s) for s in DUTCH_NOT_FIGURES] + [("en", s) for s in ENGLISH_NOT_FIGURES])
def test_what_is_not_a_figure(language, sentence):
    assert figures(language, sentence) == []


def test_the_tables_are_as_large_as_promised():
    assert len(DUTCH) + len(DUTCH_NOT_FIGURES) + len(ENGLISH) + len(ENGLISH_NOT_FIGURES) >= 80


def test_a_redacted_number_is_not_a_figure(tmp_path):
    (tmp_path / "n.txt").write_text(
        "Commissie Wonen, 3 oktober 2024\n\n- Gesprek met 5.1, 2, e en 5.1.2e over 12 woningen.\n", encoding="utf-8")
    config = Config()
    lexicon = load_setup(config).lexicon
    [doc] = read_documents([tmp_path], config, lexicon)
    found = FigureReader(lexicon, "nl").read(doc)
    assert [(s.figure.text, s.figure.unit, s.span.line, s.span.col) for s in found] == [("12", "woning", 3, 40)]
