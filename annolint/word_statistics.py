"""A note's share of the set's word statistics (``CorpusIndex.lowercase_words``,
``sentence_frequencies``, ``named_terms``): the words it writes in lower case, and
in how many of its sentences each content term occurs. Read block by block, so that
a paragraph copied into many notes is read once per run; summed over the set by the
index.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import chain

from annolint.memo import Memo
from annolint.model import Document
from annolint.terms import WORD, content_terms, sentences, stem


class WordStatistics:
    """A note's share of the set's word statistics, read block by block: a paragraph
    copied into many notes is read once per run."""

    def __init__(self, abbreviations: frozenset[str], stop_words: frozenset[str]):
        self.abbreviations = abbreviations
        self.stop_words = stop_words
        self._blocks = {"lowercase": Memo(_lowercase_words), "sentences": Memo(self._block_sentences)}

    def forget(self, kind: str) -> None:
        """Let go of the blocks read for ``kind`` ("lowercase", "sentences"): the set's
        totals are summed, and no note will ask again."""
        self._blocks[kind].clear()

    def lowercase_words(self, doc: Document) -> str:
        """The words a note writes in lower case, each as often as it does (a compound
        per part), as a ``run`` of words: summed over the set by ``Counter.update``'s
        loop in C, not its loop over a mapping in Python."""
        words = self._blocks["lowercase"]
        return run(chain.from_iterable(words[block.masked] for block in doc.blocks))

    def sentence_statistics(self, doc: Document) -> list:
        """In how many of the note's sentences each content term occurs, the terms it
        writes with a capital inside a sentence, and its number of sentences."""
        read = self._blocks["sentences"]
        blocks = [read[block.masked] for block in doc.blocks]
        counts = run(chain.from_iterable(terms for terms, _, _ in blocks))  # summed as ``lowercase_words``
        named = frozenset(chain.from_iterable(names for _, names, _ in blocks))
        return [counts, named, sum(total for _, _, total in blocks)]

    def _block_sentences(self, text: str) -> tuple[tuple[str, ...], tuple[str, ...], int]:
        """``sentence_statistics`` of one block's text: the content terms of each of its
        sentences (each once per sentence), its names in the order written, and its
        number of sentences."""
        terms: list[str] = []
        named: dict[str, None] = {}
        spans = sentences(text, self.abbreviations)
        for start, end in spans:
            sentence = text[start:end]
            terms.extend(set(content_terms(sentence, self.stop_words)))
            words = WORD.findall(sentence)
            named.update(dict.fromkeys(stem(w) for w in words[1:]
                                       if w[0].isupper() and w.lower() not in self.stop_words and len(w) >= 3))
        return tuple(terms), tuple(named), len(spans)


def _lowercase_words(text: str) -> tuple[str, ...]:
    """The words of ``text`` written in lower case, in order (a compound per part)."""
    return tuple(part for m in WORD.finditer(text) for part in m.group().split("-")
                 if part and part.islower())


# A note's words as a run: one string, the words one to a line. A note writes a
# thousand words, a few hundred of them different: a tuple of them in the cache is
# unpickled as hundreds of strings per note, and held by the main process as such
# (500,000 strings on 1,000 notes); a run is one. No word or term holds a line break.
_SEPARATOR = "\n"


def run(words: Iterable[str]) -> str:
    """``words`` as a run (``words_of`` gives them back)."""
    return _SEPARATOR.join(words)


def words_of(found: str) -> list[str]:
    """The words of a ``run``."""
    return found.split(_SEPARATOR) if found else []
