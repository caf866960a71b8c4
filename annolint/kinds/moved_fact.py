"""moved-fact: a dated fact that moved between versions of the same sentence.

What it does
    Follows the same sentence from note to note in date order (the same words once its
    dates are cut out, the same names, the same other figures) and compares each
    version with the one in the most recent earlier note. When the earlier version
    gives a fact or a reference, not a promise ("De raadsbrief is op 17 september
    verstuurd", "Sinds 13 oktober wonen er …", "peildatum 1 juli 2025", "(stand per 1
    januari 2026)", "Gemeenteraad 11 maart 2026: vragenuur"), the later version must
    name the same day or period, whatever its tense: a past event cannot move, not
    even into the future ("Op 1 januari 2027 woonden …"). Two deadlines agree when
    they name the same end, two starts when they name the same start. The note where
    the date moved is reported, against the version before it. Promises and plans
    that move are shifted-deadline's business; two dates within one note or in notes
    of one date are conflicting-date's.

    Headings, the header and a note's own date are labels, not facts. A meeting's
    date (in brackets or after a meeting word) or a period that moved about as far as
    the note did names the note's own frame ("vorige staf (10 februari)" in March,
    "(18 augustus)" in September; "het eerste halfjaar" / "het tweede halfjaar"); an
    event's day moved by a week in a note of a week later is still a moved event. The
    period of a figure counts too: the same sentence with the same figures ("in het
    eerste kwartaal 243 bewoners gesproken") cannot be about another quarter in a
    version of a week later; a year later, "In 2024 waren er vijf storingen" for "In
    2023 …" is last year's frame. A date without its year counts only when it is
    written otherwise ("17 september" / "17 oktober"): the same words fall in another
    year in a note written later. A change the later note announces (the lexicon's
    ``change-cues``: "inmiddels", "eerder meldden we …") is an update, not a
    contradiction; a cue the earlier version already had beside the same sentence
    announces nothing.

Why
    A version of a note that moves the date of something that already happened puts
    two dates for one event on the record; the alderman will quote one of them.

Parameters
    none.

Example
    FAIL  3 October: "De raadsbrief over de tarieven is op 17 september verstuurd."
          10 October: "De raadsbrief over de tarieven is op 17 oktober verstuurd."
    PASS  the same sentence with the same date in both notes; a promise that moves
          ("sturen we in oktober" / "in november") is shifted-deadline's
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from annolint.findings import Related
from annolint.i18n import say
from annolint.index import CorpusIndex, in_scope
from annolint.kinds.base import Match, note_date, quote
from annolint.kinds.timeline import announced, change_cues, names_meeting, same_period, versions
from annolint.terms import phrase_key
from annolint.temporal.statements import DatedStatement

MESSAGE_FIELDS = frozenset({"expression", "period", "date", "earlier", "earlier_period", "earlier_note",
                            "earlier_date", "subject"})
READS = ("dated",)  # the facts of each note it reads (``CorpusIndex.extractors``)


@dataclass(frozen=True)
class Params:
    pass


def _states_date(s: DatedStatement) -> bool:
    """The sentence states its date: not denied, not asked, not a heading's or the
    header's label, not the note's own date."""
    interval = s.expression.interval
    own = interval.start == s.doc_date and interval.granularity == "day"
    return not s.negated and not s.asked and not own and s.block.kind not in ("heading", "header")


def _fact(s: DatedStatement) -> bool:
    """A stated date that says when something was, is or was measured: not a promise."""
    return (not s.commitment or s.reference) and _states_date(s)


ROLLING_DAYS = 14  # a date that moved with its note by this much or less is the note's own frame


def _rolling(earlier: DatedStatement, later: DatedStatement, meetings) -> bool:
    """The date moved as far as the note did and names the note's own frame: the
    latest meeting before it ("vorige staf (10 februari)" in March, "(18 augustus)"
    in September) or the latest period ("het eerste halfjaar" in September, "het
    tweede" in February). A day that is not a meeting's ("Op 4 november is de eerste
    fase opgeleverd") is an event, whatever the notes' distance; a period moved much
    further than the notes did is another period."""
    a, b = earlier.expression.interval, later.expression.interval
    if a.start is None or b.start is None:
        return False
    moved = (b.start - a.start).days
    notes = (later.doc_date - earlier.doc_date).days
    length = (a.end - a.start).days if a.end is not None else 0
    if moved <= 0 or abs(moved - notes) > max(length, ROLLING_DAYS) or 2 * notes < moved:
        return False
    # the day a period opens from ("per 1 januari") is a day
    return not earlier.expression.exact_day or (names_meeting(earlier, meetings) and names_meeting(later, meetings))


def _moved(a: DatedStatement, b: DatedStatement) -> bool:
    return not same_period(a, b) and phrase_key(a.expression.text) != phrase_key(b.expression.text)


def check(params: Params, index: CorpusIndex, scope: tuple[str, ...]) -> Iterator[Match]:
    statements = [s for s in index.dated_statements
                  if s.doc_date is not None and not s.doc.date.assumed and in_scope(s.block, scope)
                  and s.expression.anchor != "relative"]
    cues = change_cues(index.lexicon)
    told: dict[tuple[str, int, str], bool] = {}  # per element and earlier note: is a change announced?
    earlier_of: dict[int, list[DatedStatement]] = {}
    later_of: dict[int, DatedStatement] = {}
    for a, b in versions(statements):
        # the earlier version says when it was; the later one, a copy of the same
        # sentence, moves it, even into the future ("Op 1 januari 2027 woonden …")
        if a.doc_date == b.doc_date or not (_fact(a) and _states_date(b)) or not _moved(a, b):
            continue
        earlier, later = (a, b) if a.doc_date < b.doc_date else (b, a)
        if _rolling(earlier, later, index.lexicon.meeting_pattern):
            continue
        where = (later.path, later.sentence_id[0], earlier.path)
        if where not in told:
            told[where] = announced(later, cues, earlier)
        if told[where]:
            continue
        later_of[id(later)] = later
        earlier_of.setdefault(id(later), []).append(earlier)
    found = []
    for key, later in later_of.items():
        earlier = max(earlier_of[key], key=lambda s: (s.doc_date, s.path, s.span))
        found.append(Match(
            later.doc.location(later.span),
            {"expression": quote(later.expression.text), "period": later.expression.interval.describe(),
             "date": note_date(later), "earlier": quote(earlier.expression.text),
             "earlier_period": earlier.expression.interval.describe(), "earlier_note": earlier.path,
             "earlier_date": note_date(earlier), "subject": quote(later.sentence.rstrip(".!? "), 90)},
            tuple(Related(s.doc.location(s.span),
                          say("{expression} ({period}) in the note of {date}", expression=quote(s.expression.text),
                              period=s.expression.interval.describe(), date=note_date(s)))
                  for s in sorted(earlier_of[key], key=lambda s: (s.doc_date, s.path), reverse=True)[:5]),
            key=f"{later.expression.text.lower()}|{earlier.expression.text.lower()}|{later.aligned}",
        ))
    yield from sorted(found, key=lambda m: m.location)
