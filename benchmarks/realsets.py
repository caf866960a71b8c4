"""Briefing sets of any size built from real text, for the speed benchmark (``speed.py``).

The sources are text nobody on the project wrote, found below ``shared/``: the seed
annotations (``seeds/*.txt``), the dev sets' notes (``devsets/*/notes/*``) and the OCR
of the woo-dev dossiers (``realdata/woo-dev/*/*.txt``). Each folder is a *family* (a
topic's notes, as a real set has them). A set of N notes takes the families in turn
and, within a family, its notes in turn; every time a note comes round again it is the
next *version* of that note, made from the previous version the way real sets are
copied forward:

- dated ``STEP_WEEKS`` weeks later: the meeting date in the header, a front matter
  ``date:`` and a date in the file name (``mutate.later_copy``'s rules);
- some body paragraphs dropped (``DROP``), two neighbouring ones swapped (``SWAP``),
  a paragraph of another note of the same family taken over (``REUSE``), the body kept
  between ``MIN_SHARE`` and ``MAX_SHARE`` of the source's paragraphs;
- a few figures and dates changed (``mutate.figure_sites`` and ``mutate.date_sites``:
  another value of the same form on a line that holds one).

Everything is drawn from one ``random.Random(seed)`` in a fixed order, so the same
sources, size and seed give byte-identical sets. The text written is derived from the
shared notes: it is written to a temporary folder and never into the repository.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path

try:  # run as a script, or with benchmarks/ on sys.path
    import mutate
except ModuleNotFoundError:  # imported as benchmarks.realsets
    from benchmarks import mutate

STEP_WEEKS = 2  # each version of a note is dated this many weeks after the one before
DROP = 0.04  # chance that a body paragraph is left out of the next version
SWAP = 0.3  # chance that two neighbouring body paragraphs change places
REUSE = 0.5  # chance that a paragraph of another note of the family is taken over
MIN_SHARE, MAX_SHARE = 0.7, 1.3  # the body's paragraphs, against the source note's
FIGURE_CHANGES = (0, 2)  # how many figures a version changes (at least, at most)
DATE_CHANGES = (0, 1)  # how many dates in the body a version changes
TRIES = 20  # random lines looked at for a figure or date to change
HEADER_LINES = 12  # the header ends here at the latest (OCR text without sections)
SUFFIXES = (".txt", ".md")


@dataclass
class Chain:
    """The latest version of one source note: its file name, lines and version number."""

    family: str
    source: mutate.Note
    name: str
    text: str
    version: int = 0


def source_notes(shared: Path) -> list[mutate.Note]:
    """The real notes below ``shared``, in a fixed order; ``Note.set_name`` is the family
    ("seeds", "devsets/jeugdzorg", "woo-dev/zuidrai")."""
    folders = [("seeds", shared / "seeds")]
    folders += [(f"devsets/{d.name}", d / "notes") for d in sorted((shared / "devsets").glob("*"))]
    folders += [(f"woo-dev/{d.name}", d) for d in sorted((shared / "realdata" / "woo-dev").glob("*"))]
    notes = []
    for family, folder in folders:
        for path in sorted(folder.glob("*")) if folder.is_dir() else ():
            if path.is_file() and path.suffix in SUFFIXES and path.name != "README.md":
                text = path.read_text(encoding="utf-8", errors="replace")
                notes.append(mutate.Note(family, path.name, text))
    return notes


def families(notes: list[mutate.Note]) -> dict[str, list[mutate.Note]]:
    """The notes grouped by family, families and notes in their given order."""
    grouped: dict[str, list[mutate.Note]] = {}
    for note in notes:
        grouped.setdefault(note.set_name, []).append(note)
    return grouped


def schedule(grouped: dict[str, list[mutate.Note]], count: int) -> list[tuple[str, int]]:
    """(family, note index) of each of the ``count`` notes: families in turn, and within
    a family its notes in turn."""
    names = list(grouped)
    turns = {name: 0 for name in names}
    order = []
    for n in range(count):
        family = names[n % len(names)]
        order.append((family, turns[family] % len(grouped[family])))
        turns[family] += 1
    return order


def split_body(lines: list[str]) -> tuple[list[str], list[list[str]]]:
    """(header lines, body paragraphs): the header ends at the first bullet or section
    (``mutate.header_end``) or after ``HEADER_LINES``; paragraphs are runs of non-blank
    lines, each kept with the blank lines that follow it."""
    end = min(mutate.header_end(lines), HEADER_LINES, len(lines))
    paragraphs: list[list[str]] = []
    for line in lines[end:]:
        if not paragraphs or (line.strip() and not paragraphs[-1][-1].strip()):
            paragraphs.append([])
        paragraphs[-1].append(line)
    return lines[:end], paragraphs


def reshuffle(paragraphs: list[list[str]], donors: list[list[str]], limit: tuple[int, int],
              rng: random.Random) -> list[list[str]]:
    """Paragraphs dropped, two neighbours swapped and one taken from ``donors``, the
    count kept within ``limit`` (at least, at most)."""
    kept = [p for p in paragraphs if len(paragraphs) <= limit[0] or rng.random() >= DROP]
    if len(kept) > 1 and rng.random() < SWAP:
        i = rng.randrange(len(kept) - 1)
        kept[i], kept[i + 1] = kept[i + 1], kept[i]
    if donors and len(kept) < limit[1] and rng.random() < REUSE:
        taken = list(rng.choice(donors))
        if taken[-1].strip():
            taken.append("")
        kept.insert(rng.randint(0, len(kept)), taken)
    return kept


def change_values(lines: list[str], first: int, changes: int, sites, rng: random.Random) -> None:
    """Change up to ``changes`` values found by ``sites`` (``mutate.figure_sites`` or
    ``mutate.date_sites``) on random lines from ``first`` on, in place."""
    if len(lines) <= first:
        return
    for _ in range(changes):
        for _ in range(TRIES):
            line_no = rng.randrange(first, len(lines)) + 1
            found = sites(mutate.Note("", "", lines[line_no - 1]), 1, rng)
            if found:
                start, end, _, after, _ = rng.choice(found)
                line = lines[line_no - 1]
                lines[line_no - 1] = line[:start] + after + line[end:]
                break


def later_name(name: str, days: int) -> str:
    """A file name with its date (if any) moved by ``days``."""
    return mutate.FILE_DATE.sub(lambda m: mutate._shift_file_date(m, days), name)


def next_version(chain: Chain, donors: list[list[str]], rng: random.Random) -> None:
    """Make ``chain`` the next version of its note: dated later, paragraphs reshuffled,
    figures and dates changed."""
    days = 7 * STEP_WEEKS
    _, text = mutate.later_copy(mutate.Note(chain.family, chain.name, chain.text), days)
    header, body = split_body(text.split("\n"))
    source_count = len(split_body(chain.source.lines)[1])
    limit = (int(MIN_SHARE * source_count), max(1, round(MAX_SHARE * source_count)))
    body = reshuffle(body, donors, limit, rng)
    lines = header + [line for p in body for line in p]
    change_values(lines, len(header), rng.randint(*FIGURE_CHANGES), mutate.figure_sites, rng)
    change_values(lines, len(header), rng.randint(*DATE_CHANGES), mutate.date_sites, rng)
    chain.text = "\n".join(lines)
    chain.name = later_name(chain.name, days)
    chain.version += 1


def file_name(chain: Chain) -> str:
    """The file name of a chain's current version: family, version, the note's own name."""
    family = chain.family.replace("/", "-")
    return f"{family}_v{chain.version:03d}_{chain.name}"


def build(notes: list[mutate.Note], count: int, seed: int = 14) -> list[tuple[str, str]]:
    """(file name, text) of a set of ``count`` notes made from ``notes``: the first turn
    of each note is the note itself, every later turn its next version."""
    rng = random.Random(seed)
    grouped = families(notes)
    donors = {family: [p for n in members for p in split_body(n.lines)[1] if any(x.strip() for x in p)]
              for family, members in grouped.items()}
    chains: dict[tuple[str, int], Chain] = {}
    made = []
    for family, i in schedule(grouped, count):
        note = grouped[family][i]
        chain = chains.get((family, i))
        if chain is None:
            chain = chains[(family, i)] = Chain(family, note, note.name, note.text)
        else:
            next_version(chain, donors[family], rng)
        made.append((file_name(chain), chain.text))
    return made


def write_set(folder: Path, notes: list[mutate.Note], count: int, seed: int = 14) -> int:
    """Write a set of ``count`` notes into ``folder`` (made if need be); its size in bytes."""
    folder.mkdir(parents=True, exist_ok=True)
    size = 0
    for name, text in build(notes, count, seed):
        data = text.encode("utf-8")
        (folder / name).write_bytes(data)
        size += len(data)
    return size

