"""Rule kinds, registered in this one place: YAML ``kind:`` name -> module."""

from __future__ import annotations

from types import ModuleType

from annolint.kinds import (changed_figure, conflicting_date, diverging_figure, document_date, event_date,
                            flipped_statement, inconsistent_answer, moved_fact, placeholder, read_problem,
                            shifted_deadline, spelling, stale_commitment)

KINDS: dict[str, ModuleType] = {
    "placeholder": placeholder,
    "inconsistent-spelling": spelling,
    "read-problem": read_problem,
    "document-date": document_date,
    "shifted-deadline": shifted_deadline,
    "conflicting-date": conflicting_date,
    "stale-commitment": stale_commitment,
    "moved-fact": moved_fact,
    "event-date": event_date,
    "diverging-figure": diverging_figure,
    "changed-figure": changed_figure,
    "flipped-statement": flipped_statement,
    "inconsistent-answer": inconsistent_answer,
}
