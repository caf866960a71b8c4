"""Bad input never crashes annolint: each bad file gets a read-error, the rest is checked."""

from annolint.sources import read_source
from conftest import findings, run, triples, write_set

GOOD = "Annotatie voor wethouder Jansen\n\nCommissie Bestuur, 4 maart 2024\n\nKernboodschap\n\n- TODO cijfers\n"


def test_binary_cp1252_empty_files_beside_good_notes(tmp_path):
    write_set(tmp_path, {
        "good.txt": GOOD,
        "image.md": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00",
        "oud.txt": ("Annotatie voor wethouder Jansen\n\nCommissie Bestuur, 4 maart 2024\n\n"
                    "- Caf\xe9 De Zon is ge\xefnformeerd. TODO\n").encode("cp1252"),
        "leeg.txt": "",
    })
    result = run(["check", ".", "--format", "json"], cwd=tmp_path)
    assert result.exit_code == 1
    found = findings(["check", "."], cwd=tmp_path)
    by_file = {(f["name"], f["location"]["path"]): f["message"] for f in found}
    assert by_file[("read-error", "image.md")] == (
        "Dit bestand kon niet goed worden gelezen: dit is een binair bestand, geen tekst; niet gecontroleerd.")
    assert by_file[("read-error", "leeg.txt")] == (
        "Dit bestand kon niet goed worden gelezen: het bestand is leeg; niets te controleren.")
    assert by_file[("read-error", "oud.txt")].startswith(
        "Dit bestand kon niet goed worden gelezen: geen geldige UTF-8 (byte 72 is niet als UTF-8 te lezen); "
        "gelezen als Windows-1252 (cp1252)")
    # the cp1252 note is still checked (the list below), its accents read right
    assert "- Café De Zon is geïnformeerd. TODO" in read_source(tmp_path / "oud.txt").text
    assert triples(found) == [
        ("placeholder", "good.txt", 7), ("read-error", "image.md", 1), ("read-error", "leeg.txt", 1),
        ("read-error", "oud.txt", 1), ("placeholder", "oud.txt", 5),
    ]


def test_bom_crlf_and_long_lines(tmp_path):
    write_set(tmp_path, {
        "bom.txt": b"\xef\xbb\xbf" + GOOD.replace("\n", "\r\n").encode("utf-8"),
        "long.txt": "Annotatie\n\n- " + "woord " * 5000 + "\n",
    })
    found = findings(["check", "."], cwd=tmp_path)
    assert triples(found) == [("placeholder", "bom.txt", 7), ("read-error", "long.txt", 1)]
    long_message = next(f["message"] for f in found if f["location"]["path"] == "long.txt")
    assert "regel 3 is 30.002 tekens lang" in long_message
    bom = next(f for f in found if f["location"]["path"] == "bom.txt")
    assert (bom["location"]["line"], bom["location"]["column"]) == (7, 3)


def test_annolint_never_writes_to_the_documents(tmp_path):
    write_set(tmp_path, {"good.txt": GOOD, "leeg.txt": ""})
    before = {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in tmp_path.iterdir()}
    for fmt in ("text", "json", "sarif"):
        run(["check", ".", "--format", fmt], cwd=tmp_path)
    # the notes as they were; beside them only the cache folder, which is never read as notes
    after = {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in tmp_path.iterdir() if p.is_file()}
    assert before == after
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_dir()) == [".annolint_cache"]


def test_front_matter_that_yaml_cannot_turn_into_values_is_a_read_error_for_that_note(tmp_path):
    # "date: 2024-02-30" is valid YAML with no valid date; 3000 nested lists exhaust
    # the parser's recursion. Each note says so; the rest of it and the set are checked.
    nested = "x: " + "[" * 3000 + "]" * 3000
    write_set(tmp_path, {
        "good.txt": GOOD,
        "datum.md": "---\ndate: 2024-02-30\n---\n" + GOOD,
        "diep.md": f"---\n{nested}\n---\n" + GOOD,
    })
    result = run(["check", "."], cwd=tmp_path)
    assert result.exit_code == 1
    found = findings(["check", "."], cwd=tmp_path)
    by_file = {(f["name"], f["location"]["path"]): f["message"] for f in found}
    assert by_file[("read-error", "datum.md")] == (
        "Dit bestand kon niet goed worden gelezen: de front matter (regels 1-3) kan niet worden gelezen: day is out "
        "of range for month.")
    assert by_file[("read-error", "diep.md")] == (
        "Dit bestand kon niet goed worden gelezen: de front matter (regels 1-3) kan niet worden gelezen: te diep genest.")
    assert triples(found) == [
        ("read-error", "datum.md", 1), ("placeholder", "datum.md", 10), ("read-error", "diep.md", 1),
        ("placeholder", "diep.md", 10), ("placeholder", "good.txt", 7),
    ]


def test_pipes_devices_link_loops_and_undecodable_names_never_stop_the_run(tmp_path):
    # A named pipe would block for ever, a link to a device never ends, links that
    # point at each other loop, and a file name that is not UTF-8 cannot be written
    # out as it is: each is named in a finding; the good note is still checked.
    import os

    write_set(tmp_path, {"good.txt": GOOD})
    os.mkfifo(tmp_path / "pijp.txt")
    os.symlink("/dev/zero", tmp_path / "nul.md")
    os.symlink(tmp_path / "lus-b.txt", tmp_path / "lus-a.txt")
    os.symlink(tmp_path / "lus-a.txt", tmp_path / "lus-b.txt")
    with open(os.path.join(os.fsencode(tmp_path), b"caf\xe9.txt"), "wb") as handle:
        handle.write(GOOD.encode("utf-8"))
    result = run(["check", "."], cwd=tmp_path)
    assert result.exit_code == 1
    found = findings(["check", "."], cwd=tmp_path)
    by_file = {(f["name"], f["location"]["path"]): f["message"] for f in found}
    assert by_file[("read-error", "pijp.txt")] == (
        "Dit bestand kon niet goed worden gelezen: dit is een named pipe, geen tekstbestand; niet gelezen.")
    assert by_file[("read-error", "nul.md")] == (
        "Dit bestand kon niet goed worden gelezen: dit is een apparaat, geen tekstbestand; niet gelezen.")
    assert by_file[("read-error", "lus-a.txt")].startswith(
        "Dit bestand kon niet goed worden gelezen: het bestand kan niet worden gelezen (")
    assert triples(found) == [
        ("placeholder", "caf\N{REPLACEMENT CHARACTER}.txt", 7), ("placeholder", "good.txt", 7),
        ("read-error", "lus-a.txt", 1), ("read-error", "lus-b.txt", 1), ("read-error", "nul.md", 1),
        ("read-error", "pijp.txt", 1),
    ]
