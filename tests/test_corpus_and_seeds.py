"""End to end: the example set and the real seed notes, finding by finding."""

from conftest import CORPUS, ROOT, SEEDS, findings, needs_seeds, triples

CORPUS_EXPECTED = [
    ("inconsistent-spelling", "corpus/01_commissie-wonen-januari.txt", 19),
    ("diverging-figure", "corpus/02_gemeenteraad-maart.txt", 63),
    ("inconsistent-spelling", "corpus/03_staf-april.md", 14),
    ("shifted-deadline", "corpus/03_staf-april.md", 15),
    ("placeholder", "corpus/03_staf-april.md", 22),
    ("placeholder", "corpus/03_staf-april.md", 30),
    ("conflicting-date", "corpus/05_commissie-wonen-juni.txt", 17),
    ("inconsistent-answer", "corpus/05_commissie-wonen-juni.txt", 24),
    ("event-date", "corpus/05_commissie-wonen-juni.txt", 50),
    ("inconsistent-spelling", "corpus/06_gemeenteraad-september.txt", 3),
    ("shifted-deadline", "corpus/06_gemeenteraad-september.txt", 12),
    ("inconsistent-spelling", "corpus/06_gemeenteraad-september.txt", 13),
    ("inconsistent-answer", "corpus/06_gemeenteraad-september.txt", 20),
    ("shifted-deadline", "corpus/06_gemeenteraad-september.txt", 21),
    ("conflicting-date", "corpus/06_gemeenteraad-september.txt", 35),
    ("diverging-figure", "corpus/06_gemeenteraad-september.txt", 37),
    ("diverging-figure", "corpus/06_gemeenteraad-september.txt", 40),
    ("shifted-deadline", "corpus/07_commissie-wonen-oktober.txt", 17),
    ("conflicting-date", "corpus/07_commissie-wonen-oktober.txt", 20),
    ("placeholder", "corpus/07_commissie-wonen-oktober.txt", 28),
    ("document-date", "corpus/08_actualiteit-zonder-datum.txt", 1),
    ("placeholder", "corpus/08_actualiteit-zonder-datum.txt", 16),
    ("placeholder", "corpus/08_actualiteit-zonder-datum.txt", 28),
    ("duplicate-question", "corpus/08_actualiteit-zonder-datum.txt", 32),
    ("stale-commitment", "corpus/09_commissie-wonen-november.txt", 12),
    ("inconsistent-answer", "corpus/09_commissie-wonen-november.txt", 30),
    ("answer-status", "corpus/09_commissie-wonen-november.txt", 40),
    ("changed-figure", "corpus/10_commissie-wonen-december.txt", 12),
    ("moved-fact", "corpus/10_commissie-wonen-december.txt", 18),
    ("flipped-statement", "corpus/10_commissie-wonen-december.txt", 20),
    ("conflicting-date", "corpus/10_commissie-wonen-december.txt", 22),
    ("placeholder", "corpus/10_commissie-wonen-december.txt", 24),
    ("diverging-figure", "corpus/2024-05-30_commissie-wonen.txt", 12),
    ("placeholder", "corpus/2024-05-30_commissie-wonen.txt", 16),
    ("diverging-figure", "corpus/2024-05-30_commissie-wonen.txt", 29),
    ("inconsistent-answer", "corpus/2024-05-30_commissie-wonen.txt", 29),
    ("placeholder", "corpus/2024-05-30_commissie-wonen.txt", 42),
    ("placeholder", "corpus/2024-05-30_commissie-wonen.txt", 48),
]


def test_corpus_reports_every_planted_issue_and_nothing_else():
    found = findings(["check", "corpus/"], cwd=ROOT)
    assert triples(found) == CORPUS_EXPECTED
    messages: dict = {}
    for f in found:
        messages.setdefault((f["location"]["path"], f["location"]["line"]), f["message"])
    # the first finding at a place (by rule id) when two rules report one line
    related: dict = {}
    for f in found:
        related.setdefault((f["location"]["path"], f["location"]["line"]),
                           [(r["location"]["path"].split("/")[1], r["location"]["line"]) for r in f["related"]])
    # The Uitvoeringsplan: five notes said "voor de zomer 2024"; September and October say "in het najaar".
    before_summer = [("05_commissie-wonen-juni.txt", 14), ("2024-05-30_commissie-wonen.txt", 13),
                     ("03_staf-april.md", 29), ("02_gemeenteraad-maart.txt", 19), ("01_commissie-wonen-januari.txt", 20)]
    assert related[("corpus/06_gemeenteraad-september.txt", 12)] == before_summer
    assert related[("corpus/07_commissie-wonen-oktober.txt", 17)] == before_summer
    assert related[("corpus/03_staf-april.md", 15)] == [("01_commissie-wonen-januari.txt", 22)]
    assert related[("corpus/06_gemeenteraad-september.txt", 21)] == [("02_gemeenteraad-maart.txt", 37)]
    assert related[("corpus/05_commissie-wonen-juni.txt", 17)] == [("05_commissie-wonen-juni.txt", 16)]
    assert related[("corpus/06_gemeenteraad-september.txt", 35)] == [
        ("06_gemeenteraad-september-mondelinge-vragen.txt", 11)]
    assert related[("corpus/07_commissie-wonen-oktober.txt", 20)] == [("07_commissie-wonen-oktober.txt", 19)]
    # one sentence copied into six notes: the copy just before (March) and just after (June)
    assert related[("corpus/2024-05-30_commissie-wonen.txt", 12)] == [
        ("02_gemeenteraad-maart.txt", 18), ("05_commissie-wonen-juni.txt", 13)]
    assert related[("corpus/2024-05-30_commissie-wonen.txt", 29)] == [
        ("01_commissie-wonen-januari.txt", 35), ("06_gemeenteraad-september.txt", 30)]
    assert related[("corpus/02_gemeenteraad-maart.txt", 63)] == [
        ("01_commissie-wonen-januari.txt", 23), ("03_staf-april.md", 16), ("10_commissie-wonen-december.txt", 14)]
    assert related[("corpus/09_commissie-wonen-november.txt", 30)] == [("07_commissie-wonen-oktober.txt", 46)]
    assert related[("corpus/09_commissie-wonen-november.txt", 40)] == [("07_commissie-wonen-oktober.txt", 56)]
    assert related[("corpus/08_actualiteit-zonder-datum.txt", 32)] == [("08_actualiteit-zonder-datum.txt", 22)]
    assert messages[("corpus/05_commissie-wonen-juni.txt", 24)] == (
        "Dezelfde vraag, een ander antwoord: vraag 1 hier (20 juni 2024) en vraag 1 in "
        "corpus/01_commissie-wonen-januari.txt (18 januari 2024) komen voor 100% overeen, maar hier "
        "'Nee', daar 'Ja'. Zorg dat de antwoorden overeenkomen, of vermeld wat er is veranderd.")
    assert related[("corpus/06_gemeenteraad-september.txt", 40)] == [
        ("06_gemeenteraad-september-mondelinge-vragen.txt", 17)]
    assert messages[("corpus/2024-05-30_commissie-wonen.txt", 29)] == (
        "Een getal wijkt af: hier 'dertien' (30 mei 2024), maar 'twaalf' in corpus/06_gemeenteraad-"
        "september.txt (26 september 2024) en in 1 andere notitie: dezelfde zin met een ander getal. "
        "Betreft: 'Er zijn dertien klachten binnengekomen over geluidsoverlast tijdens de werkzaamheden'."
        " Controleer welk getal klopt en gebruik dat overal.")
    assert messages[("corpus/06_gemeenteraad-september.txt", 21)].startswith(
        "Een toezegging is verschoven: in deze notitie (26 september 2024) staat 'medio 2026' (mei–augustus 2026), "
        "maar in corpus/02_gemeenteraad-maart.txt (7 maart 2024) stond 'eind 2025' (september–december 2025): "
        "ongeveer 4 maanden later.")
    assert messages[("corpus/09_commissie-wonen-november.txt", 12)] == (
        "Een verlopen toezegging: in deze notitie (28 november 2024) staat nog 'voor de zomer 2024' (vóór"
        " 13 juli 2024), maar die periode was ongeveer 5 maanden vóór de datum van de notitie al voorbij."
        " Vermeld wat er is gebeurd of noem de nieuwe datum.")
    assert messages[("corpus/06_gemeenteraad-september.txt", 3)] == (
        "Deze naam wordt in de notities op 2 manieren geschreven: 'De Wit' 11×, 'de Wit' 1×. Gebruik "
        "overal 'De Wit'.")
    assert messages[("corpus/06_gemeenteraad-september.txt", 13)] == (
        "Deze naam wordt in de notities op 2 manieren geschreven: 'Stichting Warmte Oosterpolder' 9×, "
        "'Warmte Oostpolder' 1×. Gebruik overal 'Stichting Warmte Oosterpolder'.")
    assert messages[("corpus/01_commissie-wonen-januari.txt", 19)].startswith(
        "Deze naam wordt in de notities op 2 manieren geschreven: 'Woonwijzer Energie' 13×, 'Energieloket' 2× "
        "(oude naam).")


def test_corpus_readme_lists_each_detected_finding():
    readme = (CORPUS / "README.md").read_text(encoding="utf-8")
    for _, path, line in CORPUS_EXPECTED:
        name = path.split("/", 1)[1]
        assert f"{name}:{line}" in readme, (name, line)


SEED_EXPECTED = [
    ("shifted-deadline", "000_e41e3f26934184d6.txt", 38),       # vernieuwde Bestuursopdracht: najaar, not voor de zomer
    ("placeholder", "000_e41e3f26934184d6.txt", 92),            # - 1... - 2. - 3..
    ("placeholder", "000_e41e3f26934184d6.txt", 98),
    ("placeholder", "000_e41e3f26934184d6.txt", 104),           # 1. .. (numbered stub)
    ("placeholder", "000_e41e3f26934184d6.txt", 108),           # etc
    ("placeholder", "000_e41e3f26934184d6.txt", 110),
    ("document-date", "001_e15b973d5130aa65.txt", 1),           # no date anywhere
    ("inconsistent-spelling", "001_e15b973d5130aa65.txt", 5),   # wethouder van Buren: Van Buren without first name
    ("inconsistent-spelling", "001_e15b973d5130aa65.txt", 49),  # Verwey Jonker / Verwey-Jonker (hyphen in 2 notes)
    ("inconsistent-spelling", "001_e15b973d5130aa65.txt", 135),  # College (voor de) Rechten van de Mens
    ("inconsistent-spelling", "001_e15b973d5130aa65.txt", 149),  # Bureau Integriteit / bureau integriteit
    ("inconsistent-spelling", "001_e15b973d5130aa65.txt", 195),  # lid van Pijpen / *Van Pijpen*: Van Pijpen
    ("placeholder", "001_e15b973d5130aa65.txt", 243),           # empty bullet
    ("inconsistent-spelling", "002_fa814430e892bf7f.txt", 13),  # Partij voor de Dieren / dieren
    ("shifted-deadline", "002_fa814430e892bf7f.txt", 101),      # bestuursopdracht: najaar, not voor de zomer
    ("placeholder", "003_63c184dd3d99bfd8.txt", 58),            # (moet nog update)
    ("placeholder", "003_63c184dd3d99bfd8.txt", 361),           # [Melden ongewenst gedrag](#)
    ("shifted-deadline", "003_63c184dd3d99bfd8.txt", 409),      # bestuursopdracht: najaar 2024, not voor de zomer
    ("document-date", "003_63c184dd3d99bfd8.txt", 482),         # assumed 4 juli 2024
    ("placeholder", "003_63c184dd3d99bfd8.txt", 571),           # Aanvullen met eigen reactie wethouder
    ("inconsistent-spelling", "004_22fb1aa4b1456c68.txt", 58),  # discriminatie.nl / Discriminatie.nl
    ("inconsistent-spelling", "004_22fb1aa4b1456c68.txt", 59),  # Clavis consulting / Clavis Consulting
]


@needs_seeds
def test_seeds_findings_exactly():
    found = findings(["check", str(SEEDS)], cwd=ROOT)
    prefix = str(SEEDS.relative_to(ROOT.parent)).replace("\\", "/")
    got = [(name, path.rsplit("/", 1)[1], line) for name, path, line in triples(found)]
    assert got == SEED_EXPECTED
    assert all(f["location"]["path"].startswith("../" + prefix) for f in found)
    messages = {(f["location"]["path"].rsplit("/", 1)[1], f["location"]["line"]): f["message"] for f in found}
    # Dutch writes the particle with a capital when no first name precedes it (Taalunie)
    assert messages[("001_e15b973d5130aa65.txt", 5)] == (
        "Deze naam wordt in de notities op 2 manieren geschreven: 'Van Buren' 2×, 'van Buren' 3×. Gebruik"
        " overal 'Van Buren'.")
    # the institute is Verwey-Jonker: the hyphenated form is in two notes
    assert messages[("001_e15b973d5130aa65.txt", 49)] == (
        "Deze naam wordt in de notities op 4 manieren geschreven: 'Verwey-Jonker' 9×, 'Verwey Jonker' "
        "18×, 'Verwey-jonker' 1×, 'verwey jonker' 1×. Gebruik overal 'Verwey-Jonker'.")
    assert messages[("001_e15b973d5130aa65.txt", 195)] == (
        "Deze naam wordt in de notities op 2 manieren geschreven: 'Van Pijpen' 1×, 'van Pijpen' 2×. "
        "Gebruik overal 'Van Pijpen'.")
