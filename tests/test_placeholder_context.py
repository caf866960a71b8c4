"""placeholder in context: "PM" only where a value stands, "???" only as a stand-in,
"moet nog" only as a note to the writer, stray marks of a scan, and the writer's own
"xx" and "<X> toevoegen". Each behaviour beside a twin that stays silent."""

from conftest import findings, triples, write_set

HEAD = "Annotatie voor wethouder Jansen\n\nCommissie Bestuur, 4 maart 2024\n\nKernboodschap\n\n"

UNFINISHED = HEAD + (
    "- Kosten van de pilot: PM\n"
    "- De bijdrage van het Rijk (PM) volgt in mei.\n"
    "- Aantal deelnemers: ???\n"
    "- De planning voor de raad (moet nog worden uitgewerkt).\n"
    "- Moet nog worden aangevuld\n"
    "- Zie kaart xx in de bijlage.\n"
    "- Kaart toevoegen op verzoek\n"
    "- +KAART TOEVOEGEN\n"
)

FINISHED = HEAD + (
    "- De PM van het project stemt af met de wethouder.\n"
    "- Een bewoner schreef: wanneer gaat handhaving optreden???\n"
    "- De details moeten nog worden uitgewerkt met de partners.\n"
    "- Het toevoegen van een kaart is niet nodig. Een kaart toevoegen aan de brief kan later.\n"
    "- De sessie eindigt om 10.00 uur PM.\n"
)


def placeholders(tmp_path, text):
    write_set(tmp_path, {"note.txt": text})
    return findings(["check", "note.txt", "--select", "placeholder"], cwd=tmp_path)


def test_stand_ins_and_notes_to_the_writer_are_reported(tmp_path):
    found = placeholders(tmp_path, UNFINISHED)
    assert triples(found) == [("placeholder", "note.txt", line) for line in range(7, 15)]
    assert [f["message"].split(" (")[0] for f in found] == [
        "Onafgemaakte tekst: 'PM'",
        "Onafgemaakte tekst: 'PM'",
        "Onafgemaakte tekst: '???'",
        "Onafgemaakte tekst: '(moet nog worden uitgewerkt)'",
        "Onafgemaakte tekst: 'Moet nog worden aangevuld'",
        "Onafgemaakte tekst: 'xx'",
        "Onafgemaakte tekst: 'Kaart toevoegen'",
        "Onafgemaakte tekst: '+KAART TOEVOEGEN'",
    ]


def test_roles_emphasis_plans_and_clock_times_are_silent(tmp_path):
    assert placeholders(tmp_path, FINISHED) == []


SCAN = HEAD.replace("Kernboodschap\n\n", "") + "Nt Ed EN kh\nSz:\n\n-\n\n| z ë |\nWa\n"


def test_a_lone_dash_in_a_note_without_lists_or_amid_scan_noise_is_silent(tmp_path):
    assert placeholders(tmp_path, SCAN) == []
    noisy_list = HEAD + "- Eerste punt.\n- Tweede punt.\n\nSz ë\n\n-\n\nE de\n"
    assert placeholders(tmp_path, noisy_list) == []


def test_an_empty_bullet_in_a_list_is_reported(tmp_path):
    found = placeholders(tmp_path, HEAD + "- Eerste punt.\n- Tweede punt.\n-\n- Vierde punt.\n")
    assert triples(found) == [("placeholder", "note.txt", 9)]
