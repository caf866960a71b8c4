"""Council questions with their answers, as facts to compare across notes.

Each numbered question of a note (every form the reader knows: "1. …?", "16.Hoe",
"Vraag 1:") becomes a ``QuestionFact``: the content terms of what it asks (its
sentences ending in "?"; stop words out, light stemming: ``terms.py``), the polarity its answer opens with ("Ja", "Nee"), and its
answer's sentences, each split into its negation words ("niet", "geen", "wel") and
the rest, so that "er is geen aanleiding" and "er is wel aanleiding" are recognised
as one sentence with its negation flipped.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from annolint.lexicon import Lexicon
from annolint.model import Block, Document, InNote, Question, Span, pickled_as_fields
from annolint.terms import WORD, content_terms, phrases_pattern, sentences


@pickled_as_fields
@dataclass(frozen=True, eq=False, slots=True)
class AnswerSentence:
    block: Block = field(repr=False)
    start: int  # offset in the block's text
    end: int
    text: str
    core: str  # the sentence's words without yes/no, negation and auxiliary words
    negation: tuple[str, ...]  # its negation and affirmation words, in order
    auxiliaries: tuple[str, ...]  # "is", "wordt": done or still to come
    done: bool  # an auxiliary of a thing done ("is … gesproken")
    future: bool  # an auxiliary of a thing to come ("wordt … gesproken")

    @property
    def span(self) -> Span:
        return self.block.span(self.start, self.end)


@dataclass(frozen=True, eq=False)
class QuestionFact(InNote):
    doc: Document = field(repr=False)
    question: Question = field(repr=False)
    index: int  # position of the question in its note
    terms: frozenset[str]
    polarity: str  # "yes", "no" or ""
    polarity_word: str
    polarity_span: Span | None
    answer_span: Span | None
    sentences: tuple[AnswerSentence, ...]

    @property
    def answer_blocks(self) -> tuple[int, ...]:
        """The ids of the answer blocks in the note's order, as they are in this run:
        taken when asked, never kept, since a fact read from the cache holds other
        objects than the run that read it (and an order by id would differ too)."""
        return tuple(id(self.doc.blocks[i]) for i in self.question.answer_blocks)

    @property
    def number(self) -> str:
        return self.question.number or "?"


class QuestionReader:
    def __init__(self, lexicon: Lexicon):
        a = lexicon.answers
        self.lexicon = lexicon
        self.yes = frozenset(w.lower() for w in a.yes_words)
        self.no = frozenset(w.lower() for w in a.no_words)
        self.possible = phrases_pattern(a.possible_phrases) if a.possible_phrases else None
        self.flips = frozenset(w.lower() for w in (*a.negations, *a.affirmations))
        self.done = frozenset(w.lower() for w in a.done_auxiliaries)
        self.future = frozenset(w.lower() for w in a.future_auxiliaries)
        self.auxiliaries = self.done | self.future
        self.abbreviations = frozenset(x.lower().rstrip(".") for x in lexicon.abbreviations)

    def read(self, doc: Document) -> list[QuestionFact]:
        facts = []
        for index, question in enumerate(doc.questions):
            if question.form == "stub" or not question.answer_blocks:
                continue
            terms = frozenset(content_terms(self._asked(question.text), self.lexicon.stop_word_set))
            if not terms:
                continue
            blocks = [doc.blocks[i] for i in question.answer_blocks]
            polarity, word, span = self._polarity(blocks[0])
            facts.append(QuestionFact(
                doc=doc, question=question, index=index, terms=terms, polarity=polarity,
                polarity_word=word, polarity_span=span, answer_span=blocks[0].full_span(),
                sentences=tuple(s for b in blocks for s in self._sentences(b)),
            ))
        return facts

    def _asked(self, text: str) -> str:
        """The sentences that ask (end in "?"); a preamble before them is context,
        and two questions with one preamble can ask different things."""
        asked = [text[a:b] for a, b in sentences(text, self.abbreviations) if text[a:b].rstrip().endswith("?")]
        return " ".join(asked) or text

    def _polarity(self, block: Block) -> tuple[str, str, Span | None]:
        """"yes" or "no" from the word the answer opens with ("Ja", "Nee"); without one,
        "yes" when its first sentence says the thing may well be so ("… is niet uit te
        sluiten"), for that contradicts a "Nee"."""
        m = WORD.search(block.masked)
        if not m or block.masked[:m.start()].strip(" -•o*"):
            return "", "", None
        word = m.group().lower()
        polarity = "yes" if word in self.yes else "no" if word in self.no else ""
        if not polarity and self.possible is not None:
            first = next(iter(sentences(block.masked, self.abbreviations)), (0, len(block.masked)))
            hedge = self.possible.search(block.masked, first[0], first[1])
            if hedge:
                return "yes", hedge.group(), block.span(hedge.start(), hedge.end())
        return polarity, (m.group() if polarity else ""), (block.span(m.start(), m.end()) if polarity else None)

    def _sentences(self, block: Block) -> list[AnswerSentence]:
        found = []
        for start, end in sentences(block.masked, self.abbreviations):
            text = block.masked[start:end]
            words = [w.lower() for w in WORD.findall(text)]
            core = " ".join(w for w in words if w not in self.flips and w not in self.auxiliaries
                            and w not in self.yes and w not in self.no)
            found.append(AnswerSentence(
                block=block, start=start, end=end, text=text, core=core,
                negation=tuple(w for w in words if w in self.flips),
                auxiliaries=tuple(w for w in words if w in self.auxiliaries),
                done=any(w in self.done for w in words), future=any(w in self.future for w in words)))
        return found
