"""SARIF 2.1.0, as GitHub code scanning ingests it.

``tool.driver`` lists every rule that ran (id, name, descriptions, help, default
level); each result carries ``ruleId``/``ruleIndex``, its level, the primary
location, the other sides as ``relatedLocations`` (with ids, referenced from the
message), and ``partialFingerprints``. URIs are relative to the working directory,
declared as ``%SRCROOT%`` in ``originalUriBaseIds``.
"""

from __future__ import annotations

import json
from pathlib import Path

from annolint import __version__
from annolint.findings import Finding
from annolint.ruleset import Rule

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://github.com/annolint/annolint"
LEVELS = {"error": "error", "warning": "warning", "note": "note"}


def _uri(path: str) -> str:
    return Path(path).as_posix().replace(" ", "%20")


def _physical(location, context) -> dict:
    """A region in the note's lines as annolint reads them; for a Word or PDF note
    (paragraph or extracted-text lines) also the passage as ``snippet`` and the page."""
    s = location.span
    region = {"startLine": max(s.line, 1), "startColumn": max(s.col, 1)}
    if s.end_line >= s.line and (s.end_line > s.line or s.end_col > s.col):
        region["endLine"] = s.end_line
        region["endColumn"] = s.end_col
    physical = {"artifactLocation": {"uri": _uri(location.path), "uriBaseId": "%SRCROOT%"}, "region": region}
    if context.quotes_passages(location):
        region["snippet"] = {"text": context.quoted(location)}
        if (page := context.page(location)) is not None:
            physical["properties"] = {"page": page}
    return physical


def _rule(rule: Rule) -> dict:
    return {
        "id": rule.id,
        "name": rule.name,
        "shortDescription": {"text": rule.short_description},
        "fullDescription": {"text": rule.description},
        "help": {"text": rule.description, "markdown": rule.description},
        "helpUri": f"{INFORMATION_URI}#rules",
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {"kind": rule.kind},
    }


def _result(f: Finding, rule_index: int, context) -> dict:
    result = {
        "ruleId": f.rule_id,
        "ruleIndex": rule_index,
        "level": LEVELS[f.severity],
        "message": {"text": f.message},
        "locations": [{"physicalLocation": _physical(f.location, context)}],
        "partialFingerprints": {"annolint/v1": f.fingerprint},
    }
    if f.related:
        result["relatedLocations"] = [
            {"id": i, "physicalLocation": _physical(r.location, context), "message": {"text": r.message}}
            for i, r in enumerate(f.related, start=1)
        ]
        # Point the reader at the other sides from the message itself.
        links = ", ".join(f"[{r.location.path}:{r.location.span.line}]({i})"
                          for i, r in enumerate(f.related[:5], start=1))
        more = f" and {len(f.related) - 5} more" if len(f.related) > 5 else ""
        result["message"]["markdown"] = f"{f.message} See {links}{more}."
    return result


def render(findings: list[Finding], rules: list[Rule], context) -> str:
    index = {r.id: i for i, r in enumerate(rules)}
    root = Path.cwd().as_uri() + "/"
    log = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "annolint",
                "version": __version__,
                "semanticVersion": __version__,
                "informationUri": INFORMATION_URI,
                "rules": [_rule(r) for r in rules],
            }},
            "originalUriBaseIds": {"%SRCROOT%": {"uri": root}},
            "columnKind": "unicodeCodePoints",
            "results": [_result(f, index[f.rule_id], context) for f in findings if f.rule_id in index],
        }],
    }
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"
