"""The temporal grammar: find time expressions in a sentence and resolve each to an
interval against the note's date.

The grammar is one regular expression built from the time lexicon
(``rules/<lang>/lexicon-time.yaml``), of the shape

    [bound] [article] [part [of] [article]] core [a.s. | jl.]

where *bound* is "voor", "uiterlijk", "na", "vanaf", "sinds", "tot", "in"…; *part* is
"begin", "medio", "eind", "tweede helft van"…; and *core* is one of: a full date, a day
and month, a month, a season, a quarter, a half year, a week, a deictic unit ("vorig
jaar", "de komende twee jaar"), a relative day ("morgen"), a council recess, or a
year. Words missing from a core (the year of "eind oktober") come from the note's
date and the sentence's direction: forward ("a.s.", future tense) takes the first
such period that has not ended, backward ("sinds", "jl.", perfect tense) the last
that has begun, and otherwise the nearest.

What is not a date: amounts ("2,5"), clock times ("10.00 uur", "11:30-12:00 u"),
durations ("6 weken"), numbers of agenda items and articles, redaction marks (the
reader masks them), and years standing alone as labels ("de cijfers van 2023",
"(2019)"): a bare year counts only after a bound or a part ("in 2020", "begin 2024").
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from annolint.lexicon import Lexicon, TimeLexicon
from annolint.model import pickled_as_fields
from annolint.temporal.interval import Interval, add_months, month_start, months, part_of
from annolint.terms import alternation, phrase_key

YEAR = r"(?:19|20)\d{2}(?![\d])"
Maker = Callable[[int], "Interval | None"]


# ``make`` is a closure over the grammar, needed only while a span is read ("van maart
# tot en met juni 2025"), never once a note is read: not pickled
@pickled_as_fields(without=("make",))
@dataclass(frozen=True, slots=True)
class TemporalExpression:
    """A time expression as written, where it is, and the period it means.

    ``interval`` is ``None`` when the expression needs the note's date and the note has
    none. ``explicit_year`` says whether the year was written (or is fixed by the
    words, as in "vorig jaar") rather than guessed from the note's date.
    """

    text: str
    start: int
    end: int
    interval: Interval | None
    anchor: str  # "date", "month", "season", "quarter", "half-year", "week", "relative", "recess", "year"
    bound: str = ""  # "before", "by", "after", "from", "since", "until", "through", "in", ""
    explicit_year: bool = False
    direction: str = ""  # "forward" / "backward" when the words say so ("a.s.", "sinds")
    weak: bool = field(default=False, compare=False)  # a bare month name: kept only in a span
    base: Interval | None = field(default=None, compare=False)  # before the bound was applied
    make: Maker | None = field(default=None, compare=False, repr=False)  # for a yearless anchor

    @property
    def exact_day(self) -> bool:
        """The expression names one day, before any bound ("op 4 november", "per 1
        januari 2026", "uiterlijk 1 december"), not a longer period."""
        return self.base is not None and self.base.granularity == "day"


class Grammar:
    """The compiled grammar of one lexicon; build it once with ``grammar_for``."""

    def __init__(self, lexicon: Lexicon):
        t: TimeLexicon = lexicon.time
        self.time = t
        self.month_numbers = lexicon.month_numbers
        self.full_months = {m.names[0].lower(): m.number for m in lexicon.months if m.names}
        self.seasons = {n.lower(): s for s in t.seasons for n in s.names}
        self.parts = {phrase_key(n): p.part for p in t.parts for n in p.names}
        self.bounds = {phrase_key(n): b.bound for b in t.bounds for n in b.names}
        self.deictics = {phrase_key(n): d for d in t.deictics for n in d.names}
        self.units = {phrase_key(n): u for u in t.units for n in u.names}
        self.ordinals = {n.lower(): o.number for o in t.ordinals for n in o.names}
        self.numbers = {n.lower(): o.number for o in t.numbers for n in o.names}
        self.relative_days = {n.lower(): o.number for o in t.relative_days for n in o.names}
        self.recesses = {phrase_key(n): r for r in t.recesses for n in r.names}
        self.forward_markers = {phrase_key(n) for n in t.forward_markers}
        self.for_verbs = {n.lower() for n in t.for_verbs}
        self.span_openers = {n.lower() for n in t.span_openers}
        half_year = [n for u in t.units if u.unit == "half-year" for n in u.names]
        simple_deictics = [n for n in self.deictics if " " not in n]
        year_unit = alternation(n for u in t.units if u.unit == "year" for n in u.names)

        abbreviations = [n for n in self.month_numbers if n not in self.full_months]
        month = rf"(?:{alternation(self.full_months)}|{alternation(abbreviations)}\.?)"
        full_month = alternation(self.full_months)
        of = r"(?:" + alternation(t.of_words) + r"\s+)"
        art = alternation(t.articles)
        deictic = alternation(simple_deictics)
        year_rel = rf"{of}?{deictic}\s+{year_unit}"
        year_tail = lambda g: rf"(?:\s+{of}?(?P<{g}>{YEAR})|\s+(?P<{g}rel>{year_rel}))?"  # noqa: E731
        day = r"[0-3]?\d"
        cores = [
            # 3 oktober 2024, 14 t/m 18 oktober, 3rd of October; never 3 okt '24 (dateparser's)
            rf"(?:(?P<d0>{day})\s*(?:-|–|t/m|tot en met|to|and|en)\s*)?(?P<d>{day})"
            rf"(?:e|ste|de|st|nd|rd|th)?\s+{of}?(?P<m>{month}){year_tail('y')}(?!\s*['’]\d)",
            # October 3, 2024
            rf"(?P<m2>{month})\s+(?P<d2>{day})(?![\d.:])(?:st|nd|rd|th)?(?:,?\s+(?P<y2>{YEAR}))?",
            # 14-09-2024, 14/09/2024, 14.09.2024 and 2024-09-14
            rf"(?P<nd>{day})(?P<sep>[-/.])(?P<nm>[01]?\d)(?P=sep)(?P<ny>{YEAR})",
            r"(?P<iy>(?:19|20)\d{2})-(?P<im>[01]\d)-(?P<id>[0-3]\d)(?!\d)",
            # Q1 2024, Q3
            rf"[Qq](?P<q>[1-4]){year_tail('qy')}",
            # het derde kwartaal (van 2024), dit kwartaal
            rf"(?:(?P<qdx>{deictic})|(?P<qord>{alternation(self.ordinals)}))\s+{alternation(t.quarter_words)}{year_tail('qy2')}",
            # het eerste halfjaar (van 2024)
            rf"(?P<hord>{alternation(self.ordinals)})\s+{alternation(half_year)}{year_tail('hy')}",
            # week 42 (van 2024)
            rf"{alternation(t.week_words)}\s+(?P<wk>[1-5]?\d){year_tail('wy')}",
            # de komende twee jaar, vorig jaar, deze maand
            rf"(?P<rdx>{deictic})\s+(?:(?P<rn>{alternation(self.numbers)}|\d{{1,2}})\s+)?(?P<ru>{alternation(self.units)})",
            # (na het) zomerreces
            rf"(?:(?P<rcdx>{deictic})\s+)?(?P<recess>{alternation(self.recesses)})(?:\s+{of}?(?P<rcy>{YEAR}))?",
            # zomer 2024, dit najaar, het najaar van 2024, next spring
            rf"(?:(?P<sdx>{deictic})\s+)?(?P<season>{alternation(self.seasons)}){year_tail('sy')}",
            # (eind) oktober, maart 2024, september vorig jaar
            rf"(?:(?P<mdx>{deictic})\s+)?(?P<mo>{full_month}){year_tail('my')}",
            rf"(?P<rday>{alternation(self.relative_days)})",
            rf"(?P<year>{YEAR})",
        ]
        pattern = (
            rf"(?<![\w/.,:-])"
            rf"(?:(?P<bound>{alternation(self.bounds)})\s+)?"
            rf"(?:(?P<art>{art})\s+)?"
            rf"(?:(?P<part>{alternation(self.parts)})(?:\s+|-)(?:{of})?(?:{art}\s+)?)?"
            rf"(?P<core>{'|'.join(f'(?:{c})' for c in cores)})"
            rf"(?:\s+(?P<fwd>{alternation(t.forward_markers)})|\s+(?P<bwd>{alternation(t.backward_markers)}))?"
            r"(?!\w)"
        )
        self.pattern = re.compile(pattern, re.IGNORECASE)
        # Every expression holds a digit or one of these words; a sentence without
        # any is skipped without running the grammar.
        anchors = [*self.month_numbers, *self.seasons, *self.relative_days, *self.recesses,
                   *(n for u in t.units for n in u.names), *t.quarter_words, *t.week_words]
        self.trigger = re.compile(rf"\d|\b{alternation(anchors)}", re.IGNORECASE)
        # "tussen X en Y", "van X tot Y": the words between two expressions of a span.
        self.span_glue = re.compile(rf"\s*(?:{alternation(t.span_connectors)})?\s*$", re.IGNORECASE)
        self.words_before = re.compile(r"(\w[\w/.]*)\s*$")

    def may_hold_a_date(self, text: str) -> bool:
        return self.trigger.search(text) is not None

    def matches(self, text: str) -> tuple[re.Match, ...]:
        """Where the grammar matches ``text``, whatever the note's date: what ``resolve``
        reads (a reader keeps them per sentence, since notes copy sentences)."""
        return tuple(self.pattern.finditer(text))

    def resolve(self, text: str, matches: tuple[re.Match, ...], doc_date: dt.date | None,
                direction: str) -> list[TemporalExpression]:
        """Every time expression of ``text`` (its ``matches``), resolved against the
        note's date; ``direction`` is the sentence's tense ("forward", "backward" or "")."""
        found: list[TemporalExpression] = []
        for m in matches:
            expression = self._resolve(m, text, doc_date, direction)
            if expression is not None:
                found.append(expression)
        return self._join_spans(found, text)

    # -- resolution -------------------------------------------------------------------

    def _resolve(self, m: re.Match, text: str, doc_date: dt.date | None,
                 direction: str) -> TemporalExpression | None:
        g = {k: v for k, v in m.groupdict().items() if v is not None}
        bound = self.bounds.get(phrase_key(g["bound"])) if "bound" in g else ""
        part = self.parts.get(phrase_key(g["part"])) if "part" in g else ""
        # Words of the expression itself ("a.s.", "jl.", "sinds") outrank the sentence's tense.
        written = "forward" if g.get("fwd") else "backward" if (g.get("bwd") or bound == "since") else ""
        direction = written or direction
        word_before = self._word_before(text, m.start())
        if bound == "before" and (word_before in self.for_verbs or self._rolling(g)):
            bound = "in"  # "gepland voor het najaar", "voor de komende twee jaar": in, for
        anchored = self._anchor(g, doc_date, direction, bool(bound or part or g.get("art")), word_before)
        if anchored is None:
            return None
        anchor, base, explicit, make = anchored
        if bound == "before" and phrase_key(g["bound"]) == "voor" and not part and "season" not in g \
                and anchor in ("year", "half-year", "quarter"):
            bound = "in"  # "de tarieven voor 2025", "voor het tweede halfjaar": for that period
        if "season" in g and not part and base is not None:
            base = self._season_edges(base, self.seasons[g["season"].lower()], bound)
        weak = anchor == "weak-month"
        anchor = "month" if weak else anchor
        if base is not None and part:
            base = part_of(base, part)
            if make is not None:
                inner = make
                make = lambda y: (lambda b: b and part_of(b, part))(inner(y))  # noqa: E731
        return TemporalExpression(
            text=m.group(), start=m.start(), end=m.end(),
            interval=_bounded(base, bound) if base is not None else None,
            anchor=anchor, bound=bound or "", explicit_year=explicit,
            direction=written, base=base, make=make, weak=weak,
        )

    @staticmethod
    def _season_edges(base: Interval, season, bound: str) -> Interval:
        """The council's edges of a season, for "voor de zomer" and "na de zomer"."""
        edge = season.before if bound in ("before", "until") else season.after if bound == "after" else ""
        if not edge:
            return base
        day = dt.date(base.start.year, int(edge[:2]), int(edge[3:]))
        if bound == "after":
            return Interval(base.start, max(day, base.start + dt.timedelta(days=1)), base.granularity)
        return Interval(min(day, base.end - dt.timedelta(days=1)), base.end, base.granularity)

    def _rolling(self, g: dict) -> bool:
        if "rdx" not in g:
            return False
        key = phrase_key(f"{g.get('art', '')} {g['rdx']}")
        return key in self.deictics and self.deictics[key].rolling

    def _word_before(self, text: str, offset: int) -> str:
        m = self.words_before.search(text, 0, offset)
        return m.group(1).lower() if m else ""

    def _year(self, g: dict, name: str, doc_date: dt.date | None) -> tuple[int | None, bool]:
        """The year written after a core (``name``), or from "vorig jaar"; (None, False)
        when there is none."""
        if name in g:
            return int(g[name]), True
        if name + "rel" in g and doc_date is not None:
            words = g[name + "rel"].lower().split()
            shift = next((self.deictics[w].shift for w in words if w in self.deictics), 0)
            return doc_date.year + shift, True
        return None, False

    def _anchor(self, g: dict, doc_date: dt.date | None, direction: str, has_context: bool,
                word_before: str):
        """(anchor, interval, explicit year, maker for other years) of the core."""
        if "m" in g:
            month = self.month_numbers[g["m"].rstrip(".").lower()]
            first, last = int(g.get("d0") or g["d"]), int(g["d"])
            if first > last:
                return None

            def make(year, month=month, first=first, last=last):
                try:
                    return Interval(dt.date(year, month, first), dt.date(year, month, last) + dt.timedelta(days=1), "day")
                except ValueError:
                    return None

            year, explicit = self._year(g, "y", doc_date)
            return self._dated("date", make, year, explicit, doc_date, direction)
        if "m2" in g:
            month, day = self.month_numbers[g["m2"].rstrip(".").lower()], int(g["d2"])

            def make(year, month=month, day=day):
                try:
                    return Interval(dt.date(year, month, day), dt.date(year, month, day) + dt.timedelta(days=1), "day")
                except ValueError:
                    return None

            year = int(g["y2"]) if "y2" in g else None
            return self._dated("date", make, year, year is not None, doc_date, direction)
        if "nd" in g or "iy" in g:
            try:
                day = (dt.date(int(g["ny"]), int(g["nm"]), int(g["nd"])) if "nd" in g
                       else dt.date(int(g["iy"]), int(g["im"]), int(g["id"])))
            except ValueError:
                return None
            return "date", Interval(day, day + dt.timedelta(days=1), "day"), True, None
        if "q" in g or "qord" in g or "qdx" in g:
            return self._quarter(g, doc_date, direction)
        if "hord" in g:
            number = self.ordinals[g["hord"].lower()]
            if number > 2:
                return None
            year, explicit = self._year(g, "hy", doc_date)
            return self._dated("half-year", lambda y: months(y, 1 + 6 * (number - 1), 6, "half-year"),
                               year, explicit, doc_date, direction)
        if "wk" in g:
            week = int(g["wk"])

            def make(year, week=week):
                try:
                    monday = dt.date.fromisocalendar(year, week, 1)
                except ValueError:
                    return None
                return Interval(monday, monday + dt.timedelta(days=7), "week")

            year, explicit = self._year(g, "wy", doc_date)
            return self._dated("week", make, year, explicit, doc_date, direction)
        if "ru" in g:
            return self._relative(g, doc_date)
        if "season" in g:
            season = self.seasons[g["season"].lower()]

            def make(year, season=season):
                return months(year, season.start, season.months, "season")

            year, explicit = self._year(g, "sy", doc_date)
            if "sdx" in g:
                return self._deictic_period("season", make, g["sdx"], doc_date)
            return self._dated("season", make, year, explicit, doc_date, direction)
        if "recess" in g:
            recess = self.recesses[phrase_key(g["recess"])]
            make = lambda y, r=recess: _recess(r.start, r.end, y)  # noqa: E731
            if "rcdx" in g:
                return self._deictic_period("recess", make, g["rcdx"], doc_date)
            year = int(g["rcy"]) if "rcy" in g else None
            return self._dated("recess", make, year, year is not None, doc_date, direction)
        if "mo" in g:
            month = self.full_months[g["mo"].lower()]
            make = lambda y, mo=month: months(y, mo, 1, "month")  # noqa: E731
            year, explicit = self._year(g, "my", doc_date)
            if "mdx" in g:
                return self._deictic_period("month", make, g["mdx"], doc_date)
            # A month name alone is a date only after a bound or part ("in maart",
            # "eind oktober"), after "van" ("de brief van maart"), or opening a span
            # ("maart t/m mei 2024").
            weak = year is None and not has_context and word_before not in self.span_openers
            return self._dated("weak-month" if weak else "month", make, year, explicit, doc_date, direction)
        if "rday" in g:
            if doc_date is None:
                return "relative", None, False, None
            day = doc_date + dt.timedelta(days=self.relative_days[g["rday"].lower()])
            return "relative", Interval(day, day + dt.timedelta(days=1), "day"), False, None
        if "year" in g:
            if not (g.get("bound") or g.get("part")):
                return None  # a year standing alone is a label: "(2019)", "de cijfers van 2023"
            year = int(g["year"])
            return "year", months(year, 1, 12, "year"), True, None
        return None

    def _dated(self, anchor: str, make: Maker, year: int | None, explicit: bool,
               doc_date: dt.date | None, direction: str):
        if year is not None:
            interval = make(year)
            return (anchor, interval, explicit, None) if interval else None
        return anchor, choose_year(make, doc_date, direction), False, make

    def _quarter(self, g: dict, doc_date: dt.date | None, direction: str):
        if "qdx" in g:
            unit = next(u for u in self.time.units if u.unit == "quarter")
            return self._relative({"rdx": g["qdx"], "ru": unit.names[0]}, doc_date)
        number = int(g["q"]) if "q" in g else self.ordinals[g["qord"].lower()]
        name = "qy" if "q" in g else "qy2"
        year, explicit = self._year(g, name, doc_date)
        return self._dated("quarter", lambda y: months(y, 3 * number - 2, 3, "quarter"),
                           year, explicit, doc_date, direction)

    def _deictic_period(self, anchor: str, make: Maker, word: str, doc_date: dt.date | None):
        """"dit najaar", "volgend voorjaar", "afgelopen zomer" against the note's date."""
        if doc_date is None:
            return anchor, None, True, None
        shift = self.deictics[phrase_key(word)].shift
        options = [o for o in (make(y) for y in range(doc_date.year - 2, doc_date.year + 3)) if o]
        if shift == 0:
            current = [o for o in options if o.start <= doc_date < o.end]
            chosen = current[0] if current else min(
                (o for o in options if o.start.year == doc_date.year), key=lambda o: o.start, default=None)
        elif shift > 0:
            chosen = min((o for o in options if o.start > doc_date), key=lambda o: o.start, default=None)
        else:
            chosen = max((o for o in options if o.end <= doc_date), key=lambda o: o.start, default=None)
        return (anchor, chosen, True, None) if chosen else None

    def _relative(self, g: dict, doc_date: dt.date | None):
        """"vorig jaar", "deze maand" (calendar units) and "de komende twee jaar",
        "het komende halfjaar" (counted from the note's date)."""
        key = phrase_key(g["rdx"])
        if g.get("art") and phrase_key(f"{g['art']} {g['rdx']}") in self.deictics:
            key = phrase_key(f"{g['art']} {g['rdx']}")
        deictic = self.deictics[key]
        unit = self.units[phrase_key(g["ru"])]
        if doc_date is None:
            return "relative", None, True, None
        count_word = (g.get("rn") or "").lower()
        count = int(count_word) if count_word.isdigit() else self.numbers.get(count_word, 0)
        plural = phrase_key(g["ru"]) != phrase_key(unit.names[0])
        if deictic.rolling or count or plural:
            count = count or (unit.few if plural else 1)
            if deictic.shift >= 0:
                return "relative", Interval(doc_date, _add(doc_date, unit.unit, count), unit.unit), True, None
            return "relative", Interval(_add(doc_date, unit.unit, -count), doc_date, unit.unit), True, None
        start = _unit_start(doc_date, unit.unit)
        start = _add(start, unit.unit, deictic.shift)
        return "relative", Interval(start, _add(start, unit.unit, 1), unit.unit), True, None

    # -- spans ------------------------------------------------------------------------

    def _join_spans(self, found: list[TemporalExpression], text: str) -> list[TemporalExpression]:
        """"van 1 maart tot 1 mei", "tussen maart en mei 2024", "maart t/m mei 2024"."""
        joined: list[TemporalExpression] = []
        for expression in found:
            previous = joined[-1] if joined else None
            if previous is not None and self._spans(previous, expression, text):
                joined[-1] = _span(previous, expression, text)
            else:
                joined.append(expression)
        return [e for e in joined if not e.weak]

    def _spans(self, first: TemporalExpression, second: TemporalExpression, text: str) -> bool:
        between = text[first.end:second.start]
        if first.base is None or second.base is None or len(between) > 12:
            return False
        opened = first.bound == "from" or self._word_before(text, first.start) in self.span_openers
        closing = second.bound in ("until", "through")
        if first.weak and not (closing or opened):
            return False
        return bool(self.span_glue.match(between)) and (closing or (opened and between.strip() != ""))


def _span(first: TemporalExpression, second: TemporalExpression, text: str) -> TemporalExpression:
    start_base = first.base
    if not first.explicit_year and first.make is not None and second.explicit_year and second.base.start:
        # "maart t/m mei 2024": the first takes the second's year.
        year = second.base.start.year
        start_base = first.make(year)
        if start_base and start_base.start > second.base.start:
            start_base = first.make(year - 1)
    start_base = start_base or first.base
    end = second.base.end if second.bound != "until" else second.base.start
    interval = Interval(start_base.start, end, second.base.granularity)
    return TemporalExpression(
        text=text[first.start:second.end], start=first.start, end=second.end, interval=interval,
        anchor=second.anchor, bound="in", explicit_year=second.explicit_year,
        direction=first.direction or second.direction, base=interval,
    )




def _bounded(base: Interval, bound: str) -> Interval:
    if bound in ("before", "until"):
        return Interval(None, base.start, "open-ended")
    if bound in ("by", "through"):
        return Interval(None, base.end, "open-ended")
    if bound == "after":
        return Interval(base.end, None, "open-ended")
    if bound in ("from", "since"):
        return Interval(base.start, None, "open-ended")
    return base


def choose_year(make: Maker, doc_date: dt.date | None, direction: str) -> Interval | None:
    """The year of a yearless period: forward, the first that has not ended; backward,
    the last that has begun; otherwise the note's own year, unless another year's is
    much nearer ("in december" in a note of January is the December just past)."""
    if doc_date is None:
        return None
    options = [o for o in (make(y) for y in (doc_date.year - 1, doc_date.year, doc_date.year + 1)) if o]
    if direction == "forward":
        return min((o for o in options if o.end > doc_date), key=lambda o: o.start, default=None)
    if direction == "backward":
        return max((o for o in options if o.start <= doc_date), key=lambda o: o.start, default=None)
    nearest = min(options, key=lambda o: (_distance(o, doc_date), o.start), default=None)
    own = next((o for o in options if o.start.year == doc_date.year), None)
    if own is None or nearest is None or _distance(nearest, doc_date) * 3 < _distance(own, doc_date):
        return nearest
    return own


def _distance(interval: Interval, day: dt.date) -> int:
    if interval.start <= day < interval.end:
        return 0
    return min(abs((interval.start - day).days), abs((interval.end - day).days))


def _recess(start: str, end: str, year: int) -> Interval | None:
    try:
        first = dt.date(year, int(start[:2]), int(start[3:]))
        last = dt.date(year, int(end[:2]), int(end[3:]))
    except ValueError:
        return None
    if last < first:
        last = last.replace(year=year + 1)
    return Interval(first, last + dt.timedelta(days=1), "week")


def _unit_start(day: dt.date, unit: str) -> dt.date:
    if unit == "day":
        return day
    if unit == "week":
        return day - dt.timedelta(days=day.weekday())
    if unit == "month":
        return day.replace(day=1)
    if unit == "quarter":
        return month_start(day.year, 3 * ((day.month - 1) // 3) + 1)
    if unit == "half-year":
        return month_start(day.year, 1 if day.month <= 6 else 7)
    return month_start(day.year, 1)


def _add(day: dt.date, unit: str, count: int) -> dt.date:
    if unit == "day":
        return day + dt.timedelta(days=count)
    if unit == "week":
        return day + dt.timedelta(weeks=count)
    return add_months(day, count * {"month": 1, "quarter": 3, "half-year": 6, "year": 12}[unit])


_COMPILED: dict[int, tuple[Lexicon, Grammar]] = {}


def grammar_for(lexicon: Lexicon) -> Grammar:
    """The grammar of ``lexicon``, compiled once (the entry keeps the lexicon alive, so
    its id stays its own)."""
    entry = _COMPILED.get(id(lexicon))
    if entry is None or entry[0] is not lexicon:
        entry = _COMPILED[id(lexicon)] = (lexicon, Grammar(lexicon))
    return entry[1]
