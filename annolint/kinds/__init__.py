"""Rule kinds, registered in this one place: YAML ``kind:`` name -> module."""

from __future__ import annotations

from types import ModuleType

from annolint.kinds import document_date, placeholder, read_problem, spelling

KINDS: dict[str, ModuleType] = {
    "placeholder": placeholder,
    "inconsistent-spelling": spelling,
    "read-problem": read_problem,
    "document-date": document_date,
}
