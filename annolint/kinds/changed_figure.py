"""changed-figure: a figure that changed between versions of the same sentence.

What it does
    Follows each sentence with a figure through the notes that copy it, in date order
    (the same sentence with another figure: the same quantity as diverging-figure
    reads it), or that say it again in other words much alike (at least three words
    around the figure shared and subjects alike; not a count given as the state so
    far, "tot nu toe 41 gezinnen", which grows in other words). When the figure changes once and the later notes keep the new value,
    diverging-figure takes it for an update and stays silent; this rule reports the
    first note with the new value, against the last note with the old one, and names
    the notes that carry the old value ("42 in the note of 3 October, 24 here"). A
    figure that goes back and forth is diverging-figure's.

    Left to the other rules: a figure with its own reference date ("op 1 september
    2024 stonden 1.214 kinderen …": it cannot change, diverging-figure reports it) and
    a figure in two answers (inconsistent-answer compares repeated answers).

    A figure the sentence gives as the present state ("op dit moment zijn 1.200
    woningen aangesloten", the lexicon's ``current-cues``) is reported too, for such
    counts change between notes and a transposed or mistyped one looks the same; the
    message (``{state}``) says it is most likely an update.

    Silent: a change the later note announces (the lexicon's ``change-cues``:
    "inmiddels", "bijgesteld", "eerder noemden we") and whatever diverging-figure
    keeps apart (another year, place, item, target or statistic).

Why
    "Het bureau heeft 42 gesprekken gevoerd" that becomes 24 in the note of a week
    later is an error or an update; only the writer knows which, and the notes that
    still say 42 may need the update too.

Parameters
    alignment: how alike the two sentences must be once their figures are cut out,
        0–1 (default 0.9).

Example
    FAIL  3 October: "Het bureau heeft 42 gesprekken gevoerd."
          10 October: "Het bureau heeft 24 gesprekken gevoerd."
    PASS  "Het bureau heeft 42 gesprekken gevoerd" and, a week later, "heeft inmiddels
          48 gesprekken gevoerd" (an announced change)
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from annolint.figures.statements import FigureStatement
from annolint.findings import Related
from annolint.i18n import say
from annolint.index import CorpusIndex, in_scope
from annolint.kinds import diverging_figure, quantities
from annolint.kinds.base import Match, note_date, quote
from annolint.kinds.timeline import ChangeCues, announced, change_cues
from annolint.similarity import Clusters, aligned, shared_words, subject_similarity
from annolint.terms import phrases_pattern

MESSAGE_FIELDS = frozenset({"versions", "value", "date", "other", "other_note", "other_date", "old_notes", "subject", "state"})
READS = ("figures", "sentences")  # the facts of each note it reads (``CorpusIndex.extractors``)
SHARES = ("figure-versions",)  # diverging-figure's versions of each figure (``quantities.versions``)
SHOWN = 5  # notes with the old value named in the message and as related places


@dataclass(frozen=True)
class Params:
    alignment: float = 0.9


def check(params: Params, index: CorpusIndex, scope: tuple[str, ...]) -> Iterator[Match]:
    statements = [s for s in index.figure_statements
                  if s.doc_date is not None and not s.doc.date.assumed and in_scope(s.block, scope)]
    versions = quantities.versions(statements, index, diverging_figure.Params(alignment=params.alignment),
                                         scope)
    clusters = Clusters(len(statements))
    position = {id(s): i for i, s in enumerate(statements)}
    current = phrases_pattern(index.lexicon.figures.current_cues)
    for a, b, how in versions:
        if how == "copy" or _same_in_other_words(a, b, index, current):
            clusters.join(position[id(a)], position[id(b)])
    cues = change_cues(index.lexicon)
    found = []
    for group in clusters.groups():
        if len(group) > 1:
            match = _change([statements[i] for i in group], current, cues, params)
            if match is not None:
                found.append(match)
    yield from sorted(found, key=lambda m: m.location)


PARAPHRASE_SIMILARITY = 0.6  # how alike two differently worded sentences must be to be versions
PARAPHRASE_SHARED = 3  # words the surroundings of their figures must share


def _same_in_other_words(a: FigureStatement, b: FigureStatement, index: CorpusIndex, current: re.Pattern) -> bool:
    """Two sentences worded otherwise are versions of one statement when they say much
    the same around the figure (a stricter test than diverging-figure's, which keeps
    its findings to values that cannot both be true): "Beekdal stelt per jaar minimaal
    70 woningen beschikbaar" and "Op grond van het convenant stelt Beekdal per jaar
    minimaal 80 woningen beschikbaar". A count given as the state so far ("tot nu toe
    41 gezinnen geholpen" / "231 gezinnen geholpen") grows in other words: an update,
    unless its digits were swapped."""
    if quantities.transposed(a, b):
        return True
    if current.search(a.sentence) or current.search(b.sentence):
        return False
    return len(quantities.shared_around(a, b, index)) >= PARAPHRASE_SHARED and \
        subject_similarity(a.terms, b.terms, index.term_weight, norm=index.term_norm) >= PARAPHRASE_SIMILARITY


def _change(group: list[FigureStatement], current: re.Pattern, cues: ChangeCues, params: Params) -> Match | None:
    """The first statement of the new value when the value changed exactly once."""
    by_note: dict[str, FigureStatement] = {}
    for s in sorted(group, key=lambda s: (s.doc_date, s.path, s.span)):
        by_note.setdefault(s.path, s)
    notes = list(by_note.values())
    if len({n.doc_date for n in notes}) < 2:
        return None  # notes of one date: conflicting copies are diverging-figure's
    runs: list[list[FigureStatement]] = []
    for s in notes:
        if runs and quantities.same_value(runs[-1][0], s):
            runs[-1].append(s)
        else:
            runs.append([s])
    if len(runs) != 2:
        return None  # unchanged, or back and forth (diverging-figure)
    old, new = runs
    first = new[0]
    if first.period is not None or old[-1].period is not None:
        return None  # a figure with its own reference date cannot change: diverging-figure's error
    if first.block.role == "answer" and old[-1].block.role == "answer":
        return None  # a repeated answer with another figure: inconsistent-answer's
    if first.doc_date == old[-1].doc_date:
        return None  # two notes of one date: diverging-figure's
    if announced(first, cues, old[-1]):
        return None
    shown = old[::-1][:SHOWN]
    more = len(old) - len(shown)
    state = current.search(first.sentence) or current.search(old[-1].sentence)
    before = old[-1]
    versions = say("the same sentence") if aligned(first.aligned, before.aligned, params.alignment) else \
        say("the same statement in other words (both about {words})",
            words=shared_words(first.sentence, first.window, before.window))
    return Match(
        first.doc.location(first.span),
        {"versions": versions, "value": quote(first.figure.shown), "date": note_date(first), "other": quote(old[-1].figure.shown),
         "other_note": old[-1].path, "other_date": note_date(old[-1]),
         "old_notes": ", ".join(s.path for s in shown) + (say(" and {count} more", count=more) if more else ""),
         "subject": quote(first.sentence.rstrip(".!? "), 90),
         "state": say("; the sentence gives it as the present state ({words}), so most likely an update",
                      words=quote(state.group())) if state else ""},
        tuple(Related(s.doc.location(s.span), say("{value} in the note of {date}", value=quote(s.figure.shown),
                                                  date=note_date(s)))
              for s in shown),
        key=f"{first.figure.shown}|{old[-1].figure.shown}|{first.aligned}",
    )
