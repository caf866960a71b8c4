"""Dated statements: each time expression of a note with what it is about and how it
is meant.

A statement is one time expression in one sentence, with

- its *subject*: the content terms of its sentence, plus those of the sentence before
  it when the sentence opens with a pronoun ("Deze is aan de raad toegezegd voor de
  zomer 2024" is about the Bestuursopdracht of the sentence before) or says too
  little on its own;
- its *modality*: a promise ("toegezegd"), a plan ("sturen we", "gepland"), an
  expectation ("verwachten we") or a fact (perfect tense, "sinds");
- its *aligned text*: the sentence with every time expression cut out, to recognise
  the same sentence copied with another date.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import NamedTuple

from annolint.lexicon import Lexicon
from annolint.memo import Memo
from annolint.model import Block, Document, InNote, Span
from annolint.temporal.fallback import candidates, fallback_dates
from annolint.temporal.grammar import Grammar, TemporalExpression, grammar_for
from annolint.temporal.interval import Interval
from annolint.terms import WORD, content_terms, first_word, quoted, replace_spans, sentences, within

_REFERENCE_BEFORE = re.compile(
    # "stand" alone: the date expression took its "per" ("(stand per 1 januari 2026)")
    r"(?:(?P<cue>peildatum|d\.\s?d\.|dd\.?|\bstand(?:\s+per)?|gedateerd|dated|as\s+of|reference\s+date"
    # a comparison's baseline: "fors meer dan in 2024", "korter dan op 1 maart"
    r"|\bdan|\bthan)"
    r"|(?P<noun>[^\W\d_][\w-]{2,})\s+(?:van|of))\s*[:(]?\s*$", re.IGNORECASE)
_OWNER_TAG = re.compile(r"\(\s*[^\W\d_][\w&/-]*\s*\)\W*$")
MODALITIES = ("promise", "plan", "expectation", "fact")
FEW_TERMS = 3  # a sentence with fewer content terms borrows those of the one before


@dataclass(frozen=True, eq=False)  # identity: two notes may hold the same sentence
class DatedStatement(InNote):
    doc: Document = field(compare=False, repr=False)
    block: Block = field(compare=False, repr=False)
    expression: TemporalExpression
    span: Span  # the expression's place in the file
    sentence: str  # as written (redactions masked)
    terms: frozenset[str]  # the subject: own terms and any borrowed ones
    own_terms: frozenset[str]
    modality: str
    aligned: str  # the sentence without its time expressions, normalised
    sentence_id: tuple[int, int]  # (block index, sentence start): one sentence, one id
    reference: bool = False  # the date names a document, meeting or measurement: "brief van", "peildatum"
    ordinal: int = 0  # which time expression of its sentence (0, 1, …): copies pair by position
    negated: bool = False  # "niet in december", "halen … voor juni niet": a date the sentence denies
    corrected: bool = False  # "(niet in december) maar in februari": the date that replaces a denied one
    replaces: Interval | None = None  # when corrected: the period of the date it replaces ("december")
    asked: bool = False  # the sentence is a question ("Klopt het dat in 2019 …?"): it claims nothing
    listed: bool = False  # an item of a schedule (see ``index.in_schedules``): its own event

    @property
    def in_question(self) -> bool:
        return self.block.role == "question"

    @property
    def commitment(self) -> bool:
        """A promise, plan or expectation written by the note's author (not a council
        member's question, not a heading, not the header, not a date that names a
        letter, a meeting or a measurement: "de raadsbrief van 2 september",
        "peildatum 1 maart")."""
        return (self.modality != "fact" and not self.in_question and not self.reference
                and not self.negated and not self.asked and self.block.kind not in ("heading", "header"))


class _Cues:
    """The sentence words that decide direction and modality, from the lexicon."""

    def __init__(self, lexicon: Lexicon):
        t = lexicon.time
        self.kinds = [(name, _phrases(words)) for name, words in (
            ("promise", t.promise_words), ("plan", t.plan_words), ("expectation", t.expectation_words),
            ("forward", t.forward_cues), ("backward", t.backward_cues))]
        self.auxiliaries = frozenset(w.lower() for w in t.perfect_auxiliaries)
        self.denials = frozenset(w.lower() for w in t.denials)
        self.participle = re.compile(t.participle, re.IGNORECASE)

    def read(self, words: list[str]) -> tuple[set[str], str]:
        """(the kinds of cue present, the direction they give: forward/backward/"")."""
        present = set(words)
        text = ""
        kinds = {"denied"} if present & self.denials else set()
        for name, (single, multi) in self.kinds:
            if single & present:
                kinds.add(name)
            elif multi:
                text = text or " " + " ".join(words) + " "
                if any(f" {p} " in text for p in multi):
                    kinds.add(name)
        auxiliary = next((i for i, w in enumerate(words) if w in self.auxiliaries), None)
        if auxiliary is not None and any(self.participle.match(w) and words[k - 1] != "te"
                                         for k, w in enumerate(words[auxiliary + 1:], auxiliary + 1)):
            kinds.add("perfect")  # "is … verstuurd", "zijn … aangesloten"; not "zijn er om … te beantwoorden"
        if "promise" in kinds:
            return kinds, "forward"
        ahead = bool(kinds & {"plan", "expectation", "forward"})
        behind = bool(kinds & {"backward", "perfect"})
        return kinds, "forward" if ahead and not behind else "backward" if behind and not ahead else ""


def _phrases(words) -> tuple[frozenset[str], tuple[str, ...]]:
    """Cue words as a set of single words and a tuple of phrases."""
    phrases = [" ".join(w.lower().split()) for w in words]
    return frozenset(p for p in phrases if " " not in p), tuple(p for p in phrases if " " in p)


def _modality(kinds: set[str], expression: TemporalExpression, doc_date: dt.date | None) -> str:
    if expression.bound == "since" or expression.direction == "backward":
        return "fact"
    if "promise" in kinds:
        return "promise"
    ahead = bool(kinds & {"plan", "expectation", "forward"}) or expression.direction == "forward"
    behind = bool(kinds & {"backward", "perfect"})
    interval = expression.interval
    past = interval is not None and doc_date is not None and interval.ended_by(doc_date + dt.timedelta(days=1))
    if behind and (not ahead or past):
        return "fact"
    if "expectation" in kinds:
        return "expectation"
    if ahead:
        return "plan"
    return "fact" if past else "plan"


class _SentenceTimes(NamedTuple):
    """One sentence as the date reader sees it before the note's date comes in."""

    kinds: set[str]  # the cues found (``_Cues.read``)
    direction: str  # the tense they give: "forward", "backward" or ""
    matches: tuple[re.Match, ...]  # where the grammar matched (``Grammar.matches``)
    candidates: tuple[re.Match, ...]  # dates of other forms, for dateparser (``fallback.candidates``)


class _BlockSentences(NamedTuple):
    """A block's text as the date reader walks it (``_sentences_that_may_date``)."""

    dated: tuple[tuple[int, str, str | None], ...]  # (start, sentence, the sentence before it or None)
    last: str | None  # its last sentence, which a pronoun in the next block may borrow from; None: none


class StatementReader:
    """Reads the dated statements of notes; one per lexicon and language."""

    def __init__(self, lexicon: Lexicon, language: str):
        self.lexicon = lexicon
        self.language = language
        self.grammar: Grammar = grammar_for(lexicon)
        self.cues = _Cues(lexicon)
        self.abbreviations = frozenset(a.lower().rstrip(".") for a in lexicon.abbreviations)
        self.pronouns = frozenset(p.lower() for p in lexicon.pronouns)
        self.negations = frozenset(n.lower() for n in lexicon.answers.negations)
        self._read: dict[tuple[str, dt.date | None], tuple[list[TemporalExpression], set[str]]] = {}
        self._sentence_times = Memo(self._read_sentence)  # by sentence: notes copy sentences
        self._block_sentences = Memo(self._sentences_that_may_date)  # by block text: notes copy paragraphs

    @cached_property
    def time_words(self) -> frozenset[str]:
        """Words that belong to time expressions or to figures, never to a subject:
        "€ 9 mln in 2025" and "€ 81,2 mln voor 2025" share no subject word."""
        t = self.lexicon.time
        f = self.lexicon.figures
        words = set(self.lexicon.month_numbers)
        for group in (f.multipliers, f.currencies):
            for item in group:
                for name in item.names:
                    words.update(name.lower().split())
        words.update(w.lower() for w in f.percent_words)
        for group in (t.seasons, t.parts, t.bounds, t.deictics, t.units, t.recesses, t.relative_days):
            for item in group:
                for name in item.names:
                    words.update(name.lower().split())
        words.update(w.lower() for w in (*t.quarter_words, *t.week_words))
        # Words that say how a sentence is meant, not what it is about.
        for cue in (*t.promise_words, *t.plan_words, *t.expectation_words, *t.forward_cues,
                    *t.backward_cues, *t.forward_markers, *t.backward_markers):
            words.update(cue.lower().split())
        return frozenset(words)

    @cached_property
    def qualifiers(self) -> frozenset[str]:
        return frozenset(n.lower() for o in self.lexicon.time.ordinals for n in o.names)

    def read(self, doc: Document, reference: dt.date | None = None) -> list[DatedStatement]:
        """The dated statements of ``doc``. A note without a date reads its dates
        against ``reference`` (the set's latest date): inside one note all relative
        dates share one reference date, known or not, so they still compare with each
        other; the statements keep ``doc_date`` None, so no rule compares them over
        time."""
        doc_date = doc.date.date if doc.date else reference
        statements: list[DatedStatement] = []
        previous = ""  # the sentence before, whose terms a pronoun may borrow
        for index, block in enumerate(doc.blocks):
            if block.kind == "header" or not block.prose:
                previous = ""  # a record's field, a table cell, page furniture: not a claim
                continue
            # the bullet before, for a first sentence that names nothing of its own ("-
            # Het onderzoek wordt uitgevoerd door bureau X." / "- Het rapport ontvangt u
            # voor de zomer.")
            neighbour = previous if block.kind == "bullet" and index and doc.blocks[index - 1].kind == "bullet" else ""
            if block.level == 0:
                previous = ""  # a nested bullet continues its parent; a new bullet starts afresh
            read = self._block_sentences[block.masked]
            quotes = quoted(block.masked) if read.dated else ()
            for start, sentence, before in read.dated:
                statements.extend(
                    s for s in self._statements(doc, index, block, start, sentence, doc_date,
                                                previous if before is None else before,
                                                neighbour if start == 0 else "")
                    # someone else's words, quoted: not the note's own claim
                    if not (quotes and within(quotes, start + s.expression.start, start + s.expression.end)))
            if read.last is not None:
                previous = read.last
        return statements

    def _sentences_that_may_date(self, text: str) -> _BlockSentences:
        """The sentences of a block's ``text`` that may hold a date, each with the
        sentence before it in the block (None for the first), and its last sentence:
        the same in every copy of the block, and most blocks hold no date at all."""
        dated = []
        before = None
        for start, end in sentences(text, self.abbreviations):
            sentence = text[start:end]
            if self._sentence_times[sentence] is not None:
                dated.append((start, sentence, before))
            before = sentence
        return _BlockSentences(tuple(dated), before)

    def terms(self, text: str) -> frozenset[str]:
        """The content terms of ``text``, without time words or cue words."""
        return frozenset(self.terms_list(text))

    def terms_list(self, text: str) -> tuple[str, ...]:
        return content_terms(text, self.lexicon.stop_word_set, self.time_words, self.qualifiers)

    def expressions(self, sentence: str, doc_date: dt.date | None) -> tuple[list[TemporalExpression], set[str]]:
        """The time expressions of one sentence, resolved with its tense, and the cues
        found (promise, plan, expectation, forward, backward, perfect). Remembered:
        the figure reader asks again for the dates of the sentences it reads."""
        key = (sentence, doc_date)
        found = self._read.get(key)
        if found is None:
            times = self._sentence_times[sentence]
            if times is None:
                return [], set()
            found = self._read[key] = self._expressions(sentence, times, doc_date)
        return found

    def _read_sentence(self, sentence: str) -> _SentenceTimes | None:
        """What the note's date does not change in how a sentence's dates are read;
        None when it cannot hold one."""
        if not self.grammar.may_hold_a_date(sentence):
            return None
        kinds, direction = self.cues.read([w.lower() for w in WORD.findall(sentence)])
        return _SentenceTimes(kinds, direction, self.grammar.matches(sentence),
                              candidates(sentence, self.lexicon))

    def _expressions(self, sentence: str, times: _SentenceTimes,
                     doc_date: dt.date | None) -> tuple[list[TemporalExpression], set[str]]:
        found = self.grammar.resolve(sentence, times.matches, doc_date, times.direction)
        found += fallback_dates(times.candidates, found, self.language)
        return sorted(found, key=lambda e: e.start), times.kinds

    def _statements(self, doc: Document, index: int, block: Block, offset: int, sentence: str,
                    doc_date: dt.date | None, previous: str, neighbour: str = "") -> list[DatedStatement]:
        found, kinds = self.expressions(sentence, doc_date)
        if not found:
            return []
        rest = replace_spans(sentence, [(e.start, e.end) for e in found], " ")
        # "…: gepland op 15 september (Wonen)." — a one-word tag at the end names who
        # acts on it (a department, an owner), not what the sentence is about
        own = self.terms(_OWNER_TAG.sub(" ", rest))
        terms = own
        if previous and (first_word(sentence) in self.pronouns or len(own) < FEW_TERMS):
            terms = own | self.terms(previous)
        elif neighbour and len(own) < 2:
            terms = own | self.terms(neighbour)
        aligned = " ".join(w.lower() for w in WORD.findall(rest))
        asked = sentence.rstrip().endswith("?")
        denied_verb = "denied" in kinds  # "niet", "nooit": the sentence denies its verb
        result = []
        denied: Interval | None = None  # an earlier date of this sentence denied: "niet in december maar …"
        for ordinal, expression in enumerate(found):
            negated = self._negated(sentence[:expression.start])
            corrected = denied is not None and not negated
            replaces = denied if corrected else None
            if negated and expression.interval is not None:
                denied = expression.interval
            negated = negated or (denied_verb and not corrected)
            if expression.interval is None:
                continue
            result.append(DatedStatement(
                doc=doc, block=block, expression=expression,
                span=block.span(offset + expression.start, offset + expression.end),
                sentence=sentence, terms=terms, own_terms=own,
                modality=_modality(kinds, expression, doc_date),
                aligned=aligned, sentence_id=(index, offset),
                reference=self._reference(sentence[:expression.start]), ordinal=ordinal,
                negated=negated, corrected=corrected, replaces=replaces, asked=asked,
            ))
        return result

    def _negated(self, before: str) -> bool:
        """Whether the word right before a date denies it: "niet in december"."""
        words = WORD.findall(before[-20:])
        return bool(words) and words[-1].lower() in self.negations

    def is_reference(self, before: str) -> bool:
        """Whether the words before a date make it a reference: see ``_reference``."""
        return self._reference(before)

    def _reference(self, before: str) -> bool:
        """Whether the words before a date make it a reference: a cue ("peildatum",
        "d.d.", "stand per") or a noun with "van" ("de raadsbrief van", "de commissie
        van"; not "van … tot", whose noun is a time word or a stop word)."""
        m = _REFERENCE_BEFORE.search(before)
        if not m:
            return False
        if m.group("cue"):
            return True
        noun = m.group("noun").lower()
        return noun not in self.lexicon.stop_word_set and noun not in self.time_words
