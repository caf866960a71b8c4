"""inconsistent-spelling on scanned and exported text: what is typography, OCR, another
writer's words or grammar stays silent, each beside a twin that is still reported.

The shapes come from the Woo dossiers of the quality benchmark (``benchmarks/labels``):
map headers OCR'd into scraps, file names in page footers, a complaint export's free
text, table rows in title case, speaker names in capitals, columns run together, a
letter in English, Dutch plurals, lists of names, lines broken on a hyphen.
"""

from conftest import findings, triples, write_set

from annolint.kinds.spelling_variants import _other_word
from annolint.kinds.spelling_words import scrap

HEAD = "Annotatie voor wethouder Smit\n\nCommissie Ruimte, {date}\n\nKernboodschap\n\n"
STOP = frozenset({"de", "het", "een", "van", "en", "in"})


def spelling(tmp_path, files):
    write_set(tmp_path, {name: HEAD.format(date=f"{day} maart 2024") + body
                         for day, (name, body) in enumerate(sorted(files.items()), start=4)})
    return findings(["check", ".", "--select", "inconsistent-spelling"], cwd=tmp_path)


# ---- words ----------------------------------------------------------------------------------

def test_words_made_of_ocr_scraps_are_no_names():
    assert scrap("cstaAAT", STOP) and scrap("TAMANA-cstaAAT", STOP) and scrap("sstRAn", STOP)
    assert scrap("EenErotisch", STOP) and scrap("DeGroene", STOP)
    assert not any(scrap(w, STOP) for w in ("eBay", "kWh", "GroenLinks", "ArenAPoort", "NDSM-werf", "PvdA"))


def test_inflections_derivations_and_dutch_plurals_are_other_words_not_misspellings():
    assert _other_word("kademuur", "kademuren") and _other_word("brief", "brieven")
    assert _other_word("kat", "katten") and _other_word("huis", "huizen")
    assert _other_word("amsterdamse", "amsterdam’s") and _other_word("nederlandse", "nederlanden")
    assert not _other_word("wilgenhof", "wilgenhoff")
    assert not _other_word("lijnbaansgracht", "lijnbaangracht")
    assert not _other_word("europaboulevard", "europabovulevard")


def test_a_plural_is_silent_and_a_dropped_letter_is_reported(tmp_path):
    a = ("- De Kademuur Lijnbaansgracht is in slechte staat volgens het rapport.\n"
         "- Het onderzoek naar de Kademuur Lijnbaansgracht loopt tot de zomer.\n")
    b = "- Het rapport Houtanalyses fundering Kademuren Lijnbaansgracht is klaar.\n"
    assert spelling(tmp_path / "plural", {"a.txt": a, "b.txt": b}) == []
    c = "- Het herstel van de Kademuur Lijnbaangracht is nodig volgens het rapport.\n"
    found = spelling(tmp_path / "misspelt", {"a.txt": a, "c.txt": c})
    assert triples(found) == [("inconsistent-spelling", "c.txt", 7)]
    assert found[0]["message"] == ("Deze naam wordt in de notities op 2 manieren geschreven: 'Kademuur Lijnbaansgracht' 2×, "
                                   "'Kademuur Lijnbaangracht' 1×. Gebruik overal 'Kademuur Lijnbaansgracht'.")


# ---- what a block is ---------------------------------------------------------------------------

def test_ocr_of_a_map_header_is_silent(tmp_path):
    # a percent sign after no number ("sien %%", "o%"), and lower case running into capitals
    a = ("- Het Café Tapmarin ligt aan de Van Woustraat in het centrum van de stad.\n\n"
         "A Ne > CULLINAN-\nassinn sien %%  DORA PLEIN\n\n"
         "Aland GIeer a > _TAMANA-\ncstaAAT as & BZ PLEIN\n")
    b = ("- Het Café Tapmarin heeft een terras aan de Van Woustraat in het centrum.\n\n"
         "AA! wett o% CULLINAN-\nassins 0e zo POR A: PLEIN\n\n"
         "Nd Geens av 5% TAMANA-\ncstaAAl as GZ PLEIN\n")
    assert spelling(tmp_path, {"a.txt": a, "b.txt": b}) == []


def test_a_file_name_in_a_footer_votes_but_is_not_reported(tmp_path):
    a = ("- De duikinspectie van de Lijnbaansgracht Amsterdam is in oktober afgerond.\n"
         "- Het rapport over de Lijnbaansgracht Amsterdam is bij de raad.\n")
    b = ("- De kade aan de Lijnbaansgracht Amsterdam wordt in 2025 hersteld.\n\n"
         "18p107 fugro duikinspectie lijnbaansgracht amsterdam d1.0.docx Pagina 7 van 9\n")
    assert spelling(tmp_path / "footer", {"a.txt": a, "b.txt": b}) == []
    c = b + "\n- Volgens de aannemer is de lijnbaansgracht amsterdam in goede staat.\n"
    found = spelling(tmp_path / "prose", {"a.txt": a, "c.txt": c})
    assert triples(found) == [("inconsistent-spelling", "c.txt", 11)]


def test_the_free_text_of_an_exported_record_is_someone_elses_words(tmp_path):
    # "Toelichting : …", spaced as exports space it, opening three blocks of the set
    a = ("- Handhaving bezoekt Café Tapmarin aan de Van Woustraat dit weekend.\n\n"
         "Toelichting : Geluidsoverlast van Café Tapmarin, de muziek staat hard.\n\n"
         "Toelichting : Gasten van Café Tapmarin staan op straat.\n")
    b = ("- Café Tapmarin krijgt een waarschuwing van de gemeente.\n\n"
         "Toelichting : Overlast van de gasten van de Spagetteria en van de buren.\n")
    c = ("- De eigenaar van de Spaghetteria is ook gesproken door de gemeente.\n"
         "- Het terras van de Spaghetteria blijft open.\n")
    assert spelling(tmp_path / "record", {"a.txt": a, "b.txt": b, "c.txt": c}) == []
    # the same words typed by the writer of a note are reported
    d = b.replace("Toelichting : ", "- Melders noemen: ")
    found = spelling(tmp_path / "note", {"a.txt": a, "d.txt": d, "c.txt": c})
    assert triples(found) == [("inconsistent-spelling", "d.txt", 9)]
    assert found[0]["message"] == ("Deze naam wordt in de notities op 2 manieren geschreven: 'Spaghetteria' 2×, "
                                   "'Spagetteria' 1×. Gebruik overal 'Spaghetteria'.")


def test_title_case_in_table_rows_is_silent_but_their_letters_count(tmp_path):
    # rows without a stop word: their capitals are title case
    a = ("- De locatie is goed bereikbaar met de GVB buslijnen in de wijk.\n\n"
         "Bereikbaarheid OV -/- GVB Buslijnen halte Hamerstraat\n\n"
         "Parkeernota Amsterdam Versie november 2017 C-Locatie — maatwerk\n")
    b = ("- Voor de locatie is een C-locatie in de Parkeernota bepaald.\n\n"
         "Bereikbaarheid OV +/- GVB Buslijnen\n")
    assert spelling(tmp_path / "case", {"a.txt": a, "b.txt": b}) == []
    c = b + "\nTRANSFROMATIEGEBIED NIEUWBOUW / TRANSFORMATIE\n"
    d = "TRANSFORMATIEGEBIED NIEUWBOUW / TRANSFORMATIE\n\n- Het gebied wordt getransformeerd.\n"
    found = spelling(tmp_path / "letters", {"a.txt": a, "c.txt": c, "d.txt": d, "e.txt": d})
    assert triples(found) == [("inconsistent-spelling", "c.txt", 11)]
    assert found[0]["message"] == (
        "Deze naam wordt in de notities op 2 manieren geschreven: 'TRANSFORMATIEGEBIED NIEUWBOUW' 2×, "
        "'TRANSFROMATIEGEBIED NIEUWBOUW' 1×. Gebruik overal 'TRANSFORMATIEGEBIED NIEUWBOUW'.")


def test_a_letter_in_english_keeps_its_capitals(tmp_path):
    a = ("- Het college wil de ramen op de Wallen sluiten.\n"
         "- De overlast op de Wallen is groot volgens de bewoners.\n")
    b = ("- Thank you for the meeting about the plans of the City of Amsterdam’s council to move the "
         "centre away from the De Wallen area and the nuisance there.\n")
    c = ("- We remain concerned that the considerations behind the move from the De Wallen area "
         "will bring the same problems to the Zuidas.\n")
    assert spelling(tmp_path, {"a.txt": a, "b.txt": b, "c.txt": c}) == []


# ---- typography ---------------------------------------------------------------------------------

def test_a_speaker_in_capitals_is_not_compared_with_the_name_in_running_text(tmp_path):
    a = ("- De voorzitter geeft het woord aan mevrouw Naoum Néhmé van de fractie.\n\n"
         "Mevrouw NAOUM NÉHMEÉ: In dertig seconden gaat het zeker lukken.\n")
    b = "- De motie van mevrouw Naoum Néhmé is aangenomen door de raad.\n"
    assert spelling(tmp_path / "caps", {"a.txt": a, "b.txt": b}) == []
    # the same name misspelt in running text is reported
    c = "- De motie van mevrouw Naoum Néhmee is aangenomen door de raad.\n"
    found = spelling(tmp_path / "letters", {"a.txt": a, "b.txt": b, "c.txt": c})
    assert triples(found) == [("inconsistent-spelling", "c.txt", 7)]
    assert found[0]["message"] == ("Deze naam wordt in de notities op 2 manieren geschreven: 'Naoum Néhmé' 2×, "
                                   "'Naoum Néhmee' 1×. Gebruik overal 'Naoum Néhmé'.")


def test_accents_and_case_of_a_common_word_in_a_name_are_silent(tmp_path):
    a = ("- Het café staat aan de Van Woustraat. Het Café Tapmarin heeft een terras.\n"
         "- Buren klagen over het Café Tapmarin bij de gemeente.\n")
    b = "- De eigenaar van Cafe Tapmarin is uitgenodigd voor een gesprek.\n"
    assert spelling(tmp_path, {"a.txt": a, "b.txt": b}) == []


def test_the_joint_of_a_name_and_a_common_word_written_in_lower_case_is_silent(tmp_path):
    a = ("- Het stadsdeel heeft de melding ontvangen. De melding ging naar Stadsdeel - Zuid.\n"
         "- Ook Stadsdeel - Zuid is blij met het plan.\n")
    b = "- De bewoners danken het stadsdeel Zuid voor de snelle reactie.\n"
    assert spelling(tmp_path, {"a.txt": a, "b.txt": b}) == []


# ---- what is no name ---------------------------------------------------------------------------

def test_a_common_phrase_in_lower_case_beside_a_department_is_silent(tmp_path):
    a = ("- De brief is doorgestuurd naar de afdeling Openbare Orde en Veiligheid.\n"
         "- Openbare Orde en Veiligheid stemt af met de politie.\n")
    b = "- De wedstrijd is vanwege een risico voor de openbare orde en veiligheid verplaatst.\n"
    assert spelling(tmp_path / "phrase", {"a.txt": a, "b.txt": b}) == []
    c = "- Mail ons via het e-mailadres van de gemeente. Het e-mailadres staat op de site.\n"
    d = "23 augustus 2017 E-mailadres\n\n- Het e-mailadres van de afdeling is veranderd.\n"
    assert spelling(tmp_path / "lower", {"c.txt": c, "d.txt": d}) == []


def test_an_article_or_stop_word_opening_a_run_is_not_part_of_the_name(tmp_path):
    # columns run together: "… met Een Erotisch Centrum in gebouwvorm …"; OCR joins "EenErotisch"
    a = ("- Het kan bestaan uit één gebouw met Een Erotisch Centrum in gebouwvorm.\n"
         "- Het Kernteam Erotisch Centrum bespreekt de locaties met de stadsdelen.\n")
    b = ("- Doorvestiging van een Erotisch Centrum in de groene zoom is lastig.\n"
         "- Pagina 6 van 12 EenErotisch Centrum is een grote publiekstrekker.\n")
    assert spelling(tmp_path / "silent", {"a.txt": a, "b.txt": b}) == []
    c = "- Het college wil een Erotisch Centum openen in het stadsdeel.\n"
    found = spelling(tmp_path / "misspelt", {"a.txt": a, "b.txt": b, "c.txt": c})
    assert triples(found) == [("inconsistent-spelling", "c.txt", 7)]
    assert found[0]["message"] == ("Deze naam wordt in de notities op 2 manieren geschreven: 'Erotisch Centrum' 2×, "
                                   "'Erotisch Centum' 1×. Gebruik overal 'Erotisch Centrum'.")


def test_names_listed_with_en_and_a_run_naming_one_thing_twice_are_no_name(tmp_path):
    a = "- Motie van de leden Boomsma, Ceder, Kilig en Nanninga over erfpacht.\n"
    b = "- Motie van de leden Boomsma, Van Soest, Ceder, Kili en Nanninga over erfpacht.\n"
    assert spelling(tmp_path / "listed", {"a.txt": a, "b.txt": b}) == []
    # two cells of a table row, against a sentence: "te Amsterdam van de Gemeente Amsterdam"
    c = "- De gemeente betaalt de factuur.\n\nGemeente Amsterdam Gemeente Amsterdam\n"
    d = "- Op 11 februari ontving Fugro NL Land B.V. te Amsterdam van de Gemeente Amsterdam de opdracht.\n"
    assert spelling(tmp_path / "twice", {"c.txt": c, "d.txt": d}) == []


def test_a_hyphen_with_a_space_after_it_only_joins_no_name(tmp_path):
    # "Ajax- Gemeente": a word left out ("Ajax- en Feyenoordsupporters") or a line broken
    a = ("- Het overleg over de normalisatie Ajax- Gemeente is gepland.\n"
         "- De normalisatie Ajax- Gemeente loopt nog.\n")
    b = "- De brief van Ajax Gemeente is deels openbaar gemaakt.\n"
    assert spelling(tmp_path, {"a.txt": a, "b.txt": b}) == []


def test_a_web_address_in_any_case_is_no_way_of_writing_a_name(tmp_path):
    a = "Www.TaN-ENGINEERING.NL\n\n- Het rapport van TRN-Engineering is klaar.\n"
    b = "WwWww.TaN-ENGINEERING.NL\n\n- TRN-Engineering heeft de kade onderzocht.\n"
    assert spelling(tmp_path, {"a.txt": a, "b.txt": b}) == []


# ---- place names with an article, bullets, broken lines -------------------------------------

def test_a_capital_article_in_one_sentence_is_a_sentence_start_not_seen(tmp_path):
    # "Ligging locatie De Oeverlanden liggen …": a table's label and a sentence run together
    a = ("Ligging locatie De Oeverlanden liggen aan de noordzijde van de Nieuwe Meer.\n\n"
         "- Een woonboot in de Oeverlanden is een optie.\n")
    b = "- De noordkant van de Oeverlanden is een natuurgebied.\n"
    assert spelling(tmp_path / "once", {"a.txt": a, "b.txt": b}) == []
    # in two sentences it is a way of writing the name, and the vote decides
    c = ("- Uit het onderzoek blijkt dat De Groene Zoom geschikt is.\n"
         "- Het college kiest voor de locatie De Groene Zoom bij de RAI.\n")
    d = "- Wij zoeken de openbare ruimte rondom de Groene Zoom, dus dat kan.\n"
    found = spelling(tmp_path / "twice", {"c.txt": c, "d.txt": d})
    assert triples(found) == [("inconsistent-spelling", "d.txt", 7)]
    assert found[0]["message"] == ("Deze naam wordt in de notities op 2 manieren geschreven: 'De Groene Zoom' 2×, "
                                   "'de Groene Zoom' 1×. Gebruik overal 'De Groene Zoom'.")


def test_an_ocr_bullet_with_an_underscore_starts_the_line(tmp_path):
    a = "Zorg in de buurt\n\no _Woonzorglocatie De Oevers (Cordaan) is hier gevestigd.\n"
    b = "- Er zijn zorgen over de woonzorglocatie De Oevers (Cordaan) in het gebied.\n"
    assert spelling(tmp_path, {"a.txt": a, "b.txt": b}) == []


def test_a_word_broken_on_a_hyphen_is_not_a_name_with_a_word_dropped(tmp_path):
    # "Pro-" / "gramma van Eisen": its parts are no name "Pro" before "gramma van Eisen"
    a = ("- Voor het centrum is een voorlopig Pro-\ngramma van Eisen opgesteld door het team.\n"
         "- Het Programma van Eisen is in juni klaar.\n")
    b = "- Het Programma van Eisen is besproken met de exploitanten in de stad.\n"
    assert spelling(tmp_path, {"a.txt": a, "b.txt": b}) == []
