"""Absolute dates in forms annolint's own grammar leaves alone, read by dateparser.

The grammar reads the forms briefing notes use ("3 oktober 2024", "14-09-2024",
"eind oktober"). What is left that still looks like a date, such as a two-digit year
("14-09-24", "3 okt '24"), goes to dateparser, always with the note's language given
(faster, and no guessing between languages) and every part of the date required, so
that it never invents a day or a year. Text the grammar already resolved never
reaches dateparser; ``CALLS`` counts the calls, for the benchmark.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from functools import lru_cache

from annolint.lexicon import Lexicon
from annolint.temporal.grammar import TemporalExpression
from annolint.temporal.interval import Interval

CALLS: Counter = Counter()


@lru_cache(maxsize=8)
def _candidate_pattern(month_pattern: str) -> re.Pattern:
    day = r"[0-3]?\d(?:e|ste|de|st|nd|rd|th)?"
    short_year = r"['’]\d{2}"
    return re.compile(
        r"(?<![\w/.,:-])(?:"
        rf"{day}[-/.][01]?\d[-/.]\d{{2}}(?![\d/.-]\d)"  # 14-09-24
        rf"|{day}\s*(?:of\s+)?(?:{month_pattern})\.?,?\s*{short_year}"  # 3 okt '24
        rf"|(?:{month_pattern})\.?\s+{day},?\s*{short_year}"  # Oct 3 '24
        r")(?!\w)",
        re.IGNORECASE,
    )


def candidates(text: str, lexicon: Lexicon) -> tuple[re.Match, ...]:
    """What in ``text`` looks like a date of a form the grammar leaves alone."""
    return tuple(_candidate_pattern(lexicon.month_pattern).finditer(text))


def fallback_dates(found: tuple[re.Match, ...], taken: list[TemporalExpression],
                   language: str) -> list[TemporalExpression]:
    """The dates dateparser reads in the ``found`` candidates (``candidates``) outside
    the ``taken`` spans."""
    dates = []
    for m in found:
        if any(m.start() < t.end and t.start < m.end() for t in taken):
            continue
        day = _parse(m.group(), language)
        if day is not None:
            interval = Interval(day, day + dt.timedelta(days=1), "day")
            dates.append(TemporalExpression(m.group(), m.start(), m.end(), interval, "date",
                                            explicit_year=True, base=interval))
    return dates


@lru_cache(maxsize=4096)
def _parse(text: str, language: str) -> dt.date | None:
    import dateparser  # imported here: most sets never need it, and it takes time to load

    CALLS["dateparser"] += 1
    settings = {"REQUIRE_PARTS": ["day", "month", "year"], "PREFER_DAY_OF_MONTH": "first",
                "DATE_ORDER": "DMY"}
    parsed = dateparser.parse(text.replace("’", "'"), languages=[language], settings=settings)
    return parsed.date() if parsed else None
