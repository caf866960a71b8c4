"""GitHub Actions workflow commands: one annotation per finding, then the summary.

``::error file=PATH,line=L,col=C,endLine=L,endColumn=E,title=AL020 shifted-deadline::MESSAGE``
(``warning`` for a warning, ``notice`` for a note). The other sides of a finding
follow the message, one line each ("Also at PATH line N: …"). Columns are given only
for a span on one line, as GitHub takes them only there; ``endColumn`` is exclusive,
as in SARIF. Data is escaped as the runner reads it: ``%``, CR and LF everywhere,
and ``:`` and ``,`` in properties too.
"""

from __future__ import annotations

from pathlib import PurePath

from annolint.findings import Finding
from annolint.i18n import say
from annolint.reporters.text import summary
from annolint.ruleset import Rule

COMMANDS = {"error": "error", "warning": "warning", "note": "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _properties(f: Finding) -> list[tuple[str, str | int]]:
    span = f.location.span
    line = max(span.line, 1)
    props: list[tuple[str, str | int]] = [("file", PurePath(f.location.path).as_posix()), ("line", line)]
    end_line = max(span.end_line, line)
    if end_line == line:
        props.append(("col", max(span.col, 1)))
        props.append(("endLine", end_line))
        if span.end_col > span.col:
            props.append(("endColumn", span.end_col))
    else:
        props.append(("endLine", end_line))
    props.append(("title", f"{f.rule_id} {f.rule_name}"))
    return props


def _message(f: Finding) -> str:
    lines = [f.message]
    lines += [say("Also at {path} line {line}: {message}", path=r.location.path, line=r.location.span.line,
                  message=r.message) for r in f.related]
    return "\n".join(lines)


def command(f: Finding) -> str:
    """The workflow command that annotates one finding."""
    props = ",".join(f"{name}={escape_property(str(value))}" for name, value in _properties(f))
    return f"::{COMMANDS[f.severity]} {props}::{escape_data(_message(f))}"


def render(findings: list[Finding], rules: list[Rule], context) -> str:
    # The closing summary is a plain line: the runner prints it in the log as it is.
    return "".join(command(f) + "\n" for f in findings) + summary(findings, context) + "\n"
