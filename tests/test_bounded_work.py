"""Built-in work stays linear on hostile input: bounds on the work done, not timings."""

from __future__ import annotations

from annolint import engine, rule_findings, terms
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
    real = rule_findings._suppressions_by_line
    monkeypatch.setattr(rule_findings, "_suppressions_by_line", lambda doc: calls.append(doc.path) or real(doc))
    result = engine.check([tmp_path / "a.txt"], Config(), select=("placeholder",))
    assert len(result.findings) == 3
    assert len(calls) == 1
    # a rule that compares notes (not a note rule) looks its findings up the same way:
    # here one that finds each TODO
    from annolint.kinds import spelling
    from annolint.kinds.base import Match

    def every_todo(params, index, scope):
        for doc in index.documents:
            for block in doc.blocks:
                at = block.text.find("TODO")
                if at >= 0:
                    yield Match(doc.location(block.span(at, at + 4)),
                                {"preferred": "TODO", "variants": "todo", "count": 1, "total": 2}, key="todo")

    monkeypatch.setattr(spelling, "check", every_todo)
    note = tmp_path / "a.txt"
    note.write_text(note.read_text(encoding="utf-8").replace("ignore placeholder", "ignore inconsistent-spelling"),
                    encoding="utf-8")
    calls.clear()
    result = engine.check([note], Config(), select=("inconsistent-spelling",))
    assert [f.location.span.line for f in result.findings] == [6007, 6008, 6009]
    assert len(calls) == 1


def test_pairs_across_notes_are_decided_once_per_pair_of_wordings():
    # Items of one wording in two notes cannot be told apart by the decision: it is
    # made once per (wording, wording) in that order. Two items of one note are
    # always decided, since a decision may tell them apart by their note.
    from types import SimpleNamespace

    from annolint.similarity import decided_once_per_wording

    one, two = object(), object()
    items = [SimpleNamespace(doc=doc, text=text) for doc, text in
             [(one, "x"), (two, "x"), (one, "y"), (two, "y"), (two, "x")]]
    asked = []

    def decide(a, b):
        asked.append((a.text, b.text))
        return a.text + b.text

    pairs = [(0, 1), (0, 2), (0, 3), (1, 2), (1, 4), (2, 3), (3, 4), (0, 4), (1, 3)]
    found = list(decided_once_per_wording(pairs, items, lambda item: item.text, decide))
    assert found == [(0, 1, "xx"), (0, 2, "xy"), (0, 3, "xy"), (1, 2, "xy"), (1, 4, "xx"), (2, 3, "yy"),
                     (3, 4, "yx"), (0, 4, "xx"), (1, 3, "xy")]
    # (0, 2), (1, 4), (3, 4) and (1, 3) stand in one note; (1, 2) and (0, 4) repeat a
    # pair of wordings across notes decided already
    assert asked == [("x", "x"), ("x", "y"), ("x", "y"), ("x", "x"), ("y", "y"), ("y", "x"), ("x", "y")]


def test_candidate_pairs_are_the_pairs_of_the_blocking_keys_each_once_item_by_item():
    # Against the rule written out pair by pair: two items of a kind are a pair when
    # they share one of their two rarest terms held by at most six items, or an exact
    # key (a copied sentence) held by at most six; a key held by more pairs its first
    # item with each other one of its kind, a term held by more pairs none.
    import random
    from types import SimpleNamespace

    from annolint.similarity import candidate_pairs

    rng = random.Random(7)
    items = [SimpleNamespace(terms={rng.choice("abcdefghijklmnopqrst") for _ in range(3)}
                             | ({"common"} if i % 3 == 0 else set()),
                             copy="copy" if i % 4 == 0 else f"own {i}", kind=i % 2) for i in range(40)]
    weight = {"common": 2.0}
    rarest = [sorted(item.terms, key=lambda t: (-weight.get(t, 1.0), t))[:2] for item in items]
    holders = {t: [i for i in range(40) if t in rarest[i]] for t in {t for r in rarest for t in r}}
    copies = [i for i in range(40) if items[i].copy == "copy"]  # ten, all of kind 0: over the limit
    expected = set()
    for i in range(40):
        for j in range(i + 1, 40):
            if items[i].kind != items[j].kind:
                continue
            shared = set(rarest[i]) & set(rarest[j])
            if any(len(holders[t]) <= 6 for t in shared) or (i == copies[0] and j in copies):
                expected.add((i, j))
    found = list(candidate_pairs(items, lambda item: item.terms, lambda t: weight.get(t, 1.0), keys=2, limit=6,
                                 exact=lambda item: item.copy, kind=lambda item: item.kind))
    assert len(found) == len(set(found)) and set(found) == expected and len(expected) > 20
    assert [i for i, _ in found] == sorted(i for i, _ in found)  # item by item
    assert len(holders["common"]) > 6 and len(copies) > 6  # both limits are met


def test_the_kinds_that_take_candidate_pairs_give_the_same_findings_in_any_order_of_pairs(tmp_path, monkeypatch):
    # diverging- and changed-figure, event-date, conflicting-date, shifted-deadline and
    # the rules of matched questions (inconsistent-answer, duplicate-question,
    # answer-status, flipped-statement) take their pairs item by item, on the promise
    # that their findings cannot depend on the order of the pairs: the corpus, checked
    # with the pairs in the order given, reversed and shuffled, gives the same
    # findings, message for message.
    import random
    import shutil

    from annolint import kept_pairs
    from conftest import CORPUS, run

    shutil.copytree(CORPUS, tmp_path / "set")
    # one question asked in three committees: the third answer differs from both
    # earlier ones, and names the latest of them whatever order the pairs came in
    for month, day, answer in (("maart", 5, "Ja, de jongerenraad is in februari gestart met twaalf leden."),
                               ("april", 9, "Ja, de jongerenraad heeft nu twaalf leden en vergadert maandelijks."),
                               ("mei", 14, "Nee, de jongerenraad is nog niet gestart.")):
        (tmp_path / "set" / f"jongerenraad-{month}.txt").write_text(
            f"Annotatie voor wethouder De Wit\n\nCommissie Jeugd, {day} {month} 2024\n\n"
            "Vraag en antwoord\n\n1. Is de jongerenraad voor het stadsdeel al van start gegaan?\n\n"
            f"- {answer}\n", encoding="utf-8")
    rules = ("diverging-figure,changed-figure,event-date,conflicting-date,shifted-deadline,"
             "inconsistent-answer,duplicate-question,answer-status,flipped-statement")
    given = run(["check", ".", "--no-cache", "--format", "json", "--select", rules], cwd=tmp_path / "set")
    assert given.exit_code == 1
    assert given.stdout.count('"rule_id"') == 23  # 15 of the date and figure rules, 8 of the question rules
    # the latest earlier answer is named: April's, not March's
    assert '"path": "jongerenraad-mei.txt"' in given.stdout and "in jongerenraad-april.txt" in given.stdout \
        and "in jongerenraad-maart.txt" not in given.stdout
    pairs = kept_pairs.candidate_pairs  # how every one of those kinds gets its pairs (``alike_pairs``)
    for reorder in (lambda pairs: pairs[::-1], lambda pairs: random.Random(7).sample(pairs, len(pairs))):
        monkeypatch.setattr(kept_pairs, "candidate_pairs",
                            lambda *a, reorder=reorder, **k: reorder(list(pairs(*a, **k))))
        assert run(["check", ".", "--no-cache", "--format", "json", "--select", rules],
                   cwd=tmp_path / "set").stdout == given.stdout
