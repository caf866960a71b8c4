"""--format github: workflow commands, one per finding, escaped as the runner reads them."""

from conftest import ROOT, note, run, write_set

from annolint.reporters import FORMATS
from annolint.reporters.github import escape_data, escape_property


def _small_set(folder):
    """Two notes of one date with one figure changed, and a note whose name has a
    comma and markup and whose text has a placeholder."""
    return write_set(folder, {
        "a.txt": note("Commissie Mobiliteit, 15 januari 2024", "- Het aandeel tevreden gebruikers is 81%."),
        "b.txt": note("Commissie Mobiliteit, 15 januari 2024", "- Het aandeel tevreden gebruikers is 76%."),
        "c<&>, d.txt": note("Commissie Mobiliteit, 16 januari 2024", '- TODO <script>alert("x")</script> & meer'),
    })


def test_github_commands_exactly(tmp_path):
    _small_set(tmp_path)
    result = run(["check", ".", "--format", "github", "--message-language", "en"], cwd=tmp_path)
    assert result.exit_code == 1
    assert result.stdout.split("\n") == [
        "::error file=b.txt,line=8,col=38,endLine=8,endColumn=41,title=AL030 diverging-figure::"
        "A figure differs: '76%25' here (15 January 2024), but '81%25' in a.txt (15 January 2024): the same "
        "sentence with another figure. About: 'Het aandeel tevreden gebruikers is 76%25'. Check which is right "
        "and use it everywhere.%0AAlso at a.txt line 8: '81%25' in the note of 15 January 2024",
        "::error file=c<&>%2C d.txt,line=8,col=3,endLine=8,endColumn=7,title=AL010 placeholder::"
        "Unfinished text: 'TODO' (a to-do marker). Fill it in or remove it before the note goes to the alderman.",
        "Found 2 findings (2 errors) in 3 files.",
        "",
    ]


def test_github_levels_and_spans_over_lines():
    """A note is a ``notice``; a span over several lines has no columns (GitHub
    takes columns only on one line); a zero-width span has no endColumn."""
    lines = run(["check", "corpus", "--format", "github", "--message-language", "en"], cwd=ROOT).stdout.split("\n")
    assert [line.split(" ", 1)[0] for line in lines if line.startswith("::")].count("::notice") == 3
    assert ("::error file=corpus/2024-05-30_commissie-wonen.txt,line=48,endLine=50,title=AL010 placeholder::"
            "Unfinished text: '- 1...', '- 2.', '- 3..' (3 numbered items with no text). Fill it in or remove it "
            "before the note goes to the alderman.") in lines
    assert next(line for line in lines if "AL002" in line).startswith(
        "::notice file=corpus/08_actualiteit-zonder-datum.txt,line=1,col=1,endLine=1,title=AL002 document-date::")
    assert lines[-2:] == ["Found 38 findings (20 errors, 15 warnings, 3 notes) in 12 files.", ""]


def test_github_escaping():
    assert escape_data("50% klaar\r\nregel 2: a, b") == "50%25 klaar%0D%0Aregel 2: a, b"
    assert escape_property("map:a,b%\n.txt") == "map%3Aa%2Cb%25%0A.txt"
    assert escape_property("%3A") == "%253A"  # the escape character first, so nothing is escaped twice


def test_every_format_is_offered_on_the_command_line(tmp_path):
    write_set(tmp_path, {"a.txt": note("Commissie Mobiliteit, 15 januari 2024", "- Alles is klaar.")})
    for fmt in FORMATS:
        assert run(["check", ".", "--format", fmt], cwd=tmp_path).exit_code == 0, fmt
