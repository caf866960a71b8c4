"""shifted-deadline: a promise or plan whose period moved between notes.

What it does
    Reads every time expression of the set as a period ("voor de zomer 2024" is before
    1 June 2024, "in het najaar" in a note of October 2024 is September–November 2024)
    and what it is about (the content words of its sentence, and of the sentence
    before when it opens with "Deze"/"Dit"). When notes of different dates give the
    same promise, plan or expectation periods that do not overlap (or two deadlines,
    "uiterlijk eind 2025" and "uiterlijk eind 2026", whose ends differ), the later
    note is reported, with every earlier note that said otherwise. One finding per later note
    and promise.

    Statements are the same when their sentences are one copy with another date, or
    when their subjects agree (``min-similarity``, weighting rare words high) and
    share a name: a word written with a capital inside a sentence somewhere in the
    set ("de vernieuwde Bestuursopdracht"), other than the genre's common words; or
    when two notes give a subject with exactly the same words, one at least not of
    the genre ("de brief over een tweede flexlocatie"). A yearless date in a note whose
    own date is a guess is not compared ("eind september" in an undated concept). Facts
    ("sinds", "is … verstuurd"), council members' questions and headings are not
    promises. A date of one day that had already passed when the later note was
    written is a past event, not a moved deadline (meetings recur). A move that the
    later note announces, in the same element or the next ("inmiddels", "dit is
    later dan eerder toegezegd": the lexicon's ``change-cues``, or "niet in december
    maar in februari"), is an update, not a contradiction. A note whose date is only
    guessed from its text is never taken for the earlier one. The message says why
    the two were taken for one promise: the same sentence with another date, or the
    words both sentences share, so that a reader can dismiss a wrong match at once.

Why
    A promise that silently moves is the most damaging drift in a briefing set: the
    alderman announces a delay without knowing it.

Parameters
    min-similarity: how alike two subjects must be, 0–1 (weighted cosine; default
        0.15: the shared name and words below carry most of the evidence).
    min-shared-terms: how many words, other than the genre's common words, two
        subjects must share (default 2: one shared word such as "fase" is not enough).
    alignment: how alike two sentences must be, once their dates are cut out, to count
        as one copy, 0–1 (default 0.9).

Example
    FAIL  22 Jan 2024: "De actualisering van de Bestuursopdracht … Deze is aan de raad
          toegezegd voor de zomer 2024."  /  3 Oct 2024: "de vernieuwde
          Bestuursopdracht …, die ik in het najaar in de commissie met u bespreek"
    PASS  "Q1 2024" in one note, "begin 2024" in another (the periods overlap)
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from annolint.findings import Related
from annolint.i18n import plural, say
from annolint.index import CorpusIndex, in_scope
from annolint.kinds.base import Match, note_date, quote
from annolint.kinds.timeline import (announced, change_cues, deadline_moved, matching_pairs, sameness,
                                     start_moved)
from annolint.temporal.interval import shift_in_words
from annolint.terms import phrase_key
from annolint.temporal.statements import DatedStatement

MESSAGE_FIELDS = frozenset({"expression", "period", "date", "earlier", "earlier_period",
                            "earlier_note", "earlier_date", "shift", "subject", "others", "why"})
READS = ("dated", "sentences")  # the facts of each note it reads (``CorpusIndex.extractors``)


@dataclass(frozen=True)
class Params:
    min_similarity: float = 0.15
    min_shared_terms: int = 2
    alignment: float = 0.9


def _moved(a: DatedStatement, b: DatedStatement, copied: bool) -> tuple[DatedStatement, DatedStatement] | None:
    """(earlier, later) when two statements of one promise give it two periods.
    ``copied``: one sentence with another date, where a start that moved counts (in
    two sentences alike, "per 1 januari 2026 verbleven er 157" and "per 1 november
    2025 woonden er 98" are two measurements, not a start)."""
    da, db = a.doc_date, b.doc_date
    if da == db:
        return None  # same date: conflicting-date's business
    earlier, later = (a, b) if da < db else (b, a)
    first, second = earlier.expression.interval, later.expression.interval
    if first.overlaps(second) and not deadline_moved(earlier.expression, later.expression) \
            and not (copied and start_moved(earlier.expression, later.expression)):
        return None
    if earlier.doc.date.assumed:
        return None  # a date guessed from the text is only a lower bound: this note may be the later one
    if copied and phrase_key(earlier.expression.text) == phrase_key(later.expression.text):
        return None  # "op 1 oktober" copied word for word: another year only by when each note was written
    if later.doc.date.assumed and not later.expression.explicit_year:
        return None  # "eind september" in a note dated by guess: its year is a guess too
    if earlier.expression.anchor == "date" and first.start is not None and first.ended_by(later.doc_date) \
            and not (copied and _not_rolled(first, second, earlier, later)):
        # a day that had passed: a meeting that took place, the later note speaks of
        # another; but the same sentence with a day moved further than the notes were
        # apart ("De Wissel opent op 1 oktober" / "… op 1 november" a week later) moved
        return None
    return earlier, later


# how far a date may move, against the notes' own distance, and still be the next occurrence:
# a quarter more and three days ("op 12 februari" in January, "op 12 november" in October)
ROLLED_SHARE, ROLLED_DAYS = 1.25, 3


def _not_rolled(first, second, earlier: DatedStatement, later: DatedStatement) -> bool:
    """The day moved further than the time between the two notes, or back: not the
    next occurrence of something that recurs ("op 17 maart" in one note, "op 24
    maart" in the note of a week later; the meeting of February and the one of
    November), but the same day moved ("opent op 1 oktober" / "op 1 november" a week
    later)."""
    if first.start is None or second.start is None:
        return False
    moved = (second.start - first.start).days
    return not 0 < moved <= (later.doc_date - earlier.doc_date).days * ROLLED_SHARE + ROLLED_DAYS


def _corrects(later: DatedStatement, earlier: DatedStatement) -> bool:
    """The later sentence itself says the earlier date no longer holds: "niet in december
    maar in februari", against a note that said december."""
    return later.corrected and later.replaces is not None and later.replaces.overlaps(earlier.expression.interval)


def check(params: Params, index: CorpusIndex, scope: tuple[str, ...]) -> Iterator[Match]:
    statements = [s for s in index.dated_statements
                  if s.commitment and s.doc_date is not None and in_scope(s.block, scope)
                  and s.expression.anchor != "relative"]
    cues = change_cues(index.lexicon)
    # is a change announced? Per element, subject and earlier note: everything
    # ``announced`` reads, so that no pair decides it for another
    told: dict[tuple, bool] = {}
    earlier_of: dict[tuple[str, tuple[int, int], int], list[DatedStatement]] = defaultdict(list)
    later_of: dict[tuple[str, tuple[int, int], int], DatedStatement] = {}
    for pair in matching_pairs(statements, index, params.min_similarity, params.alignment,
                               params.min_shared_terms, need_name=True,
                               worth=lambda a, b: _moved(a, b, True) is not None,  # the lenient case first
                               chosen=("shifted-deadline", scope)):
        moved = _moved(pair.first, pair.second, pair.aligned)
        if moved is None:
            continue
        earlier, later = moved
        where = (later.path, later.sentence_id[0], later.terms,
                 earlier.path if earlier.aligned == later.aligned else None)
        if where not in told:
            told[where] = announced(later, cues, earlier)
        if _corrects(later, earlier) or told[where]:
            continue  # the later note says the date moved: an update it explains
        key = (later.path, later.sentence_id, later.expression.start)
        later_of[key] = later
        earlier_of[key].append(earlier)
    yield from _findings(later_of, earlier_of, params.alignment, index.common_terms)


RELATED = 5  # earlier notes shown as related places, most recent first


def _findings(later_of, earlier_of, alignment: float, common: frozenset[str]) -> Iterator[Match]:
    """One finding per later note and promise: its first moved statement, against the
    most recent earlier note that said otherwise (the others as related places)."""
    reported: set[tuple[str, str]] = set()
    for key in sorted(later_of, key=lambda k: (k[0], later_of[k].span)):
        later = later_of[key]
        earlier_all = sorted(earlier_of[key], key=lambda s: (s.doc_date, s.path, s.span))
        by_note: dict[str, DatedStatement] = {}
        for s in earlier_all:
            by_note.setdefault(s.path, s)
        closest = max(by_note.values(), key=lambda s: (s.doc_date, s.path))
        promise = (later.path, closest.expression.text.lower() + "|" + closest.aligned)
        if promise in reported:
            continue
        reported.add(promise)
        others = len(by_note) - 1
        related = tuple(
            Related(s.doc.location(s.span),
                    say("{expression} ({period}) in the note of {date}", expression=quote(s.expression.text),
                        period=s.expression.interval.describe(), date=note_date(s)))
            # the most recent few; the message counts them all
            for s in sorted(by_note.values(), key=lambda s: (s.doc_date, s.path), reverse=True)[:RELATED])
        yield Match(
            later.doc.location(later.span),
            {"expression": quote(later.expression.text),
             "period": later.expression.interval.describe(),
             "date": note_date(later),
             "earlier": quote(closest.expression.text),
             "earlier_period": closest.expression.interval.describe(),
             "earlier_note": closest.path,
             "earlier_date": note_date(closest),
             "shift": shift_in_words(closest.expression.interval, later.expression.interval),
             "subject": quote(later.sentence.rstrip(".!? "), 90),
             "why": sameness(later, closest, alignment, common=common),
             "others": plural(others, " (1 more earlier note said the same)",
                              " ({count} more earlier notes said the same)") if others else ""},
            related,
            key=f"{later.expression.text.lower()}|{closest.expression.text.lower()}",
        )
