"""inconsistent-spelling in context: the Dutch particle rule, the hyphen preference,
prose against tables and scanning scars, and the common nouns, inflections, compounds
and capitals that are not name variants. Each behaviour beside a twin that stays silent."""

from conftest import findings, triples, write_set

HEAD = "Annotatie voor wethouder {name}\n\nCommissie Zorg, {date}\n\nKernboodschap\n\n"

# Two notes whose every "name-like" capital is typography, grammar or a different word.
PLAIN_A = HEAD.format(name="van Dam", date="5 februari 2024") + (
    "- Instituut Berg-Meijer rondt het onderzoek af. Wethouder van Dam opent de avond.\n"
    "- De werkzaamheden aan het Noorderpark lopen door; de werkzaamheden duren tot mei.\n"
    "- Het rapport is te groot om te versturen.\n"
    "- Noorderpark bezoekers krijgen een brief; de bezoekers waarderen het park.\n"
    "- De Lindewaardse aanpak werkt. Lindewaard krijgt een nieuw plein.\n")
PLAIN_B = HEAD.format(name="van Dam", date="4 maart 2024") + (
    "- Instituut Berg-Meijer presenteert in maart. Jan van Dam was vroeger wethouder.\n"
    "- Noorderpark-bezoekers parkeren aan de rand. Mevrouw De Groot leidt het project.\n"
    "- Werkzaamheden\n"
    "- STICHTING THUISZORG NOORD\n"
    "- Stichting Thuiszorg Noord is positief.\n")
# Two more notes: "wethouder Van Dam" (the form the rule predicts without a first name),
# and "Instituut Berg Meijer" without its hyphen, in as many notes as the hyphenated form.
SPACED_C = HEAD.format(name="Van Dam", date="8 april 2024") + (
    "- Instituut Berg Meijer is klaar. Volgens Instituut Berg Meijer is de respons hoog.\n"
    "- Het onderzoek van Instituut Berg Meijer loopt nog.\n")
SPACED_D = HEAD.format(name="van Dam", date="8 mei 2024") + "- Instituut Berg Meijer heeft een vervolg.\n"


def spelling(tmp_path, files):
    write_set(tmp_path, files)
    return findings(["check", ".", "--select", "inconsistent-spelling"], cwd=tmp_path)


def test_sentence_starts_common_nouns_inflections_compounds_and_capitals_are_silent(tmp_path):
    # "De werkzaamheden" / "Werkzaamheden", "te groot" / "De Groot", "Lindewaardse" /
    # "Lindewaard", "Noorderpark bezoekers" / "Noorderpark-bezoekers", a name in capitals,
    # and "van Dam" after a title and after a first name: all silent
    assert spelling(tmp_path, {"a.txt": PLAIN_A, "b.txt": PLAIN_B}) == []


def test_particle_case_follows_the_dutch_rule_and_hyphen_wins_with_support(tmp_path):
    found = spelling(tmp_path, {"a.txt": PLAIN_A, "b.txt": PLAIN_B, "c.txt": SPACED_C, "d.txt": SPACED_D})
    assert triples(found) == [("inconsistent-spelling", "a.txt", 1), ("inconsistent-spelling", "c.txt", 7)]
    dam, berg = found
    # without a first name Dutch writes "wethouder Van Dam": the rule, not the majority;
    # "Jan van Dam" (b.txt:7) is another context and is not compared
    assert dam["message"] == ("Deze naam wordt in de notities op 2 manieren geschreven: 'Van Dam' 1×, 'van Dam' 4×. "
                              "Gebruik overal 'Van Dam'.")
    # the other places of the variant first, then the preferred form
    assert [(r["location"]["path"], r["location"]["line"]) for r in dam["related"]] == [
        ("a.txt", 7), ("b.txt", 1), ("d.txt", 1), ("c.txt", 1)]
    # the hyphenated form is in two notes, as many as the spaced one: it is preferred
    assert berg["message"] == ("Deze naam wordt in de notities op 2 manieren geschreven: 'Instituut Berg-Meijer' 2×, "
                               "'Instituut Berg Meijer' 3×. Gebruik overal 'Instituut Berg-Meijer'.")


def test_particle_after_an_initial_is_compared_with_its_own_context_only(tmp_path):
    a = HEAD.format(name="Van Dam", date="5 februari 2024") + "- Volgens J. van Dam is de commissie klaar.\n"
    b = HEAD.format(name="Van Dam", date="4 maart 2024") + "- Volgens J. Van Dam is het plan klaar.\n"
    c = HEAD.format(name="Van Dam", date="8 april 2024") + "- Het rapport van J. van Dam is klaar.\n"
    found = spelling(tmp_path, {"a.txt": a, "b.txt": b, "c.txt": c})
    assert triples(found) == [("inconsistent-spelling", "b.txt", 7)]
    assert found[0]["message"] == ("Deze naam wordt in de notities op 2 manieren geschreven: 'van Dam' 2×, 'Van Dam' 1×. "
                                   "Gebruik overal 'van Dam'.")


def test_a_single_note_with_the_hyphen_does_not_outvote_the_rest(tmp_path):
    c = SPACED_C.replace("Van Dam", "van Dam")
    b = HEAD.format(name="van Dam", date="4 maart 2024") + "- Instituut Berg-Meijer presenteert in maart.\n"
    found = spelling(tmp_path, {"b.txt": b, "c.txt": c, "d.txt": SPACED_D})
    assert triples(found) == [("inconsistent-spelling", "b.txt", 7)]
    assert found[0]["message"].endswith("Gebruik overal 'Instituut Berg Meijer'.")


TABLE_A = HEAD.format(name="Smit", date="5 februari 2024") + (
    "- Stichting Thuiszorg Noord start de pilot in maart.\n"
    "- Stichting Thuiszorg Noord meldt een wachtlijst.\n")
TABLE_B = HEAD.format(name="Smit", date="4 maart 2024") + (
    "- De pilot van Stichting Thuiszorg Noord loopt tot de zomer.\n"
    "- Stichting Thuizorg Noord 2023 12 14 16 18 20\n"
    "- Contact: Stichting Thuizorg Noord « ecti\n")


def test_a_variant_in_a_table_or_on_a_scarred_line_is_not_reported(tmp_path):
    assert spelling(tmp_path, {"a.txt": TABLE_A, "b.txt": TABLE_B}) == []


def test_the_same_variant_in_prose_is_reported_and_the_records_only_vote(tmp_path):
    b = TABLE_B + "- Stichting Thuizorg Noord belt terug.\n"
    found = spelling(tmp_path, {"a.txt": TABLE_A, "b.txt": b})
    assert triples(found) == [("inconsistent-spelling", "b.txt", 10)]
    assert found[0]["message"] == ("Deze naam wordt in de notities op 2 manieren geschreven: 'Stichting Thuiszorg Noord' 3×, "
                                   "'Stichting Thuizorg Noord' 1×. Gebruik overal 'Stichting Thuiszorg Noord'.")


def test_two_names_joined_by_en_are_not_one_name_written_two_ways(tmp_path):
    a = HEAD.format(name="Smit", date="5 februari 2024") + (
        "- Het overleg tussen Ajax en Feyenoord Rotterdam is gepland.\n- Ajax wint vaak.\n"
        "- Feyenoord Rotterdam verliest soms.\n")
    b = HEAD.format(name="Smit", date="4 maart 2024") + "- De wedstrijd Ajax - Feyenoord Rotterdam is verzet.\n"
    assert spelling(tmp_path, {"a.txt": a, "b.txt": b}) == []
