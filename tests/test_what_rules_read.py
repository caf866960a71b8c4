"""Each kind declares the facts of a note it reads (``READS``): a run extracts only
what its rules read where the notes are read, so a narrow ``--select`` is fast. A
declaration that missed a fact would still give the right findings (the fact is
extracted when asked), only more slowly: these tests keep them exact."""

from __future__ import annotations

from pathlib import Path

import pytest

from annolint.config import Config
from annolint.engine import load_setup, read_documents, run_rules
from annolint.i18n import speaking
from annolint.index import FACTS, CorpusIndex, facts_read
from conftest import CORPUS, ROOT

SHARED = ROOT.parent / "shared"
# sets with dated answers, figures and names in them, written outside the project
OUTSIDE = [SHARED / "devsets" / "jeugdzorg", SHARED / "realdata" / "woo-dev" / "zuidrai"]


def _asked(folder: Path) -> dict[str, set[str]]:
    """The kinds of facts (``FACTS``) each rule asks the index for, run alone on
    ``folder`` (a note rule's own findings are facts of the note too)."""
    config = Config()
    setup = load_setup(config)
    asked: dict[str, set[str]] = {}
    with speaking("nl"):
        documents = read_documents([folder], config, setup.lexicon)
        for rule in setup.rules:
            index = CorpusIndex(documents, setup.lexicon, config.language)
            facts = index._facts
            kinds = asked[rule.id] = set()
            index._facts = lambda kind, doc, facts=facts, kinds=kinds: (kind in FACTS and kinds.add(kind)) or facts(
                kind, doc)
            run_rules([rule], index)
    return asked


def test_each_kind_reads_what_it_declares_on_the_corpus():
    declared = {rule.id: set(getattr(rule.module, "READS")) for rule in load_setup(Config()).rules}
    asked = _asked(CORPUS)
    assert asked == declared
    assert asked["AL010"] == set() and asked["AL011"] == {"lowercase"}  # placeholder, spelling
    assert asked["AL040"] == {"dated", "figures", "questions", "sentences"}  # inconsistent-answer
    assert set().union(*asked.values()) == set(FACTS)


@pytest.mark.parametrize("folder", OUTSIDE, ids=lambda f: f.name)
def test_each_kind_reads_no_more_than_it_declares_on_text_written_elsewhere(folder):
    if not folder.is_dir():
        pytest.skip(f"{folder} is not present in this clone")
    rules = {rule.id: rule for rule in load_setup(Config()).rules}
    for rule_id, kinds in _asked(folder).items():
        assert kinds <= set(rules[rule_id].module.READS), rule_id


def test_the_facts_a_selection_reads():
    rules = {rule.name: rule for rule in load_setup(Config()).rules}
    assert facts_read([rules["placeholder"]]) == ()
    assert facts_read([rules["inconsistent-spelling"], rules["diverging-figure"]]) == ("figures", "lowercase",
                                                                                       "sentences")
    assert facts_read(rules.values()) == FACTS


def test_the_kinds_read_with_a_note_are_named_without_making_their_readers():
    # The main process only asks whether a cached note holds them: their names, the
    # keys of the extractors the reading workers make.
    from annolint.index import kinds_read_with_note

    setup = load_setup(Config())
    rules = {rule.name: rule for rule in setup.rules}
    selections = [None, [rules["placeholder"]], [rules["document-date"]],
                  [rules["inconsistent-spelling"], rules["diverging-figure"]], list(rules.values())]
    for selection in selections:
        made = CorpusIndex([], setup.lexicon, "nl", rules=selection).read_with_note(None)
        assert kinds_read_with_note(selection) == frozenset(made)
    assert kinds_read_with_note([rules["placeholder"]]) == {"rule AL010"}
    assert kinds_read_with_note([rules["document-date"]]) == frozenset()
