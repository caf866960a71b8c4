"""The words annolint's reader understands, loaded from YAML under ``rules/``.

A lexicon is the union of ``rules/common/lexicon.yaml``, the language pack's
``lexicon.yaml`` and any lexicon files the configuration names (lists extend).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from annolint.decode import decode, merge_mappings
from annolint.yamlfile import load_located


@dataclass(frozen=True)
class MonthName:
    number: int
    names: tuple[str, ...]


@dataclass(frozen=True)
class Lexicon:
    months: tuple[MonthName, ...] = ()
    meeting_words: tuple[str, ...] = ()
    sections: tuple[re.Pattern, ...] = ()
    qa_sections: tuple[re.Pattern, ...] = ()
    question_labels: tuple[str, ...] = ()
    answer_labels: tuple[str, ...] = ()
    member_labels: tuple[str, ...] = ()
    parties: tuple[str, ...] = ()
    redactions: tuple[re.Pattern, ...] = ()
    name_connectors: tuple[str, ...] = ()
    name_particles: tuple[str, ...] = ()

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
    def meeting_pattern(self) -> re.Pattern:
        words = "|".join(re.escape(w) for w in sorted(self.meeting_words, key=len, reverse=True))
        return re.compile(rf"\b(?:{words})" if words else "(?!)", re.IGNORECASE)


def _union(patterns: tuple[re.Pattern, ...]) -> re.Pattern:
    if not patterns:
        return re.compile("(?!)")
    return re.compile("|".join(f"(?:{p.pattern})" for p in patterns), re.IGNORECASE | re.UNICODE)


def load_lexicon(files: list[Path]) -> Lexicon:
    """Merge lexicon files in order and decode them (errors name file and field)."""
    merged = None
    for path in files:
        located = load_located(path)
        merged = located if merged is None else merge_mappings(merged, located)
    if merged is None:
        return Lexicon()
    return decode(Lexicon, merged, what="a lexicon")
