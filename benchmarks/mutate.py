"""Mutations of real notes for the recall benchmark (``recall.py``).

Targets are found with this module's own regular expressions on the raw text, never
with annolint's extractors: recall measured on what annolint already reads would be
biased. A *site* is one value on one line (a figure, a date or period, an answer's
"Ja"/"Nee" or a negation) with the text that replaces it; a *case* puts one site in
one mode:

- ``later-copy``: the source note unchanged, plus a copy dated one week later (header
  date, front matter ``date:`` and file-name date shifted) with the value changed;
- ``within-dated``: one note in which the line holding the value (for an answer: the
  whole question with its answer) is copied further on, and the value is changed in
  one of the two copies;
- ``within-undated``: the same, on the note with its date removed.

Each case carries its unmutated *twin* (the same set with the value left alone), the
line that was changed and the line it now contradicts.
"""

from __future__ import annotations

import datetime as dt
import random
import re
from collections import Counter
from dataclasses import dataclass
from math import ceil

try:  # run as a script, or with benchmarks/ on sys.path
    from harness import ROOT, SHARED
except ModuleNotFoundError:  # imported as benchmarks.mutate
    from benchmarks.harness import ROOT, SHARED

MODES = ("later-copy", "within-dated", "within-undated")
CATEGORIES = ("figure", "date", "answer")

MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
          "september", "oktober", "november", "december")
MONTH = "|".join(MONTHS)
FULL_DATE = re.compile(rf"\b(\d{{1,2}})\s+({MONTH})\s+(\d{{4}})\b", re.I)
ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
FILE_DATE = re.compile(r"(?<!\d)((?:19|20)\d\d)([-_.]?)([01]\d)\2([0-3]\d)(?!\d)")  # "2024-10-03", "20241003"
FRONT_MATTER_DATE = re.compile(r"^date:\s*(\d{4}-\d{2}-\d{2})\s*$")

BULLET = re.compile(r"^\s*[-•]\s")
BULLET_PREFIX = re.compile(r"^\s*(?:[-•]\s*)?(?:o\s+)?")
SECTION_WORDS = re.compile(
    r"^(kernboodschap|achtergrond|algemene reactie|vraag en antwoord|aanwezigen|inleiding|"
    r"samenvatting|stand van zaken|aanleiding)\b", re.I)
NUMBERED_QUESTION = re.compile(r"^\s*(?:\*\*)?(\d{1,2})\s*[.)]\s*(?=[A-Za-z‘'\"])")
VRAAG_QUESTION = re.compile(r"^\s*(?:\*\*)?Vraag\s+(\d{1,2})\b")
ANSWER_MARK = re.compile(r"^\s*(?:\*\*)?Antwoord\b")
QUESTIONS_HEADING = re.compile(r"vra(?:ag|gen)", re.I)  # "Vraag en antwoord", "Binnengekomen vragen …"

# ---- figures ---------------------------------------------------------------------------
NUMBER = re.compile(r"(?<![\w.,:/€-])(\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?)(?![\w]|[.,:/-]\d)")
NUMBER_WORDS = ("twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien", "elf",
                "twaalf", "dertien", "veertien", "vijftien", "zestien", "zeventien", "achttien",
                "negentien", "twintig")
NUMBER_WORD = re.compile(rf"\b({'|'.join(NUMBER_WORDS)})\b", re.I)
UNIT_AFTER = re.compile(r"^\s?(?:%|procent|procentpunt|fte\b|mln\b|miljoen|miljard|mld\b|duizend)", re.I)
CURRENCY_BEFORE = re.compile(r"(?:€|\bEUR|\beuro)\s*$", re.I)
NOUN_AFTER = re.compile(r"^\s+([a-zà-ÿ][a-zà-ÿ'-]{2,})")
NOT_A_NOUN = set(MONTHS) | {
    "van", "het", "een", "en", "of", "op", "in", "tot", "met", "voor", "per", "uur", "keer",
    "te", "is", "zijn", "was", "om", "uit", "aan", "bij", "door", "naar", "over", "dat", "die",
    "als", "nog", "ook", "wel", "niet", "des", "der", "den", "jan", "feb", "mrt", "apr", "jun",
    "jul", "aug", "sep", "okt", "nov", "dec", "maal", "juncto", "lid", "sub"}
LABEL_BEFORE = re.compile(
    r"(?:agendapunt|punt|nr|nummer|vraag|vragen|motie|artikel|art|bijlage|schaal|fase|week|versie|"
    r"pagina|blz|hoofdstuk|paragraaf|amendement|kamer|zaal|bus|code|stap|groep|lid|ronde|"
    r"deel|onderdeel|actiepunt|besluit|kenmerk|zaaknummer)\W{0,3}$", re.I)
REDACTION_BEFORE = re.compile(r"5[.,]\s?1[.,]?\s*$")
PHONE = re.compile(r"(?:\+31|\b0)\d{1,3}[\s-]?\d{2,4}[\s-]?\d{2,4}(?:[\s-]?\d{2,4})?|\b14\s?0\d{2}\b")
YEAR = re.compile(r"^(?:19|20)\d\d$")

# ---- dates and periods -----------------------------------------------------------------
SEASON_SWAP = {"voorjaar": "najaar", "najaar": "voorjaar", "zomer": "winter", "winter": "zomer"}
DATE_PATTERNS = (  # (kind, pattern); earlier patterns win overlaps, longer ones first
    ("full-date", re.compile(rf"\b(\d{{1,2}})\s+({MONTH})(?:\s+(\d{{4}}))?\b", re.I)),
    ("numeric-date", re.compile(r"\b(\d{1,2})-(\d{1,2})-(\d{4})\b")),
    ("before-summer", re.compile(r"\bvoor de zomer(\s+(?:van\s+)?20\d\d)?\b", re.I)),
    ("season", re.compile(r"\b(voorjaar|najaar|zomer|winter)(\s+(?:van\s+)?20\d\d)?\b", re.I)),
    ("quarter", re.compile(r"\bQ([1-4])(\s+20\d\d)?\b")),
    ("quarter", re.compile(r"\b(eerste|tweede|derde|vierde) kwartaal\b", re.I)),
    ("period", re.compile(rf"\b(begin|medio|eind|half|halverwege)\s+({MONTH}|20\d\d)\b", re.I)),
    ("month-year", re.compile(rf"\b({MONTH})\s+(20\d\d)\b", re.I)),
    ("year", re.compile(r"\b(?:in|voor|vanaf|sinds|per|na|tot|uiterlijk|najaar|voorjaar|zomer)\s+(20\d\d)\b", re.I)),
    ("month", re.compile(rf"\b(?:in|vanaf|sinds|per|voor|na|tot|uiterlijk|begin|eind|medio)\s+({MONTH})\b(?!\s+\d)", re.I)),
)
QUARTER_WORDS = ("eerste", "tweede", "derde", "vierde")

# ---- answers ---------------------------------------------------------------------------
YES_NO = re.compile(r"^(\s*(?:[-•]\s*)?(?:o\s+)?)(Ja|Nee)(?=[\s.,;:!]|$)")
NEGATION = re.compile(r"\b(niet|geen|wel)\b")
NEGATION_IDIOM = re.compile(
    r"(?:\b(?:wel of|of|al dan)\s+(?:niet|geen)\b|\bniet\s*-|\bniet westers|\bniet alleen\b|"
    r"\bwel eens\b|\bwel of niet\b|\bof wel\b)", re.I)
NEGATION_SWAP = {"niet": "wel", "geen": "wel", "wel": "niet"}


@dataclass(frozen=True)
class Note:
    """One source note: the set it comes from, its file name and its text."""

    set_name: str
    name: str
    text: str

    @property
    def key(self) -> str:
        return f"{self.set_name}/{self.name}"

    @property
    def lines(self) -> list[str]:
        return self.text.split("\n")


@dataclass(frozen=True)
class Site:
    """One value on one line of a note and the text that replaces it."""

    note: str  # Note.key
    line: int  # 1-based
    start: int  # column span of ``before`` in the line, 0-based
    end: int
    before: str
    after: str
    category: str  # figure | date | answer
    kind: str  # e.g. "figure:transpose", "answer:yes-no", "answer:date:season"
    unit: tuple[int, int]  # 1-based lines copied in the within modes (an answer: its question)

    def apply(self, line: str, shift: int = 0) -> str:
        """``line`` with the value replaced; ``shift`` moves the span (a re-bulleted copy)."""
        start, end = self.start + shift, self.end + shift
        assert line[start:end] == self.before, (line, self)
        return line[:start] + self.after + line[end:]


@dataclass(frozen=True)
class Case:
    """One site in one mode: the mutated set, its twin and the two lines that now disagree."""

    mode: str
    site: Site
    files: tuple[tuple[str, str], ...]  # (file name, text) of the mutated set
    twin: tuple[tuple[str, str], ...]  # the same set with the value unchanged
    mutated: tuple[str, int]  # (file name, line) of the changed value
    counterpart: tuple[str, int]  # the line it contradicts
    source_unit: tuple[str, int, int]  # (file, first, last) of the original lines in the twin
    copy_unit: tuple[str, int, int]  # the copied lines in the twin


# ---- reading the sources ---------------------------------------------------------------

def source_notes() -> list[Note]:
    """The 5 seed notes, every note of the dev sets and the corpus notes, in a fixed order."""
    folders = [("seeds", SHARED / "seeds")]
    folders += [(f"devsets/{d.name}", d / "notes") for d in sorted((SHARED / "devsets").glob("*"))
                if (d / "notes").is_dir()]
    folders.append(("corpus", ROOT / "corpus"))
    notes = []
    for set_name, folder in folders:
        for path in sorted(folder.glob("*")):
            if path.suffix in (".txt", ".md") and path.name != "README.md":
                notes.append(Note(set_name, path.name, path.read_text(encoding="utf-8")))
    return notes


def _plain(line: str) -> str:
    """A line without Markdown heading and bold marks."""
    return line.strip().lstrip("#").strip().strip("*").strip()


def is_heading(line: str) -> bool:
    """A short line standing alone as a title: a Markdown heading, or no bullet, no
    sentence end and a capital."""
    text = _plain(line)
    if line.lstrip().startswith("#"):
        return bool(text)
    if not text or BULLET.match(line) or ANSWER_MARK.match(line) or NUMBERED_QUESTION.match(line):
        return False
    return (len(text) <= 80 and len(text.split()) <= 10 and text[0].isupper()
            and text[-1] not in ".,;?!" and not re.search(r":\s*\S", text))  # no "Label: value"


def header_end(lines: list[str]) -> int:
    """0-based index of the first body line: a bullet, a known section or a ``###`` heading."""
    for i, line in enumerate(lines):
        if BULLET.match(line) or SECTION_WORDS.match(_plain(line)) or line.lstrip().startswith("###"):
            return i
    return len(lines)


def question_starts(lines: list[str]) -> list[int]:
    """0-based lines that open a numbered council question ("1. …", "16.Hoe", "Vraag 1:")."""
    starts, in_questions = [], False
    for i, line in enumerate(lines):
        if VRAAG_QUESTION.match(line):
            starts.append(i)
        elif in_questions and NUMBERED_QUESTION.match(line):
            starts.append(i)
        elif is_heading(line) and QUESTIONS_HEADING.search(line):
            in_questions = True
    return starts


def answer_blocks(lines: list[str]) -> list[tuple[int, int, int]]:
    """(question, first answer line, last answer line), 0-based, for every question with
    a bullet answer: the answer runs from its first bullet (after "Antwoord:" if there is
    one) to the next question or heading."""
    starts = question_starts(lines)
    blocks = []
    for n, q in enumerate(starts):
        stop = starts[n + 1] if n + 1 < len(starts) else len(lines)
        begin = next((i + 1 for i in range(q + 1, stop) if ANSWER_MARK.match(lines[i])), q + 1)
        first = last = None
        for i in range(begin, stop):
            if first is None:
                if BULLET.match(lines[i]):
                    first = last = i
                continue
            if is_heading(lines[i]):
                break
            if lines[i].strip():
                last = i
        if first is not None:
            blocks.append((q, first, last))
    return blocks


# ---- document dates --------------------------------------------------------------------

def header_date(lines: list[str]) -> tuple[int, re.Match] | None:
    """The first full date in the header (the meeting date)."""
    for i in range(header_end(lines)):
        m = FULL_DATE.search(lines[i])
        if m:
            return i, m
    return None


def front_matter_date(lines: list[str]) -> int | None:
    """0-based line of a front matter ``date:``."""
    if not lines or lines[0].strip() != "---":
        return None
    for i in range(1, len(lines)):
        if lines[i].strip() == "---":
            return None
        if FRONT_MATTER_DATE.match(lines[i]):
            return i
    return None


def is_dated(note: Note) -> bool:
    """Whether the note has a meeting date in its header, a front matter date or a file-name date."""
    lines = note.lines
    return bool(header_date(lines) or front_matter_date(lines) is not None or FILE_DATE.search(note.name))


def _format_date(day: dt.date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def _shift_file_date(m: re.Match, days: int) -> str:
    """A file-name date moved by ``days``, in its own format."""
    day = dt.date(int(m[1]), int(m[3]), int(m[4])) + dt.timedelta(days)
    return f"{day.year}{m[2]}{day.month:02d}{m[2]}{day.day:02d}"


def later_copy(note: Note, days: int = 7) -> tuple[str, str]:
    """(file name, text) of a copy dated ``days`` later: header, front matter, file name."""
    lines = note.lines
    found = header_date(lines)
    if found:
        i, m = found
        day = dt.date(int(m[3]), MONTHS.index(m[2].lower()) + 1, int(m[1])) + dt.timedelta(days)
        lines[i] = lines[i][:m.start()] + _format_date(day) + lines[i][m.end():]
    fm = front_matter_date(lines)
    if fm is not None:
        day = dt.date.fromisoformat(FRONT_MATTER_DATE.match(lines[fm])[1]) + dt.timedelta(days)
        lines[fm] = f"date: {day.isoformat()}"
    name = FILE_DATE.sub(lambda m: _shift_file_date(m, days), note.name)
    if name == note.name:
        stem, _, ext = name.rpartition(".")
        name = f"{stem}_v2.{ext}"
    return name, "\n".join(lines)


def undated(note: Note) -> tuple[str, str]:
    """(file name, text) of the note with its meeting date, front matter date and file-name
    date removed; line numbers are kept."""
    lines = note.lines
    found = header_date(lines)
    if found:
        i, m = found
        head = re.sub(r"[,\s]+$", "", lines[i][:m.start()])
        tail = lines[i][m.end():].lstrip(" ,")
        glue = "" if not tail or head.endswith("*") or tail.startswith("*") else " "
        lines[i] = head + glue + tail
    fm = front_matter_date(lines)
    if fm is not None:
        lines[fm] = ""
    stem, _, ext = note.name.rpartition(".")
    stem = re.sub(r"[_-]{2,}", "_", FILE_DATE.sub("", stem)).strip("_-") or "notitie"
    return f"{stem}.{ext}", "\n".join(lines)


# ---- finding targets -------------------------------------------------------------------

def _is_figure(line: str, start: int, end: int, masked: list[tuple[int, int]]) -> bool:
    """Whether the number at [start, end) counts or measures something (not a year, a
    date, a label, a list number, a redaction mark, a phone number or a time)."""
    text, before, after = line[start:end], line[:start], line[end:]
    if YEAR.match(text) or any(a <= start < b for a, b in masked):
        return False
    if re.match(r"^\s*[-–/]\s*\d", after) or re.search(r"\d\s*[-–/]\s*$", before):
        return False  # a range or a date in digits
    if re.match(r"^\s*(?:[.)]|u\b|uur\b)", after) and not re.match(r"^\.\s", after):
        return False  # a list number, a clock time
    if re.match(r"^[.)]", after) and not before.strip(" -•*#o"):
        return False  # "1. …" numbering
    if LABEL_BEFORE.search(before) or REDACTION_BEFORE.search(before):
        return False
    if re.search(r"\btot\s*$", before) or re.match(r"^\s+tot\s+\d", after):
        return False  # a bound such as "0 tot 12 jaar", "tot 18 jaar"
    if UNIT_AFTER.match(after) or CURRENCY_BEFORE.search(before):
        return True
    noun = NOUN_AFTER.match(after)
    return bool(noun) and noun[1].lower() not in NOT_A_NOUN


def _changed_number(text: str, rng: random.Random) -> tuple[str, str]:
    """(kind, new text): two adjacent digits swapped, or another value of the same form."""
    digits = [c for c in text if c.isdigit()]
    swaps = [i for i in range(len(digits) - 1)
             if digits[i] != digits[i + 1] and not (i == 0 and digits[1] == "0")]
    if swaps and rng.random() < 0.5:
        i = rng.choice(swaps)
        digits[i], digits[i + 1] = digits[i + 1], digits[i]
        it = iter(digits)
        return "transpose", "".join(next(it) if c.isdigit() else c for c in text)
    integer, _, decimals = text.replace(".", "").partition(",")
    value = int(integer + decimals)
    if value < 10:
        new = value + rng.choice((1, 2)) if value < 3 else value + rng.choice((-1, 1))
    else:
        new = round(value * rng.choice((0.75, 0.8, 1.2, 1.25, 1.5)))
        new = new if new != value else value + 1
    body = str(new)
    if decimals:
        body = body.rjust(len(decimals) + 1, "0")
        body = f"{body[:-len(decimals)]},{body[-len(decimals):]}"
    if "." in text.partition(",")[0]:
        whole, comma, frac = body.partition(",")
        body = f"{int(whole):,}".replace(",", ".") + comma + frac
    return "value", body


def figure_sites(note: Note, line_no: int, rng: random.Random) -> list[tuple[int, int, str, str, str]]:
    """(start, end, before, after, kind) for every figure on a line."""
    line = note.lines[line_no - 1]
    masked = [m.span() for m in PHONE.finditer(line)]
    masked += [m.span() for pattern in (FULL_DATE, ISO_DATE) for m in pattern.finditer(line)]
    found = []
    for m in NUMBER.finditer(line):
        if _is_figure(line, m.start(), m.end(), masked):
            kind, after = _changed_number(m[1], rng)
            found.append((m.start(), m.end(), m[1], after, f"figure:{kind}"))
    for m in NUMBER_WORD.finditer(line):
        if _is_figure(line, m.start(), m.end(), masked):
            i = NUMBER_WORDS.index(m[1].lower())
            word = NUMBER_WORDS[i + 1 if i == 0 else i - 1 if i == len(NUMBER_WORDS) - 1 else i + rng.choice((-1, 1))]
            found.append((m.start(), m.end(), m[1], word.capitalize() if m[1][0].isupper() else word,
                          "figure:word"))
    return found


def _date_change(kind: str, m: re.Match, rng: random.Random) -> str:
    """The replacement of one date or period match."""
    text = m[0]
    if kind == "full-date":
        day, month, year = int(m[1]), MONTHS.index(m[2].lower()), m[3]
        options = ["day", "month"] + (["year"] if year else [])
        pick = rng.choice(options)
        if pick == "year":
            return text.replace(year, str(int(year) + 1))
        if pick == "day":
            day = day + 7 if day <= 21 else day - 7
            return f"{day} {m[2]}" + (f" {year}" if year else "")
        return f"{min(day, 28)} {MONTHS[(month + 1) % 12]}" + (f" {year}" if year else "")
    if kind == "numeric-date":
        day = int(m[1])
        return f"{day + 7 if day <= 21 else day - 7}-{m[2]}-{m[3]}"
    if kind == "before-summer":
        return "in het najaar" + (m[1] or "")
    if kind == "season":
        word = SEASON_SWAP[m[1].lower()]
        return (word.capitalize() if m[1][0].isupper() else word) + (m[2] or "")
    if kind == "quarter":
        if text.upper().startswith("Q"):
            return f"Q{(int(m[1]) + 1) % 4 + 1}" + (m[2] or "")
        i = QUARTER_WORDS.index(m[1].lower())
        return text.replace(m[1], QUARTER_WORDS[(i + 2) % 4])
    if kind == "period":
        word, what = m[1].lower(), m[2]
        if what.isdigit() and rng.random() < 0.5:
            return f"{m[1]} {int(what) + 1}"
        other = "begin" if word in ("eind", "medio", "half", "halverwege") else "eind"
        return f"{other.capitalize() if m[1][0].isupper() else other} {what}"
    if kind in ("month-year", "month"):
        if kind == "month-year" and rng.random() < 0.5:
            return f"{m[1]} {int(m[2]) + 1}"
        i = MONTHS.index(m[1].lower())
        return text[:m.start(1) - m.start()] + MONTHS[(i + rng.choice((1, 2, 3))) % 12] + text[m.end(1) - m.start():]
    year = m[1]  # "year"
    return text.replace(year, str(int(year) + 1))


def date_sites(note: Note, line_no: int, rng: random.Random) -> list[tuple[int, int, str, str, str]]:
    """(start, end, before, after, kind) for every date or period on a line; overlapping
    matches go to the earlier pattern."""
    line = note.lines[line_no - 1]
    taken: list[tuple[int, int]] = []
    found = []
    for kind, pattern in DATE_PATTERNS:
        for m in pattern.finditer(line):
            if any(m.start() < b and a < m.end() for a, b in taken):
                continue
            if kind == "month-year" and re.search(r"\d\s*$", line[:m.start()]):
                continue
            taken.append(m.span())
            after = _date_change(kind, m, rng)
            if after != m[0]:
                found.append((m.start(), m.end(), m[0], after, f"date:{kind}"))
    return sorted(found)


def answer_sites(note: Note, line_no: int) -> list[tuple[int, int, str, str, str]]:
    """(start, end, before, after, kind): an answer's opening "Ja"/"Nee" and its negations."""
    line = note.lines[line_no - 1]
    found = []
    m = YES_NO.match(line)
    if m:
        found.append((m.start(2), m.end(2), m[2], "Nee" if m[2] == "Ja" else "Ja", "answer:yes-no"))
    idioms = [i.span() for i in NEGATION_IDIOM.finditer(line)]
    for m in NEGATION.finditer(line):
        if not any(a <= m.start() < b for a, b in idioms):
            found.append((m.start(), m.end(), m[1], NEGATION_SWAP[m[1]], "answer:negation"))
    return found


def note_sites(note: Note, seed: int) -> list[Site]:
    """Every mutation site of a note, in line order; the replacement values are drawn
    from a generator seeded by the seed and the note."""
    rng = random.Random(f"{seed}:{note.key}")
    lines = note.lines
    in_answer = {}
    for q, first, last in answer_blocks(lines):
        for i in range(first, last + 1):
            in_answer[i + 1] = (q + 1, last + 1)
    sites = []
    for line_no in range(header_end(lines) + 1, len(lines) + 1):
        if not lines[line_no - 1].strip() or is_heading(lines[line_no - 1]):
            continue
        block = in_answer.get(line_no)
        found = figure_sites(note, line_no, rng) + date_sites(note, line_no, rng)
        if block:
            found += answer_sites(note, line_no)
        for start, end, before, after, kind in sorted(found):
            category = "answer" if block else kind.split(":")[0]
            kind = kind if kind.startswith("answer") or not block else f"answer:{kind}"
            sites.append(Site(note.key, line_no, start, end, before, after, category, kind,
                              block or (line_no, line_no)))
    return sites


# ---- choosing sites --------------------------------------------------------------------

def _pick(pool: list[Site], category: str, rng: random.Random) -> Site:
    """Take one site from a note's pool: answers by kind first (yes-no, negation, figure,
    date equally often), figures and dates as they come."""
    if category == "answer":
        kinds = sorted({s.kind.split(":")[1] for s in pool})
        kind = rng.choice(kinds)
        index = next(i for i, s in enumerate(pool) if s.kind.split(":")[1] == kind)
    else:
        index = 0
    return pool.pop(index)


def select_sites(notes: list[Note], seed: int, per_mode: int) -> list[Site]:
    """Sites for every category, round-robin over the notes that have any, until every mode
    holds ``per_mode / 3`` of the category (undated notes only count for within-undated)."""
    rng = random.Random(seed)
    dated = {n.key: is_dated(n) for n in notes}
    quota = ceil(per_mode / len(CATEGORIES))
    all_sites = {n.key: note_sites(n, seed) for n in notes}
    chosen: list[Site] = []
    for category in CATEGORIES:
        pools = {key: [s for s in sites if s.category == category] for key, sites in all_sites.items()}
        for pool in pools.values():
            rng.shuffle(pool)
        order = sorted(key for key, pool in pools.items() if pool)
        rng.shuffle(order)
        counts: Counter = Counter()
        while min(counts[m] for m in MODES) < quota and any(pools[k] for k in order):
            for key in order:
                if not pools[key]:
                    continue
                chosen.append(_pick(pools[key], category, rng))
                counts.update(MODES if dated[key] else ("within-undated",))
                if min(counts[m] for m in MODES) >= quota:
                    break
    return chosen


# ---- building cases --------------------------------------------------------------------

def _renumbered(line: str, number: int) -> str:
    m = VRAAG_QUESTION.match(line) or NUMBERED_QUESTION.match(line)
    return line[:m.start(1)] + str(number) + line[m.end(1):]


def _insert_copy(lines: list[str], site: Site, rng: random.Random) -> tuple[list[str], int, int]:
    """The note's lines with the site's unit copied further on, the copy's first line
    (0-based) and the column shift of the copied target line.

    A single line becomes a new bullet at the end of a later section (not the questions
    and answers; or, when there is none or by chance, at the
    end of the note under its own heading); a question with its answer is appended at
    the end as a new question with the next number."""
    lines = list(lines)
    while lines and not lines[-1].strip():
        lines.pop()
    first, last = site.unit[0] - 1, site.unit[1] - 1
    if first != last:  # a question with its answer
        numbers = [int((VRAAG_QUESTION.match(lines[i]) or NUMBERED_QUESTION.match(lines[i]))[1])
                   for i in question_starts(lines)]
        block = [_renumbered(lines[first], max(numbers) + 1)] + lines[first + 1:last + 1]
        lines += ["", "Aanvullende vragen", ""]
        return lines + block + [""], len(lines), 0
    prefix = BULLET_PREFIX.match(lines[first]).end()
    copy = "- " + lines[first][prefix:]
    in_questions = {i for q, _, end in answer_blocks(lines) for i in range(q, end + 1)}
    headings = [i for i in range(last + 1, len(lines)) if is_heading(lines[i])]
    later = [i for i in headings if i not in in_questions and not QUESTIONS_HEADING.search(lines[i])]
    if later and rng.random() < 0.5:
        heading = rng.choice(later)
        bounds = set(headings) | set(question_starts(lines))
        nxt = min((i for i in bounds if i > heading), default=len(lines))
        end = max(i for i in range(heading, nxt) if lines[i].strip())
        return lines[:end + 1] + [copy] + lines[end + 1:] + [""], end + 1, 2 - prefix
    lines += ["", "Aanvullende informatie", ""]
    return lines + [copy, ""], len(lines), 2 - prefix


def later_copy_case(note: Note, site: Site) -> Case:
    """The note and a copy one week later, the value changed in the copy."""
    name, text = later_copy(note)
    lines = text.split("\n")
    mutated = list(lines)
    mutated[site.line - 1] = site.apply(lines[site.line - 1])
    n = len(lines)
    return Case("later-copy", site, ((note.name, note.text), (name, "\n".join(mutated))),
                ((note.name, note.text), (name, text)), (name, site.line), (note.name, site.line),
                (note.name, 1, n), (name, 1, n))


def within_case(note: Note, site: Site, mode: str, seed: int) -> Case:
    """The note (dated, or with its date removed) with the site's unit copied further on
    and the value changed in one of the two copies, chosen at random."""
    name, text = (note.name, note.text) if mode == "within-dated" else undated(note)
    insertion_rng = random.Random(f"{seed}:{mode}:{note.key}:{site.unit}")
    lines, copy_first, shift = _insert_copy(text.split("\n"), site, insertion_rng)
    copy_line = copy_first + site.line - site.unit[0]  # 0-based
    original = site.line - 1
    in_copy = random.Random(f"{seed}:{mode}:{note.key}:{site.line}:{site.start}").random() < 0.5
    mutated = list(lines)
    if in_copy:
        mutated[copy_line] = site.apply(lines[copy_line], shift)
    else:
        mutated[original] = site.apply(lines[original])
    changed, other = (copy_line, original) if in_copy else (original, copy_line)
    size = site.unit[1] - site.unit[0]
    return Case(mode, site, ((name, "\n".join(mutated)),), ((name, "\n".join(lines)),),
                (name, changed + 1), (name, other + 1), (name, site.unit[0], site.unit[1]),
                (name, copy_first + 1, copy_first + 1 + size))


def build_cases(notes: list[Note], sites: list[Site], seed: int) -> list[Case]:
    """Every site in every mode that applies, in site order then mode order."""
    by_key = {n.key: n for n in notes}
    cases = []
    for site in sites:
        note = by_key[site.note]
        for mode in MODES:
            if mode == "within-undated":
                cases.append(within_case(note, site, mode, seed))
            elif is_dated(note):
                cases.append(later_copy_case(note, site) if mode == "later-copy"
                             else within_case(note, site, mode, seed))
    return cases


def generate(seed: int = 1, per_mode: int = 120) -> list[Case]:
    """The benchmark's cases: the same seed gives the same cases in the same order."""
    notes = source_notes()
    return build_cases(notes, select_sites(notes, seed, per_mode), seed)


def sample_mutations(seed: int = 1, n_per_category: int = 2) -> list[Case]:
    """A few cases per category for a CI slice, spread over the modes."""
    notes = source_notes()
    sites = select_sites(notes, seed, per_mode=3 * n_per_category)
    picked: list[Case] = []
    for category in CATEGORIES:
        cases = build_cases(notes, [s for s in sites if s.category == category], seed)
        for i in range(n_per_category):
            mode = MODES[i % len(MODES)]
            picked.append(next(c for c in cases if c.mode == mode and c not in picked))
    return picked


def snippet(site: Site, line: str, width: int = 100) -> tuple[str, str]:
    """The line around the changed value, before and after, cut to about ``width``."""
    start = max(0, min(site.start - width // 2, len(line) - width))
    before = line[start:start + width]
    after_line = site.apply(line)
    after = after_line[start:start + width + len(site.after) - len(site.before)]
    mark = "…" if start else ""
    return mark + before.strip(), mark + after.strip()

