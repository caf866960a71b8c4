"""Built-in work stays linear on hostile input: bounds on the work done, not timings."""

from __future__ import annotations

from annolint import engine, terms
from annolint.config import Config
from conftest import write_set


def test_a_sentence_end_looks_back_a_bounded_window_however_long_the_token(monkeypatch):
    # The word before a full stop was searched from the block's start: quadratic on a
    # 19,000-character token. Every look-back now spans at most 64 characters.
    spans = []
    real = terms._LAST_WORD

    class Recording:
        def search(self, text, pos, endpos):
            spans.append(endpos - pos)
            return real.search(text, pos, endpos)

    monkeypatch.setattr(terms, "_LAST_WORD", Recording())
    text = "a" * 19_000 + ". Dit is een zin. En nog een, o.a. met een afkorting. Klaar."
    found = terms.sentences.__wrapped__(text, frozenset({"o.a"}))
    assert [text[s:e] for s, e in found][1:] == ["Dit is een zin.", "En nog een, o.a. met een afkorting.", "Klaar."]
    assert spans and max(spans) <= 64


def test_thousands_of_suppression_markers_are_indexed_once_per_note(tmp_path, monkeypatch):
    # Each marker searched every block, and each finding every marker. Now the
    # note's suppressions are indexed once, and each finding is one lookup.
    lines = ["Annotatie", "", "Commissie Bestuur, 4 maart 2024", "", "Kernboodschap", ""]
    for i in range(3000):
        lines += ["# annolint: ignore placeholder", f"- Punt {i} TODO"]
    lines += [f"- Punt {i} TODO" for i in range(3)]  # not suppressed
    write_set(tmp_path, {"a.txt": "\n".join(lines) + "\n"})
    calls = []
    real = engine._suppressions_by_line
    monkeypatch.setattr(engine, "_suppressions_by_line", lambda doc: calls.append(doc.path) or real(doc))
    result = engine.check([tmp_path / "a.txt"], Config(), select=("placeholder",))
    assert len(result.findings) == 3
    assert len(calls) == 1
