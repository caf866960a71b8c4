"""The corpus index: every note of the set, and what rule kinds look up across them.

Rule kinds never open files; they read documents through the index, by scope, and
use its shared statistics (how often a word occurs, and in what case) instead of
comparing every pair of sentences.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import gc
import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Hashable, Iterable, Iterator
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING, TypeVar

from annolint.lexicon import Lexicon
from annolint.memo import Memo
from annolint.model import Block, Document
from annolint.figures.statements import FigureReader, FigureStatement
from annolint.questions import QuestionFact, QuestionReader
from annolint.reading import Readings, facts_for
from annolint.rule_findings import is_note_rule, note_reader
from annolint.set_totals import SentenceCounts, WordCounts, summed
from annolint.similarity import split_by_agreement, stable, weight_norm
from annolint.temporal.statements import DatedStatement, StatementReader
from annolint.terms import WORD, stem
from annolint.word_statistics import WordStatistics

if TYPE_CHECKING:
    from annolint.findings import Finding
    from annolint.ruleset import Rule

T = TypeVar("T")
SCOPES = ("all", "header", "headings", "body", "questions", "answers")
__all__ = ["SCOPES", "WORD", "CorpusIndex", "in_scope"]


def in_scope(block: Block, scope: tuple[str, ...]) -> bool:
    """Whether ``block`` falls in a rule's ``scope``."""
    if "all" in scope:
        return True
    if block.kind == "header":
        return "header" in scope
    if block.kind == "heading":
        return "headings" in scope or "body" in scope
    if block.role == "question":
        return "questions" in scope or "body" in scope
    if block.role == "answer":
        return "answers" in scope or "body" in scope
    return "body" in scope


class CorpusIndex:
    def __init__(self, documents: list[Document], lexicon: Lexicon, language: str = "nl",
                 readings: Readings | None = None, rules: Iterable[Rule] | None = None):
        self.readings = readings or Readings()  # each note's facts, read once (and cached)
        self.all_documents = sorted(documents, key=lambda d: d.path)
        self.documents = [d for d in self.all_documents if d.checked]
        self.lexicon = lexicon
        self.language = language
        self.by_path = {d.path: d for d in self.all_documents}
        self.memo: dict = {}  # what one rule kind computed and another reuses (keyed by kind and parameters)
        # the rules that will run (None: not known, so any): what a note yields for them
        # is extracted where the note is read (``read_with_note``)
        rules = None if rules is None else list(rules)
        self.facts_read = FACTS if rules is None else facts_read(rules)
        # rules whose findings in a note are read with it (``rule_findings``): by the
        # reading workers, and kept in the cache with the note
        self.note_rules = [rule for rule in rules or () if is_note_rule(rule)]

    @property
    def cache(self):
        """The run's ``NoteCache``, or None: where a rule kind keeps what it looked up
        for the next run (``events.lemmas_kept``)."""
        return self.readings.cache

    def prepare(self) -> None:
        """Work out now what rules of several kinds read (the set's statements and word
        statistics), before the rules run side by side (``rule_processes``): once here,
        not once in each worker, and each note's facts stay with its reading for the cache.
        Only what the run's rules read (``facts_read``)."""
        for fact in self.facts_read:
            getattr(self, _PRODUCTS[fact])
        for rule in self.note_rules:
            self.note_findings(rule)

    def ready_early(self, groups: list[list[Rule]]) -> frozenset[int]:
        """The numbers of the ``groups`` of rules that need nothing ``prepare`` works out
        but the set's lower-case words, worked out now: they may start comparing while
        the main process prepares the rest. No note rule is among them: ``prepare``
        works out its findings in undated notes, for the cache."""
        reads = {n: set(facts_read(group)) for n, group in enumerate(groups)
                 if not any(is_note_rule(rule) for rule in group)}
        early = frozenset(n for n, read in reads.items() if read <= {"lowercase"})
        if any("lowercase" in reads[n] for n in early):
            self.lowercase_words
        return early

    def note_findings(self, rule: Rule) -> list[Finding]:
        """The findings of a note rule (``rule_findings.is_note_rule``) over the set:
        each note's read with the note (``extractors``), or now."""
        found = self._note_findings.get(rule.id)
        if found is None:
            kind = _note_fact(rule)
            extractors = self.extractors(self._reference)
            if kind not in extractors:  # a rule the index was not made for (``rules``)
                extractors[kind] = note_reader(rule)
            found = self._note_findings[rule.id] = [f for doc in self.documents for f in self._facts(kind, doc)]
        return found

    @cached_property
    def _note_findings(self) -> dict[str, list[Finding]]:
        return {}

    def blocks(self, scope: tuple[str, ...] = ("all",)) -> Iterator[tuple[Document, Block]]:
        """Every block of every readable note that falls in ``scope``, in order."""
        for doc in self.documents:
            for block in doc.blocks:
                if in_scope(block, scope):
                    yield doc, block

    @cached_property
    def lowercase_words(self) -> Counter:
        """How often each word occurs in lower case over the whole set (hyphenated
        compounds count per part: "Verwey-jonker" counts "jonker")."""
        counts = summed(self, "lowercase", WordCounts, lambda doc: self._facts("lowercase", doc)).counts
        self._word_statistics.forget("lowercase")
        return counts

    @cached_property
    def sentence_frequencies(self) -> Counter:
        """In how many sentences of the set each content term occurs."""
        return self._sentence_statistics[0]

    @cached_property
    def named_terms(self) -> frozenset[str]:
        """Terms written with a capital inside a sentence somewhere in the set
        ("de vernieuwde Bestuursopdracht", "het Uitvoeringsplan"), other than the
        genre's common words: the names of the things notes promise."""
        return self._sentence_statistics[1] - self.common_terms

    @cached_property
    def _sentence_statistics(self) -> tuple[Counter, frozenset[str], int]:
        """In one pass: term frequencies, names, and the number of sentences."""
        totals = summed(self, "sentences", SentenceCounts, lambda doc: self._facts("sentences", doc))
        self._word_statistics.forget("sentences")
        return totals.counts, frozenset(totals.names), totals.total or 1

    @cached_property
    def sentence_count(self) -> int:
        return self._sentence_statistics[2]

    @cached_property
    def term_weight(self) -> Callable[[str], float]:
        """How much sharing a term says: rare terms much, common ones little (idf).
        Each term's weight is worked out once, then looked up: rule kinds ask for
        hundreds of thousands of weights.

        Words of the genre ("raad", "wethouder", "onderzoek", from the lexicon's
        ``common-words``) weigh little even in a small set where they happen to be rare.
        """
        return Memo(self._idf).__getitem__

    def term_norm(self, terms: frozenset[str]) -> float:
        """The length of ``terms`` as a vector of their weights (``similarity.weight_norm``),
        worked out once per set of terms: each statement of the set holds one, compared
        with many others. Equal sets have one norm (``weight_norm`` sums exactly)."""
        known = self._norms.get(terms)
        if known is None:
            known = self._norms[terms] = weight_norm(terms, self.term_weight)
        return known

    @cached_property
    def _norms(self) -> dict[frozenset[str], float]:
        return {}

    def _idf(self, term: str) -> float:
        """``term_weight`` worked out, rounded (``similarity.stable``)."""
        weight = math.log((self.sentence_count + 1) / (self.sentence_frequencies.get(term, 0) + 0.5))
        return stable(min(weight, 1.0) if term in self.common_terms else weight)

    @cached_property
    def common_terms(self) -> frozenset[str]:
        return frozenset(stem(w) for w in self.lexicon.common_words)

    @cached_property
    def question_facts(self) -> list[QuestionFact]:
        """Every answered council question of the set, note by note."""
        return [q for doc in self.documents for q in self._facts("questions", doc)]

    @cached_property
    def figure_statements(self) -> list[FigureStatement]:
        """Every figure of the set with what it measures, note by note; figures of a
        series (see ``without_series``) are left out."""
        return _read_all(self.documents, lambda doc: self._facts("figures", doc))

    @cached_property
    def _statement_reader(self) -> StatementReader:
        return StatementReader(self.lexicon, self.language)

    @property
    def time_words(self) -> frozenset[str]:
        """Words of time expressions, figures and modality cues: never what a sentence
        is about (``StatementReader.time_words``)."""
        return self._statement_reader.time_words

    def kept_key(self, what: str, *parts: str) -> str | None:
        """Where a rule kind keeps ``what`` (named by ``parts``) of this set's run for the
        next (``kept_pairs``, ``spelling_words.KeptWords``); None without a cache."""
        snapshot = self.readings.snapshot
        if not self.readings.caching or snapshot is None:
            return None
        return snapshot.entry_key(what, *parts)

    def read_with(self, doc: Document) -> tuple:
        """What the facts of ``doc`` are read with (``reading.facts_for``): its date, or,
        undated, the set's latest date; both may come from the rest of the set."""
        return facts_for(doc, self._reference)

    def _facts(self, kind: str, doc: Document) -> list | str:
        """One kind of a note's facts (``extractors``), read once per note and run."""
        return self.readings.facts(kind, doc, self._reference, self.extractors(self._reference)[kind])

    def extractors(self, reference: dt.date | None) -> dict[str, Callable[[Document], list]]:
        """What is read from each note on its own, by kind: its dated statements
        (``reference`` dates an undated note's relative dates), figures, council
        questions, its share of the set's word statistics, and the findings of the
        note rules (``rule_findings``). The readers of the ``reading`` workers use
        the same."""
        found = self._extractors.get(reference)
        if found is None:
            words = self._word_statistics
            figures = FigureReader(self.lexicon, self.language, self._statement_reader)
            found = self._extractors[reference] = {
                "dated": lambda d: _dated_of_a_note(self._statement_reader.read(d, reference)),
                "figures": lambda d: _figures_of_a_note(figures.read(d)),
                "questions": QuestionReader(self.lexicon).read,
                "lowercase": words.lowercase_words,
                "sentences": words.sentence_statistics,
                **{_note_fact(rule): note_reader(rule) for rule in self.note_rules},
            }
        return found

    def read_with_note(self, reference: dt.date | None) -> dict[str, Callable[[Document], list]]:
        """The ``extractors`` of what the run's rules read (``facts_read``) and of its
        note rules: what is extracted from a note where it is read (``Readings.read_note``,
        by the reading workers). Anything else a rule asks for is extracted when asked."""
        every = self.extractors(reference)
        return {kind: extract for kind, extract in every.items()
                if kind in self.facts_read or kind not in FACTS}

    @cached_property
    def _extractors(self) -> dict:
        return {}

    @cached_property
    def _word_statistics(self) -> WordStatistics:
        abbreviations = frozenset(a.lower().rstrip(".") for a in self.lexicon.abbreviations)
        return WordStatistics(abbreviations, self.lexicon.stop_word_set)

    @cached_property
    def _reference(self) -> dt.date:
        """The set's latest date: an undated note reads its relative dates against it."""
        dated = [d.date.date for d in self.documents if d.date is not None]
        return max(dated) if dated else UNDATED_REFERENCE

    @cached_property
    def dated_statements(self) -> list[DatedStatement]:
        """Every time expression of the set with its subject and modality, note by
        note; dates of a series (see ``without_series``) are left out, and those in
        a schedule marked ``listed`` (``in_schedules``)."""
        return _read_all(self.documents, lambda doc: self._facts("dated", doc))


FACTS = ("dated", "figures", "questions", "lowercase", "sentences")  # what ``extractors`` read, by kind
# the set's product of each kind of facts, worked out by ``prepare``
_PRODUCTS = {"dated": "dated_statements", "figures": "figure_statements", "questions": "question_facts",
             "lowercase": "lowercase_words", "sentences": "_sentence_statistics"}


def kinds_read_with_note(rules: Iterable[Rule] | None) -> frozenset[str]:
    """The kinds of facts ``CorpusIndex.read_with_note`` extracts where a note is read,
    by name, without making their readers (all of ``FACTS`` without ``rules``)."""
    if rules is None:
        return frozenset(FACTS)
    rules = list(rules)
    return frozenset((*facts_read(rules), *(_note_fact(rule) for rule in rules if is_note_rule(rule))))


def facts_read(rules: Iterable[Rule]) -> tuple[str, ...]:
    """The kinds of facts (``FACTS``) that ``rules`` read: what their kinds declare
    (``READS``), every kind for a kind that declares nothing."""
    read = {fact for rule in rules for fact in getattr(rule.module, "READS", FACTS)}
    return tuple(fact for fact in FACTS if fact in read)


def _note_fact(rule: Rule) -> str:
    """The name of a note rule's findings among a note's facts."""
    return f"rule {rule.id}"


def _read_all(documents: list[Document], read: Callable[[Document], list[T]]) -> list[T]:
    """What ``read`` finds in every note, in order. What is read stays until the check
    ends, so the garbage collector is told not to walk it again (``engine.check``
    unfreezes)."""
    found: list[T] = []
    for doc in documents:
        found.extend(read(doc))
        gc.freeze()
    return found


def _dated_of_a_note(found: list[DatedStatement]) -> list[DatedStatement]:
    """A note's dated statements less those of a series, those in a schedule marked
    ``listed``: both are told within the note, so its facts hold them so (worked out
    where the note is read, and kept with it)."""
    # by position in the sentence: "over Q1 2025, te verschijnen eind april" written
    # twice is two quarters that agree and two months that do not, not a series
    found = without_series(found, lambda s: (_letters(s.aligned), s.ordinal),
                           lambda a, b: a.expression.interval.overlaps(b.expression.interval))
    listed = in_schedules(found)
    return [dataclasses.replace(s, listed=True) if id(s) in listed else s for s in found]


def _figures_of_a_note(found: list[FigureStatement]) -> list[FigureStatement]:
    """A note's figures less those of a series (``_dated_of_a_note``)."""
    return without_series(found, lambda s: (_letters(s.aligned), s.ordinal), lambda a, b: a.figure.agrees(b.figure))


@lru_cache(maxsize=65536)  # copies of a sentence share their shape
def _letters(text: str) -> str:
    """A sentence shape by its words alone: "omvang locatie ca #" and "omvang locatie
    +/- #" are one shape."""
    return " ".join(WORD.findall(text))


SERIES = 3  # one sentence shape this often in one note, with several values, is a series


def without_series(statements: list[T], shape: Callable[[T], Hashable], agree: Callable[[T, T], bool]) -> list[T]:
    """``statements`` less those of a series: one sentence shape (its values cut out)
    written three or more times in one note, with at least two of them departing
    from the value most give. A status log ("Gewijzigd op … om"), measurements per
    item ("In de buitenste 20 mm werd …"), a planning list of weeks: each line is its
    own event or item, and neither contradicts the others nor, line by line, another
    note. A repeated sentence with one value changed (a drift) stays."""
    members: dict[tuple, list[T]] = defaultdict(list)
    for s in statements:
        members[(s.path, shape(s))].append(s)
    series = set()
    for key, found in members.items():
        if len(found) >= SERIES:
            _, majority = split_by_agreement(found, agree)
            if len(found) - len(majority) >= 2:
                series.add(key)
    return [s for s in statements if (s.path, shape(s)) not in series]


# The reference date of a set without any dated note: any fixed day lets one note's
# dates compare with each other; messages then leave the year out.
UNDATED_REFERENCE = dt.date(2000, 7, 1)
SCHEDULE = 3  # this many date-led items in a row make a schedule
LEAD = 4  # at most this many words before the date of a date-led item


_SET_OFF_AFTER = re.compile(r"\s*[:,;(–—-]|\s{2,}|\s*$")


def _date_led(sentence: str, start: int, end: int) -> bool:
    """An item that opens with its date, set off as a label: "Week 16: …", "7 oktober
    2024   start …", "Bestuurlijk overleg: 12 maart 2026, …"; not a sentence that
    happens to open with one ("Voor 2025 verwachten we …")."""
    before = sentence[:start]
    if len(WORD.findall(before)) > LEAD:
        return False
    return before.rstrip().endswith(":") or bool(_SET_OFF_AFTER.match(sentence, end))


def in_schedules(statements: list[DatedStatement]) -> set[int]:
    """The ids of the statements that stand in a schedule: three or more list items
    or lines in a row that each open with a date, with at least two dates among them
    ("Commissie ZJW 10 april 2025: …", "Week 16: afstemmen plan …", "7 oktober 2024
    start inkooptraject"). Each item is its own event: it is compared with its own copy in
    another note, never with another item or, by its words alone, with a sentence
    elsewhere. Lines the register does not take for prose (a log line among them) and
    lines without a word (a page number) do not break the run."""
    by_block: dict[tuple[str, int], list[DatedStatement]] = defaultdict(list)
    led: dict[str, set[int]] = defaultdict(set)
    docs = {}
    for s in statements:
        block_index, start = s.sentence_id
        by_block[(s.path, block_index)].append(s)
        docs[s.path] = s.doc
        if start == 0 and s.ordinal == 0 and _date_led(s.sentence, s.expression.start, s.expression.end):
            led[s.path].add(block_index)
    marked: set[int] = set()
    for path, heads in led.items():
        run: list[int] = []
        for i, block in enumerate([*docs[path].blocks, None]):
            if i in heads:
                run.append(i)
                continue
            if block is not None and (not block.prose or not any(c.isalpha() for c in block.text)):
                continue  # a log line among the items, a page number between them
            members = [s for b in run for s in by_block[(path, b)]]
            if len(run) >= SCHEDULE and len({m.expression.interval for m in members if m.ordinal == 0}) >= 2:
                marked.update(id(m) for m in members)
            run = []
    return marked

