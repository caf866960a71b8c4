"""The command line: exit codes, formats, selection, configuration errors, baseline,
suppression, rules documentation."""

import json
import os

from conftest import findings, run, triples, write_set

NOTE = ("Annotatie voor wethouder Jansen\n\nCommissie Bestuur, 4 maart 2024\n\nKernboodschap\n\n"
        "- TODO cijfers\n- De Raad is positief.\n")
CLEAN = "Annotatie voor wethouder Jansen\n\nCommissie Bestuur, 4 maart 2024\n\nKernboodschap\n\n- Alles is klaar.\n"


def test_exit_0_when_clean_and_1_with_findings(tmp_path):
    write_set(tmp_path, {"clean.txt": CLEAN})
    clean = run(["check", "clean.txt"], cwd=tmp_path)
    assert clean.exit_code == 0 and clean.stdout == "Geen bevindingen in 1 bestand.\n"
    write_set(tmp_path, {"note.txt": NOTE})
    result = run(["check", "note.txt"], cwd=tmp_path)
    assert result.exit_code == 1
    assert result.stdout.splitlines()[0].startswith("note.txt:7:3: AL010 [placeholder] Onafgemaakte tekst: 'TODO'")
    assert result.stdout.splitlines()[-1] == "1 bevinding gevonden (1 fout) in 1 bestand."
    english = run(["check", "note.txt", "clean.txt", "--message-language", "en"], cwd=tmp_path)
    assert english.stdout.splitlines()[-1] == "Found 1 finding (1 error) in 2 files."


def test_the_program_leaves_at_once_with_its_whole_output_and_exit_status(tmp_path):
    # ``annolint`` / ``python -m annolint`` end the process without freeing the notes
    # object by object (``cli.program``): the output must still come out whole, flushed,
    # with the status of the run, and a closed pipe must not print a traceback.
    import subprocess
    import sys

    write_set(tmp_path, {"note.txt": NOTE, "clean.txt": CLEAN})
    command = [sys.executable, "-m", "annolint", "check", "--no-cache"]
    piped = subprocess.run([*command, ".", "--format", "json"], cwd=tmp_path, capture_output=True, text=True)
    assert piped.returncode == 1
    assert piped.stdout == run(["check", ".", "--no-cache", "--format", "json"], cwd=tmp_path).stdout
    clean = subprocess.run([*command, "clean.txt"], cwd=tmp_path, capture_output=True, text=True)
    assert (clean.returncode, clean.stdout) == (0, "Geen bevindingen in 1 bestand.\n")
    missing = subprocess.run([*command, "nowhere"], cwd=tmp_path, capture_output=True, text=True)
    assert (missing.returncode, missing.stderr) == (2, "annolint: error: no such file or folder: nowhere\n")
    closed = subprocess.Popen([*command, "."], cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    closed.stdout.close()  # the reader went away before the report came
    assert closed.wait() == 1 and b"Traceback" not in closed.stderr.read()
    closed.stderr.close()
    # started without a standard output at all (">&-"): the report to a file, the status kept
    without = subprocess.run([*command, ".", "-o", "report.log"], cwd=tmp_path, capture_output=False,
                             stderr=subprocess.PIPE, text=True, preexec_fn=lambda: os.close(1))
    assert (without.returncode, without.stderr) == (1, "")
    assert (tmp_path / "report.log").read_text(encoding="utf-8").startswith("note.txt:7:3: AL010")


def test_under_a_profiler_the_program_ends_as_usual_so_that_it_can_write(tmp_path):
    import subprocess
    import sys

    profile = tmp_path / "run.prof"
    script = ("import cProfile, sys\nsys.argv = ['annolint', '--version']\n"
              f"cProfile.run('from annolint.cli import program; program()', {str(profile)!r})\n")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert done.stdout.startswith("annolint, version ")
    assert profile.stat().st_size > 0


def test_rules_and_rule_speak_the_chosen_language():
    assert run(["rules"]).stdout.splitlines()[2].split(None, 3) == [
        "AL010", "placeholder", "error", "Tekst die de schrijver later nog wilde invullen"]
    assert run(["rules", "--message-language", "en"]).stdout.splitlines()[2].split(None, 3) == [
        "AL010", "placeholder", "error", "Text the writer meant to fill in later"]
    assert "Message: Onafgemaakte tekst: {text}" in run(["rule", "placeholder"]).stdout
    assert "Message: Unfinished text: {text}" in run(["rule", "placeholder", "--message-language", "en"]).stdout


def test_fail_on_and_notes(tmp_path):
    write_set(tmp_path, {"undated.txt": "Annotatie\n\nKernboodschap\n\n- Alles is klaar.\n"})
    result = run(["check", "undated.txt"], cwd=tmp_path)
    assert result.exit_code == 0  # a note does not fail the run by default
    assert "AL002 [document-date]" in result.stdout
    assert run(["check", "undated.txt", "--fail-on", "note"], cwd=tmp_path).exit_code == 1
    write_set(tmp_path, {"note.txt": NOTE})
    assert run(["check", "note.txt", "--fail-on", "error"], cwd=tmp_path).exit_code == 1


def test_select_and_ignore_by_id_or_name(tmp_path):
    write_set(tmp_path, {"note.txt": NOTE})
    assert triples(findings(["check", "note.txt", "--ignore", "placeholder"], cwd=tmp_path)) == []
    assert triples(findings(["check", "note.txt", "--select", "AL010,AL011"], cwd=tmp_path)) == [
        ("placeholder", "note.txt", 7)]
    result = run(["check", "note.txt", "--select", "AL999"], cwd=tmp_path)
    assert result.exit_code == 2
    assert "no rule has the id or name 'AL999'" in result.stderr


def test_usage_errors_exit_2(tmp_path):
    assert run(["check", "missing-folder"], cwd=tmp_path).exit_code == 2
    assert run(["check", ".", "--format", "xml"], cwd=tmp_path).exit_code == 2
    assert run(["nonsense"], cwd=tmp_path).exit_code == 2


def test_config_errors_name_file_line_and_field(tmp_path):
    write_set(tmp_path, {"note.txt": NOTE, ".annolint.yaml": "language: nl\nfail_on: warning\ncolour: yes\n"})
    result = run(["check", "note.txt"], cwd=tmp_path)
    assert result.exit_code == 2
    assert result.stderr.startswith("annolint: error: ")
    assert ".annolint.yaml:3: field 'colour': unknown key for annolint's configuration" in result.stderr


def test_pyproject_configuration(tmp_path):
    write_set(tmp_path, {"note.txt": NOTE, "pyproject.toml": "[tool.annolint]\nignore = ['placeholder']\n"})
    assert run(["check", "note.txt"], cwd=tmp_path).exit_code == 0


BAD_RULES = {
    "unknown key": ("id: AL100\nname: my-rule\nkind: placeholder\nseverity: error\nmessage: '{text}'\n"
                    "description: x\npaterns: []\n", "my.yaml:7: field 'paterns': unknown key for a rule of kind 'placeholder'"),
    "unknown kind": ("id: AL100\nname: my-rule\nkind: figure-magic\nseverity: error\nmessage: x\ndescription: x\n",
                     "my.yaml:3: field 'kind': unknown kind 'figure-magic'"),
    "bad regex": ("id: AL100\nname: my-rule\nkind: placeholder\nseverity: error\nmessage: '{text}'\n"
                  "description: x\npatterns:\n  - pattern: '(unclosed'\n    reason: r\n",
                  "my.yaml:8: field 'patterns[0].pattern': is not a valid regular expression"),
    "bad placeholder": ("id: AL100\nname: my-rule\nkind: placeholder\nseverity: error\nmessage: '{value}'\n"
                        "description: x\n", "my.yaml:5: field 'message': unknown placeholder {value}"),
    "attribute in placeholder": ("id: AL100\nname: my-rule\nkind: placeholder\nseverity: error\n"
                                 "message: '{text.__class__.__mro__}'\ndescription: x\n",
                                 "my.yaml:5: field 'message': placeholder {text.__class__.__mro__} must be a "
                                 "plain field name"),
    "index in placeholder": ("id: AL100\nname: my-rule\nkind: placeholder\nseverity: error\n"
                             "message: '{text[999]}'\ndescription: x\n",
                             "my.yaml:5: field 'message': placeholder {text[999]} must be a plain field name"),
    "format in placeholder": ("id: AL100\nname: my-rule\nkind: placeholder\nseverity: error\n"
                              "message: '{text:d}'\ndescription: x\n",
                              "my.yaml:5: field 'message': placeholder {text:d} must be a plain field name"),
    "bad severity": ("id: AL100\nname: my-rule\nkind: placeholder\nseverity: fatal\nmessage: x\ndescription: x\n",
                     "my.yaml:4: field 'severity': 'fatal' must be one of error, warning, note"),
    "bad yaml": ("id: AL100\nname: [unclosed\n", "my.yaml:3: is not valid YAML"),
}


def test_bad_rule_files_exit_2_with_place(tmp_path):
    for label, (text, expected) in BAD_RULES.items():
        folder = tmp_path / label.replace(" ", "-")
        write_set(folder, {"note.txt": NOTE, ".annolint.yaml": "rule-dirs: [myrules]\n", "myrules/my.yaml": text})
        result = run(["check", "note.txt"], cwd=folder)
        assert result.exit_code == 2, label
        assert expected in result.stderr, (label, result.stderr)


def test_user_rule_of_an_existing_kind_is_yaml_only(tmp_path):
    rule = ("id: AL100\nname: no-concept\nkind: placeholder\nseverity: warning\n"
            "message: 'Concept marker: {text}'\ndescription: A draft marker.\n"
            "empty-bullets: false\nempty-numbered-items: false\n"
            "patterns:\n  - pattern: '\\bCONCEPT\\b'\n    reason: draft\n")
    write_set(tmp_path, {"note.txt": CLEAN + "- CONCEPT versie\n", ".annolint.yaml": "rule-dirs: [myrules]\n",
                         "myrules/no-concept.yaml": rule})
    found = findings(["check", "note.txt", "--select", "no-concept"], cwd=tmp_path)
    assert [(f["rule_id"], f["location"]["line"], f["message"]) for f in found] == [
        ("AL100", 8, "Concept marker: 'CONCEPT'")]


def test_suppression_markers(tmp_path):
    md = ("Annotatie\n\nCommissie Bestuur, 4 maart 2024\n\nKernboodschap\n\n"
          "<!-- annolint: ignore AL010 -->\n- TODO one\n- TODO two\n")
    txt = "Annotatie\n\nCommissie Bestuur, 4 maart 2024\n\n# annolint: ignore placeholder\n- TODO one\n\n- TODO two\n"
    whole = "<!-- annolint: ignore-file -->\nAnnotatie\n\nCommissie Bestuur, 4 maart 2024\n\n- TODO\n"
    write_set(tmp_path, {"a.md": md, "b.txt": txt, "c.md": whole})
    assert triples(findings(["check", "."], cwd=tmp_path)) == [("placeholder", "a.md", 9), ("placeholder", "b.txt", 8)]


def test_baseline_reports_only_new_findings(tmp_path):
    write_set(tmp_path, {"note.txt": NOTE})
    result = run(["baseline", "baseline.json", "note.txt"], cwd=tmp_path)
    assert result.exit_code == 0 and result.stdout == "Wrote 1 findings to baseline.json.\n"
    assert run(["check", "note.txt", "--baseline", "baseline.json"], cwd=tmp_path).exit_code == 0
    # an edit elsewhere in the file keeps the fingerprint; a new placeholder is new
    write_set(tmp_path, {"note.txt": NOTE.replace("Kernboodschap\n", "Kernboodschap\n\n- Een nieuwe zin.\n")
                         + "- XXX woningen\n"})
    found = findings(["check", "note.txt", "--baseline", "baseline.json"], cwd=tmp_path)
    assert [(f["location"]["line"], f["message"][:25]) for f in found] == [(11, "Onafgemaakte tekst: 'XXX'")]
    write_set(tmp_path, {"broken.json": "{"})
    assert run(["check", "note.txt", "--baseline", "broken.json"], cwd=tmp_path).exit_code == 2


def test_output_file_and_json(tmp_path):
    write_set(tmp_path, {"note.txt": NOTE})
    result = run(["check", "note.txt", "--format", "json", "--output", "out.json"], cwd=tmp_path)
    assert result.exit_code == 1 and result.stdout == ""
    data = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    assert data["summary"] == {"files_checked": 1, "files_unreadable": 0, "findings": 1,
                               "by_severity": {"error": 1, "warning": 0, "note": 0}}
    assert data["findings"][0]["location"] == {"path": "note.txt", "line": 7, "column": 3,
                                               "end_line": 7, "end_column": 7}


def test_rules_rule_and_version(tmp_path):
    listing = run(["rules"], cwd=tmp_path)
    assert listing.exit_code == 0
    assert [line.split()[:2] for line in listing.stdout.splitlines()] == [
        ["AL001", "read-error"], ["AL002", "document-date"], ["AL010", "placeholder"],
        ["AL011", "inconsistent-spelling"], ["AL020", "shifted-deadline"],
        ["AL021", "conflicting-date"], ["AL022", "stale-commitment"], ["AL023", "moved-fact"], ["AL024", "event-date"], ["AL030", "diverging-figure"], ["AL031", "changed-figure"],
        ["AL040", "inconsistent-answer"], ["AL041", "duplicate-question"], ["AL042", "answer-status"], ["AL050", "flipped-statement"]]
    doc = run(["rule", "inconsistent-spelling"], cwd=tmp_path)
    assert doc.exit_code == 0
    assert doc.stdout.startswith("AL011 inconsistent-spelling (warning, kind: inconsistent-spelling)")
    assert "What it does" in doc.stdout and "Parameters" in doc.stdout
    assert run(["rule", "AL999"], cwd=tmp_path).exit_code == 2
    assert run(["--version"], cwd=tmp_path).stdout == "annolint, version 0.1.0\n"


BILLION_LAUGHS = "\n".join(
    ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    + [f"{chr(97 + i)}: &{chr(97 + i)} [" + ",".join([f"*{chr(96 + i)}"] * 9) + "]" for i in range(1, 9)]) + "\n"
BAD_CONFIGS = {
    "impossible date": ("root: 2024-02-30\n", ".annolint.yaml:1: field 'root': '2024-02-30' is not a value "
                                               "annolint can read: day is out of range for month"),
    "python tag": ("root: !!python/name:os.system\n", ".annolint.yaml:1: field 'root': "
                                                      "'tag:yaml.org,2002:python/name:os.system' is not a value"),
    "alias loop": ("exclude: &a [*a]\n", ".annolint.yaml:1: field 'exclude[0]': an alias refers to the value "
                                         "that contains it"),
    "deep nesting": ("x: " + "[" * 3000 + "]" * 3000 + "\n", ".annolint.yaml: is nested too deeply to read"),
    "billion laughs": (BILLION_LAUGHS, "holds more than 100,000 values (aliases that expand without end?)"),
    "huge": ("# " + "x" * 2_000_100 + "\n", ".annolint.yaml: is larger than the 2 MB a configuration, rule or "
                                            "lexicon file can be"),
}


def test_configurations_yaml_cannot_build_exit_2_naming_file_and_field(tmp_path):
    for label, (text, expected) in BAD_CONFIGS.items():
        folder = tmp_path / label.replace(" ", "-")
        write_set(folder, {"note.txt": NOTE, ".annolint.yaml": text})
        result = run(["check", "note.txt"], cwd=folder)
        assert result.exit_code == 2, label
        assert result.stderr.count("\n") == 1 and "internal error" not in result.stderr, (label, result.stderr)
        assert expected in result.stderr, (label, result.stderr)


def test_a_pyproject_whose_tool_is_no_table_is_not_annolints_business(tmp_path):
    write_set(tmp_path, {"note.txt": NOTE, "pyproject.toml": "tool = 1\n"})
    assert run(["check", "note.txt"], cwd=tmp_path).exit_code == 1


def test_output_paths_that_would_fail_or_harm_are_refused_before_the_check(tmp_path):
    # A missing folder, one of the notes, a report with a note's extension inside the
    # checked folder (the next run would lint it), a read-only place: exit 2, one line,
    # and the notes untouched.
    write_set(tmp_path, {"notes/note.txt": NOTE, "locked/.keep": ""})
    (tmp_path / "locked").chmod(0o555)
    cases = {
        ("notes", "-o", "missing/report.json"): "--output missing/report.json: the folder missing does not exist",
        ("notes/note.txt", "-o", "notes/note.txt"): "--output notes/note.txt is one of the notes being checked",
        ("notes", "-o", "notes/report.txt"): "--output notes/report.txt lies in the checked folder notes",
    }
    # a full disk: /dev/full refuses every write, for root too
    cases[("notes", "-o", "/dev/full")] = "--output /dev/full cannot be written (No space left on device)"
    try:
        if os.access(tmp_path / "locked", os.W_OK):  # root writes anywhere: that case cannot be made here
            cases_locked = {}
        else:
            cases_locked = {("notes", "-o", "locked/report.json"): "--output locked/report.json cannot be written"}
        for args, expected in {**cases, **cases_locked}.items():
            result = run(["check", *args], cwd=tmp_path)
            assert result.exit_code == 2, args
            assert result.stderr.startswith("annolint: error: " + expected), (args, result.stderr)
            assert result.stderr.count("\n") == 1
    finally:
        (tmp_path / "locked").chmod(0o755)
    assert (tmp_path / "notes" / "note.txt").read_text(encoding="utf-8") == NOTE
    assert not (tmp_path / "notes" / "report.txt").exists()
    # a report beside the folder, or in it as JSON, is fine
    assert run(["check", "notes", "-o", "report.txt"], cwd=tmp_path).exit_code == 1
    assert run(["check", "notes", "--format", "json", "-o", "notes/report.json"], cwd=tmp_path).exit_code == 1


def test_a_baseline_nested_too_deeply_is_a_clear_error(tmp_path):
    write_set(tmp_path, {"note.txt": NOTE, "base.json": "[" * 100_000 + "]" * 100_000})
    result = run(["check", "note.txt", "--baseline", "base.json"], cwd=tmp_path)
    assert result.exit_code == 2
    assert result.stderr == "annolint: error: base.json: the baseline is nested too deeply to be a baseline\n"


def test_a_users_pattern_that_backtracks_without_end_is_stopped_with_its_place(tmp_path):
    # "(a|aa)+$" against sixty a's does not end with Python's re; a user's pattern runs
    # under a time budget and the run stops with file, line and field. A user's
    # look-behind works as the built-in packs' do.
    rule = ("id: AL100\nname: my-rule\nkind: placeholder\nseverity: warning\nmessage: 'Let op: {text}'\n"
            "description: x\nempty-bullets: false\nempty-numbered-items: false\npatterns:\n"
            "  - pattern: '(?<=€ )PM|\\bCONCEPT\\b'\n    reason: r\n")
    text = CLEAN + "- " + "a" * 60 + "!\n- Kosten: € PM voor de CONCEPT versie.\n"
    write_set(tmp_path, {"note.txt": text, ".annolint.yaml": "rule-dirs: [myrules]\n", "myrules/my.yaml": rule})
    found = findings(["check", "note.txt", "--select", "my-rule"], cwd=tmp_path)
    assert [(f["location"]["line"], f["message"]) for f in found] == [(9, "Let op: 'PM'"), (9, "Let op: 'CONCEPT'")]
    write_set(tmp_path, {"myrules/my.yaml": rule + "  - pattern: '(a|aa)+$'\n    reason: r\n"})
    result = run(["check", "note.txt", "--select", "my-rule"], cwd=tmp_path)
    assert result.exit_code == 2
    assert result.stderr.startswith("annolint: error: ")
    assert result.stderr.count("\n") == 1
    assert "myrules/my.yaml:12: field 'patterns[1].pattern': the pattern took more than 2 s on one text and " \
           "was stopped" in result.stderr
