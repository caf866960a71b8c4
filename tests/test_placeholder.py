"""placeholder: planted unfinished text is reported exactly; finished text is not."""

from conftest import findings, triples, write_set

NOTE = """Annotatie voor wethouder Jansen

Commissie Bestuur, 4 maart 2024

Kernboodschap

- De cijfers over 2023 volgen in de bijlage (moet nog update).
- We moeten de cijfers nog updaten voor de raad, zoals elk jaar.
- Het budget bedraagt PM euro.
- De begroting sluit om 10.00 uur PM af; dit is geen placeholder maar een tijd.
- TODO navragen bij financiën
- Het aantal deelnemers is XXX.
- Zie de pagina [Melden](#) en de pagina [Regels](https://example.org/regels).
- Het rapport [...] verschijnt later.
- We willen het beleid aanvullen met extra maatregelen.
-

Vraag en antwoord

1. Komen er extra middelen?

- Aanvullen met reactie wethouder
- Nee, daar is geen ruimte voor. Dit is in overleg met 5.1, 2, e besproken.

Binnengekomen vragen

- 1...
- 2.
- 3..

etc
"""


def test_placeholders_are_reported_with_place_and_text(tmp_path):
    write_set(tmp_path, {"note.txt": NOTE})
    found = findings(["check", "note.txt", "--select", "placeholder"], cwd=tmp_path)
    assert triples(found) == [
        ("placeholder", "note.txt", 7),
        ("placeholder", "note.txt", 9),
        ("placeholder", "note.txt", 11),
        ("placeholder", "note.txt", 12),
        ("placeholder", "note.txt", 13),
        ("placeholder", "note.txt", 14),
        ("placeholder", "note.txt", 16),
        ("placeholder", "note.txt", 22),
        ("placeholder", "note.txt", 27),
        ("placeholder", "note.txt", 31),
    ]
    messages = [f["message"].split(" (")[0] for f in found]
    assert messages == [
        "Onafgemaakte tekst: '(moet nog update)'",
        "Onafgemaakte tekst: 'PM'",
        "Onafgemaakte tekst: 'TODO'",
        "Onafgemaakte tekst: 'XXX'",
        "Onafgemaakte tekst: '[Melden](#)'",
        "Onafgemaakte tekst: '[...]'",
        "Onafgemaakte tekst: '-'",
        "Onafgemaakte tekst: 'Aanvullen met reactie wethouder'",
        "Onafgemaakte tekst: '- 1...', '- 2.', '- 3..'",
        "Onafgemaakte tekst: 'etc'",
    ]
    assert "3 genummerde punten zonder tekst" in found[8]["message"]
    assert found[8]["location"]["end_line"] == 29
    assert (found[0]["location"]["column"], found[0]["location"]["end_column"]) == (45, 62)


def test_finished_text_is_silent(tmp_path):
    write_set(tmp_path, {"note.txt": "Annotatie\n\nKernboodschap\n\n"
                         "- We moeten de cijfers nog updaten voor de raad.\n"
                         "- De sessie eindigt om 10.00 uur PM.\n"
                         "- We willen het beleid aanvullen met maatregelen.\n"
                         "- Zie [de regels](https://example.org).\n"
                         "- 1.500 mensen kwamen; 2. is geen lijst.\n"})
    assert findings(["check", "note.txt", "--select", "placeholder"], cwd=tmp_path) == []


def test_english_pack_finds_english_placeholders(tmp_path):
    write_set(tmp_path, {
        ".annolint.yaml": "language: en\n",
        "brief.md": "Briefing for Councillor Smith\n\nCabinet, 4 March 2024\n\nKey messages\n\n"
                    "- Figures for 2023 (needs update).\n- The budget is TBC.\n- Add own response here\n"
                    "- We will update the figures for the council.\n",
    })
    found = findings(["check", "brief.md", "--select", "placeholder"], cwd=tmp_path)
    assert triples(found) == [("placeholder", "brief.md", 7), ("placeholder", "brief.md", 8),
                              ("placeholder", "brief.md", 9)]


def test_stand_in_brackets_and_queries_to_the_writer_are_reported_brackets_with_content_are_not(tmp_path):
    text = "\n".join([
        "Annotatie voor wethouder Jansen", "", "Commissie Bestuur, 4 maart 2024", "", "Kernboodschap", "",
        "- Het COA heeft [aantal invullen] medewerkers geworven.",
        "- Het bouwrijp maken is al gestart (navragen bij Vastgoed: aanbesteed of niet?)",
        "- Het aandeel is [percentage] van de woningen.",
        "- Zie artikel 3 [Huisvestingswet] en de raadsbrief (nagezonden op 4 maart).",
        "- Het plan is besproken (we checken dit jaarlijks met de provincie).", ""])
    write_set(tmp_path, {"note.txt": text})
    found = findings(["check", "note.txt", "--select", "placeholder"], cwd=tmp_path)
    assert [(f["location"]["line"], f["message"].split(" (")[0]) for f in found] == [
        (7, "Onafgemaakte tekst: '[aantal invullen]'"),
        (8, "Onafgemaakte tekst: '(navragen bij Vastgoed: aanbesteed of niet?)'"),
        (9, "Onafgemaakte tekst: '[percentage]'"),
    ]
