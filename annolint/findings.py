"""What annolint reports: frozen, sortable findings with both sides of a contradiction."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from annolint.model import Location, pickled_as_fields

SEVERITIES = ("error", "warning", "note")
SEVERITY_RANK = {"note": 0, "warning": 1, "error": 2}


@pickled_as_fields
@dataclass(frozen=True, slots=True)
class Related:
    """Another place that takes part in a finding, with a short message of its own."""

    location: Location
    message: str


@pickled_as_fields
@dataclass(frozen=True, slots=True)
class Finding:
    rule_id: str
    rule_name: str
    severity: str
    message: str
    location: Location
    related: tuple[Related, ...] = ()
    fingerprint: str = ""

    def sort_key(self) -> tuple:
        span = self.location.span
        return (self.location.path, span.line, span.col, self.rule_id, self.message)

    def __lt__(self, other: "Finding") -> bool:
        return self.sort_key() < other.sort_key()

    @property
    def paths(self) -> set[str]:
        """Every file this finding involves."""
        return {self.location.path, *(r.location.path for r in self.related)}


def fingerprint(rule_id: str, path: str, key: str, ordinal: int) -> str:
    """A fingerprint that survives edits elsewhere: no line numbers, only what was found.

    ``ordinal`` tells apart identical matches in one file (the 2nd "TODO").
    """
    digest = hashlib.sha256(f"{rule_id}\x1f{path}\x1f{key}\x1f{ordinal}".encode("utf-8"))
    return digest.hexdigest()[:20]
