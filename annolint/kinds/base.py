"""The contract between the engine and a rule kind.

A rule kind is one module in this package with:

- a docstring that is its documentation (What it does / Why / Parameters / Example);
- ``Params``: a frozen dataclass of its YAML parameters (decoded strictly);
- ``MESSAGE_FIELDS``: the placeholders its rules' messages may use;
- ``check(params, index, scope) -> Iterable[Match]``: pure; reads the index only;
  or, for a kind whose findings in a note depend on that note alone,
  ``note_checker(params) -> check_note(doc, blocks) -> Iterable[Match]`` (``blocks``:
  the note's blocks in the rule's scope): asked note by note where the note is read,
  and its findings kept with the note in the cache (``rule_findings``);
- ``READS``: the kinds of facts of a note it reads through the index (of
  ``index.FACTS``: dated statements, figures, questions, word statistics): a run
  extracts only what its rules read where the notes are read, so a narrow
  ``--select`` reads less (a kind without it is taken to read every kind);
- optionally ``SHARES``: names of work it keeps in ``index.memo`` for other kinds (or
  takes from them); rules whose kinds share a name run in one process
  (``rule_processes``), others side by side.

Register the module in ``annolint/kinds/__init__.py``; a new rule of an existing kind
is YAML only.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from annolint.findings import Related
from annolint.i18n import long_date, say
from annolint.model import InNote, Location


@dataclass(frozen=True)
class Match:
    """One thing a kind found: where, the values for the message, the other sides."""

    location: Location
    values: Mapping[str, object]
    related: tuple[Related, ...] = ()
    key: str = ""  # stable identity for the fingerprint: the text found, never a line number


def quote(text: str, limit: int = 60) -> str:
    """Text as quoted in a message: collapsed whitespace, shortened in the middle."""
    text = " ".join(text.split())
    if len(text) > limit:
        head = limit * 2 // 3
        text = text[:head].rstrip() + " … " + text[-(limit - head - 3):].lstrip()
    return f"'{text}'"


def note_date(fact: InNote) -> str:
    """The date of the note a fact was read from, as messages write it."""
    day = fact.doc_date
    return long_date(day) if day else say("undated")
