"""conflicting-date: one event or letter given two dates in the same note, or in notes
of the same date.

What it does
    Compares the dated statements of one note (and of notes for the same meeting
    date) with each other. Two statements about the same thing with periods that do
    not overlap are reported: the same sentence copied with another date, or the same
    reference ("de raadsbrief van 28 maart" and "de raadsbrief van 18 maart", "de
    bijeenkomst op 5 november" and "de bijeenkomst van 12 november") in sentences
    about the same subject. Two dates in one sentence are never compared (they are two
    things: "verschijnen eind oktober en worden in november geagendeerd").

Why
    Within one note there is only one true date for a letter or a meeting; the
    alderman will quote one of them.

Parameters
    min-similarity: how alike the two sentences' subjects must be when they share a
        reference (weighted cosine, 0–1; default 0.3).
    alignment: how alike two sentences must be, once their dates are cut out, to count
        as one copy (0–1; default 0.9).

Example
    FAIL  "De raad is in de raadsbrief van 28 maart geïnformeerd …" and, three lines
          on, "Sinds de raadsbrief van 18 maart zijn de kosten niet veranderd."
    PASS  "de raadsbrief van 28 maart" and "de brief van 28 maart" (the same date)
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from annolint.findings import Related
from annolint.index import CorpusIndex, in_scope
from annolint.kinds.base import Match, quote
from annolint.kinds.timeline import matching_pairs, note_date, reference_noun
from annolint.similarity import shared_terms
from annolint.temporal.statements import DatedStatement
from annolint.terms import stem

MESSAGE_FIELDS = frozenset({"expression", "period", "other", "other_period", "where", "subject"})


@dataclass(frozen=True)
class Params:
    min_similarity: float = 0.3
    alignment: float = 0.9


def _same_reference(a: DatedStatement, b: DatedStatement, stop_words: frozenset[str]) -> bool:
    """Both sentences name the thing either date is attached to ("de raadsbrief van …";
    "bijeenkomst" also matches "informatiebijeenkomst")."""
    nouns = {stem(n) for n in (reference_noun(a, stop_words), reference_noun(b, stop_words)) if n}
    return bool(nouns) and all(shared_terms(frozenset({n}), s.own_terms) for n in nouns for s in (a, b))


def check(params: Params, index: CorpusIndex, scope: tuple[str, ...]) -> Iterator[Match]:
    groups: dict[object, list[DatedStatement]] = defaultdict(list)
    for s in index.dated_statements:
        if in_scope(s.block, scope) and s.expression.anchor != "relative":
            groups[s.doc_date or s.path].append(s)
    stop_words = index.lexicon.stop_word_set
    others: dict[DatedStatement, list[DatedStatement]] = defaultdict(list)
    for key in sorted(groups, key=str):
        statements = groups[key]
        for pair in matching_pairs(statements, index, params.min_similarity, params.alignment,
                                   compounds=True,
                                   worth=lambda a, b: not a.expression.interval.overlaps(b.expression.interval)):
            if pair.aligned or _same_reference(pair.first, pair.second, stop_words):
                first, second = sorted((pair.first, pair.second), key=lambda s: (s.path, s.span))
                others[second].append(first)
    # One finding per statement that contradicts an earlier one, naming them all.
    for statement in sorted(others, key=lambda s: (s.path, s.span)):
        earlier = sorted(others[statement], key=lambda s: (s.path, s.span))
        first = earlier[0]
        where = "earlier in this note" if first.doc is statement.doc else f"in {first.path}, a note of the same date"
        yield Match(
            statement.doc.location(statement.span),
            {"expression": quote(statement.expression.text), "period": statement.expression.interval.describe(),
             "other": quote(first.expression.text), "other_period": first.expression.interval.describe(),
             "where": where, "subject": quote(statement.sentence.rstrip(".!? "), 90)},
            tuple(Related(s.doc.location(s.span),
                          f"{quote(s.expression.text)} ({s.expression.interval.describe()}) in the note of {note_date(s)}")
                  for s in earlier),
            key=f"{statement.expression.text.lower()}|{first.expression.text.lower()}",
        )
