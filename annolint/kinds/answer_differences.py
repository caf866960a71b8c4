"""What two answers to one council question say differently (the inconsistent-answer
kind): their yes or no, an answer sentence with its negation flipped or its status
moved back, a figure or a date of the same sentence; worked out once per pair of
wordings in a run, since a question copied into many notes is answered in the same
words again and again.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Literal

from rapidfuzz import fuzz

from annolint.i18n import say
from annolint.index import CorpusIndex
from annolint.kinds.base import quote
from annolint.memo import Numbering
from annolint.model import Span
from annolint.questions import AnswerSentence, QuestionFact
from annolint.similarity import aligned

Reason = Literal["polarity", "negation", "figure", "date", "status"]


@dataclass(frozen=True)
class Difference:
    span: Span  # where it shows in the later answer
    other: Span  # and in the earlier one
    text: str


# A difference as found: (position of the later answer's part, position of the earlier
# answer's, in words); a part is the answer's yes or no, a sentence, a figure or a date
Found = tuple[tuple[int, int], tuple[int, int], str]


class InAnswer:
    """The statements of one kind (figures, dates) in each question's answer, gathered
    once per question in a run: a question is compared with every other it matches,
    by each rule of this kind."""

    def __init__(self, statements):
        self._by_block: dict[int, list] = defaultdict(list)
        for s in statements:
            self._by_block[id(s.block)].append(s)
        self._found: dict[int, list] = {}

    @staticmethod
    def of_run(index: CorpusIndex, kind: str) -> InAnswer:
        key = ("answer-statements", kind)
        if key not in index.memo:
            index.memo[key] = InAnswer(index.figure_statements if kind == "figures" else index.dated_statements)
        return index.memo[key]

    def __call__(self, fact: QuestionFact) -> list:
        found = self._found.get(id(fact))
        if found is None:  # the run's questions live as long as the index: their ids stay theirs
            found = self._found[id(fact)] = [s for block in fact.answer_blocks for s in self._by_block.get(block, ())]
        return found


class Alignments:
    """The sentences of two answers that are one sentence copied (``fuzz.ratio`` of
    their words at least the alignment), found once per pair of wordings in a run:
    a question copied into many notes is answered in the same words again and again,
    and the rules of this kind compare the same matched questions."""

    def __init__(self, alignment: float):
        self.alignment = alignment
        self._by_wordings: dict[tuple[int, int], list[tuple[int, int]]] = {}
        self._wordings = Numbering()  # of the sentences of answers, as tuples of their words
        self._of_fact: dict[int, tuple[list[AnswerSentence], int, int]] = {}

    @staticmethod
    def of_run(index: CorpusIndex, alignment: float) -> Alignments:
        """The alignments of this run (kept in ``index.memo``) at ``alignment``."""
        key = ("answer-alignments", alignment)
        if key not in index.memo:
            index.memo[key] = Alignments(alignment)
        return index.memo[key]

    def of(self, a: QuestionFact, b: QuestionFact) -> list[tuple[AnswerSentence, AnswerSentence]]:
        """(sentence of ``a``, sentence of ``b``) aligned, in the order of ``b``'s
        sentences, then ``a``'s; only sentences of ``a`` of three words or more."""
        mine, long_wording, _ = self._read(a)
        _, _, all_wording = self._read(b)
        found = self._by_wordings.get((long_wording, all_wording))
        if found is None:
            words, others = self._wordings.key(long_wording), self._wordings.key(all_wording)
            found = self._by_wordings[long_wording, all_wording] = [
                (i, j) for j, sb in enumerate(others) for i, sa in enumerate(words)
                if fuzz.ratio(sa, sb) >= self.alignment * 100]
        theirs = b.sentences
        return [(mine[i], theirs[j]) for i, j in found]

    def _read(self, q: QuestionFact) -> tuple[list[AnswerSentence], int, int]:
        """The sentences of ``q``'s answer long enough to align (three words or more),
        and the numbers of the wordings of those and of all its sentences; worked out
        once per question (the run's questions live as long as the index)."""
        found = self._of_fact.get(id(q))
        if found is None:
            long = [s for s in q.sentences if len(s.core.split()) >= 3]
            found = self._of_fact[id(q)] = (long, self._wordings[tuple(s.core for s in long)],
                                           self._wordings[tuple(s.core for s in q.sentences)])
        return found


class AnswerWordings:
    """A number for the wording of each question's answer: everything ``_differences``
    reads of it (its yes or no, its sentences, the figures and dates in it). Answers
    of one number differ alike from any other; worked out once per question in a run,
    for every rule of the kind (``of_run``)."""

    def __init__(self, figures: InAnswer, dates: InAnswer):
        self.figures, self.dates = figures, dates
        self._wordings = Numbering()
        self._wording_of: dict[int, int] = {}

    @staticmethod
    def of_run(index: CorpusIndex) -> AnswerWordings:
        key = ("answer-wordings",)
        if key not in index.memo:
            index.memo[key] = AnswerWordings(InAnswer.of_run(index, "figures"), InAnswer.of_run(index, "dates"))
        return index.memo[key]

    def wording(self, q: QuestionFact) -> int:
        """The number of the wording of ``q``'s answer."""
        number = self._wording_of.get(id(q))  # the run's questions live as long as the index
        if number is None:
            number = self._wording_of[id(q)] = self._number(q)
        return number

    def _number(self, q: QuestionFact) -> int:
        wording = (q.polarity, q.polarity_word,
                   tuple((s.text, s.core, s.negation, s.auxiliaries, s.done, s.future) for s in q.sentences),
                   tuple((f.aligned, f.ordinal, f.figure) for f in self.figures(q)),
                   tuple((d.aligned, d.ordinal, d.expression.text, d.expression.interval) for d in self.dates(q)))
        return self._wordings[wording]


class Differences:
    """``_differences`` of two answers, worked out once per pair of wordings: a question
    copied into many notes is answered in the same words again and again. A wording
    is everything ``_differences`` reads of an answer (its yes or no, its sentences,
    the figures and dates in it); what it found in one pair of copies is carried over
    to another by position (the third sentence, the second figure)."""

    def __init__(self, reasons: tuple[Reason, ...], alignment: float, figures: InAnswer, dates: InAnswer,
                 alignments: Alignments, wordings: AnswerWordings | None = None):
        self.reasons, self.alignment = frozenset(reasons), alignment
        self.figures, self.dates, self.alignments = figures, dates, alignments
        self._found: dict[tuple[int, int], tuple[list, list]] = {}  # by the two wordings, parts as positions
        self.wording = (wordings or AnswerWordings(figures, dates)).wording

    def __call__(self, a: QuestionFact, b: QuestionFact) -> tuple[list[Found], list[tuple[int, int]]]:
        """What the later answer ``b`` says differently from the earlier ``a``, and the
        parts of ``b`` that ``a`` confirms (``_differences``), each part of an answer as
        its position (``_positions``): the same in every comparison of ``b``."""
        key = (self.wording(a), self.wording(b))
        known = self._found.get(key)
        if known is None:
            found, confirmed = _differences(a, b, self.reasons, self.alignment, self.figures, self.dates,
                                            self.alignments)
            mine, theirs = self._positions(a), self._positions(b)
            known = self._found[key] = ([(theirs[id(x)], mine[id(y)], text) for x, y, text in found],
                                        [theirs[id(x)] for x in confirmed])
        return known

    def made(self, a: QuestionFact, b: QuestionFact, found: list[Found]) -> list[Difference]:
        """The differences ``found`` between ``a`` and ``b``, with their places."""
        parts_a, parts_b = self._parts(a), self._parts(b)
        return [Difference(_span(_part(parts_b, at), b), _span(_part(parts_a, other), a), text)
                for at, other, text in found]

    def _parts(self, q: QuestionFact) -> tuple:
        return (POLARITY,), q.sentences, self.figures(q), self.dates(q)

    def _positions(self, q: QuestionFact) -> dict[int, tuple[int, int]]:
        """(part, position) of the yes or no, each sentence, figure and date of ``q``'s answer, by id."""
        return {id(item): (kind, i) for kind, items in enumerate(self._parts(q)) for i, item in enumerate(items)}


POLARITY = "polarity"  # the part of an answer that is its yes or no


def _part(parts: tuple, at: tuple[int, int]) -> object:
    return parts[at[0]][at[1]]


def _span(part: object, q: QuestionFact) -> Span:
    return q.polarity_span if part is POLARITY else part.span


def _differences(a: QuestionFact, b: QuestionFact, reasons: frozenset[str], alignment: float, figures, dates,
                 alignments: Alignments) -> tuple[list[tuple[object, object, str]], list[object]]:
    """What the later answer ``b`` says differently from the earlier ``a``, as (part of
    ``b``, part of ``a``, in words), and the parts of ``b`` that ``a`` confirms (the
    same polarity, an aligned sentence or value that agrees). A part is ``POLARITY``
    or a sentence, figure or date of the answer."""
    found: list[tuple[object, object, str]] = []
    confirmed: list[object] = []
    if "polarity" in reasons and a.polarity and b.polarity:
        if a.polarity != b.polarity:
            found.append((POLARITY, POLARITY, _here_there(b.polarity_word, a.polarity_word)))
        else:
            confirmed.append(POLARITY)
    for sa, sb in alignments.of(a, b):
        if "negation" in reasons and sa.negation != sb.negation and sa.auxiliaries == sb.auxiliaries:
            found.append((sb, sa, _here_there(sb.text, sa.text, 70)))
        elif "status" in reasons and sa.done and not sa.future and sb.future and not sb.done:
            found.append((sb, sa, say("still to come here ({here}), done there ({there})",
                                      here=quote(sb.text, 70), there=quote(sa.text, 70))))
        else:
            confirmed.append(sb)
    if "figure" in reasons:
        found += _changed(a, b, figures, alignment, lambda x, y: x.ordinal == y.ordinal and not x.figure.agrees(y.figure),
                          lambda s: s.figure.shown, confirmed)
    if "date" in reasons:
        found += _changed(a, b, dates, alignment,
                          # a copy's second date is the other's second date ("over Q1 2026
                          # verschijnt eind april 2026"), never its first; a date counts when
                          # it is written otherwise ("najaar" / "voorjaar", "4 juli 2024" /
                          # "11 juli 2024"), not when the same words fall in another week or
                          # year in a later note ("deze week", "volgend jaar", "in juni")
                          lambda x, y: (x.ordinal == y.ordinal
                                        and _words(x.expression.text) != _words(y.expression.text)
                                        and not x.expression.interval.overlaps(y.expression.interval)),
                          lambda s: s.expression.text, confirmed)
    return found, confirmed


def _here_there(here: str, there: str, limit: int = 60) -> str:
    return say("{here} here, {there} there", here=quote(here, limit), there=quote(there, limit))


def _words(text: str) -> str:
    return " ".join(text.lower().split())


def _changed(a: QuestionFact, b: QuestionFact, statements: InAnswer, alignment: float, differ, shown,
             confirmed: list[object]) -> list[tuple[object, object, str]]:
    """Statements (figures, dates) of the same answer sentence that differ; those that
    agree go into ``confirmed``."""
    left, right = statements(a), statements(b)
    found = []
    for y in right:
        for x in left:
            if aligned(x.aligned, y.aligned, alignment):
                if differ(x, y):
                    found.append((y, x, _here_there(shown(y), shown(x))))
                    break
                if x.ordinal == y.ordinal:
                    confirmed.append(y)
    return found
