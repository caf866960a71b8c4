"""Which figures are one quantity: the same sentence copied with another figure, or
the same thing in other words (see diverging-figure's documentation), found through
blocking keys, never all pairs. Shared by diverging-figure and changed-figure."""

from __future__ import annotations

import datetime as dt
import functools
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from annolint.context import different_items, item_of
from annolint.figures.statements import FigureStatement
from annolint.index import WORD, CorpusIndex
from annolint.kept_pairs import Found, alike_pairs, keeping_for
from annolint.similarity import aligned, subject_similarity

if TYPE_CHECKING:
    from annolint.kinds.diverging_figure import Params


def same_quantity(a: FigureStatement, b: FigureStatement, index: CorpusIndex, params: Params,
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
    shared = shared_around(a, b, index)
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


def shared_around(a: FigureStatement, b: FigureStatement, index: CorpusIndex) -> frozenset[str]:
    """The words around two figures that both have, besides the genre's and the unit."""
    return (a.window & b.window) - index.common_terms - {a.figure.unit}


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


def quantity_pairs(statements: list[FigureStatement], index: CorpusIndex, params: Params,
                   chosen: tuple = ()) -> Found:
    """The pairs (i, j) of statements that give one quantity, each decided "copy" or
    "paraphrase" (``Found.decided``), found
    through shared rare words and copied sentences, never all pairs; with the run
    before's, kept for the next under ``chosen`` (how the caller chose the
    statements: its rule kind and scope; ``kept_pairs``)."""
    crowded = _crowded(statements, frozenset(w.lower().rstrip(".") for w in index.lexicon.figures.respective_words))
    siblings = _siblings(statements)
    items = Items()
    # everything same_quantity reads of a statement but its note; a note's date only
    # for a figure without a period whose quantity another figure gives for a day
    # (``_latest_reading``)
    read_on_a_day = {s.quantity[:3] for s in statements if s.period is not None and s.period.granularity == "day"}

    def read_on_its_day(s: FigureStatement) -> dt.date | None:
        """The date of the note of a figure without a period whose quantity another
        figure gives for a day: the one thing same_quantity reads of a statement that the
        rest of the set decides (``date_from_set``, ``read_on_a_day``)."""
        return s.doc_date if s.period is None and s.quantity[:3] in read_on_a_day else None

    def wording(s: FigureStatement) -> tuple:
        return (s.quantity, s.figure.text, s.figure.unit, s.period, s.period_text, s.aligned, s.ordinal,
                read_on_its_day(s), items.of(s), siblings[(s.path, s.sentence_id)], id(s) in crowded,
                s.window, s.terms)

    def terms(s: FigureStatement) -> frozenset[str]:
        return s.window | s.terms | _stated(s)

    # decisions read the weights of the terms blocked on, and the set's names among them
    keeping = keeping_for(index, ("figures", params, *chosen), statements, lambda s: s.doc,
                          context=read_on_its_day, names=index.named_terms)
    # the consumers join clusters and sets of partners: the order of the pairs is theirs to ignore
    return alike_pairs(statements, terms, index.term_weight, wording,
                           lambda a, b: same_quantity(a, b, index, params, crowded, siblings, items),
                           exact=lambda s: (s.aligned, s.ordinal, s.quantity[:3]), kind=_kind, keeping=keeping)


def _stated(s: FigureStatement) -> frozenset[str]:
    """A blocking key for a figure given for a stated period: its unit and period, as a
    term no word can be ("in het tweede halfjaar van 2025 zijn 112 statushouders
    gehuisvest" meets "in de tweede helft van 2025 … 118 statushouders" however
    common its other words are)."""
    if s.period is None:
        return frozenset()
    return frozenset({f"@{s.figure.unit}|{s.period.start}|{s.period.end}"})


class Versions:
    """The pairs of statements that give one quantity (``quantity_pairs``), as
    diverging-figure found them: by their numbers in one list of statements, in two
    arrays (``kept_pairs.Found``: a set of 4,000 notes has a million pairs). Those in
    two notes are the versions changed-figure follows."""

    def __init__(self, statements: list[FigureStatement], found: Found):
        self.statements = statements
        self.found = found

    def __iter__(self) -> Iterator[tuple[FigureStatement, FigureStatement, str]]:
        """The pairs in two notes."""
        statements = self.statements
        for i, j, how in self.found.decided():
            a, b = statements[i], statements[j]
            if a.doc is not b.doc:
                yield a, b, how

    def partners(self, splits: Iterable[tuple[list[list[int]], list[int]]]) -> dict[int, set[int]]:
        """The statements outside each split's majority, with those of the majority
        they were paired with (``Pairs.partners``)."""
        return self.found.partners(splits)


def versions(statements: list[FigureStatement], index: CorpusIndex, params: Params,
             scope: tuple[str, ...] = ("body",)) -> Iterator[tuple[FigureStatement, FigureStatement, str]]:
    """Pairs of statements in two notes that give one quantity (``same_quantity``),
    with how they were matched: one sentence copied with another figure ("copy") or
    the same quantity in other words ("paraphrase"). The versions changed-figure
    follows; taken from diverging-figure's run over the same scope when there was one."""
    known: Versions | None = index.memo.get(("figure-versions", params, scope))
    if known is not None:
        wanted = {id(s) for s in statements}
        for a, b, how in known:
            if id(a) in wanted and id(b) in wanted:
                yield a, b, how
        return
    for i, j, how in quantity_pairs(statements, index, params, ("changed-figure", scope)).decided():
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


