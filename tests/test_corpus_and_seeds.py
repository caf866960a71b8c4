"""End to end: the example set and the real seed notes, finding by finding."""

from conftest import CORPUS, ROOT, SEEDS, findings, needs_seeds, triples

CORPUS_EXPECTED = [
    ("inconsistent-spelling", "corpus/01_commissie-wonen-januari.txt", 19),
    ("inconsistent-spelling", "corpus/03_staf-april.md", 14),
    ("placeholder", "corpus/03_staf-april.md", 22),
    ("placeholder", "corpus/03_staf-april.md", 30),
    ("inconsistent-spelling", "corpus/06_gemeenteraad-september.txt", 3),
    ("inconsistent-spelling", "corpus/06_gemeenteraad-september.txt", 13),
    ("placeholder", "corpus/07_commissie-wonen-oktober.txt", 28),
    ("document-date", "corpus/08_actualiteit-zonder-datum.txt", 1),
    ("placeholder", "corpus/08_actualiteit-zonder-datum.txt", 16),
    ("placeholder", "corpus/08_actualiteit-zonder-datum.txt", 28),
    ("placeholder", "corpus/2024-05-30_commissie-wonen.txt", 16),
    ("placeholder", "corpus/2024-05-30_commissie-wonen.txt", 42),
    ("placeholder", "corpus/2024-05-30_commissie-wonen.txt", 48),
]


def test_corpus_reports_every_planted_issue_and_nothing_else():
    found = findings(["check", "corpus/"], cwd=ROOT)
    assert triples(found) == CORPUS_EXPECTED
    messages = {(f["location"]["path"], f["location"]["line"]): f["message"] for f in found}
    assert messages[("corpus/06_gemeenteraad-september.txt", 3)] == (
        "This name is written 2 ways in the set: 'De Wit' 8×, 'de Wit' 1×. Use 'De Wit' everywhere.")
    assert messages[("corpus/06_gemeenteraad-september.txt", 13)] == (
        "This name is written 2 ways in the set: 'Stichting Warmte Oosterpolder' 8×, 'Warmte Oostpolder' 1×. "
        "Use 'Stichting Warmte Oosterpolder' everywhere.")
    assert messages[("corpus/01_commissie-wonen-januari.txt", 19)].startswith(
        "This name is written 2 ways in the set: 'Woonwijzer Energie' 12×, 'Energieloket' 2× (former name).")


def test_corpus_readme_lists_each_detected_finding():
    readme = (CORPUS / "README.md").read_text(encoding="utf-8")
    for _, path, line in CORPUS_EXPECTED:
        name = path.split("/", 1)[1]
        assert f"{name}:{line}" in readme, (name, line)


SEED_EXPECTED = [
    ("inconsistent-spelling", "000_e41e3f26934184d6.txt", 5),   # wethouder Van Buren / van Buren
    ("inconsistent-spelling", "000_e41e3f26934184d6.txt", 32),  # Verwey-Jonker / Verwey Jonker / …
    ("placeholder", "000_e41e3f26934184d6.txt", 92),            # - 1... - 2. - 3..
    ("placeholder", "000_e41e3f26934184d6.txt", 98),
    ("placeholder", "000_e41e3f26934184d6.txt", 104),           # 1. .. (numbered stub)
    ("placeholder", "000_e41e3f26934184d6.txt", 108),           # etc
    ("placeholder", "000_e41e3f26934184d6.txt", 110),
    ("document-date", "001_e15b973d5130aa65.txt", 1),           # no date anywhere
    ("inconsistent-spelling", "001_e15b973d5130aa65.txt", 135),  # College (voor de) Rechten van de Mens
    ("inconsistent-spelling", "001_e15b973d5130aa65.txt", 149),  # Bureau Integriteit / bureau integriteit
    ("placeholder", "001_e15b973d5130aa65.txt", 243),           # empty bullet
    ("inconsistent-spelling", "002_fa814430e892bf7f.txt", 13),  # Partij voor de Dieren / dieren
    ("inconsistent-spelling", "002_fa814430e892bf7f.txt", 125),  # Van Pijpen / van Pijpen
    ("placeholder", "003_63c184dd3d99bfd8.txt", 58),            # (moet nog update)
    ("placeholder", "003_63c184dd3d99bfd8.txt", 361),           # [Melden ongewenst gedrag](#)
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
    messages = [f["message"] for f in found]
    assert messages[0] == ("This name is written 2 ways in the set: 'van Buren' 3×, 'Van Buren' 2×. "
                           "Use 'van Buren' everywhere.")
    assert messages[1] == ("This name is written 4 ways in the set: 'Verwey Jonker' 18×, 'Verwey-Jonker' 9×, "
                           "'Verwey-jonker' 1×, 'verwey jonker' 1×. Use 'Verwey Jonker' everywhere.")
