"""inconsistent-spelling: one finding per name written several ways; consistent names,
sentence-initial capitals and common nouns stay silent."""

from conftest import findings, triples, write_set

A = """Annotatie voor wethouder Van Dam

Commissie Zorg, 5 februari 2024

Kernboodschap

- Het onderzoek van Instituut Berg-Meijer is klaar. Het Zorgplan blijft het kader.
- Het zorgplan is vorig jaar vastgesteld door de raad.
- De Raad van Toezicht van Stichting Thuiszorg Noord is positief.
- Instituut Berg-Meijer presenteert de resultaten in maart.
- Stichting Thuiszorg Noord voert de pilot uit.
"""

B = """Annotatie voor wethouder van Dam

Commissie Zorg, 4 maart 2024

Kernboodschap

- Het onderzoek van Instituut Berg Meijer is klaar.
- Volgens het instituut berg meijer is de respons hoog.
- De Raad van Toezicht van Stichting Thuiszorg Noord is positief.
- Zorgplan en zorgbudget: het Zorgplan blijft het kader.
- De pilot van Stichting Thuiszrog Noord loopt tot de zomer.
"""

C = """Annotatie voor wethouder Van Dam

Commissie Zorg, 8 april 2024

Kernboodschap

- Bewoners kunnen terecht bij het Zorgloket.
- Van Dam opent de bijeenkomst. Stichting Thuiszorg Noord is er ook.
"""


def test_variant_groups_are_reported_once_each_with_all_places(tmp_path):
    write_set(tmp_path, {"a.txt": A, "b.txt": B, "c.txt": C})
    found = findings(["check", ".", "--select", "inconsistent-spelling"], cwd=tmp_path)
    assert triples(found) == [
        ("inconsistent-spelling", "b.txt", 1),
        ("inconsistent-spelling", "b.txt", 7),
        ("inconsistent-spelling", "b.txt", 11),
    ]
    dam, berg, thuiszorg = found
    # "Van Dam opent …" at the start of a sentence (c.txt:8) is no evidence either way
    assert dam["message"] == ("Deze naam wordt in de notities op 2 manieren geschreven: 'Van Dam' 2×, 'van Dam' 1×. "
                              "Gebruik overal 'Van Dam'.")
    assert dam["location"] == {"path": "b.txt", "line": 1, "column": 26, "end_line": 1, "end_column": 33}
    assert [(r["location"]["path"], r["location"]["line"]) for r in dam["related"]] == [
        ("a.txt", 1), ("c.txt", 1)]
    assert berg["message"] == ("Deze naam wordt in de notities op 3 manieren geschreven: 'Instituut Berg-Meijer' 2×, "
                               "'Instituut Berg Meijer' 1×, 'instituut berg meijer' 1×. "
                               "Gebruik overal 'Instituut Berg-Meijer'.")
    # the other variant first, then the preferred form (in this note, then elsewhere)
    assert [(r["location"]["path"], r["location"]["line"]) for r in berg["related"]] == [
        ("b.txt", 8), ("a.txt", 7), ("a.txt", 10)]
    assert thuiszorg["message"] == ("Deze naam wordt in de notities op 2 manieren geschreven: 'Stichting Thuiszorg Noord' 2×, "
                                    "'Stichting Thuiszrog Noord' 1×. Gebruik overal 'Stichting Thuiszorg Noord'.")


def test_consistent_names_common_nouns_and_sentence_starts_are_silent(tmp_path):
    write_set(tmp_path, {"a.txt": A, "c.txt": C})
    assert findings(["check", ".", "--select", "inconsistent-spelling"], cwd=tmp_path) == []


def test_configured_former_name_is_reported(tmp_path):
    write_set(tmp_path, {
        "a.txt": C,
        "b.txt": "Annotatie voor wethouder Van Dam\n\nCommissie Zorg, 1 mei 2024\n\n"
                 "- Bewoners kunnen terecht bij Wijkpunt Zorg.\n",
        ".annolint.yaml": "rule-options:\n  inconsistent-spelling:\n    names:\n"
                          "      - preferred: Wijkpunt Zorg\n        aliases: [Zorgloket]\n",
    })
    found = findings(["check", ".", "--select", "AL011"], cwd=tmp_path)
    assert triples(found) == [("inconsistent-spelling", "a.txt", 7)]
    assert found[0]["message"] == ("Deze naam wordt in de notities op 2 manieren geschreven: 'Wijkpunt Zorg' 1×, "
                                   "'Zorgloket' 1× (oude naam). Gebruik overal 'Wijkpunt Zorg'.")


def test_english_pack_reports_name_variants(tmp_path):
    header = "Briefing for Councillor Smith\n\nCabinet, {date}\n\nKey messages\n\n"
    write_set(tmp_path, {
        ".annolint.yaml": "language: en\n",
        "a.md": header.format(date="4 March 2024") + "- The Office for National Statistics published the figures.\n"
                "- The survey by Smith-Jones Research is ready.\n- The strategy is on track.\n",
        "b.md": header.format(date="8 April 2024") + "- The Office National Statistics published new figures.\n"
                "- Smith Jones Research presents the survey. The Strategy is on track.\n",
    })
    found = findings(["check", ".", "--select", "inconsistent-spelling"], cwd=tmp_path)
    assert [(f["location"]["path"], f["location"]["line"], f["message"]) for f in found] == [
        ("b.md", 7, "This name is written 2 ways in the set: 'Office for National Statistics' 1×, "
                    "'Office National Statistics' 1×. Use 'Office for National Statistics' everywhere."),
        ("b.md", 8, "This name is written 2 ways in the set: 'Smith-Jones Research' 1×, "
                    "'Smith Jones Research' 1×. Use 'Smith-Jones Research' everywhere."),
    ]


def test_a_rare_one_letter_slip_of_a_short_frequent_name_is_reported(tmp_path):
    # "Beekdal" is too short for the fuzzy comparison; "Beekdaal" once against six
    # times is a slip. "Janssen" three times beside "Jansen" six times is another
    # person; "Wissel" beside "wissel" (a word the set writes) is no name slip.
    usual = "\n".join(f"- Het convenant met Beekdal levert {n} woningen. Wethouder Jansen is tevreden over de Wissel."
                      for n in range(6))
    text = ("Annotatie voor wethouder Jansen\n\nCommissie Wonen, 4 maart 2025\n\nKernboodschap\n\n" + usual +
            "\n- Het convenant met Beekdaal werkt. Raadslid Janssen vraagt naar de Wisel en de wissel van de wacht."
            "\n- Raadslid Janssen en raadslid Janssen vragen het opnieuw.\n")
    write_set(tmp_path, {"a.txt": text})
    found = findings(["check", ".", "--select", "inconsistent-spelling"], cwd=tmp_path)
    assert [(f["location"]["line"], f["message"]) for f in found] == [
        (13, "Deze naam wordt in de notities op 2 manieren geschreven: 'Beekdal' 6×, 'Beekdaal' 1×. Gebruik overal 'Beekdal'.")]


def test_the_fast_gates_find_something_wherever_their_patterns_match():
    # ADDRESS_MARK and SCAR_MARK are looked for before URLISH and SCARS, and a text
    # without the mark is never searched with the pattern: a gate that missed what its
    # pattern matches would let a link or a scan scar through as a name. Both are
    # written by hand from their patterns, so any text of the marks, letters, digits
    # and spaces is tried on both.
    from hypothesis import given
    from hypothesis import strategies as st

    from annolint.kinds.spelling_scan import ADDRESS_MARK, SCAR_MARK, SCARS, URLISH

    @given(st.text(alphabet=st.sampled_from(list("«»{}|¦¬~^\\%/@:.wW aZ9\t-")), max_size=24))
    def gates_hold(text: str) -> None:
        assert URLISH.search(text) is None or ADDRESS_MARK.search(text) is not None
        assert SCARS.search(text) is None or SCAR_MARK.search(text) is not None

    gates_hold()
