"""Periods of time as half-open date intervals [start, end), and the calendar
arithmetic the grammar needs: months, seasons, quarters, parts of a period, and
describing a period or a shift in plain words.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from annolint.i18n import long_date, month_name, phrase, plural, say
from annolint.model import pickled_as_fields

GRANULARITIES = ("day", "week", "month", "season", "quarter", "half-year", "year", "open-ended")


@pickled_as_fields
@dataclass(frozen=True, order=True, slots=True)
class Interval:
    """[start, end): ``None`` on one side is open (before / from a moment on)."""

    start: dt.date | None
    end: dt.date | None
    granularity: str

    def overlaps(self, other: Interval) -> bool:
        starts_before_other_ends = self.start is None or other.end is None or self.start < other.end
        ends_after_other_starts = self.end is None or other.start is None or other.start < self.end
        return starts_before_other_ends and ends_after_other_starts

    def ended_by(self, day: dt.date) -> bool:
        """True when the whole period lies before ``day``."""
        return self.end is not None and self.end <= day

    def describe(self) -> str:
        """The period in plain words: "September–November 2024", "before 1 June 2024"
        (in the language of the messages: "september–november 2024", "vóór 1 juni 2024")."""
        if self.start is None and self.end is None:
            return say("any time")
        if self.start is None:
            return say("before {day}", day=long_date(self.end))
        if self.end is None:
            return say("from {day} on", day=long_date(self.start))
        last = self.end - dt.timedelta(days=1)
        if self.start == last:
            return long_date(self.start)
        if self.start.day == 1 and self.end.day == 1:
            first_month = month_name(self.start.month)
            last_month = month_name(last.month)
            if (self.start.year, self.start.month) == (last.year, last.month):
                return f"{first_month} {self.start.year}"
            if self.start.year == last.year:
                return f"{first_month}–{last_month} {last.year}"
            return f"{first_month} {self.start.year}–{last_month} {last.year}"
        return f"{long_date(self.start)}–{long_date(last)}"


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` later, clamped to the month's length."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    last_day = (month_start(year, month + 1) - dt.timedelta(days=1)).day if month < 12 else 31
    return dt.date(year, month, min(day.day, last_day))


def month_start(year: int, month: int) -> dt.date:
    """First day of ``month`` (13 is January of the next year)."""
    year, month = year + (month - 1) // 12, (month - 1) % 12 + 1
    return dt.date(year, month, 1)


def months(year: int, month: int, count: int, granularity: str) -> Interval:
    return Interval(month_start(year, month), month_start(year, month + count), granularity)


def part_of(period: Interval, part: str) -> Interval:
    """"begin", "middle", "end" (thirds), "first-half", "second-half" of a period.

    Periods of whole months split on month boundaries where they can ("begin 2024" is
    January–April); others split by days ("eind oktober" is 21–31 October).
    """
    if part == "whole" or period.start is None or period.end is None:
        return period
    start, end = period.start, period.end
    pieces = {"begin": (0, 1, 3), "middle": (1, 2, 3), "end": (2, 3, 3),
              "first-half": (0, 1, 2), "second-half": (1, 2, 2)}[part]
    first, last, of = pieces
    whole_months = (end.year * 12 + end.month) - (start.year * 12 + start.month)
    if start.day == 1 and end.day == 1 and whole_months % of == 0 and whole_months >= of:
        step = whole_months // of
        return Interval(add_months(start, first * step), add_months(start, last * step), period.granularity)
    days = (end - start).days
    if of == 3 and whole_months == 1 and start.day == 1:
        # Months: 1–10, 11–20, 21 to the end.
        bounds = (start, start.replace(day=11), start.replace(day=21), end)
        return Interval(bounds[first], bounds[last], period.granularity)
    return Interval(start + dt.timedelta(days=days * first // of),
                    start + dt.timedelta(days=days * last // of), period.granularity)


def shift_in_words(earlier: Interval, later: Interval) -> str:
    """How far ``later`` lies from ``earlier``, in words: "about 3 months later"."""
    if earlier.end is not None and later.start is not None and later.start >= earlier.end:
        return _distance(later.start - earlier.end, "later")
    if later.end is not None and earlier.start is not None and earlier.start >= later.end:
        return _distance(earlier.start - later.end, "earlier")
    if earlier.start is None and later.start is None and earlier.end and later.end and earlier.end != later.end:
        # two deadlines: how far the end moved
        return _distance(later.end - earlier.end, "later") if later.end > earlier.end \
            else _distance(earlier.end - later.end, "earlier")
    return say("a different period")


def ended_before(period: Interval, day: Interval) -> str:
    """How long before a note's date a period ended: "about 3 months before the note's date"."""
    if period.end is not None and day.start is not None and day.start >= period.end:
        return _distance(day.start - period.end, "before-note")
    return shift_in_words(period, day)


# The words for a distance in each direction: a month, months, weeks, a day, days, none.
_DIRECTIONS = {
    "later": (phrase("about a month later"), phrase("about {count} months later"),
              phrase("about {count} weeks later"), phrase("1 day later"), phrase("{count} days later"),
              phrase("right after it")),
    "earlier": (phrase("about a month earlier"), phrase("about {count} months earlier"),
                phrase("about {count} weeks earlier"), phrase("1 day earlier"), phrase("{count} days earlier"),
                phrase("right before it")),
    "before-note": (phrase("about a month before the note's date"),
                    phrase("about {count} months before the note's date"),
                    phrase("about {count} weeks before the note's date"), phrase("1 day before the note's date"),
                    phrase("{count} days before the note's date"), phrase("right before the note's date")),
}


def _distance(gap: dt.timedelta, direction: str) -> str:
    """"about 3 months later", "2 days earlier", "about a month before the note's date"."""
    month, months_, weeks, day, days_, none = _DIRECTIONS[direction]
    days = gap.days
    if days >= 45:
        return plural(round(days / 30.44), month, months_)
    if days >= 14:
        return say(weeks, count=round(days / 7))
    if days >= 1:
        return plural(days, day, days_)
    return say(none)
