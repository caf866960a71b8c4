"""Output formats. Each reporter renders the same findings; none knows rule kinds.

``render(findings, rules, context) -> str`` for every format in ``FORMATS``.
"""

from __future__ import annotations

from dataclasses import dataclass

from annolint.findings import Finding
from annolint.ruleset import Rule


@dataclass(frozen=True)
class ReportContext:
    files_checked: int
    files_unreadable: int
    colour: bool = False


def render(fmt: str, findings: list[Finding], rules: list[Rule], context: ReportContext) -> str:
    if fmt == "json":
        from annolint.reporters import json_report as module
    elif fmt == "sarif":
        from annolint.reporters import sarif as module
    else:
        from annolint.reporters import text as module
    return module.render(findings, rules, context)


FORMATS = ("text", "json", "sarif")
