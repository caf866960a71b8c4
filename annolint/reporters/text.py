"""Plain text: ``path:line:col: AL010 [placeholder] message``, the other sides of a
finding indented below it, and a summary line. Colour only on a terminal."""

from __future__ import annotations

from collections import Counter

from annolint.findings import Finding
from annolint.ruleset import Rule

COLOURS = {"error": "\x1b[31m", "warning": "\x1b[33m", "note": "\x1b[36m"}
DIM, BOLD, RESET = "\x1b[2m", "\x1b[1m", "\x1b[0m"


def _place(location) -> str:
    return f"{location.path}:{location.span.line}:{location.span.col}"


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def render(findings: list[Finding], rules: list[Rule], context) -> str:
    colour = context.colour
    lines: list[str] = []
    for f in findings:
        code = f"{f.rule_id} [{f.rule_name}]"
        if colour:
            code = f"{COLOURS[f.severity]}{BOLD}{f.rule_id}{RESET}{COLOURS[f.severity]} [{f.rule_name}]{RESET}"
        lines.append(f"{_place(f.location)}: {code} {f.message}")
        for related in f.related:
            text = f"    {_place(related.location)}: {related.message}"
            lines.append(f"{DIM}{text}{RESET}" if colour else text)
    if lines:
        lines.append("")
    lines.append(summary(findings, context))
    return "\n".join(lines) + "\n"


def summary(findings: list[Finding], context) -> str:
    """One sentence: how many findings of each severity in how many files, and how
    many files could not be checked. The HTML and GitHub reports say it too."""
    counts = Counter(f.severity for f in findings)
    files = _plural(context.files_checked, "file")
    if findings:
        parts = [_plural(counts[s], s) for s in ("error", "warning", "note") if counts[s]]
        text = f"Found {_plural(len(findings), 'finding')} ({', '.join(parts)}) in {files}."
    else:
        text = f"No findings in {files}."
    if context.files_unreadable:
        text += f" {_plural(context.files_unreadable, 'file')} could not be checked."
    return text
