"""Throughput of annolint on a generated briefing set, as MB/s and as a ratio to
merely reading the files. Not a test: run it by hand.

    python benchmarks/bench.py --notes 1000 --notes 2000

It writes notes in the genre (header, Kernboodschap, Vraag en antwoord, bullets,
redactions) built from a fixed vocabulary with a fixed seed, with some names written
two ways, and times: reading the bytes; reading + parsing; the whole check.
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from pathlib import Path

from annolint.config import Config
from annolint.engine import check, load_setup, read_documents
from annolint.sources import discover

SUBJECTS = ["het warmtenet", "de woningbouw", "het armoedebeleid", "de jeugdzorg", "het parkeerbeleid",
            "de sportvelden", "de bibliotheek", "het afvalbeleid", "de wijkcentra", "het groenplan"]
NAMES = ["Stichting Wijkkracht", "Instituut Berg-Meijer", "Bureau Stadsdata", "Woonwijzer Energie",
         "Onderzoeksbureau Hollander-Vos", "Raad van Advies"]
VERBS = ["ligt op schema", "vraagt extra aandacht", "wordt geëvalueerd", "is besproken met bewoners",
         "krijgt een vervolg", "loopt vertraging op"]
MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "september", "oktober", "november"]


def make_note(rng: random.Random, n: int) -> str:
    day, month = rng.randint(1, 28), rng.choice(MONTHS)
    lines = [f"Annotatie voor wethouder {'De' if rng.random() < 0.95 else 'de'} Wit", "",
             f"Commissie Wonen, {day} {month} 2024", "", f"Annotatie agendapunt {n % 20 + 1}", "",
             "Behandelend ambtenaar: 5.1, 2, e", "", "Kernboodschap", ""]
    for _ in range(rng.randint(6, 12)):
        name = rng.choice(NAMES)
        if rng.random() < 0.02:
            name = name.replace("-", " ")
        lines.append(f"- {rng.choice(SUBJECTS).capitalize()} {rng.choice(VERBS)}. {name} werkt mee"
                     f" met {rng.randint(2, 900)} deelnemers.")
    lines += ["", "Vraag en antwoord", ""]
    for q in range(1, rng.randint(4, 9)):
        lines += [f"{q}. Hoe staat het met {rng.choice(SUBJECTS)}?", "",
                  f"- {rng.choice(['Ja', 'Nee'])}, {rng.choice(SUBJECTS)} {rng.choice(VERBS)}.",
                  f"- Dit bespreken we in {rng.choice(MONTHS)} met {rng.choice(NAMES)}.", ""]
    return "\n".join(lines) + "\n"


def generate(folder: Path, count: int) -> int:
    rng = random.Random(20241003)
    total = 0
    for n in range(count):
        text = make_note(rng, n)
        (folder / f"note_{n:05d}.txt").write_text(text, encoding="utf-8")
        total += len(text.encode("utf-8"))
    return total


def timed(func) -> float:
    start = time.perf_counter()
    func()
    return time.perf_counter() - start


def bench(count: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        size = generate(folder, count)
        config = Config()
        lexicon = load_setup(config).lexicon
        read = timed(lambda: [p.read_bytes() for p in discover([folder])])
        parse = timed(lambda: read_documents([folder], config, lexicon))
        whole = timed(lambda: check([folder], config))
        mb = size / 1_000_000
        print(f"{count:6d} notes  {mb:6.2f} MB  read {mb / read:8.1f} MB/s  "
              f"read+parse {mb / parse:6.2f} MB/s  check {mb / whole:6.2f} MB/s "
              f"({whole:6.2f} s, {whole / read:6.1f}x reading)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--notes", type=int, action="append", help="set sizes (default 500, 1000, 2000)")
    args = parser.parse_args()
    for count in args.notes or [500, 1000, 2000]:
        bench(count)


if __name__ == "__main__":
    main()
