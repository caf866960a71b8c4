"""diverging-figure: the same figure with different values, across notes or within one.

What it does
    Reads every figure of the set as a value with its vagueness ("ca. 240" allows
    216–264, "10-15%" allows 10–15), its unit ("%", "EUR", the counted noun: "53
    personen"), the period it refers to ("10% in 2021", "peildatum 4 juli 2024") and
    its role (target: "streefcijfer", forecast: "raming", or measured). Figures are
    the same quantity when

    - their sentences are one copy with the figures cut out (copy-paste drift), or
    - they are said in other words about the same thing: the words around the two
      figures share at least ``min-shared-terms`` words (one, when both give the
      same period: "in het tweede halfjaar van 2025 zijn 112 … gehuisvest" / "in de
      tweede helft van 2025 hebben we 118 … gehuisvest") and the sentences'
      subjects agree (``min-similarity``),

    and their unit, role and period are equal (digits swapped, "285 opvangplekken" /
    "258 plekken", may write the unit as a compound of the other's; swapped within one
    note they need only a shared word) ("Stand per 1 september: in het tweede
    halfjaar zijn 29 …" is the count by 1 September, not the half year's; the day or
    month an amount of money was decided or sent is not its period: "het krediet van €
    4,2 mln, dat de raad op 3 juli beschikbaar stelde"). A figure
    without a reference day, in a note written within two months after another's
    ("42% wacht langer dan de norm" in October against "47% (peildatum 1
    september)"), gives the latest reading its note knew: the same period. A figure
    that disagrees with the others (values that cannot both be true, given how vaguely
    each is written; "ruim 110" beside 112 and 118 does not make those two agree) is
    reported when the disagreement cannot be an update: within one note or in notes
    of the same date; for a stated period ("in 2021"); or when notes both before and
    after it give the other value. A figure that changed once and stayed changed is
    an update, and is left alone. The other side's places shown are the figures of
    this note, then the nearest notes; of one sentence copied into many notes, the copy
    just before and the one just after (the message counts every note).

Why
    Figures are what the press quotes. A figure updated in one note only, or
    retyped wrongly, makes the alderman say two numbers in public.

Parameters
    min-similarity: how alike the subjects of two differently worded sentences must
        be, 0–1 (weighted cosine; default 0.4).
    min-shared-terms: how many words the surroundings of two figures must share
        (default 2).
    alignment: how alike two sentences must be, once their figures are cut out, to
        count as one copy, 0–1 (default 0.9).

Example
    FAIL  30 May: "Op dit moment zijn 1.250 woningen aangesloten." where the notes of
          January, March, June and September say 1.200
    PASS  "streefcijfer 20%" and "het aandeel is 20,74%" (a target and a measurement)
    PASS  "10% in 2021, 14% in 2023" (two periods)
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from dataclasses import dataclass

from annolint.figures.statements import FigureStatement
from annolint.findings import Related
from annolint.i18n import plural, say
from annolint.index import CorpusIndex, in_scope
from annolint.kinds.base import Match, note_date, quote
from annolint.kinds.quantities import Versions, quantity_pairs, same_value, transposed
from annolint.similarity import Clusters, aligned, shared_words, split_by_agreement

MESSAGE_FIELDS = frozenset({"value", "date", "other", "other_note", "other_date", "more", "how", "subject"})
READS = ("figures", "sentences")  # the facts of each note it reads (``CorpusIndex.extractors``)
SHARES = ("figure-versions",)  # the versions of each figure, which changed-figure follows too


@dataclass(frozen=True)
class Params:
    min_similarity: float = 0.4
    min_shared_terms: int = 2
    alignment: float = 0.9




def _day(s: FigureStatement) -> int:
    """The day number of a statement's note; 0 when the note has no date."""
    return s.doc_date.toordinal() if s.doc_date else 0


def _when(s: FigureStatement) -> tuple:
    return (s.doc_date is None, s.doc_date or 0, s.path, s.span)


def check(params: Params, index: CorpusIndex, scope: tuple[str, ...]) -> Iterator[Match]:
    statements = [s for s in index.figure_statements if in_scope(s.block, scope)]
    clusters = Clusters(len(statements))
    pairs = Versions(statements, quantity_pairs(statements, index, params, ("diverging-figure", scope)))
    for i, j in pairs.found:
        clusters.join(i, j)
    index.memo[("figure-versions", params, scope)] = pairs  # changed-figure follows these
    split = []  # the groups whose statements give more than one value
    for group in clusters.groups():
        if len(group) > 1:
            ordered = sorted(group, key=lambda i: _when(statements[i]))
            values, majority = split_by_agreement(ordered, lambda i, j: same_value(statements[i], statements[j]),
                                                  with_all=True)
            if len(values) > 1:
                split.append((values, majority))
    partners = pairs.partners(split)
    findings = []
    for values, majority in split:
        findings.extend(_departures(values, majority, statements, partners, params))
    yield from sorted(findings, key=lambda m: m.location)


def _departures(values: list[list[int]], majority: list[int], statements: list[FigureStatement],
                partners: dict[int, set[int]], params: Params) -> list[Match]:
    """The statements of one quantity (their numbers in ``statements``, by value) whose
    value departs from the ``majority``'s.

    A group is joined through pairs (A is B, B is C), but a statement is only held
    against the statements it was itself matched with: A and C may be two different
    quantities that each resemble B."""
    found = []
    others = [statements[j] for j in majority]
    for value in values:
        if value is majority:
            continue
        for i in value:
            direct = [statements[j] for j in majority if j in partners[i]]
            if not direct:
                continue
            match = _departure(statements[i], direct, params, others)
            if match is not None:
                found.append(match)
    return found


def _departure(s: FigureStatement, majority: list[FigureStatement], params: Params,
               value: list[FigureStatement]) -> Match | None:
    """``s`` against the statements of the other value it was matched with, unless the
    value changed once and stayed changed (an update): the whole other ``value``'s
    notes tell whether any came after it."""
    by_note: dict[str, FigureStatement] = {}
    for o in majority:  # sorted by date: the first statement of each note
        by_note.setdefault(o.path, o)
    notes = list(by_note.values())
    days = [_day(o) for o in notes]  # ascending: undated last
    together = [o for o in majority if o.doc is s.doc] or \
        [o for o in majority if s.doc_date is not None and o.doc_date == s.doc_date]
    dated = [o.doc_date for o in value if o.doc_date]
    first, last = (min(dated), max(dated)) if dated else (None, None)
    between = s.doc_date is not None and first is not None and first < s.doc_date < last
    if not (together or s.period is not None or between or any(transposed(s, o) for o in majority)):
        return None  # an update: the value changed and stayed changed (digits swapped are a slip)
    nearest = _nearest(notes, days, s)
    others = together or [o for o in nearest if o.doc_date and s.doc_date and o.doc_date > s.doc_date] \
        or nearest
    copied = any(o.ordinal == s.ordinal and aligned(o.aligned, s.aligned, params.alignment)
                 for o in others[:RELATED])
    return _match(s, others, nearest, len(notes), copied, together)


def _nearest(notes: list[FigureStatement], days: list[int], s: FigureStatement) -> list[FigureStatement]:
    """The ``RELATED`` notes nearest in time to ``s`` (``notes`` sorted by date), by date."""
    day = _day(s)
    i = bisect.bisect_left(days, day)
    window = notes[max(0, i - RELATED):i + RELATED]
    return sorted(sorted(window, key=lambda o: abs(_day(o) - day))[:RELATED],
                  key=_when)


def _shown(first: FigureStatement, nearest: list[FigureStatement],
           together: list[FigureStatement]) -> list[FigureStatement]:
    """The other side's places to show: every one in this note (or of its date), then
    the notes nearest in time, ``RELATED`` in all; not a copy of a sentence of this
    note, which only repeats the note's own contradiction elsewhere."""
    shown = list(together[:RELATED])
    for o in (nearest if first in nearest else [first, *nearest]):
        if len(shown) >= RELATED:
            break
        if all(o is not x for x in shown) and all(o.aligned != t.aligned for t in together):
            shown.append(o)
    return shown


RELATED = 5  # the notes nearest in time that give the other value; the message counts them all


def _one_per_wording(s: FigureStatement, shown: list[FigureStatement],
                     together: list[FigureStatement]) -> list[FigureStatement]:
    """Of one sentence copied into several other notes, the copy just before ``s`` and the
    one just after it: the others repeat them (the message counts every note). The
    places in ``s``'s own note all stay."""
    day = _day(s)
    kept: dict[tuple[str, bool], FigureStatement] = {}
    for o in shown:
        if any(o is t for t in together):
            continue
        other = _day(o)
        key = (o.aligned, other > day)
        if key not in kept or abs(other - day) < abs(_day(kept[key]) - day):
            kept[key] = o
    chosen = {id(o) for o in (*kept.values(), *together)}
    return [o for o in shown if id(o) in chosen]


def _match(s: FigureStatement, others: list[FigureStatement], nearest: list[FigureStatement], notes: int,
           copied: bool, together: list[FigureStatement] = ()) -> Match:
    first = others[0]
    more = notes - 1
    where = say("in this note") if first.doc is s.doc else say("in {note} ({date})", note=first.path,
                                                               date=note_date(first))
    return Match(
        s.doc.location(s.span),
        {"value": quote(s.figure.shown), "date": note_date(s), "other": quote(first.figure.shown),
         "other_note": where, "other_date": note_date(first),
         "more": plural(more, " and 1 other note", " and {count} other notes") if more > 0 else "",
         "how": say("the same sentence with another figure") if copied else
         say("the same quantity in other words (both about {words})",
             words=shared_words(s.sentence, s.window, first.window)),
         "subject": quote(s.sentence.rstrip(".!? "), 90)},
        tuple(Related(o.doc.location(o.span), say("{value} in the note of {date}", value=quote(o.figure.shown),
                                                  date=note_date(o)))
              for o in _one_per_wording(s, _shown(first, nearest, together), together)),
        key=f"{s.figure.shown}|{first.figure.shown}|{s.aligned}",
    )
