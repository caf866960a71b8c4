"""Notes pickled as one stream (``note_packs``): the chunks a reading worker sends the
main process, and the pack it writes with the same chunks."""

from __future__ import annotations

import pickle

import pytest

from annolint.cache import NoteCache
from annolint.note_packs import SEGMENT_NOTES, SNAPSHOT, NoteStream, NoteUnstream, read_notes


def _notes(count: int) -> list[tuple[str, str, dict]]:
    # every note holds the same paragraph, as notes that copy it from each other do
    paragraph = " ".join(["De aanbesteding start in het tweede kwartaal van 2025."] * 3)
    return [(f"note-{n:03}.txt", f"{n:064x}", {"text": paragraph, "number": n}) for n in range(count)]


def test_chunks_come_back_in_order_sharing_what_the_notes_of_a_segment_share(tmp_path):
    cache = NoteCache(tmp_path / "cache", b"salt")
    notes = _notes(2 * SEGMENT_NOTES + 3)  # three segments
    stream = NoteStream(cache, cache.key_of("pack", "one"))
    chunks = [stream.add(*note) for note in notes]
    stream.close()
    unstream = NoteUnstream()
    taken = [unstream.load(chunk) for chunk in chunks]
    assert taken == notes
    texts = [reading["text"] for _, _, reading in taken]
    # one object for the paragraph within a segment; a segment starts afresh
    assert texts[0] is texts[SEGMENT_NOTES - 1] and texts[SEGMENT_NOTES] is texts[2 * SEGMENT_NOTES - 1]
    assert texts[SEGMENT_NOTES] is not texts[0] and texts[2 * SEGMENT_NOTES] is not texts[SEGMENT_NOTES]
    # the pack holds the same chunks, read whole
    assert read_notes(cache, cache.key_of("pack", "one")) == notes
    # a later chunk is pickled as a reference to the paragraph, not the paragraph again
    assert len(chunks[1]) < len(notes[1][2]["text"]) < len(chunks[0])


def test_a_chunk_taken_out_of_order_or_two_at_once_is_refused():
    stream = NoteStream()
    chunks = [stream.add(*note) for note in _notes(3)]
    with pytest.raises(pickle.UnpicklingError):
        NoteUnstream().load(chunks[1])  # not the stream's head
    with pytest.raises(pickle.UnpicklingError):
        NoteUnstream().load(chunks[0] + chunks[1])


def test_an_entry_that_is_not_a_pack_is_not_read_as_one(tmp_path):
    cache = NoteCache(tmp_path / "cache", b"salt")
    records = cache.entry(cache.key_of("records"))
    for note in _notes(3):
        records.add(note)  # the same records, without a stream's head
    records.close()
    assert read_notes(cache, cache.key_of("records")) is None
    # the set's snapshot: a stream of notes with a head of its own, in one segment
    snapshot = NoteStream(cache, cache.key_of("set", "notes"), SNAPSHOT, segment=None)
    for note in _notes(SEGMENT_NOTES + 1):
        snapshot.add(*note)
    assert snapshot.close()
    assert read_notes(cache, cache.key_of("set", "notes")) is None
    held = read_notes(cache, cache.key_of("set", "notes"), SNAPSHOT)
    assert held == _notes(SEGMENT_NOTES + 1) and held[0][2]["text"] is held[-1][2]["text"]  # one segment
    cache.store(cache.key_of("other"), ["annolint-pack-2"])
    assert read_notes(cache, cache.key_of("other")) is None
    assert read_notes(cache, cache.key_of("none")) is None
