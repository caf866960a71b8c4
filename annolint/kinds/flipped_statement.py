"""flipped-statement: the same sentence with its negation flipped.

What it does
    Reads every sentence of the notes' prose and answers (questions aside; two
    answers to one question are inconsistent-answer's) as its words without negation and
    affirmation words ("niet", "geen", "wel": the lexicon's answer ``negations`` and
    ``affirmations``) and those words in order. Two sentences with the same other
    words and other negation words say opposite things: "De tarieven stijgen in 2025
    niet" and "De tarieven stijgen in 2025 wel". Across notes, each sentence is held
    against its version in the most recent earlier note; within one note, a later
    sentence against an earlier one. The flipped one is reported.

    Sentences need ``min-words`` words besides the negation to count as one sentence
    copied; a question ("Komt er …?") claims nothing.

Why
    A copied sentence that lost or gained its "niet" is the alderman saying the
    opposite of what the note before said.

Parameters
    min-words: how many words, negation words aside, two sentences must share
        word for word (default 5).

Example
    FAIL  3 October: "Er is geen aanleiding om de planning aan te passen."
          10 October: "Er is wel aanleiding om de planning aan te passen."
    PASS  the same sentence with "geen" in both notes
"""

from __future__ import annotations

import zlib
from array import array
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from annolint.findings import Related
from annolint.i18n import long_date, say
from annolint.index import CorpusIndex
from annolint.kept_texts import KeptTexts
from annolint.kinds.base import Match, quote
from annolint.model import Block, Document
from annolint.terms import WORD, sentences

MESSAGE_FIELDS = frozenset({"text", "other", "where"})
READS = ("questions", "sentences")  # the facts of each note it reads (``CorpusIndex.extractors``)
SHARES = ("question-pairs",)  # inconsistent-answer's matched questions, whose answers it leaves be


@dataclass(frozen=True)
class Params:
    min_words: int = 5


@dataclass(frozen=True)
class _Sentence:
    doc: Document
    block: Block
    start: int
    end: int
    text: str
    negation: bool  # a negation word stands in it ("niet", "geen"); "wel" only stresses

    @property
    def order(self) -> tuple:
        day = self.doc.date.date if self.doc.date else None
        return (day is None, day or 0, self.doc.path, self.block.line, self.start)


def check(params: Params, index: CorpusIndex, scope: tuple[str, ...]) -> Iterator[Match]:
    answers = index.lexicon.answers
    flips = frozenset(w.lower() for w in (*answers.negations, *answers.affirmations))
    negations = frozenset(w.lower() for w in answers.negations)
    abbreviations = frozenset(a.lower().rstrip(".") for a in index.lexicon.abbreviations)

    def blocks() -> Iterator[tuple[Document, Block]]:
        for doc, block in index.blocks(scope):
            if block.prose and block.role in ("", "answer") and block.kind not in ("heading", "header"):
                yield doc, block

    def claims_of(text: str) -> list[tuple[str, int, int, str, bool]]:
        return list(_claims(text, abbreviations, flips, negations, params.min_words))

    # Each text's claims as numbers (``_digest``), read once for all its copies, and
    # kept for the next run. Only the claims made both ways are followed through
    # their copies (a few hundred of a hundred thousand sentences on 1,000 notes):
    # the texts that hold a claim whose number was said both ways are read again,
    # and their claims tell which were (two claims of one number are two claims).
    kept = kept_claims(index, params, scope)
    digests: dict[str, array] = {}
    claims: dict[str, list[tuple[str, int, int, str, bool]]] = {}  # of the texts read in this run
    for _, block in blocks():
        text = block.masked
        if text not in digests:
            digest = kept.known.get(text) if kept is not None else None
            if digest is None:
                read = claims[text] = claims_of(text)
                digest = array("q", [_digest(core, negation) for core, _, _, _, negation in read])
            digests[text] = digest
    if kept is not None and kept.due(digests):
        kept.keep(digests)
    said_both = _said_both_ways(digests.values())
    doubtful = [text for text, digest in digests.items() if not said_both.isdisjoint(n >> 1 for n in digest)]
    said: dict[str, set[bool]] = defaultdict(set)  # by claim: with a negation, without, or both
    for text in doubtful:
        if text not in claims:
            claims[text] = claims_of(text)
        for core, _, _, _, negation in claims[text]:
            said[core].add(negation)
    flipped = {core for core, ways in said.items() if len(ways) == 2}
    by_core: dict[str, list[_Sentence]] = defaultdict(list)
    for doc, block in blocks():
        for core, start, end, text, negation in claims.get(block.masked, ()) if flipped else ():
            if core in flipped:
                by_core[core].append(_Sentence(doc, block, start, end, text, negation))
    compared = _ComparedAnswers(index, {id(s.block) for group in by_core.values() for s in group})
    found = []
    for group in by_core.values():
        found.extend(_flips(sorted(group, key=lambda s: s.order), compared))
    yield from sorted(found, key=lambda m: m.location)


def kept_claims(index: CorpusIndex, params: Params, scope: tuple[str, ...]) -> KeptTexts[array] | None:
    """The digests of the claims of the set's texts (``_digest``) as an earlier run
    kept them; None without a cache."""
    key = index.kept_key("flipped claims", repr(params), *scope)
    return KeptTexts(index.cache, key, "flipped claims") if key is not None else None


def _digest(core: str, negation: bool) -> int:
    """A claim as a number: its words' (``crc32`` and length: two claims of one number
    are told apart when their texts are read again), and whether it is negated."""
    return ((zlib.crc32(core.encode("utf-8")) << 16 | len(core) & 0xFFFF) << 1) | negation


def _said_both_ways(digests) -> set[int]:
    """The numbers of the claims said with a negation and without."""
    ways: dict[int, int] = {}
    for digest in digests:
        for n in digest:
            ways[n >> 1] = ways.get(n >> 1, 0) | (1 << (n & 1))
    return {number for number, both in ways.items() if both == 3}


def _claims(text: str, abbreviations: frozenset[str], flips: frozenset[str], negations: frozenset[str],
            min_words: int) -> Iterator[tuple[str, int, int, str, bool]]:
    """The sentences of a block's ``text`` that claim something (no question) in
    ``min_words`` words or more besides the negation words: (those words, start, end,
    the sentence, whether a negation word stands in it)."""
    for start, end in sentences(text, abbreviations):
        sentence = text[start:end]
        if sentence.rstrip().endswith("?"):
            continue
        words = [w.lower() for w in WORD.findall(sentence)]
        core = [w for w in words if w not in flips]
        if len(core) >= min_words:
            yield " ".join(core), start, end, sentence, any(w in negations for w in words)


class _ComparedAnswers:
    """Whether two answer blocks stand under questions that inconsistent-answer takes
    for one question (it compares those answers; this rule leaves them be). The
    questions are matched only when an answer's sentence flipped at all, and only the
    pairs of questions that hold blocks of such sentences (``asked``) are kept: on
    4,000 notes every matched pair, both ways, took 70 MB."""

    def __init__(self, index: CorpusIndex, asked: set[int]):
        self.index = index
        self.asked = asked  # the ids of the blocks this rule may ask about
        self._pairs: set[tuple[int, int]] | None = None
        self._fact_of: dict[int, int] = {}  # by asked answer block: its question
        self._holds: dict[int, bool] = {}  # by question: whether it holds an asked answer block

    def __contains__(self, blocks: tuple[int, int]) -> bool:
        if self._pairs is None:
            from annolint.kinds.inconsistent_answer import Params as AnswerParams
            from annolint.kinds.question_pairs import matched_questions

            self._pairs = set()
            for a, b, _ in matched_questions(self.index, AnswerParams().min_similarity):
                holds_a, holds_b = self._holds_asked(a), self._holds_asked(b)
                if holds_a and holds_b:
                    self._pairs.add((id(a), id(b)))
                    self._pairs.add((id(b), id(a)))
        first, second = (self._fact_of.get(b) for b in blocks)
        return first is not None and second is not None and (first, second) in self._pairs

    def _holds_asked(self, fact) -> bool:
        """Whether a question holds an asked answer block; each such block is then its
        question's (the last to hold it, in the order of the matched pairs)."""
        holds = self._holds.get(id(fact))
        if holds is None:
            holds = False
            for block in fact.answer_blocks:  # ids of the answer blocks (each its question's)
                if block in self.asked:
                    self._fact_of[block] = id(fact)
                    holds = True
            self._holds[id(fact)] = holds
        return holds


def _flips(group: list[_Sentence], compared: _ComparedAnswers) -> list[Match]:
    """Each sentence against its version before it: in the same note, the one above;
    else the first in the most recent earlier note. Two answers to what
    inconsistent-answer takes for one question are that rule's (``compared``)."""
    found = []
    for k, s in enumerate(group):
        before = group[:k]
        same_note = [o for o in before if o.doc is s.doc]
        if same_note:
            other = same_note[-1]
        else:
            day = s.doc.date.date if s.doc.date else None
            earlier = [o for o in before if day is not None and o.doc.date is not None and o.doc.date.date < day]
            if not earlier:
                continue
            latest = earlier[-1].doc
            other = next(o for o in earlier if o.doc is latest)
        if other.negation == s.negation or (id(s.block), id(other.block)) in compared:
            continue
        where = say("above in this note") if other.doc is s.doc else \
            say("in {note} ({date})", note=other.doc.path, date=long_date(other.doc.date.date))
        found.append(Match(
            s.doc.location(s.block.span(s.start, s.end)),
            {"text": quote(s.text.rstrip(".!? "), 100), "other": quote(other.text.rstrip(".!? "), 100),
             "where": where},
            (Related(other.doc.location(other.block.span(other.start, other.end)),
                     say("the sentence before the flip")),),
            key=f"{s.text}|{other.text}",
        ))
    return found
