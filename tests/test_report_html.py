"""--format html: the page's parts exactly, escaping, one file with nothing fetched,
the same bytes every run; the marks of differing words; where a location lies in
its passage."""

import re

from conftest import ROOT, note, run, write_set

from annolint.model import Document, Location, Span
from annolint.reporters import ReportContext
from annolint.reporters.passages import differences, marked

SCRIPT = '- TODO <script>alert("x")</script> & meer'


def _small_set(folder):
    """Two notes of one date with one figure changed; a note whose name and text
    hold markup."""
    return write_set(folder, {
        "a.txt": note("Commissie Mobiliteit, 15 januari 2024", "- Het aandeel tevreden gebruikers is 81%."),
        "b.txt": note("Commissie Mobiliteit, 15 januari 2024", "- Het aandeel tevreden gebruikers is 76%."),
        "c<&>, d.txt": note("Commissie Mobiliteit, 16 januari 2024", SCRIPT),
    })


def _page(folder) -> str:
    result = run(["check", ".", "--format", "html", "--message-language", "en"], cwd=folder)
    assert result.exit_code in (0, 1), result.output
    return result.stdout


def _part(page: str, start: str, end: str) -> str:
    i = page.index(start)
    return page[i:page.index(end, i) + len(end)]


def test_findings_exactly(tmp_path):
    page = _page(_small_set(tmp_path))
    assert _part(page, '<section class="findings"', "</section>") == "\n".join([
        '<section class="findings" aria-labelledby="findings-title">',
        '<h2 id="findings-title">Findings</h2>',
        '<p id="none-shown" hidden>No finding matches the filters.</p>',
        '<article class="finding error" id="finding-1" data-rule="AL030" data-severity="error" data-notes="n1 n2" '
        'aria-labelledby="finding-1-title">',
        '<h3 id="finding-1-title"><span class="badge error">error</span> AL030 diverging-figure '
        '<span class="where">b.txt, line 8</span></h3>',
        '<p class="message">A figure differs: &#x27;76%&#x27; here (15 January 2024), but &#x27;81%&#x27; in a.txt '
        "(15 January 2024): the same sentence with another figure. About: &#x27;Het aandeel tevreden gebruikers is "
        "76%&#x27;. Check which is right and use it everywhere.</p>",
        '<div class="sides">'
        '<div class="side here"><p class="place"><span class="role">Here:</span> <span class="note">b.txt</span> '
        '<span class="meta">note of 15 January 2024 · line 8</span></p>'
        '<blockquote class="passage" lang="nl">- Het aandeel tevreden gebruikers is '
        '<span class="at"><mark>76</mark>%</span>.</blockquote></div>'
        '<div class="side other"><p class="place"><span class="role">Other side:</span> '
        '<span class="note">a.txt</span> <span class="meta">note of 15 January 2024 · line 8</span></p>'
        '<blockquote class="passage" lang="nl">- Het aandeel tevreden gebruikers is '
        '<span class="at"><mark>81</mark>%</span>.</blockquote>'
        '<p class="related-message">&#x27;81%&#x27; in the note of 15 January 2024</p></div></div>',
        "</article>",
        '<article class="finding error" id="finding-2" data-rule="AL010" data-severity="error" data-notes="n3" '
        'aria-labelledby="finding-2-title">',
        '<h3 id="finding-2-title"><span class="badge error">error</span> AL010 placeholder '
        '<span class="where">c&lt;&amp;&gt;, d.txt, line 8</span></h3>',
        '<p class="message">Unfinished text: &#x27;TODO&#x27; (a to-do marker). Fill it in or remove it before the '
        "note goes to the alderman.</p>",
        '<div class="sides"><div class="side here"><p class="place"><span class="role">Here:</span> '
        '<span class="note">c&lt;&amp;&gt;, d.txt</span> <span class="meta">note of 16 January 2024 · line 8</span>'
        '</p><blockquote class="passage" lang="nl">- <span class="at">TODO</span> '
        "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; meer</blockquote></div></div>",
        "</article>",
        "</section>",
    ])


def test_header_summary_and_filters_exactly(tmp_path):
    page = _page(_small_set(tmp_path))
    assert _part(page, "<header>", "</header>") == (
        "<header>\n<h1>annolint report: 2 findings</h1>\n"
        '<p class="lede">Found 2 findings (2 errors) in 3 files.</p>\n</header>')
    assert _part(page, '<dl class="totals">', "</dl>") == (
        '<dl class="totals">\n<div><dt>Findings</dt><dd>2</dd></div>\n<div><dt>Files checked</dt><dd>3</dd></div>\n'
        "<div><dt>Files unreadable</dt><dd>0</dd></div>\n</dl>")
    assert _part(page, "<caption>Findings per note</caption>", "</table>") == (
        '<caption>Findings per note</caption>\n<thead><tr><th scope="col">Note</th><th scope="col">Date</th>'
        '<th scope="col" class="num">Findings</th></tr></thead>\n<tbody>'
        '<tr><td>a.txt</td><td>note of 15 January 2024</td><td class="num">1</td></tr>'
        '<tr><td>b.txt</td><td>note of 15 January 2024</td><td class="num">1</td></tr>'
        '<tr><td>c&lt;&amp;&gt;, d.txt</td><td>note of 16 January 2024</td><td class="num">1</td></tr></tbody></table>')
    rule_rows = re.findall(r"<tr><td>(AL\d+)</td><td>[a-z-]+</td><td>[a-z]+</td><td class=\"num\">(\d+)</td>", page)
    assert [row for row in rule_rows if row[1] != "0"] == [("AL010", "1"), ("AL030", "1")]
    assert len(rule_rows) == 15  # every rule that ran, found or not
    assert _part(page, '<nav class="filters"', "</nav>") == "\n".join([
        '<nav class="filters" aria-labelledby="filters-title" hidden>',
        '<h2 id="filters-title">Filter the findings</h2>',
        '<form id="filters">',
        '<fieldset class="rules"><legend>Rule</legend>',
        '<div class="check"><input type="checkbox" id="filter-rule-AL010" name="rule" value="AL010" checked>'
        '<label for="filter-rule-AL010">AL010 placeholder <span class="count">(1)</span></label></div>',
        '<div class="check"><input type="checkbox" id="filter-rule-AL030" name="rule" value="AL030" checked>'
        '<label for="filter-rule-AL030">AL030 diverging-figure <span class="count">(1)</span></label></div>',
        "</fieldset>",
        '<fieldset class="severities"><legend>Severity</legend>',
        '<div class="check"><input type="checkbox" id="filter-severity-error" name="severity" value="error" checked>'
        '<label for="filter-severity-error">error <span class="count">(2)</span></label></div>',
        "</fieldset>",
        '<div class="note-filter"><label for="filter-note">Note</label>',
        '<select id="filter-note" name="note"><option value="">All notes</option><option value="n1">a.txt (1)</option>'
        '<option value="n2">b.txt (1)</option><option value="n3">c&lt;&amp;&gt;, d.txt (1)</option></select></div>',
        '<div class="actions"><button type="reset">Show all findings</button></div>',
        "</form>",
        '<p id="shown" role="status" data-template="Showing {shown} of 2 findings.">Showing 2 of 2 findings.</p>',
        "</nav>",
    ])


def test_text_from_notes_is_escaped(tmp_path):
    page = _page(_small_set(tmp_path))
    assert page.count("<script") == 1 and page.count("</script>") == 1  # the report's own, at the end
    assert page.index("<script>\n") > page.index("</footer>")
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; meer" in page
    assert "c<&>" not in page and "alert(\"x\")" not in page


def test_one_self_contained_file_with_the_same_bytes_every_run(tmp_path):
    first = run(["check", "corpus", "--format", "html"], cwd=ROOT).stdout
    assert run(["check", "corpus", "--format", "html"], cwd=ROOT).stdout == first
    assert first.startswith('<!DOCTYPE html>\n<html lang="nl">\n<head>\n<meta charset="utf-8">')
    # the Dutch pack's page speaks Dutch: its title, summary, filters and places
    assert "<title>annolint-rapport: 38 bevindingen</title>" in first
    assert '<p class="lede">38 bevindingen gevonden (20 fouten, 15 waarschuwingen, 3 opmerkingen) in 12 bestanden.</p>' \
        in first
    assert 'data-template="{shown} van 38 bevindingen getoond.">38 van 38 bevindingen getoond.</p>' in first
    assert '<span class="role">Andere kant:</span>' in first and "· regel 46</span>" in first
    assert not re.search(r"<link|<img|<iframe|src=|@import|url\(|https?://", first)
    assert first.count("<article ") == 38
    # every note of the corpus is in the table, with its date or "geen datum" (no date)
    assert "<tr><td>corpus/08_actualiteit-zonder-datum.txt</td><td>geen datum</td>" in first
    assert ("<td>corpus/2024-05-30_commissie-wonen.txt</td><td>notitie van 30 mei 2024 (uit de bestandsnaam)</td>"
            in first)


def test_unreadable_note_and_no_findings(tmp_path):
    write_set(tmp_path, {"a.txt": note("Commissie Mobiliteit, 15 januari 2024", "- Alles is klaar."),
                         "kapot.txt": b"\x00\x01\x02 binary"})
    page = _page(tmp_path)
    assert _part(page, '<dl class="totals">', "</dl>") == (
        '<dl class="totals">\n<div><dt>Findings</dt><dd>1</dd></div>\n<div><dt>Files checked</dt><dd>2</dd></div>\n'
        "<div><dt>Files unreadable</dt><dd>1</dd></div>\n</dl>")
    assert '<th scope="col">Reading</th>' in page
    assert re.search(r"<tr><td>kapot\.txt</td><td>no date</td><td class=\"num\">1</td><td>not checked: [^<]+</td></tr>",
                     page)
    assert "<tr><td>a.txt</td><td>note of 15 January 2024</td><td class=\"num\">0</td><td></td></tr>" in page

    clean = tmp_path / "clean"
    write_set(clean, {"a.txt": note("Commissie Mobiliteit, 15 januari 2024", "- Alles is klaar.")})
    page = _page(clean)
    assert "<p>No findings: the notes agree with each other.</p>" in page
    assert "<nav" not in page and "<article" not in page
    assert "<h1>annolint report: 0 findings</h1>" in page


def test_marks_only_where_versions_of_one_sentence_differ():
    a, b = "- Het onderzoek kost ca. 310 duizend euro.", "- o Het onderzoek kost ca. 240 duizend euro."
    assert differences(a, b) == ([(25, 28)], [(27, 30)])  # not the list markers
    assert marked(a, differences(a, b)[0], (21, 41)) == (
        '- Het onderzoek kost <span class="at">ca. <mark>310</mark> duizend euro</span>.')
    assert marked("<b> & 'c'", [(0, 3)]) == "<mark>&lt;b&gt;</mark> &amp; &#x27;c&#x27;"
    assert differences(a, a) == ([], [])  # identical: nothing to mark
    assert differences("Het aandeel is nu 87%.", "Uit de enquête blijkt dat 78% tevreden is.") == ([], [])  # unlike
    assert differences("Het is klaar.", "Het is klaar!") == ([], [])  # punctuation only
    # only the sentence the finding points at: the added second sentence is not marked
    later = "Het plan sturen we in het najaar naar de raad. Wij willen eerst de uitkomsten verwerken."
    earlier = "Het plan sturen we voor de zomer 2024 naar de raad."
    assert differences(later, earlier, (19, 32), (19, 37)) == ([(19, 32)], [(19, 37)])
    assert differences(later, earlier)[0] == [(19, 32), (47, 88)]  # whole passages: the added sentence too


def test_passage_at_follows_stripped_and_joined_lines():
    doc = Document(path="n.txt", lines=["Kop", "    - Het kost ca. 310", "  duizend euro.  ", "Einde"])
    context = ReportContext(1, 0, documents={"n.txt": doc})
    text, at = context.passage_at(Location("n.txt", Span(2, 16, 3, 15)))
    assert text == "- Het kost ca. 310 duizend euro."
    assert text[at[0]:at[1]] == "ca. 310 duizend euro"
    assert context.passage_at(Location("other.txt", Span(1, 1, 1, 2))) == ("", None)
