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
    halfjaar zijn 29 …" is the count by 1 September, not the half year's). A figure
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
import functools
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from annolint.context import different_items, item_of
from annolint.figures.statements import FigureStatement
from annolint.findings import Related
from annolint.i18n import plural, say
from annolint.index import WORD, CorpusIndex, in_scope
from annolint.kinds.base import Match, note_date, quote
from annolint.similarity import (Clusters, aligned, candidate_pairs, shared_words, split_by_agreement,
                                 subject_similarity)

MESSAGE_FIELDS = frozenset({"value", "date", "other", "other_note", "other_date", "more", "how", "subject"})


@dataclass(frozen=True)
class Params:
    min_similarity: float = 0.4
    min_shared_terms: int = 2
    alignment: float = 0.9




def _same_quantity(a: FigureStatement, b: FigureStatement, index: CorpusIndex, params: Params,
                   crowded: frozenset[int] = frozenset(), siblings: Siblings | None = None,
                   items: Items | None = None) -> str:
    """"copy", "paraphrase" or "" (not the same quantity)."""
    if a.doc is b.doc and a.sentence_id == b.sentence_id:
        return ""
    same = a.quantity == b.quantity or _retyped(a, b)
    one_side = not same and _period_on_one_side(a, b, params.alignment)
    if not (same or one_side or _latest_reading(a, b)):
        return ""
    if a.doc is b.doc and a.field and a.field == b.field:
        return ""  # one field twice in a note ("Afstand centrumzone: …"): two records, two items
    items = items if items is not None else Items()
    if different_items(items.of(a), items.of(b)):
        return ""  # "Onderzoekslocatie 1 …:" and "Onderzoekslocatie 2 …:": one line per item
    if one_side or (same and aligned(a.aligned, b.aligned, params.alignment)):
        # One sentence copied: its first figure is the copy's first figure, and so on;
        # a word changed on both sides besides the figure ("in Noord" / "in Oost"), or
        # another figure changed too ("12 tot 18 jaar: 512" / "0 tot 12 jaar: 702":
        # two rows of one breakdown), makes it another quantity.
        if a.ordinal != b.ordinal or _both_changed(a.aligned, b.aligned, index.lexicon.stop_word_set):
            return ""
        if siblings is not None and _another_figure_changed(a, b, siblings):
            return ""
        return "copy"
    # In other words: the counted noun is already equal; the words around must share
    # more than it, neither may name a place, group or item the other does not, and
    # neither may stand beside another figure of its unit ("8% boven het gemiddelde
    # van 32%" relates two quantities: only a copy of that sentence is compared).
    if id(a) in crowded or id(b) in crowded:
        return ""
    shared = (a.window & b.window) - index.common_terms - {a.figure.unit}
    # digits swapped ("143" / "134") are a slip's signature, and the same stated
    # period ("op 1 januari 2026" / "per 1 januari 2026", "in de tweede helft van 2025"
    # / "in het tweede halfjaar van 2025") half the subject: one shared word will do,
    # and with a reference day a less alike wording
    day = a.period is not None and a.period.granularity == "day"
    needed = 1 if transposed(a, b) or (a.period is not None and a.quantity == b.quantity) else params.min_shared_terms
    similarity = params.min_similarity * (DAY_SIMILARITY if day else 1)
    if a.doc is b.doc and transposed(a, b):
        similarity = 0  # digits swapped within one note, on a shared word: a slip, however worded
    if len(shared) >= needed and not _other_names(a, b, index.named_terms) and \
            subject_similarity(a.terms, b.terms, index.term_weight, norm=index.term_norm) >= similarity:
        return "paraphrase"
    return ""


DAY_SIMILARITY = 0.75  # of min-similarity, for two figures given for one reference day
HEAD = 5  # letters of a compound's head that make its unit the head's: "opvangplekken" counts "plekken"


def _kind(s: FigureStatement) -> tuple:
    """What two figures must share to be compared at all (see ``candidate_pairs``): the
    head of the unit (a compound may count its head's things), role and statistic; the
    period may be written on one side only (``_period_on_one_side``)."""
    return (s.figure.unit[-HEAD:], s.role, s.statistic)


def _retyped(a: FigureStatement, b: FigureStatement) -> bool:
    """The same quantity retyped: the digits swapped ("285" / "258") and the unit a
    compound of the other's ("opvangplekken" / "plekken"), all else equal."""
    ua, ub = a.figure.unit, b.figure.unit
    short, long = sorted((ua, ub), key=len)
    return ua != ub and len(short) >= HEAD and long.endswith(short) and a.quantity[1:] == b.quantity[1:] \
        and transposed(a, b)


def transposed(a: FigureStatement, b: FigureStatement) -> bool:
    """The two figures are the same three or more digits in another order ("143" /
    "134", "1.214" / "1.241"): a slip of the keyboard, never an update."""
    da, db = _digits(a.figure.text), _digits(b.figure.text)
    return len(da) >= 3 and da != db and sorted(da) == sorted(db)


@functools.lru_cache(maxsize=65536)
def _digits(text: str) -> str:
    return "".join(c for c in text if c.isdigit())


def _period_on_one_side(a: FigureStatement, b: FigureStatement, alignment: float) -> bool:
    """One copy of a sentence gives the figure a period and the other does not ("de
    groei in de komende drie jaar is 10%" / "de groei is 10%"): the same quantity,
    with the period written once; the copies are compared with that period cut out."""
    if a.quantity[:3] != b.quantity[:3] or (a.period is None) == (b.period is None):
        return False
    dated = a if a.period is not None else b
    cut = " ".join(dated.aligned.replace(" ".join(dated.period_text.lower().split()), " ").split())
    return aligned(cut, (b if dated is a else a).aligned, alignment)


LATEST = 62  # days after a reading's reference day that a note without one still gives that reading


def _latest_reading(a: FigureStatement, b: FigureStatement) -> bool:
    """One figure gives its reference day ("47% (peildatum 1 september 2024)") and the
    other none, in a note written shortly after that day: the undated one gives the
    latest reading its note knew, the same quantity ("42% wacht langer dan de
    Treeknorm", a note of October 2024). A note written long before or after that day
    speaks of another reading."""
    if a.quantity[:3] != b.quantity[:3] or (a.period is None) == (b.period is None):
        return False
    dated, undated = (a, b) if a.period is not None else (b, a)
    day = dated.period.start
    if dated.period.granularity != "day" or day is None or undated.doc_date is None:
        return False
    return 0 <= (undated.doc_date - day).days <= LATEST


class Items:
    """The numbered item each statement's block stands under (``context.item_of``),
    looked up once per block."""

    def __init__(self):
        self._found: dict[tuple[str, int], tuple[str, str] | None] = {}

    def of(self, s: FigureStatement) -> tuple[str, str] | None:
        key = (s.path, s.sentence_id[0])
        if key not in self._found:
            self._found[key] = item_of(s.doc, s.sentence_id[0])
        return self._found[key]


Siblings = dict[tuple[str, tuple[int, int]], tuple[str, ...]]


def _siblings(statements: list[FigureStatement]) -> Siblings:
    """The figures of each sentence as written, by position ("" where a figure was left out)."""
    found: dict[tuple[str, tuple[int, int]], dict[int, str]] = defaultdict(dict)
    for s in statements:
        found[(s.path, s.sentence_id)][s.ordinal] = s.figure.text
    return {key: tuple(by_ordinal.get(n, "") for n in range(max(by_ordinal) + 1))
            for key, by_ordinal in found.items()}


def _another_figure_changed(a: FigureStatement, b: FigureStatement, siblings: Siblings) -> bool:
    """Whether a figure at another position of the two copies is written otherwise too."""
    mine, theirs = siblings[(a.path, a.sentence_id)], siblings[(b.path, b.sentence_id)]
    n = a.ordinal
    if len(mine) == len(theirs) and "" not in mine and "" not in theirs:  # the usual case, compared at once
        return mine[:n] + mine[n + 1:] != theirs[:n] + theirs[n + 1:]
    return any(k != n and x and y and x != y for k, (x, y) in enumerate(zip(mine, theirs)))


def _both_changed(a: str, b: str, stop_words: frozenset[str]) -> bool:
    """Each of two aligned sentences has a word the other lacks (figures aside)."""
    wa, wb = _words(a, stop_words), _words(b, stop_words)
    return bool(wa - wb) and bool(wb - wa)


@functools.lru_cache(maxsize=65536)
def _words(aligned_text: str, stop_words: frozenset[str]) -> frozenset[str]:
    """The words of an aligned sentence that are neither figures nor stop words."""
    return frozenset(aligned_text.split()) - {"#"} - stop_words


def _other_names(a: FigureStatement, b: FigureStatement, names: frozenset[str]) -> bool:
    """Each figure names, in the words around it, something (a place, a group, a
    variant: a name of the set) that the other's sentence does not mention:
    "180 plaatsen in De Wissel" and "60 plaatsen in Paviljoen Zuid"."""
    return bool((a.window & names) - b.terms) and bool((b.window & names) - a.terms)


def _when(s: FigureStatement) -> tuple:
    return (s.doc_date is None, s.doc_date or 0, s.path, s.span)


def check(params: Params, index: CorpusIndex, scope: tuple[str, ...]) -> Iterator[Match]:
    statements = [s for s in index.figure_statements if in_scope(s.block, scope)]
    clusters = Clusters(len(statements))
    partners: dict[int, set[int]] = defaultdict(set)
    versions: list[tuple[int, int, str]] = []
    for i, j, how in _quantity_pairs(statements, index, params):
        a, b = statements[i], statements[j]
        if a.doc is not b.doc:
            versions.append((id(a), id(b), how))
        clusters.join(i, j)
        partners[id(a)].add(id(b))
        partners[id(b)].add(id(a))
    index.memo[("figure-versions", params, scope)] = versions  # changed-figure follows these
    findings = []
    for group in clusters.groups():
        if len(group) > 1:
            findings.extend(_departures([statements[i] for i in group], partners, params))
    yield from sorted(findings, key=lambda m: m.location)


def _quantity_pairs(statements: list[FigureStatement], index: CorpusIndex, params: Params
                    ) -> Iterator[tuple[int, int, str]]:
    """(i, j, "copy" or "paraphrase") for the statements that give one quantity,
    found through shared rare words and copied sentences, never all pairs."""
    crowded = _crowded(statements, frozenset(w.lower().rstrip(".") for w in index.lexicon.figures.respective_words))
    siblings = _siblings(statements)
    items = Items()
    for i, j in candidate_pairs(statements, lambda s: s.window | s.terms | _stated(s), index.term_weight,
                                exact=lambda s: (s.aligned, s.ordinal, s.quantity[:3]),
                                kind=_kind):
        how = _same_quantity(statements[i], statements[j], index, params, crowded, siblings, items)
        if how:
            yield i, j, how


def _stated(s: FigureStatement) -> frozenset[str]:
    """A blocking key for a figure given for a stated period: its unit and period, as a
    term no word can be ("in het tweede halfjaar van 2025 zijn 112 statushouders
    gehuisvest" meets "in de tweede helft van 2025 … 118 statushouders" however
    common its other words are)."""
    if s.period is None:
        return frozenset()
    return frozenset({f"@{s.figure.unit}|{s.period.start}|{s.period.end}"})


def versions(statements: list[FigureStatement], index: CorpusIndex, params: Params,
             scope: tuple[str, ...] = ("body",)) -> Iterator[tuple[FigureStatement, FigureStatement, str]]:
    """Pairs of statements in two notes that give one quantity (``_same_quantity``),
    with how they were matched: one sentence copied with another figure ("copy") or
    the same quantity in other words ("paraphrase"). The versions changed-figure
    follows; taken from diverging-figure's run over the same scope when there was one."""
    known = index.memo.get(("figure-versions", params, scope))
    if known is not None:
        by_id = {id(s): s for s in statements}
        for a, b, how in known:
            if a in by_id and b in by_id:
                yield by_id[a], by_id[b], how
        return
    for i, j, how in _quantity_pairs(statements, index, params):
        if statements[i].doc is not statements[j].doc:
            yield statements[i], statements[j], how


def _crowded(statements: list[FigureStatement], respective: frozenset[str]) -> frozenset[int]:
    """Statements whose sentence holds another figure of the same unit, or gives one
    figure per item ("respectievelijk")."""
    count: Counter = Counter((s.path, s.sentence_id, s.figure.unit) for s in statements)
    per_item = {s.sentence for s in statements
                if respective and any(w in s.sentence.lower() for w in respective)
                and respective & {w.lower() for w in WORD.findall(s.sentence)}}
    return frozenset(id(s) for s in statements if count[(s.path, s.sentence_id, s.figure.unit)] > 1
                     or s.sentence in per_item)


def same_value(a: FigureStatement, b: FigureStatement) -> bool:
    """Two figures of one quantity give the same value: vague figures tolerate what
    they say ("ca. 240" agrees with 243), but one sentence copied with its vague word
    and another number ("ongeveer 60" / "ongeveer 72 bewoners") was rewritten."""
    fa, fb = a.figure, b.figure
    if fa.approximate and fb.approximate and a.aligned == b.aligned and _vague_word(fa) == _vague_word(fb):
        return (fa.low, fa.high) == (fb.low, fb.high) or fa.text == fb.text
    return fa.agrees(fb)


def _vague_word(figure) -> str:
    return figure.text.split()[0].lower() if figure.text.split() else ""


def _departures(group: list[FigureStatement], partners: dict[int, set[int]], params: Params) -> list[Match]:
    """The statements of one quantity whose value departs from the others'.

    A group is joined through pairs (A is B, B is C), but a statement is only held
    against the statements it was itself matched with: A and C may be two different
    quantities that each resemble B."""
    ordered = sorted(group, key=_when)
    values, majority = split_by_agreement(ordered, same_value, with_all=True)
    if len(values) == 1:
        return []
    found = []
    for value in values:
        if value is majority:
            continue
        for s in value:
            direct = [o for o in majority if id(o) in partners[id(s)]]
            if not direct:
                continue
            match = _departure(s, direct, params, majority)
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
    days = [o.doc_date.toordinal() if o.doc_date else 0 for o in notes]  # ascending: undated last
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
    day = s.doc_date.toordinal() if s.doc_date else 0
    i = bisect.bisect_left(days, day)
    window = notes[max(0, i - RELATED):i + RELATED]
    return sorted(sorted(window, key=lambda o: abs((o.doc_date.toordinal() if o.doc_date else 0) - day))[:RELATED],
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
    day = s.doc_date.toordinal() if s.doc_date else 0
    kept: dict[tuple[str, bool], FigureStatement] = {}
    for o in shown:
        if any(o is t for t in together):
            continue
        other = o.doc_date.toordinal() if o.doc_date else 0
        key = (o.aligned, other > day)
        if key not in kept or abs(other - day) < abs((kept[key].doc_date.toordinal() if kept[key].doc_date else 0) - day):
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
