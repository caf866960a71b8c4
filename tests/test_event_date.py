"""event-date: one event told in other words with another day, across notes and within
one, beside the twins that must stay silent (a series of readings, two events of one
subject, a plan that came true on another day, an evening that recurs, meetings)."""

from __future__ import annotations

from collections import defaultdict

from conftest import findings, line_of, note, places, write_set

from annolint.config import Config
from annolint.engine import load_setup
from annolint.index import CorpusIndex
from annolint.kinds import event_date, events
from annolint.kinds.events import EventReader, phrase, root, same_root

RULE = ["--select", "event-date"]

MARCH = note(
    "Commissie Mobiliteit, 20 maart 2025",
    "- Op 12 maart 2025 is de subsidieaanvraag voor de fietsbrug bij de provincie ingediend.",
    "- Bewonersavond voor het Oosterpark: dinsdag 3 juni 2025, 20:00 uur in het buurthuis.",
    "- Op 1 maart 2025 stonden 312 bewoners op de wachtlijst voor een parkeervergunning.",
    "- Op 22 april hebben de gemeente en de vervoerder een akkoord bereikt over de dienstregeling.",
    "- De nieuwe fietsenstalling bij het station opent op 1 april 2025.",
    "- Inloopavond omwonenden fietsbrug: 2 april 2025.",
    "- In de commissie van 12 maart is gesproken over de fietsbrug.",
)
MAY = note(
    "Commissie Mobiliteit, 15 mei 2025",
    "- Sinds het indienen van de subsidieaanvraag voor de fietsbrug bij de provincie op 19 maart 2025 is "
    "het stil.",
    "- Op de bewonersavond in het Oosterpark op 10 juni zijn ook de wijkagenten aanwezig.",
    "- Op 1 mei 2025 stonden 340 bewoners op de wachtlijst voor een parkeervergunning.",
    "- Op 27 mei wordt de dienstregeling met de vervoerder getekend.",
    "- De fietsenstalling bij het station is op 8 april 2025 geopend.",
    "- In de commissie van 9 april is opnieuw gesproken over de fietsbrug.",
    "- Het college kan op 27 mei een voorgenomen besluit nemen.",
    "- De raad wordt met een raadsinformatiebrief op 3 juni over het voorgenomen besluit geïnformeerd.",
)
OCTOBER = note(
    "Commissie Mobiliteit, 2 oktober 2025",
    "- Op 30 september 2025 was er een inloopavond voor omwonenden van de fietsbrug.",
)


def test_an_event_retold_with_another_day_is_reported_across_notes_and_within_one(tmp_path):
    write_set(tmp_path, {"a.txt": MARCH, "b.txt": MAY, "c.txt": OCTOBER})
    found = findings(["check", ".", *RULE], cwd=tmp_path)
    # silent: the waiting list read on 1 March and 1 May (other figures: a series), the
    # agreement and the signing (two events), the bicycle shed planned for 1 April and
    # opened on 8 April (the plan slipped), the evenings of April and September (two
    # evenings), the committee meetings of 12 March and 9 April, and the letter of 3 June
    # about a decision against the decision of 27 May (the date hangs on the letter)
    assert places(found) == [
        ("event-date", "b.txt", line_of(MAY, "19 maart"), [("a.txt", line_of(MARCH, "12 maart 2025"))]),
        ("event-date", "b.txt", line_of(MAY, "10 juni"), [("a.txt", line_of(MARCH, "3 juni"))]),
    ]
    assert found[0]["message"] == (
        "Eén gebeurtenis, twee data: hier 'op 19 maart 2025' (15 mei 2025), maar 'Op 12 maart 2025' in "
        "a.txt (20 maart 2025); beide gaan over 'indienen', 'subsidieaanvraag', 'fietsbrug', 'provincie'."
        " Is de datum niet verschoven, corrigeer dan de verkeerde; is hij wel verschoven, meld dat dan "
        "waar hij verschoof. Betreft: 'Sinds het indienen van de subsidieaanvraag voor de fietsbrug … p "
        "19 maart 2025 is het stil'.")
    assert found[1]["related"][0]["message"] == "'3 juni 2025' in de notitie van 20 maart 2025"


def test_within_one_note_the_other_day_is_the_notes_own(tmp_path):
    note_ = note("Staf Mobiliteit, 10 maart 2025",
                 "- Informatiebijeenkomst voor raadsleden: woensdag 9 april 2025, 19:30 uur in de raadzaal.",
                 "- Tijdens de informatiebijeenkomst voor raadsleden op 16 april zijn er twee projectleiders om "
                 "vragen te beantwoorden.")
    write_set(tmp_path, {"a.txt": note_, "b.txt": note_.replace("10 maart 2025", "17 maart 2025")})
    found = findings(["check", ".", *RULE], cwd=tmp_path)
    # each note against itself: the copy a week later repeats the contradiction, it does not make one
    assert places(found) == [
        ("event-date", "a.txt", line_of(note_, "16 april"), [("a.txt", line_of(note_, "9 april"))]),
        ("event-date", "b.txt", line_of(note_, "16 april"), [("b.txt", line_of(note_, "9 april"))]),
    ]
    assert "in deze notitie; beide gaan over 'informatiebijeenkomst', 'raadsleden'" in found[0]["message"]


def test_the_words_of_one_event_are_compared_by_their_roots():
    assert root("gesloten", "nl") == root("sluiting", "nl") == root("sluiten", "nl")
    assert root("getekend", "nl") == root("tekenden", "nl")
    assert same_root(root("advies", "nl"), root("geadviseerd", "nl"))
    assert not same_root("opdracht", "opdrachtgever")  # a compound is another word


def test_an_event_copied_into_many_notes_is_compared_once_per_pair_of_wordings(tmp_path, monkeypatch):
    # One dated sentence in six notes, the event retold with another day in a seventh:
    # 21 pairs of notes, two decisions (the sentence against itself, and against the
    # retelling); the finding names the copies, the most recent first.
    told = "- Op 12 maart 2025 is de subsidieaanvraag voor de fietsbrug bij de provincie ingediend."
    retold = ("- Sinds het indienen van de subsidieaanvraag voor de fietsbrug bij de provincie op 19 maart 2025 "
              "is het stil.")
    notes = {f"{n}.txt": note(f"Commissie Mobiliteit, {n} april 2025", told) for n in range(1, 7)}
    notes["7.txt"] = note("Commissie Mobiliteit, 15 mei 2025", retold)
    write_set(tmp_path, notes)
    decided = []
    one_event = event_date._one_event
    monkeypatch.setattr(event_date, "_one_event", lambda a, b, *rest: decided.append(1) or one_event(a, b, *rest))
    found = findings(["check", ".", *RULE, "--no-cache"], cwd=tmp_path)
    line = line_of(notes["1.txt"], "12 maart")
    assert places(found) == [("event-date", "7.txt", line_of(notes["7.txt"], "19 maart"),
                              [(f"{n}.txt", line) for n in (6, 5, 4, 3, 2)])]
    assert len(decided) == 2


def test_the_lemmas_looked_up_are_kept_by_the_cache_for_the_next_run(tmp_path, monkeypatch):
    """Loading simplemma's Dutch word list takes longer than reading the events of a
    thousand notes: a run after an edit looks up no word the run before knew."""
    import simplemma

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "user-cache"))
    folder = write_set(tmp_path / "set", {"a.txt": MARCH, "b.txt": MAY, "c.txt": OCTOBER})
    first = findings(["check", ".", *RULE], cwd=folder)
    looked_up = []
    lemmatize = simplemma.lemmatize
    monkeypatch.setattr(simplemma, "lemmatize", lambda word, lang: looked_up.append(word) or lemmatize(word, lang=lang))
    # a fresh process knows no word; an edit, so that the findings are not the last run's
    monkeypatch.setattr(events, "_LEMMAS", defaultdict(dict))
    (folder / "b.txt").write_text(MAY + "\n", encoding="utf-8")
    assert findings(["check", ".", *RULE], cwd=folder) == first
    assert looked_up == []
    # without the cache every word is looked up again, with the same findings
    monkeypatch.setattr(events, "_LEMMAS", defaultdict(dict))
    assert findings(["check", ".", *RULE, "--no-cache"], cwd=folder) == first
    assert "ingediend" in looked_up


def test_the_time_of_a_lemma_looked_up_is_left_out_of_the_time_kept_for_the_next_run(monkeypatch):
    """The next run takes the lemma from the cache: the time it took (the first one
    loads simplemma's word list) would make the next run schedule event-date as the
    long rule it was once (``kept_work``)."""
    import simplemma

    from annolint import kept_work

    clock = [100.0]
    monkeypatch.setattr(kept_work.time, "perf_counter", lambda: clock[0])

    def slow(word, lang):
        clock[0] += 0.3  # loading the word list
        return "indienen"

    monkeypatch.setattr(simplemma, "lemmatize", slow)
    monkeypatch.setattr(events, "_LEMMAS", defaultdict(dict))
    watch = kept_work.Stopwatch()
    clock[0] += 0.2  # comparing
    assert events.lemma("ingediend", "nl") == "indienen" and clock[0] == 100.5
    assert events.lemma("ingediend", "nl") == "indienen" and clock[0] == 100.5  # known now: not looked up
    clock[0] += 0.1
    assert round(watch.seconds(), 9) == 0.3  # 0.6 s passed, 0.3 of them on the lemma


def test_a_date_goes_with_its_own_clause_or_the_label_before_it():
    words = str.split
    s = "Na het advies van de OR op 28 mei heeft het college in juni besloten."
    first, second = (s.index("op 28 mei"), s.index("op 28 mei") + 9), (s.index("in juni"), s.index("in juni") + 7)
    assert words(phrase(s, first, [first, second], words)) == ["Na", "het", "advies", "van", "de", "OR", "heeft",
                                                                "het", "college"]
    s = "Start gebiedsteams: 1 september 2025."
    day = (s.index("1 sep"), s.index("1 sep") + 16)
    # the phrase after the colon has no words of its own: the label before it says what starts
    assert words(phrase(s, day, [day], lambda t: [w for w in t.split() if w.isalpha()])) == [
        "Start", "gebiedsteams", ":", "."]


def test_the_paragraph_of_a_date_tells_more_of_its_event(tmp_path):
    a = note("Commissie Economie, 2 december 2024",
             "- Op 14 november 2024 is een werksessie over de winkelstraat gehouden. Daar kwamen 40 ondernemers op af.")
    b = note("Commissie Economie, 19 juni 2025",
             "- 21 november 2024     werksessie met 40 ondernemers",
             "- 3 december 2024      overleg met de ondernemers")
    write_set(tmp_path, {"a.txt": a, "b.txt": b})
    found = findings(["check", ".", *RULE], cwd=tmp_path)
    # the entrepreneurs are told in the sentence after the date: one event; the meeting of 3
    # December shares only a word of that paragraph, not of the date's own clause: silent
    assert places(found) == [("event-date", "b.txt", line_of(b, "21 november"), [("a.txt", line_of(a, "14 november"))])]
    assert "beide gaan over 'werksessie'" in found[0]["message"]


def test_a_verb_and_its_particle_written_after_it_are_one_word():
    reader = _reader()
    assert reader.words("De nieuwe contracten gaan in  .") == ["contracten", "ingaan"]
    assert reader.words("Het contract gaat in  .") == ["contract", "ingaan"]
    assert reader.words("De huidige contracten lopen af  en worden verlengd") == ["huidige", "contracten", "aflopen",
                                                                                "verlengd"]
    # before an article or a noun the particle is a preposition
    assert reader.words("Zij gaan in de binnenstad wonen") == ["binnenstad", "wonen"]
    assert reader.words("Het besluit ligt op tafel") == ["besluit", "ligt", "tafel"]


def _reader() -> EventReader:
    lexicon = load_setup(Config()).lexicon
    return EventReader(lexicon, "nl", CorpusIndex([], lexicon, "nl")._statement_reader.time_words)


def test_a_start_moved_by_a_year_in_other_words(tmp_path):
    a = note("Commissie Zorg, 23 januari 2025",
             "- De nieuwe contracten gaan in op 1 januari 2026 en lopen vier jaar.")
    b = note("Commissie Zorg, 19 juni 2025",
             "- De nieuwe contracten moeten ingaan op 1 januari 2026.")
    c = note("Gemeenteraad, 30 oktober 2025",
             "- De nieuwe contracten gaan in per 1 januari 2027.")
    write_set(tmp_path, {"a.txt": a, "b.txt": b, "c.txt": c})
    found = findings(["check", ".", *RULE], cwd=tmp_path)
    assert places(found) == [("event-date", "c.txt", line_of(c, "2027"), [("b.txt", line_of(b, "2026")),
                                                                         ("a.txt", line_of(a, "2026"))])]


def test_the_lemmas_kept_are_keyed_by_simplemmas_module_file(tmp_path, monkeypatch):
    import importlib.util
    import os
    from types import SimpleNamespace

    module = tmp_path / "__init__.py"
    module.write_text("VERSION = '1'\n", encoding="utf-8")
    monkeypatch.setattr(importlib.util, "find_spec", lambda name: SimpleNamespace(origin=str(module)))
    first = events._simplemma_version()
    assert first is not None and first.startswith(str(module))
    assert events._simplemma_version() == first  # the same file: the same key
    module.write_text("VERSION = '2.0'\n", encoding="utf-8")  # a new version rewrites it
    os.utime(module, ns=(1, 1))
    assert events._simplemma_version() not in (None, first)
    monkeypatch.setattr(importlib.util, "find_spec", lambda name: None)  # not installed: nothing kept
    assert events._simplemma_version() is None
