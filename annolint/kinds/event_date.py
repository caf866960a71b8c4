"""event-date: one event told in other words with another day.

What it does
    Reads each dated statement whose date is one day as an event (see
    ``annolint.temporal.events``: the roots of its words, so that "Op 4 april is de
    inschrijving gesloten", "Sluiting van de inschrijving: 4 april" and "Na de sluiting
    van de inschrijving op 11 april …" are one event) and joins the statements whose
    descriptions hold each other: the shorter one's words (weighted by rarity) are at
    least ``min-coverage`` in the other, with at least two words shared. Two days for
    one event are reported when

    - the days are near (within ``max-days``) or the same day of another year: one
      event moved, not two events of one kind ("de informatieavond" in April and in
      September are two evenings);
    - the thing a date hangs on ("de raadsinformatiebrief van 28 januari", "de
      inschrijving op 11 april") is spoken of on the other side too;
    - figures in either sentence are found in the other's paragraph too (a count read
      on another day is another reading: "Per 1 november woonden er 98 …");
    - it is not a plan that later came true on another day (an earlier note plans the
      opening on 1 October, a later one says it opened on 6 October: news, not a
      contradiction), nor a change the later note announces ("inmiddels", "later dan
      gepland");
    - and the two are not one sentence copied (moved-fact, shifted-deadline and
      conflicting-date compare copies).

    Statements of one event are grouped; the day most of them give stands, and each
    statement with another day is reported against the statements it was matched with
    (one against one: the later note, or the later place in one note). An event given
    three or more days is a series (monthly readings, yearly starts) and left alone.

Why
    Notes retell facts in their own words; a retold fact with another day ("de OR
    adviseerde op 14 mei" / "na het advies van de OR op 28 mei") puts two dates on the
    record as surely as a copied sentence does.

Parameters
    min-coverage: how much of the shorter description the other must hold (0–1,
        weighted by rarity; default 0.75).
    max-days: how far apart two days of one event may be (default 62); the same day
        of another year always counts.

Example
    FAIL  April: "Op 4 april 2025 is de inschrijving gesloten."
          September: "Na de sluiting van de inschrijving op 11 april 2025 loopt de
          beoordeling."
    PASS  "Op 22 april is een bestuurlijk akkoord bereikt over het convenant" and "Op
          27 mei is het convenant getekend" (two events of one convenant)
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from annolint.findings import Related
from annolint.i18n import say
from annolint.index import CorpusIndex, in_scope
from annolint.kinds.base import Match, note_date, quote
from annolint.kinds.timeline import announced, change_cues
from annolint.kept_pairs import alike_pairs, keeping_for
from annolint.similarity import Clusters, Pairs, split_by_agreement
from annolint.kinds.events import Event, EventReader, Weights, coverage, lemmas_kept, same_root, shared, written

MESSAGE_FIELDS = frozenset({"expression", "date", "other", "other_note", "words", "subject"})
READS = ("dated",)  # the facts of each note it reads (``CorpusIndex.extractors``)
NOUN_HEAD = 5  # letters of a compound's head that make two nouns one kind: "…brief"
SERIES = 3  # days given for one event from which it is a series, not one event


@dataclass(frozen=True)
class Params:
    min_coverage: float = 0.75
    max_days: int = 62


def check(params: Params, index: CorpusIndex, scope: tuple[str, ...]) -> Iterator[Match]:
    statements = [s for s in index.dated_statements if in_scope(s.block, scope)]
    reader = EventReader(index.lexicon, index.language, index.time_words)
    with lemmas_kept(index.cache, reader.language):
        found = _event_departures(reader, statements, params, index, scope)
    yield from sorted(found, key=lambda m: m.location)


def _event_departures(reader: EventReader, statements: list, params: Params, index: CorpusIndex,
                      scope: tuple[str, ...]) -> list[Match]:
    events = reader.events(statements)
    weight = Weights(events)
    cues = change_cues(index.lexicon)
    clusters = Clusters(len(events))
    paired = Pairs()
    # blocked on each event's eight rarest words: a short description ("sluiting
    # inschrijving") must meet a long one on its common words too; clusters and sets
    # of partners ignore the order of the pairs
    keeping = keeping_for(index, ("events", params, scope), events, lambda e: e.statement.doc)
    # what ``_one_event`` reads of an event: its sentence, day, noun, words and numbers
    for i, j in alike_pairs(events, lambda e: e.terms, weight,
                            lambda e: (e.statement.aligned, e.day, e.noun, e.terms, e.context, e.numbers,
                                       e.block_numbers), lambda a, b: _one_event(a, b, weight, params),
                            keys=8, keeping=keeping):
        a, b = events[i], events[j]
        if not _reported_later(a, b, cues):
            clusters.join(i, j)
            paired.add(i, j)
    split = [(group, _days(group, events)) for group in clusters.groups() if len(group) > 1]
    # only the events on a day other than their group's are reported, with their
    # partners on the group's day
    partners = paired.partners(days for _, days in split)
    found = []
    for group, days in split:
        found.extend(_departures(days, events, partners, reader.language))
    return found


def _one_event(a: Event, b: Event, weight: Weights, params: Params) -> bool:
    sa, sb = a.statement, b.statement
    if sa.aligned == sb.aligned or (sa.doc is sb.doc and sa.sentence_id == sb.sentence_id):
        return False  # one sentence copied, or one sentence: the other rules' business
    if a.day is None or b.day is None or a.day == b.day or not _near(a.day, b.day, params.max_days):
        return False
    if a.noun and b.noun and not _same_thing(a.noun, b.noun):
        return False  # "de cijfers per 1 januari", "de raadsbrief van 28 januari": two things
    if not (_speaks_of(b, a.noun) and _speaks_of(a, b.noun)):
        return False
    if not (a.numbers <= b.block_numbers and b.numbers <= a.block_numbers):
        return False
    covered, count = coverage(a, b, weight)
    return count >= 2 and covered >= params.min_coverage


def _near(a: dt.date, b: dt.date, max_days: int) -> bool:
    return abs((a - b).days) <= max_days or (a.month, a.day) == (b.month, b.day)


def _speaks_of(e: Event, noun: str) -> bool:
    """The event speaks of the thing the other's date hangs on: "de raadsinformatiebrief
    van 4 februari" against a sentence about the raadsinformatiebrief (or a kind of it:
    "brief" in "raadsinformatiebrief"); "met een raadsinformatiebrief op 18 maart"
    against "het college neemt op 8 april een besluit" is another thing."""
    return not noun or any(_same_thing(noun, t) for t in e.terms)


def _same_thing(a: str, b: str) -> bool:
    """One word, or a compound and its head: "brief" and "raadsinformatiebrief"."""
    return same_root(a, b) or (min(len(a), len(b)) >= NOUN_HEAD and (a.endswith(b) or b.endswith(a)))


def _reported_later(a: Event, b: Event, cues) -> bool:
    """The later note reports as done what the earlier one planned, or announces the
    change: the plan slipped, and the note says how it went."""
    sa, sb = a.statement, b.statement
    if sa.doc_date is None or sb.doc_date is None or sa.doc_date == sb.doc_date:
        return False
    earlier, later = (sa, sb) if sa.doc_date < sb.doc_date else (sb, sa)
    if earlier.modality != "fact" and later.modality == "fact":
        return True
    return announced(later, cues)


def _order(e: Event) -> tuple:
    s = e.statement
    return (s.doc_date is None, s.doc_date or dt.date.min, s.path, s.span)


def _days(group: list[int], events: list[Event]) -> tuple[list[list[int]], list[int]]:
    """The events of ``group`` by day, in the order of their notes, and the day most
    give; no day other than it when they all give one, or give a series of days."""
    ordered = sorted(group, key=lambda i: _order(events[i]))
    days, majority = split_by_agreement(ordered, lambda i, j: events[i].day == events[j].day)
    return (days, majority) if 1 < len(days) < SERIES else ([majority], majority)


def _departures(split: tuple[list[list[int]], list[int]], events: list[Event], partners: dict[int, set[int]],
                language: str) -> list[Match]:
    days, majority = split
    found = []
    for day in days:
        if day is majority:
            continue
        for i in day:
            direct = [events[j] for j in majority if j in partners.get(i, ())]
            # within one note, the note's own other date is the contradiction; copies of
            # the note elsewhere repeat it
            together = [o for o in direct if o.statement.doc is events[i].statement.doc]
            if direct:
                found.append(_match(events[i], together or direct, language))
    return found


def _match(e: Event, others: list[Event], language: str) -> Match:
    s = e.statement
    nearest = min(others, key=lambda o: (abs((o.statement.doc_date or dt.date.min) - (s.doc_date or dt.date.min)),
                                         _order(o)))
    first = nearest.statement
    mine, _ = shared(e, nearest)
    where = say("in this note") if first.doc is s.doc else say("in {note} ({date})", note=first.path,
                                                               date=note_date(first))
    return Match(
        s.doc.location(s.span),
        {"expression": quote(s.expression.text), "date": note_date(s), "other": quote(first.expression.text),
         "other_note": where, "words": written(s.sentence, mine, language), "subject": quote(s.sentence.rstrip(".!? "), 90)},
        tuple(Related(o.statement.doc.location(o.statement.span),
                      say("{expression} in the note of {date}", expression=quote(o.statement.expression.text),
                          date=note_date(o.statement)))
              for o in sorted(others, key=_order, reverse=True)[:5]),
        key=f"{s.expression.text.lower()}|{first.expression.text.lower()}|{s.aligned}",
    )
