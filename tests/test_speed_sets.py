"""The speed benchmark's set builder (``benchmarks/realsets.py``), never its timings:
a set of N notes is built from a tiny folder laid out as ``shared/`` (written here, so
the test needs no ``../shared``), the same every time, in the genre of its sources.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"
if str(BENCHMARKS) not in sys.path:
    sys.path.insert(0, str(BENCHMARKS))

import realsets  # noqa: E402

SEED_NOTE = """Annotatie voor wethouder De Wit

Commissie Wonen, 3 oktober 2024

Kernboodschap

- Het warmtenet in Oosterpolder ligt op schema: 240 woningen zijn aangesloten.
- De evaluatie sturen we voor de zomer 2025 naar de raad.

- Stichting Wijkkracht werkt mee met 40 deelnemers.

Vraag en antwoord

1. Komt er een apart plan voor de storingen?

- Nee, de storingen vallen onder het bestaande plan van 12 maart 2024.
"""

OTHER_SEED = """Annotatie voor wethouder De Wit

Gemeenteraad, 14 november 2024

Kernboodschap

- De bibliotheek in Westwijk gaat op 1 februari 2025 open.
- Er zijn 18 vrijwilligers gevonden.
"""

DEV_NOTE = """---
date: 2025-03-10
---

# Annotatie voor wethouder Brouwer

## Kernboodschap

- De wachtlijst telt 1.214 kinderen.
- Het nieuwe contract start op 1 januari 2026.
"""

OCR_NOTE = """Gemeente Lindewaard
Verslag van het overleg
Aanwezig: 5.1, 2, e

Op 4 april 2023 zijn 17 meldingen besproken.

De volgende inspectie is op 20 juni 2023.
"""


@pytest.fixture()
def shared(tmp_path: Path) -> Path:
    """A folder laid out as ``shared/``: two seeds, a dev set of one note, a dossier of one."""
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "000_warmtenet.txt").write_text(SEED_NOTE, encoding="utf-8")
    (tmp_path / "seeds" / "001_bibliotheek.txt").write_text(OTHER_SEED, encoding="utf-8")
    notes = tmp_path / "devsets" / "jeugd" / "notes"
    notes.mkdir(parents=True)
    (notes / "01_staf_2025-03-10.md").write_text(DEV_NOTE, encoding="utf-8")
    (tmp_path / "devsets" / "jeugd" / "README.md").write_text("not a note", encoding="utf-8")
    dossier = tmp_path / "realdata" / "woo-dev" / "kade"
    dossier.mkdir(parents=True)
    (dossier / "7._Verslag.pdf.txt").write_text(OCR_NOTE, encoding="utf-8")
    (dossier / "foto.jpg").write_bytes(b"\xff\xd8")
    return tmp_path


def test_sources_are_the_notes_of_each_family_in_order(shared: Path) -> None:
    notes = realsets.source_notes(shared)
    assert [(n.set_name, n.name) for n in notes] == [
        ("seeds", "000_warmtenet.txt"), ("seeds", "001_bibliotheek.txt"),
        ("devsets/jeugd", "01_staf_2025-03-10.md"), ("woo-dev/kade", "7._Verslag.pdf.txt")]


def test_a_set_of_n_notes_takes_the_families_in_turn(shared: Path) -> None:
    made = realsets.build(realsets.source_notes(shared), 9)
    assert [name for name, _ in made] == [
        "seeds_v000_000_warmtenet.txt",
        "devsets-jeugd_v000_01_staf_2025-03-10.md",
        "woo-dev-kade_v000_7._Verslag.pdf.txt",
        "seeds_v000_001_bibliotheek.txt",
        "devsets-jeugd_v001_01_staf_2025-03-24.md",
        "woo-dev-kade_v001_7._Verslag.pdf.txt",
        "seeds_v001_000_warmtenet.txt",
        "devsets-jeugd_v002_01_staf_2025-04-07.md",
        "woo-dev-kade_v002_7._Verslag.pdf.txt",
    ]


def test_the_first_turn_is_the_note_itself_and_later_ones_are_dated_two_weeks_on(shared: Path) -> None:
    made = dict(realsets.build(realsets.source_notes(shared), 13))
    assert made["seeds_v000_000_warmtenet.txt"] == SEED_NOTE
    headers = [made[f"seeds_v00{v}_000_warmtenet.txt"].split("\n")[:3] for v in (1, 2)]
    assert headers == [["Annotatie voor wethouder De Wit", "", "Commissie Wonen, 17 oktober 2024"],
                       ["Annotatie voor wethouder De Wit", "", "Commissie Wonen, 31 oktober 2024"]]
    assert made["devsets-jeugd_v003_01_staf_2025-04-21.md"].split("\n")[:6] == [
        "---", "date: 2025-04-21", "---", "", "# Annotatie voor wethouder Brouwer", ""]


def test_versions_keep_the_genre_and_change_a_little(shared: Path) -> None:
    made = realsets.build(realsets.source_notes(shared), 40)
    seeds = [text for name, text in made if name.startswith("seeds_")]
    assert len(seeds) == 14
    assert all(text.startswith("Annotatie voor wethouder De Wit\n") for text in seeds)
    assert all("Kernboodschap" in text for text in seeds)
    assert len(set(seeds)) == 14  # every version differs from every other


def test_the_same_seed_gives_the_same_set_and_another_seed_another(shared: Path, tmp_path: Path) -> None:
    notes = realsets.source_notes(shared)
    assert realsets.build(notes, 30, seed=3) == realsets.build(notes, 30, seed=3)
    assert realsets.build(notes, 30, seed=3) != realsets.build(notes, 30, seed=4)
    size = realsets.write_set(tmp_path / "out", notes, 30, seed=3)
    written = sorted((tmp_path / "out").iterdir())
    assert len(written) == 30
    assert size == sum(p.stat().st_size for p in written)
    assert {p.name: p.read_text(encoding="utf-8") for p in written} == dict(realsets.build(notes, 30, seed=3))


def test_a_version_reuses_swaps_and_changes_figures_and_dates(shared: Path) -> None:
    made = dict(realsets.build(realsets.source_notes(shared), 13))
    assert made["seeds_v002_000_warmtenet.txt"] == """Annotatie voor wethouder De Wit

Commissie Wonen, 31 oktober 2024

Kernboodschap

1. Komt er een apart plan voor de storingen?

- Het warmtenet in Oosterpolder ligt op schema: 420 woningen zijn aangesloten.
- De evaluatie sturen we in het najaar 2025 naar de raad.

- Stichting Wijkkracht werkt mee met 40 deelnemers.

Vraag en antwoord

- Nee, de storingen vallen onder het bestaande plan van 12 maart 2024.

1. Komt er een apart plan voor de storingen?
"""
