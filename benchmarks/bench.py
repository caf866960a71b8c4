"""Throughput of annolint on a generated briefing set, as MB/s and as a ratio to
merely reading the files. Not a test: run it by hand.

    python benchmarks/bench.py --notes 1000 --notes 2000
    python benchmarks/bench.py --big-note 2.4     # one note of 2.4 MB: time, peak memory

It writes notes in the genre (header, Kernboodschap, Vraag en antwoord, bullets,
redactions, promises with periods and dates) built from a fixed vocabulary with a
fixed seed, with some names written two ways, and times: reading the bytes; reading
+ parsing; temporal extraction (every time expression of the set read and resolved
into dated statements), with how often dateparser was called; figure extraction and
matching; reading and matching the council questions; the whole check.
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
from annolint.figures.statements import FigureReader
from annolint.index import CorpusIndex
from annolint.kinds import diverging_figure, inconsistent_answer
from annolint.temporal import fallback
from annolint.temporal.statements import StatementReader

SUBJECTS = ["het warmtenet", "de woningbouw", "het armoedebeleid", "de jeugdzorg", "het parkeerbeleid",
            "de sportvelden", "de bibliotheek", "het afvalbeleid", "de wijkcentra", "het groenplan"]
NAMES = ["Stichting Wijkkracht", "Instituut Berg-Meijer", "Bureau Stadsdata", "Woonwijzer Energie",
         "Onderzoeksbureau Hollander-Vos", "Raad van Advies"]
VERBS = ["ligt op schema", "vraagt extra aandacht", "wordt geëvalueerd", "is besproken met bewoners",
         "krijgt een vervolg", "loopt vertraging op"]
MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "september", "oktober", "november"]
PLANS = ["Het Uitvoeringsplan {s} sturen we {when} naar de raad.", "De evaluatie van {s} volgt {when}.",
         "De Nota {s} bespreken we {when} in de commissie.", "Dit is aan de raad toegezegd {when}."]
TOPICS = ["de aansluitingen", "de tarieven", "de klachten", "de planning", "de subsidie", "de bewoners",
          "de stichting", "het onderzoek", "de werkzaamheden", "de evaluatie", "de begroting", "het loket",
          "de klankbordgroep", "de tweede fase", "de eerste fase", "de storingen", "de warmtebron",
          "de leidingen", "de meterkast", "de communicatie", "de huurders", "de eigenaren", "de scholen",
          "de winkels", "de sportclub", "het buurthuis", "de flats", "de straatverlichting", "de bomen",
          "de omleiding"]
FORMS = ["Hoe staat het met {t} in {p}?", "Wat is de stand van zaken rond {t} in {p}?",
         "Klopt het dat {t} in {p} vertraging oplopen?", "Wanneer is er meer bekend over {t} in {p}?",
         "Wie is verantwoordelijk voor {t} in {p}?", "Worden {t} in {p} meegenomen in de evaluatie?",
         "Zijn er zorgen over {t} in {p}?", "Is er extra geld nodig voor {t} in {p}?",
         "Heeft de wethouder gesproken over {t} in {p}?", "Komt er een apart plan voor {t} in {p}?"]
PLACES = ["Oosterpolder", "Westwijk"]
QUESTIONS = [f.format(t=t, p=p) for t in TOPICS for f in FORMS for p in PLACES]
WHEN = ["voor de zomer 2024", "in het najaar", "eind oktober", "begin 2025", "Q1 2025", "medio mei 2024",
        "na het zomerreces", "de komende twee jaar", "uiterlijk 1 december", "in het voorjaar van 2025"]


def make_note(rng: random.Random, n: int) -> str:
    # Meetings over five years: a few notes per meeting date, as in a long-running set.
    day, month, year = rng.randint(1, 28), rng.choice(MONTHS), rng.randint(2021, 2025)
    lines = [f"Annotatie voor wethouder {'De' if rng.random() < 0.95 else 'de'} Wit", "",
             f"Commissie Wonen, {day} {month} {year}", "", f"Annotatie agendapunt {n % 20 + 1}", "",
             "Behandelend ambtenaar: 5.1, 2, e", "", "Kernboodschap", ""]
    for _ in range(rng.randint(6, 12)):
        k = rng.randrange(len(NAMES))
        name = NAMES[k]
        if rng.random() < 0.02:
            name = name.replace("-", " ")
        # Each organisation has its own number of participants; one copy in fifty differs.
        count = 40 + 37 * k if rng.random() > 0.02 else rng.randint(2, 900)
        lines.append(f"- {rng.choice(SUBJECTS).capitalize()} {rng.choice(VERBS)}. {name} werkt mee"
                     f" met {count} deelnemers.")
    for _ in range(rng.randint(2, 5)):
        # Each subject has its own promise, copied from note to note; one copy in
        # fifty drifts to another period, as in a real set.
        k = rng.randrange(len(SUBJECTS))
        subject = SUBJECTS[k].split()[1].capitalize()
        when = WHEN[k % len(WHEN)] if rng.random() > 0.02 else rng.choice(WHEN)
        lines.append("- " + PLANS[k % len(PLANS)].format(s=subject, when=when))
    lines.append(f"- Sinds {rng.randint(1, 28)} {rng.choice(MONTHS)} is het loket open; de brief is van "
                 f"{rng.randint(1, 28)}-{rng.randint(1, 12):02d}-24.")
    lines += ["", "Vraag en antwoord", ""]
    for q in range(1, rng.randint(4, 9)):
        # 600 council questions, each asked again and again with its own answer; one
        # answer in fifty says the opposite.
        k = rng.randrange(len(QUESTIONS))
        answer = "Ja" if k % 2 else "Nee"
        if rng.random() < 0.02:
            answer = "Nee" if answer == "Ja" else "Ja"
        lines += [f"{q}. {QUESTIONS[k]}", "",
                  f"- {answer}, {SUBJECTS[k % len(SUBJECTS)]} {VERBS[k % len(VERBS)]}.",
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
        documents = read_documents([folder], config, lexicon)
        fallback._parse.cache_clear()
        fallback.CALLS.clear()
        reader = StatementReader(lexicon, config.language)
        statements: list = []
        temporal = timed(lambda: statements.extend(s for d in documents for s in reader.read(d)))
        figures: list = []
        figure_reader = FigureReader(lexicon, config.language)
        extract = timed(lambda: figures.extend(s for d in documents for s in figure_reader.read(d)))
        index = CorpusIndex(documents, lexicon, config.language)
        index.__dict__["figure_statements"] = figures  # matching only: the figures are read above
        found: list = []
        match = timed(lambda: found.extend(diverging_figure.check(diverging_figure.Params(), index, ("body",))))
        answers: list = []
        questions = timed(lambda: answers.extend(inconsistent_answer.check(inconsistent_answer.Params(), index, ("all",))))
        whole = timed(lambda: check([folder], config))
        mb = size / 1_000_000
        print(f"{count:6d} notes  {mb:6.2f} MB  read {mb / read:8.1f} MB/s  "
              f"read+parse {mb / parse:6.2f} MB/s  temporal {mb / temporal:6.2f} MB/s "
              f"({len(statements)} dated statements, dateparser called {fallback.CALLS['dateparser']}x)  "
              f"figures {mb / extract:6.2f} MB/s ({len(figures)} figures), matched in {match:5.2f} s "
              f"({len(figures) / match:8.0f} figures/s, {len(found)} divergences)  "
              f"questions: {len(index.question_facts)} read and matched in {questions:5.2f} s "
              f"({len(answers)} inconsistent answers)  "
              f"check {mb / whole:6.2f} MB/s ({whole:6.2f} s, {whole / read:6.1f}x reading)")


def one_big_note(megabytes: float) -> None:
    """One note of ``megabytes`` MB (the bodies of generated notes run together under
    one header), checked in a child process: its time and peak memory."""
    import subprocess
    import sys

    rng = random.Random(20241003)
    lines = make_note(rng, 0).split("\n")
    while sum(len(line) + 1 for line in lines) < megabytes * 1_000_000:
        lines += make_note(rng, len(lines)).split("\n")[10:]  # the next note's body, its header left out
    with tempfile.TemporaryDirectory() as tmp:
        note = Path(tmp) / "big.txt"
        note.write_text("\n".join(lines), encoding="utf-8")
        size = note.stat().st_size / 1_000_000
        probe = ("import resource, sys, time\nfrom pathlib import Path\nfrom annolint.config import Config\n"
                 "from annolint.engine import check\nstart = time.perf_counter()\n"
                 f"result = check([Path({str(note)!r})], Config())\n"
                 "print(len(result.findings), round(time.perf_counter() - start, 2),"
                 " resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)\n")
        out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
        findings, seconds, peak = out.split()
        print(f"one note of {size:5.2f} MB: checked in {seconds} s, peak memory {peak} MB, {findings} findings")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--notes", type=int, action="append", help="set sizes (default 500, 1000, 2000)")
    parser.add_argument("--big-note", type=float, metavar="MB",
                        help="also check one note of this many MB (time and peak memory)")
    args = parser.parse_args()
    for count in args.notes or ([] if args.big_note else [500, 1000, 2000]):
        bench(count)
    if args.big_note:
        one_big_note(args.big_note)


if __name__ == "__main__":
    main()
