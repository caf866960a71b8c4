"""Absolute calendar dates in running text ("3 oktober 2024", "14-09-2024").

This is the small part of date reading that the reader needs to date a note. The
temporal grammar for periods ("voor de zomer 2024", "eind oktober") builds on it.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from annolint.lexicon import Lexicon


@dataclass(frozen=True)
class FoundDate:
    date: dt.date
    start: int
    end: int
    text: str


@lru_cache(maxsize=8)
def _patterns(month_pattern: str) -> tuple[re.Pattern, ...]:
    day = r"(?P<d>[0-3]?\d)"
    year = r"(?P<y>(?:19|20)\d{2})"
    return (
        # 3 oktober 2024, 3 okt. 2024, 3 October 2024
        re.compile(rf"(?<![\w.,]){day}(?:e|ste|de|th|st|nd|rd)?\s+(?P<m>{month_pattern})\s+{year}(?!\d)", re.I),
        # October 3, 2024
        re.compile(rf"(?<![\w]){'(?P<m>' + month_pattern + ')'}\s+{day}(?:th|st|nd|rd)?,?\s+{year}(?!\d)", re.I),
        # 14-09-2024, 14/09/2024, 14.09.2024
        re.compile(rf"(?<![\w.,-]){day}(?P<sep>[-/.])(?P<mn>[01]?\d)(?P=sep){year}(?!\d)"),
        # 2024-09-14
        re.compile(r"(?<![\w.-])(?P<y>(?:19|20)\d{2})-(?P<mn>[01]\d)-(?P<d>[0-3]\d)(?!\d)"),
    )


_YEAR = re.compile(r"(?:19|20)\d{2}")  # every form of ``_patterns`` holds one


def find_dates(text: str, lexicon: Lexicon) -> list[FoundDate]:
    """Every full date (day, month and year) in ``text``, in order of position."""
    if _YEAR.search(text) is None:
        return []  # most blocks: one quick look instead of four patterns
    found: list[FoundDate] = []
    taken: list[tuple[int, int]] = []
    for pattern in _patterns(lexicon.month_pattern):
        for m in pattern.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            groups = m.groupdict()
            if groups.get("m"):
                month = lexicon.month_numbers.get(groups["m"].rstrip(".").lower())
            else:
                month = int(groups["mn"])
            try:
                date = dt.date(int(groups["y"]), month or 0, int(groups["d"]))
            except (ValueError, TypeError):
                continue
            taken.append((m.start(), m.end()))
            found.append(FoundDate(date, m.start(), m.end(), m.group()))
    return sorted(found, key=lambda f: f.start)


_FILE_DATE = re.compile(r"(?<!\d)((?:19|20)\d{2})[-_.]?([01]\d)[-_.]?([0-3]\d)(?!\d)")


def date_in_file_name(name: str, lexicon: Lexicon | None = None) -> tuple[dt.date, str] | None:
    """A full date written in a file name: ``2024-10-03_commissie.md``,
    ``20241003.txt``, ``conceptbrief_12_mei_2023.txt``, ``07-06-2023 memo.txt``."""
    for m in _FILE_DATE.finditer(name):
        try:
            return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3))), m.group()
        except ValueError:
            continue
    if lexicon is not None:
        spaced = re.sub(r"[_+]", " ", name)  # "12_mei_2023" reads as "12 mei 2023"
        found = find_dates(spaced, lexicon)
        if found:
            return found[0].date, name[found[0].start:found[0].end]
    return None
