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
from annolint.i18n import current, long_date, phrase, plural, say
from annolint.model import Document, Location
from annolint.reporters.passages import differences, marked
from annolint.reporters.text import summary
from annolint.ruleset import Rule

DATE_SOURCES = {  # how a note's date was found, when that is worth saying
    "file-name": phrase("from the file name"),
    "opening-lines": phrase("assumed from its opening lines"),
    "inferred": phrase("assumed: the latest date in it"),
    "set": phrase("assumed: the latest date of the set"),
}
SEVERITY_WORDS = {"error": phrase("error"), "warning": phrase("warning"), "note": phrase("note")}


def _asset(name: str) -> str:
    return (files("annolint.reporters") / "assets" / name).read_text(encoding="utf-8")


def _note_date(doc: Document | None) -> str:
    """"note of 7 March 2024", with how the date was found when it was assumed."""
    if doc is None or doc.date is None:
        return say("no date")
    how = DATE_SOURCES.get(doc.date.source)
    return say("note of {date}", date=long_date(doc.date.date)) + (f" ({say(how)})" if how else "")


def _reading(doc: Document | None) -> str:
    """Why a note was not (fully) read, as the report's "Reading" column says it."""
    if doc is None or (doc.checked and not doc.problem):
        return ""
    return (say("not checked") if not doc.checked else say("checked")) + (f": {doc.problem}" if doc.problem else "")


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
        title = say("annolint report: {findings}",
                    findings=plural(len(self.findings), "1 finding", "{count} findings"))
        return "\n".join([
            "<!DOCTYPE html>",
            f'<html lang="{escape(current())}">',
            "<head>",
            '<meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f'<meta name="generator" content="annolint {escape(__version__)}">',
            f"<title>{escape(title)}</title>",
            f"<style>\n{_asset('report.css')}</style>",
            "</head>",
            "<body>",
            f'<a class="skip" href="#findings-title">{escape(say("Skip to the findings"))}</a>',
            "<header>",
            f"<h1>{escape(title)}</h1>",
            f'<p class="lede">{escape(summary(self.findings, self.context))}</p>',
            "</header>",
            self.filters(),
            "<main>",
            self.overview(),
            self.finding_list(),
            "</main>",
            "<footer><p>" + escape(say("Made by annolint {version}. Marked words differ between the two passages; "
                                       "underlined words are the ones the finding is about.", version=__version__))
            + "</p></footer>",
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
        severity_boxes = [self._checkbox("severity", s, say(SEVERITY_WORDS[s]), by_severity[s])
                          for s in SEVERITIES if by_severity[s]]
        involved = self._involved()
        options = [f'<option value="">{escape(say("All notes"))}</option>']
        options += [f'<option value="{self.note_ids[p]}">{escape(p)} ({involved[p]})</option>'
                    for p in self.note_ids if involved[p]]
        return "\n".join([
            '<nav class="filters" aria-labelledby="filters-title" hidden>',
            f'<h2 id="filters-title">{escape(say("Filter the findings"))}</h2>',
            '<form id="filters">',
            f'<fieldset class="rules"><legend>{escape(say("Rule"))}</legend>', *rule_boxes, "</fieldset>",
            f'<fieldset class="severities"><legend>{escape(say("Severity"))}</legend>', *severity_boxes,
            "</fieldset>",
            f'<div class="note-filter"><label for="filter-note">{escape(say("Note"))}</label>',
            f'<select id="filter-note" name="note">{"".join(options)}</select></div>',
            f'<div class="actions"><button type="reset">{escape(say("Show all findings"))}</button></div>',
            "</form>",
            # the script fills in {shown} as filters change: the words come from here, in the page's language
            f'<p id="shown" role="status" data-template="{escape(self._shown_template())}">'
            f"{escape(self._shown_template().replace('{shown}', str(len(self.findings))))}</p>",
            "</nav>",
        ])

    @staticmethod
    def _checkbox(name: str, value: str, label: str, count: int) -> str:
        ident = escape(f"filter-{name}-{value}")
        return (f'<div class="check"><input type="checkbox" id="{ident}" name="{name}" value="{escape(value)}" '
                f'checked><label for="{ident}">{escape(label)} <span class="count">({count})</span></label></div>')

    def _shown_template(self) -> str:
        total = len(self.findings)
        return plural(total, "Showing {shown} of 1 finding.", "Showing {shown} of {count} findings.",
                      shown="{shown}")

    def _involved(self) -> Counter:
        return Counter(p for f in self.findings for p in f.paths)

    def overview(self) -> str:
        by_rule = Counter(f.rule_id for f in self.findings)
        rule_rows = [f"<tr><td>{escape(r.id)}</td><td>{escape(r.name)}</td><td>{escape(say(SEVERITY_WORDS[r.severity]))}</td>"
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
        reading = f'<th scope="col">{escape(say("Reading"))}</th>' if problems else ""
        ctx = self.context
        return "\n".join([
            '<section class="overview" aria-labelledby="overview-title">',
            f'<h2 id="overview-title">{escape(say("Summary"))}</h2>',
            '<dl class="totals">',
            f"<div><dt>{escape(say('Findings'))}</dt><dd>{len(self.findings)}</dd></div>",
            f"<div><dt>{escape(say('Files checked'))}</dt><dd>{ctx.files_checked}</dd></div>",
            f"<div><dt>{escape(say('Files unreadable'))}</dt><dd>{ctx.files_unreadable}</dd></div>",
            "</dl>",
            '<div class="tables">',
            f'<table class="by-rule"><caption>{escape(say("Findings per rule"))}</caption>',
            f'<thead><tr><th scope="col">{escape(say("Rule"))}</th><th scope="col">{escape(say("Name"))}</th>'
            f'<th scope="col">{escape(say("Severity"))}</th>'
            f'<th scope="col" class="num">{escape(say("Findings"))}</th></tr></thead>',
            f"<tbody>{''.join(rule_rows)}</tbody></table>",
            f'<table class="by-note"><caption>{escape(say("Findings per note"))}</caption>',
            f'<thead><tr><th scope="col">{escape(say("Note"))}</th><th scope="col">{escape(say("Date"))}</th>'
            f'<th scope="col" class="num">{escape(say("Findings"))}</th>{reading}</tr></thead>',
            f"<tbody>{''.join(note_rows)}</tbody></table>",
            "</div>",
            '<p class="hint">' + escape(say("A finding counts for every note it involves, so one finding can count "
                                            "for several notes.")) + "</p>",
            "</section>",
        ])

    def finding_list(self) -> str:
        parts = ['<section class="findings" aria-labelledby="findings-title">',
                 f'<h2 id="findings-title">{escape(say("Findings"))}</h2>']
        if not self.findings:
            parts.append(f"<p>{escape(say('No findings: the notes agree with each other.'))}</p>")
        parts.append(f'<p id="none-shown" hidden>{escape(say("No finding matches the filters."))}</p>')
        parts += [self.article(number, f) for number, f in enumerate(self.findings, start=1)]
        parts.append("</section>")
        return "\n".join(parts)

    # -- one finding --------------------------------------------------------------

    def article(self, number: int, f: Finding) -> str:
        ident = f"finding-{number}"
        notes = " ".join(self.note_ids[p] for p in sorted(f.paths))
        here = self._side(f.location, say("Here"), "", f.related)
        others = [self._side(r.location, say("Other side"), r.message, (), f.location) for r in f.related]
        return "\n".join([
            f'<article class="finding {escape(f.severity)}" id="{ident}" data-rule="{escape(f.rule_id)}" '
            f'data-severity="{escape(f.severity)}" data-notes="{notes}" aria-labelledby="{ident}-title">',
            f'<h3 id="{ident}-title"><span class="badge {escape(f.severity)}">{escape(say(SEVERITY_WORDS[f.severity]))}</span> '
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
        doc = self.context.document(location)
        if doc is not None and doc.form == "docx":  # a Word note's lines are its paragraphs
            lines = say("paragraphs {first}–{last}", first=span.line, last=span.end_line) \
                if span.end_line > span.line else say("paragraph {line}", line=span.line)
        else:
            lines = say("lines {first}–{last}", first=span.line, last=span.end_line) if span.end_line > span.line \
                else say("line {line}", line=span.line)
        page = self.context.page(location)
        return lines + (say(", page {page}", page=page) if page is not None else "")

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
                   else f'<p class="passage missing">{escape(say("The text of this place is not available."))}</p>')
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
