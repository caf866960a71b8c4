"""Plain text: ``path:line:col: AL010 [placeholder] message``, the other sides of a
finding indented below it, and a summary line. Colour only on a terminal."""

from __future__ import annotations

from collections import Counter

from annolint.findings import Finding
from annolint.i18n import phrase, plural, say
from annolint.ruleset import Rule

COLOURS = {"error": "\x1b[31m", "warning": "\x1b[33m", "note": "\x1b[36m"}
DIM, BOLD, RESET = "\x1b[2m", "\x1b[1m", "\x1b[0m"
SEVERITY_COUNTS = {"error": (phrase("1 error"), phrase("{count} errors")),
                   "warning": (phrase("1 warning"), phrase("{count} warnings")),
                   "note": (phrase("1 note"), phrase("{count} notes"))}


def _place(location, context) -> str:
    place = f"{location.path}:{location.span.line}:{location.span.col}"
    page = context.page(location)
    return place + say(" (page {page})", page=page) if page else place


def _quote(location, context, indent: str) -> list[str]:
    """The passage of a place in a Word or PDF note, on a line of its own."""
    if not context.quotes_passages(location):
        return []
    excerpt = context.quoted(location)
    return [f'{indent}"{excerpt}"'] if excerpt else []


def render(findings: list[Finding], rules: list[Rule], context) -> str:
    colour = context.colour
    lines: list[str] = []
    for f in findings:
        code = f"{f.rule_id} [{f.rule_name}]"
        if colour:
            code = f"{COLOURS[f.severity]}{BOLD}{f.rule_id}{RESET}{COLOURS[f.severity]} [{f.rule_name}]{RESET}"
        lines.append(f"{_place(f.location, context)}: {code} {f.message}")
        lines.extend(_quote(f.location, context, "    "))
        for related in f.related:
            text = [f"    {_place(related.location, context)}: {related.message}",
                    *_quote(related.location, context, "        ")]
            lines.extend(f"{DIM}{t}{RESET}" if colour else t for t in text)
    if lines:
        lines.append("")
    lines.append(summary(findings, context))
    return "\n".join(lines) + "\n"


def summary(findings: list[Finding], context) -> str:
    """One sentence: how many findings of each severity in how many files, and how
    many files could not be checked, in the findings' language. The HTML and GitHub
    reports say it too."""
    counts = Counter(f.severity for f in findings)
    files = plural(context.files_checked, "1 file", "{count} files")
    if findings:
        parts = [plural(counts[s], *SEVERITY_COUNTS[s]) for s in ("error", "warning", "note") if counts[s]]
        text = say("Found {findings} ({parts}) in {files}.",
                   findings=plural(len(findings), "1 finding", "{count} findings"), parts=", ".join(parts),
                   files=files)
    else:
        text = say("No findings in {files}.", files=files)
    if context.files_unreadable:
        text += " " + plural(context.files_unreadable, "1 file could not be checked.",
                             "{count} files could not be checked.")
    return text
