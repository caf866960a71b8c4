"""JSON: ``{"version", "findings": [...], "summary"}``, stable key order."""

from __future__ import annotations

import json
from collections import Counter

from annolint import __version__
from annolint.findings import Finding
from annolint.ruleset import Rule


def _location(location, context=None) -> dict:
    """Path, line and columns; for a Word or PDF note also its page (PDF) and the
    passage, since a line number alone does not find the place there."""
    s = location.span
    place = {"path": location.path, "line": s.line, "column": s.col, "end_line": s.end_line,
             "end_column": s.end_col}
    if context is not None and context.quotes_passages(location):
        if (page := context.page(location)) is not None:
            place["page"] = page
        place["passage"] = context.quoted(location)
    return place


def finding_dict(f: Finding, context=None) -> dict:
    return {
        "rule_id": f.rule_id,
        "name": f.rule_name,
        "severity": f.severity,
        "message": f.message,
        "location": _location(f.location, context),
        "related": [{"message": r.message, "location": _location(r.location, context)} for r in f.related],
        "fingerprint": f.fingerprint,
    }


def render(findings: list[Finding], rules: list[Rule], context) -> str:
    counts = Counter(f.severity for f in findings)
    data = {
        "version": __version__,
        "findings": [finding_dict(f, context) for f in findings],
        "summary": {
            "files_checked": context.files_checked,
            "files_unreadable": context.files_unreadable,
            "findings": len(findings),
            "by_severity": {s: counts[s] for s in ("error", "warning", "note")},
        },
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
