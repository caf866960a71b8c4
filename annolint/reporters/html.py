"""One self-contained HTML page for people who read documents, not SARIF.

A header with the summary, tables of findings per rule and per note, filters (rule,
severity, note), and each finding as an ``<article>``: its rule, severity and
message, and its passages side by side, the finding's own place first and then each
other side with its note, date, line, page and message. Where two passages are
versions of one sentence, the words in which they differ are marked
(``passages.py``); the words a finding points at are underlined.

The style sheet and script (``assets/``) are written into the page: no file, font or
script is fetched, so it works offline and as an e-mail attachment. The script only
shows and hides findings; without it every finding is shown and the filters stay
hidden. Everything from the notes is escaped and none of it goes into the script or
the style sheet. The page has no date or time: the same findings give the same bytes.
"""

from __future__ import annotations

from collections import Counter
from html import escape
from importlib.resources import files

from annolint import __version__
from annolint.findings import SEVERITIES, Finding
from annolint.model import Document, Location
from annolint.reporters.passages import differences, marked
from annolint.reporters.text import summary
from annolint.ruleset import Rule
from annolint.temporal.interval import long_date

DATE_SOURCES = {  # how a note's date was found, when that is worth saying
    "file-name": "from the file name",
    "opening-lines": "assumed from its opening lines",
    "inferred": "assumed: the latest date in it",
    "set": "assumed: the latest date of the set",
}


def _asset(name: str) -> str:
    return (files("annolint.reporters") / "assets" / name).read_text(encoding="utf-8")


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def _note_date(doc: Document | None) -> str:
    """"note of 7 March 2024", with how the date was found when it was assumed."""
    if doc is None or doc.date is None:
        return "no date"
    how = DATE_SOURCES.get(doc.date.source)
    return f"note of {long_date(doc.date.date)}" + (f" ({how})" if how else "")


def _reading(doc: Document | None) -> str:
    """Why a note was not (fully) read, as the report's "Reading" column says it."""
    if doc is None or (doc.checked and not doc.problem):
        return ""
    return ("not checked" if not doc.checked else "checked") + (f": {doc.problem}" if doc.problem else "")


class _Page:
    """The report for one run: the notes numbered for the filters, the findings."""

    def __init__(self, findings: list[Finding], rules: list[Rule], context):
        self.findings = findings
        self.rules = rules
        self.context = context
        paths = sorted(set(context.documents) | {p for f in findings for p in f.paths})
        self.note_ids = {path: f"n{i}" for i, path in enumerate(paths, start=1)}
        self.lang = escape(context.language) if context.language else ""

    # -- the parts of the page, top to bottom --------------------------------------

    def html(self) -> str:
        title = f"annolint report: {_plural(len(self.findings), 'finding')}"
        return "\n".join([
            "<!DOCTYPE html>",
            '<html lang="en">',
            "<head>",
            '<meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f'<meta name="generator" content="annolint {escape(__version__)}">',
            f"<title>{escape(title)}</title>",
            f"<style>\n{_asset('report.css')}</style>",
            "</head>",
            "<body>",
            '<a class="skip" href="#findings-title">Skip to the findings</a>',
            "<header>",
            f"<h1>{escape(title)}</h1>",
            f'<p class="lede">{escape(summary(self.findings, self.context))}</p>',
            "</header>",
            self.filters(),
            "<main>",
            self.overview(),
            self.finding_list(),
            "</main>",
            f'<footer><p>Made by annolint {escape(__version__)}. Marked words differ between the two '
            "passages; underlined words are the ones the finding is about.</p></footer>",
            f"<script>\n{_asset('report.js')}</script>",
            "</body>",
            "</html>",
            "",
        ])

    def filters(self) -> str:
        """Form controls for the script; ``hidden`` until the script runs."""
        if not self.findings:
            return ""
        by_rule = Counter(f.rule_id for f in self.findings)
        by_severity = Counter(f.severity for f in self.findings)
        names = {f.rule_id: f.rule_name for f in self.findings}
        rule_boxes = [self._checkbox("rule", rule_id, f"{rule_id} {names[rule_id]}", by_rule[rule_id])
                      for rule_id in sorted(by_rule)]
        severity_boxes = [self._checkbox("severity", s, s, by_severity[s]) for s in SEVERITIES if by_severity[s]]
        involved = self._involved()
        options = ['<option value="">All notes</option>']
        options += [f'<option value="{self.note_ids[p]}">{escape(p)} ({involved[p]})</option>'
                    for p in self.note_ids if involved[p]]
        return "\n".join([
            '<nav class="filters" aria-labelledby="filters-title" hidden>',
            '<h2 id="filters-title">Filter the findings</h2>',
            '<form id="filters">',
            '<fieldset class="rules"><legend>Rule</legend>', *rule_boxes, "</fieldset>",
            '<fieldset class="severities"><legend>Severity</legend>', *severity_boxes, "</fieldset>",
            '<div class="note-filter"><label for="filter-note">Note</label>',
            f'<select id="filter-note" name="note">{"".join(options)}</select></div>',
            '<div class="actions"><button type="reset">Show all findings</button></div>',
            "</form>",
            f'<p id="shown" role="status">Showing {len(self.findings)} of '
            f"{_plural(len(self.findings), 'finding')}.</p>",
            "</nav>",
        ])

    @staticmethod
    def _checkbox(name: str, value: str, label: str, count: int) -> str:
        ident = escape(f"filter-{name}-{value}")
        return (f'<div class="check"><input type="checkbox" id="{ident}" name="{name}" value="{escape(value)}" '
                f'checked><label for="{ident}">{escape(label)} <span class="count">({count})</span></label></div>')

    def _involved(self) -> Counter:
        return Counter(p for f in self.findings for p in f.paths)

    def overview(self) -> str:
        by_rule = Counter(f.rule_id for f in self.findings)
        rule_rows = [f"<tr><td>{escape(r.id)}</td><td>{escape(r.name)}</td><td>{escape(r.severity)}</td>"
                     f'<td class="num">{by_rule[r.id]}</td></tr>' for r in self.rules]
        involved = self._involved()
        docs = self.context.documents
        problems = any(d.problem or not d.checked for d in docs.values())
        note_rows = []
        for path in self.note_ids:
            cells = [escape(path), escape(_note_date(docs.get(path))), str(involved[path])]
            if problems:
                cells.append(escape(_reading(docs.get(path))))
            note_rows.append(f"<tr><td>{cells[0]}</td><td>{cells[1]}</td><td class=\"num\">{cells[2]}</td>"
                             + "".join(f"<td>{c}</td>" for c in cells[3:]) + "</tr>")
        reading = '<th scope="col">Reading</th>' if problems else ""
        ctx = self.context
        return "\n".join([
            '<section class="overview" aria-labelledby="overview-title">',
            '<h2 id="overview-title">Summary</h2>',
            '<dl class="totals">',
            f"<div><dt>Findings</dt><dd>{len(self.findings)}</dd></div>",
            f"<div><dt>Files checked</dt><dd>{ctx.files_checked}</dd></div>",
            f"<div><dt>Files unreadable</dt><dd>{ctx.files_unreadable}</dd></div>",
            "</dl>",
            '<div class="tables">',
            '<table><caption>Findings per rule</caption>',
            '<thead><tr><th scope="col">Rule</th><th scope="col">Name</th><th scope="col">Severity</th>'
            '<th scope="col" class="num">Findings</th></tr></thead>',
            f"<tbody>{''.join(rule_rows)}</tbody></table>",
            '<table><caption>Findings per note</caption>',
            '<thead><tr><th scope="col">Note</th><th scope="col">Date</th>'
            f'<th scope="col" class="num">Findings</th>{reading}</tr></thead>',
            f"<tbody>{''.join(note_rows)}</tbody></table>",
            "</div>",
            '<p class="hint">A finding counts for every note it involves, so one finding can count '
            "for several notes.</p>",
            "</section>",
        ])

    def finding_list(self) -> str:
        parts = ['<section class="findings" aria-labelledby="findings-title">',
                 '<h2 id="findings-title">Findings</h2>']
        if not self.findings:
            parts.append("<p>No findings: the notes agree with each other.</p>")
        parts.append('<p id="none-shown" hidden>No finding matches the filters.</p>')
        parts += [self.article(number, f) for number, f in enumerate(self.findings, start=1)]
        parts.append("</section>")
        return "\n".join(parts)

    # -- one finding --------------------------------------------------------------

    def article(self, number: int, f: Finding) -> str:
        ident = f"finding-{number}"
        notes = " ".join(self.note_ids[p] for p in sorted(f.paths))
        here = self._side(f.location, "Here", "", f.related)
        others = [self._side(r.location, "Other side", r.message, (), f.location) for r in f.related]
        return "\n".join([
            f'<article class="finding {escape(f.severity)}" id="{ident}" data-rule="{escape(f.rule_id)}" '
            f'data-severity="{escape(f.severity)}" data-notes="{notes}" aria-labelledby="{ident}-title">',
            f'<h3 id="{ident}-title"><span class="badge {escape(f.severity)}">{escape(f.severity)}</span> '
            f'{escape(f.rule_id)} {escape(f.rule_name)} <span class="where">{escape(self._place(f.location))}'
            "</span></h3>",
            f'<p class="message">{escape(f.message)}</p>',
            f'<div class="sides">{here}{"".join(others)}</div>',
            "</article>",
        ])

    def _place(self, location: Location) -> str:
        return f"{location.path}, {self._position(location)}"

    def _position(self, location: Location) -> str:
        """"line 63", "lines 48–50", with ", page 2" for a paginated note."""
        span = location.span
        lines = f"lines {span.line}–{span.end_line}" if span.end_line > span.line else f"line {span.line}"
        page = self.context.page(location)
        return lines + (f", page {page}" if page is not None else "")

    def _side(self, location: Location, role: str, message: str, related=(), other: Location | None = None) -> str:
        """One place of a finding: its note, date, line and page, the passage with the
        words that differ from the other side(s) marked, and its own message."""
        text, at = self.context.passage_at(location)
        compared = [r.location for r in related] if other is None else [other]
        differ = []
        for place in compared:
            other_text, other_at = self.context.passage_at(place)
            differ += differences(text, other_text, at, other_at)[0]
        doc = self.context.document(location)
        lang = f' lang="{self.lang}"' if self.lang else ""
        passage = (f'<blockquote class="passage"{lang}>{marked(text, differ, at)}</blockquote>' if text
                   else '<p class="passage missing">The text of this place is not available.</p>')
        return "".join([
            f'<div class="side {"here" if other is None else "other"}">',
            f'<p class="place"><span class="role">{escape(role)}:</span> '
            f'<span class="note">{escape(location.path)}</span> '
            f'<span class="meta">{escape(_note_date(doc))} · {escape(self._position(location))}'
            "</span></p>",
            passage,
            f'<p class="related-message">{escape(message)}</p>' if message else "",
            "</div>",
        ])


def render(findings: list[Finding], rules: list[Rule], context) -> str:
    return _Page(findings, rules, context).html()
