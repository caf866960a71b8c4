"""The words annolint's reader understands, loaded from YAML under ``rules/``.

A lexicon is the union of ``rules/common/lexicon.yaml``, the language pack's
``lexicon.yaml`` and any lexicon files the configuration names (lists extend).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Literal

from annolint.decode import FieldError, decode, merge_mappings
from annolint.patterns import GuardedPattern, any_of
from annolint.yamlfile import load_located


@dataclass(frozen=True)
class MonthName:
    number: int
    names: tuple[str, ...]


@dataclass(frozen=True)
class Season:
    """A season as whole months: ``start`` month and how many ``months`` it lasts.

    ``before`` and ``after`` ("07-13", "09-01") say where "voor de zomer" ends and
    "na de zomer" begins when that is not the season's own edge: in council usage,
    "voor de zomer" means before the summer recess.
    """

    names: tuple[str, ...]
    start: int
    months: int = 3
    before: str = ""
    after: str = ""

    def __post_init__(self):
        if not 1 <= self.start <= 12:
            raise FieldError("start", f"{self.start} is not a month (1-12)")
        if not 1 <= self.months <= 12:
            raise FieldError("months", f"{self.months} is not a number of months (1-12)")
        for name in ("before", "after"):
            if getattr(self, name):
                month_day(getattr(self, name), name)


@dataclass(frozen=True)
class Part:
    """A qualifier that takes part of a period: "begin", "medio", "tweede helft van"."""

    names: tuple[str, ...]
    part: Literal["begin", "middle", "end", "first-half", "second-half", "whole"]


@dataclass(frozen=True)
class Bound:
    """A preposition that opens or closes a period: "voor", "uiterlijk", "sinds"."""

    names: tuple[str, ...]
    bound: Literal["before", "by", "after", "from", "since", "until", "through", "in"]


@dataclass(frozen=True)
class Deictic:
    """"dit" (0), "vorig" (-1), "volgend" (+1); ``rolling`` for "de komende" (from the
    note's date on) rather than the next calendar unit."""

    names: tuple[str, ...]
    shift: int
    rolling: bool = False


@dataclass(frozen=True)
class Unit:
    """A calendar unit as a word ("jaar", "weken"); ``few`` is how many units a count-less
    plural ("de komende weken") is taken to mean."""

    names: tuple[str, ...]
    unit: Literal["day", "week", "month", "quarter", "half-year", "year"]
    few: int = 3


@dataclass(frozen=True)
class Numbered:
    """Words with a number: ordinals ("derde" 3), counts ("twee" 2), days ("morgen" 1)."""

    names: tuple[str, ...]
    number: int


@dataclass(frozen=True)
class Recess:
    """A council recess: names and its usual first and last day ("07-13", "08-25")."""

    names: tuple[str, ...]
    start: str
    end: str

    def __post_init__(self):
        month_day(self.start, "start")
        month_day(self.end, "end")


def month_day(text: str, field: str) -> tuple[int, int]:
    """(month, day) of "MM-DD"; a ``FieldError`` for anything else ("13-45")."""
    m = re.fullmatch(r"(\d{1,2})-(\d{1,2})", text.strip())
    if m:
        month, day = int(m.group(1)), int(m.group(2))
        try:
            dt.date(2024, month, day)  # a leap year: "02-29" is a day
            return month, day
        except ValueError:
            pass
    raise FieldError(field, f"'{text}' is not a day of the year written as MM-DD (\"07-13\")")


@dataclass(frozen=True)
class TimeLexicon:
    """The words of the temporal grammar (see ``annolint.temporal``)."""

    seasons: tuple[Season, ...] = ()
    parts: tuple[Part, ...] = ()
    bounds: tuple[Bound, ...] = ()
    deictics: tuple[Deictic, ...] = ()
    units: tuple[Unit, ...] = ()
    ordinals: tuple[Numbered, ...] = ()
    numbers: tuple[Numbered, ...] = ()
    relative_days: tuple[Numbered, ...] = ()
    recesses: tuple[Recess, ...] = ()
    quarter_words: tuple[str, ...] = ()
    denials: tuple[str, ...] = ()  # "niet", "nooit": a sentence that denies its verb promises nothing
    change_cues: tuple[str, ...] = ()  # "inmiddels", "later dan eerder toegezegd": a change the note announces
    week_words: tuple[str, ...] = ()
    articles: tuple[str, ...] = ()
    of_words: tuple[str, ...] = ()
    span_openers: tuple[str, ...] = ()
    span_connectors: tuple[str, ...] = ()
    forward_markers: tuple[str, ...] = ()  # after a date: "a.s."
    backward_markers: tuple[str, ...] = ()  # after a date: "jl."
    for_verbs: tuple[str, ...] = ()  # "gepland voor het najaar": "voor" means "in"
    forward_cues: tuple[str, ...] = ()
    backward_cues: tuple[str, ...] = ()
    perfect_auxiliaries: tuple[str, ...] = ()
    participle: str = "(?!)"  # a past participle, for "is … geïnformeerd"
    separable_particles: tuple[str, ...] = ()  # "gaan … in" is "ingaan": a verb's particle written after it
    promise_words: tuple[str, ...] = ()
    plan_words: tuple[str, ...] = ()
    expectation_words: tuple[str, ...] = ()


@dataclass(frozen=True)
class Valued:
    """Words with a value: "anderhalf" 1.5, "miljoen" 1000000."""

    names: tuple[str, ...]
    number: float


@dataclass(frozen=True)
class Currency:
    names: tuple[str, ...]  # symbols and words: "€", "EUR", "euro"
    code: str


@dataclass(frozen=True)
class Approximation:
    """A word that makes a figure vague, and how vague: "ca. 240" with ``below`` and
    ``above`` 0.1 is 216–264."""

    names: tuple[str, ...]
    below: float
    above: float


@dataclass(frozen=True)
class Role:
    names: tuple[str, ...]
    role: Literal["target", "forecast", "measured"]


@dataclass(frozen=True)
class Statistic:
    """Words that make a figure a statistic of its kind: "gemiddeld 14 weken" (mean),
    "maximaal 10 weken" (max) and "14 weken" are three quantities."""

    names: tuple[str, ...]
    statistic: Literal["mean", "max", "min", "median", "total", "change"]


@dataclass(frozen=True)
class FigureLexicon:
    """The words for reading figures (see ``annolint.figures``)."""

    decimal_mark: str = ","
    thousands_mark: str = "."
    number_words: tuple[Numbered, ...] = ()
    fractions: tuple[Valued, ...] = ()
    shares: tuple[Valued, ...] = ()  # "een kwart van", "de helft van": a percentage in words
    multipliers: tuple[Valued, ...] = ()
    currencies: tuple[Currency, ...] = ()
    percent_words: tuple[str, ...] = ()
    point_words: tuple[str, ...] = ()
    approximations: tuple[Approximation, ...] = ()
    range_openers: tuple[str, ...] = ()
    range_connectors: tuple[str, ...] = ()
    labels: tuple[str, ...] = ()  # a number after these is a label: "agendapunt 6"
    not_figures: tuple[re.Pattern, ...] = ()
    roles: tuple[Role, ...] = ()
    statistics: tuple[Statistic, ...] = ()
    respective_words: tuple[str, ...] = ()  # "respectievelijk": one figure per item
    current_cues: tuple[str, ...] = ()  # "op dit moment": a present state, which changes between notes


@dataclass(frozen=True)
class AnswerLexicon:
    """The words for comparing answers (see ``annolint.questions``)."""

    yes_words: tuple[str, ...] = ()  # an answer opening with one says yes: "Ja", "Yes"
    no_words: tuple[str, ...] = ()
    # an answer without "Ja"/"Nee" that says the thing may well be so: against a "Nee" it
    # is a contradiction ("gedwongen ontslag is niet uit te sluiten")
    possible_phrases: tuple[str, ...] = ()
    negations: tuple[str, ...] = ()  # "niet", "geen": what flips a sentence
    affirmations: tuple[str, ...] = ()  # "wel": what stresses it is so
    done_auxiliaries: tuple[str, ...] = ()  # "is … gesproken": done
    future_auxiliaries: tuple[str, ...] = ()  # "wordt … gesproken": still to come


@dataclass(frozen=True)
class Lexicon:
    months: tuple[MonthName, ...] = ()
    meeting_words: tuple[str, ...] = ()
    date_labels: tuple[str, ...] = ()  # "Datum: 13 maart 2025" in the header is the note's date
    sections: tuple[re.Pattern, ...] = ()
    qa_sections: tuple[re.Pattern, ...] = ()
    question_labels: tuple[str, ...] = ()
    answer_labels: tuple[str, ...] = ()
    member_labels: tuple[str, ...] = ()
    parties: tuple[str, ...] = ()
    redactions: tuple[re.Pattern, ...] = ()
    name_connectors: tuple[str, ...] = ()
    name_particles: tuple[str, ...] = ()
    stop_words: tuple[str, ...] = ()
    common_words: tuple[str, ...] = ()  # frequent in every briefing set: they weigh little
    pronouns: tuple[str, ...] = ()  # a sentence opening with one refers to the one before
    abbreviations: tuple[str, ...] = ()  # a full stop after these does not end a sentence
    form_labels: tuple[str, ...] = ()  # "Van:", "Verzonden:", "Datum:": fields of a record, not claims
    time: TimeLexicon = field(default_factory=TimeLexicon)
    figures: FigureLexicon = field(default_factory=FigureLexicon)
    answers: AnswerLexicon = field(default_factory=AnswerLexicon)

    @cached_property
    def stop_word_set(self) -> frozenset[str]:
        return frozenset(w.lower() for w in self.stop_words)

    @cached_property
    def form_label_set(self) -> frozenset[str]:
        return frozenset(" ".join(w.lower().split()) for w in self.form_labels)

    @cached_property
    def month_numbers(self) -> dict[str, int]:
        return {name.lower(): m.number for m in self.months for name in m.names}

    @cached_property
    def month_pattern(self) -> str:
        names = sorted(self.month_numbers, key=len, reverse=True)
        return "(?:" + "|".join(re.escape(n) for n in names) + r")\.?" if names else "(?!)"

    @cached_property
    def party_names(self) -> frozenset[str]:
        return frozenset(p.lower() for p in self.parties)

    @cached_property
    def section_pattern(self) -> re.Pattern:
        """Any section heading, as one pattern (matched once per line)."""
        return _union(self.sections)

    @cached_property
    def qa_section_pattern(self) -> re.Pattern:
        return _union(self.qa_sections)

    @cached_property
    def redaction_gate(self) -> re.Pattern | None:
        """Whether a line may hold a redaction, in one search (see ``patterns.any_of``)."""
        return any_of(self.redactions)

    @cached_property
    def date_label_pattern(self) -> re.Pattern:
        """A header line or table cell that opens with a date label ("Datum:", "Datum |",
        a cell "Datum vergadering" on its own)."""
        words = "|".join(re.escape(w) for w in sorted(self.date_labels, key=len, reverse=True))
        return re.compile(rf"^\W*(?:{words})\b" if words else "(?!)", re.IGNORECASE)

    @cached_property
    def meeting_pattern(self) -> re.Pattern:
        words = "|".join(re.escape(w) for w in sorted(self.meeting_words, key=len, reverse=True))
        return re.compile(rf"\b(?:{words})" if words else "(?!)", re.IGNORECASE)


def _union(patterns: tuple[re.Pattern, ...]) -> re.Pattern:
    if not patterns:
        return re.compile("(?!)")
    joined = "|".join(f"(?:{p.pattern})" for p in patterns)
    guarded = [p for p in patterns if isinstance(p, GuardedPattern)]
    if guarded:  # a user's pattern inside: the union is guarded too, named after the first
        path, line, field = guarded[0].where
        return GuardedPattern(joined, re.IGNORECASE | re.UNICODE, path, line, field)
    return re.compile(joined, re.IGNORECASE | re.UNICODE)


def load_lexicon(files: list[Path]) -> Lexicon:
    """Merge lexicon files in order and decode them (errors name file and field)."""
    merged = None
    for path in files:
        located = load_located(path)
        decode(Lexicon, located, what="a lexicon")  # its own errors, with its own list positions
        merged = located if merged is None else merge_mappings(merged, located)
    if merged is None:
        return Lexicon()
    return decode(Lexicon, merged, what="a lexicon")
