"""What a date dates: the event of a dated statement, read so that the same event told
in other words is recognised.

Notes retell what happened in their own words: "Op 4 april 2025 is de inschrijving
gesloten", "Sluiting van de inschrijving: 4 april 2025", "4 april 2025 sluiting
inschrijving", "Na de sluiting van de inschrijving op 11 april 2025 …". Their sentences
share little as text, but their words share roots once inflection and nominalisation
are taken off ("gesloten", "sluiting" → "sluit"; "getekend", "tekenden" → "teken").

An event is read from a statement whose date is one day (not a period, not relative)
that the sentence states, not denies or asks, and that does not name a meeting ("de
commissie van 12 maart": meetings recur) or a measurement ("peildatum", "stand per":
a series of readings). Its *terms* are the roots of the words of the date's own
clause (``phrase``) without time expressions, stop words, the genre's common words
and the words that only say how it is meant ("gepland", "toegezegd"); its *noun* is
the thing the date hangs on ("de inschrijving op 11 april").

Two events are the same when the description of one is (nearly) all in the other:
the rarer words weigh more, so "inschrijving" and "sluit" make an event and "raad" and
"brief" do not.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from annolint.kept_work import spent_on
from annolint.kinds.timeline import names_meeting, reference_noun
from annolint.lexicon import Lexicon
from annolint.similarity import stable
from annolint.temporal.statements import DatedStatement
from annolint.terms import WORD, replace_spans, sentences, stem

if TYPE_CHECKING:
    from annolint.cache import NoteCache

_DIGITS = re.compile(r"\d+(?:[.,]\d+)*")
# a day something happens on or starts from; "voor 1 november", "uiterlijk 1 juli" are
# deadlines (shifted-deadline's) and "na", "tot" bound other things
ON_THE_DAY = ("", "in", "since", "from")
INFLECTION = 2  # letters one root may add to another and still be one: "advi(es)" / "advis(eren)"


# By language, each word's lemma looked up so far in this process or kept by the cache
# from an earlier run (``lemmas_kept``)
_LEMMAS: dict[str, dict[str, str]] = defaultdict(dict)


def lemma(word: str, language: str) -> str:
    """A word's dictionary form, from simplemma's Dutch and English word lists:
    "gesloten" → "sluiten", "tekenden" → "tekenen"."""
    table = _LEMMAS[language]
    found = table.get(word)
    if found is None:
        with spent_on():  # the next run takes it from the cache (``lemmas_kept``)
            import simplemma  # 40 ms to import, and 0.3 s to load a language: only for a word not known yet

            found = table[word] = simplemma.lemmatize(word, lang=language).replace("_", "")
    return found


@contextmanager
def lemmas_kept(cache: NoteCache | None, language: str) -> Iterator[None]:
    """The lemmas an earlier run looked up, taken from ``cache``, and the ones looked
    up now kept for the next run. Loading simplemma's Dutch word list takes 0.3 s and
    50 MB, more than reading the events of a thousand notes; after an edit, a set's
    words are nearly all known. A lemma depends only on the word and simplemma's
    version, which its module file tells (``_simplemma_version``, part of the
    entry's key)."""
    key, kept = None, 0
    table = _LEMMAS[language]
    version = _simplemma_version() if cache is not None and cache.enabled else None
    if version is not None:
        key = cache.key_of("lemmas", language, version)
        known = cache.load(key, "lemmas")
        if isinstance(known, dict):
            for word, found in known.items():
                table.setdefault(word, found)
            kept = len(known)
    yield
    if key is not None and len(table) > kept:  # words the cache does not hold yet
        cache.store(key, dict(table))


def _simplemma_version() -> str | None:
    """What tells simplemma's version apart, without importing it or reading every
    installed package's metadata (25 ms, on every run): where its package lies, and
    the size and time of its module file, which a new version rewrites. None when it
    cannot be told: then no lemma is kept, since a new version may lemmatise
    otherwise."""
    import importlib.util
    import os

    try:
        spec = importlib.util.find_spec("simplemma")
        origin = spec.origin if spec is not None else None
        if origin is None:
            return None
        found = os.stat(origin)
    except (ImportError, ValueError, OSError):
        return None
    return f"{origin}|{found.st_size}|{found.st_mtime_ns}"


def root(word: str, language: str) -> str:
    """The root of a word: its lemma stemmed, "gesloten" and "sluiting" → "sluit"."""
    return stem(lemma(word, language))


@lru_cache(maxsize=4)
def weekdays(language: str) -> frozenset[str]:
    """The names of the days of the week ("woensdag 9 april"): Babel's, in full and short."""
    from babel.dates import get_day_names

    names = set()
    for width in ("wide", "abbreviated"):
        names.update(n.lower().rstrip(".") for n in get_day_names(width, locale=language).values())
    return frozenset(names)


def same_root(a: str, b: str) -> bool:
    """Two roots are one when equal or when one is the other with an ending the stemmer
    left ("advi" / "advis"); not a compound ("opdracht" / "opdrachtgever")."""
    short, long = sorted((a, b), key=len)
    return a == b or (len(short) >= 4 and len(long) - len(short) <= INFLECTION and long.startswith(short))


@dataclass(frozen=True, eq=False)
class Event:
    """One statement read as an event: its terms and the numbers it and its block give."""

    statement: DatedStatement
    terms: frozenset[str]
    context: frozenset[str]  # the roots of its paragraph's undated sentences: "Daar namen 61 aanbieders aan deel."
    numbers: frozenset[str]  # the sentence's figures outside its dates ("61 aanbieders")
    block_numbers: frozenset[str]  # every number of its paragraph or bullet
    noun: str  # the root of the thing the date hangs on ("de inschrijving op 11 april"), or ""

    @property
    def day(self):
        """The day the event falls on, or starts from ("per 1 januari")."""
        return self.statement.expression.interval.start

    @property
    def doc(self):
        """The note it is read from: ``decided_once_per_wording`` decides two events of
        one note each time, as it does two statements."""
        return self.statement.doc


class EventReader:
    """Reads the events of a set's dated statements and weighs their terms."""

    def __init__(self, lexicon: Lexicon, language: str, time_words: frozenset[str]):
        self.lexicon = lexicon
        self.language = language if language in ("nl", "en") else "nl"
        t = lexicon.time
        parts = {w.lower() for item in t.parts for name in item.names for w in name.split()}
        # "start" and "begin" say what happened; "gepland", "toegezegd", months, "mln"
        # and the genre's common words ("raad", "college") do not
        common = {w.lower() for w in lexicon.common_words}
        self.skip = (time_words - parts) | lexicon.stop_word_set | common | weekdays(self.language)
        self.abbreviations = frozenset(a.lower().rstrip(".") for a in lexicon.abbreviations)
        self.particles = frozenset(p.lower() for p in t.separable_particles)
        self.stop_words = lexicon.stop_word_set
        self.articles = frozenset(a.lower() for a in (*t.articles, "een", "a", "an"))
        # a verb form before a separable particle: "gaan", "lopen", "gaat" (only where particles are known)
        self.verb_form = re.compile(r"^[^\W\d_]{2,}[nt]$")
        self.prepositions = frozenset(w.lower() for b in t.bounds for n in b.names for w in n.split()) | \
            frozenset(w.lower() for w in t.of_words)

    def events(self, statements: Iterable[DatedStatement]) -> list[Event]:
        by_sentence: dict[tuple, list[DatedStatement]] = defaultdict(list)
        for s in statements:
            by_sentence[(s.path, s.sentence_id)].append(s)
        found = []
        dated = {(s.path, s.sentence_id) for s in statements}
        contexts: dict[tuple, frozenset[str]] = {}
        for group in by_sentence.values():
            spans = [(s.expression.start, s.expression.end) for s in group]
            for s in group:
                if not self._eligible(s):
                    continue
                words = self.words(phrase(s.sentence, (s.expression.start, s.expression.end), spans, self.words))
                if words:
                    found.append(Event(
                        statement=s, terms=frozenset(root(w, self.language) for w in words),
                        noun=self.noun_before(s),
                        context=self._context(s, dated, contexts),
                        numbers=_numbers(replace_spans(s.sentence, spans, " ")),
                        block_numbers=_numbers(s.block.masked)))
        return found

    def _context(self, s: DatedStatement, dated: set, contexts: dict) -> frozenset[str]:
        """The roots of the sentences of the statement's paragraph or bullet that give no
        date: they tell more of the same event ("Op 14 november is een marktconsultatie
        gehouden. Daar namen 61 aanbieders aan deel.")."""
        key = (s.path, s.sentence_id[0])
        if key not in contexts:
            text = s.block.masked
            contexts[key] = frozenset(
                root(w, self.language) for start, end in sentences(text, self.abbreviations)
                if (s.path, (s.sentence_id[0], start)) not in dated for w in self.words(text[start:end]))
        return contexts[key]

    def _eligible(self, s: DatedStatement) -> bool:
        e = s.expression
        if not e.exact_day or e.bound not in ON_THE_DAY or e.anchor == "relative" or s.negated or s.asked:
            return False
        if s.block.kind in ("heading", "header") or (e.interval.start is not None and e.interval.start == s.doc_date):
            return False
        if s.reference and not reference_noun(s, self.lexicon.stop_word_set):
            return False  # "peildatum 1 maart", "stand per 1 juli": one reading of a series
        return not names_meeting(s, self.lexicon.meeting_pattern)

    def noun_before(self, s: DatedStatement) -> str:
        """The root of the word a date hangs on, written right before it with a
        preposition ("de raadsinformatiebrief van 4 februari", "na de sluiting van de
        inschrijving op 11 april", "met een raadsinformatiebrief op 18 maart"), or ""."""
        if s.reference and (named := reference_noun(s, self.lexicon.stop_word_set)):
            return root(named.lower(), self.language)  # "de raadsbrief over de wachtlijsten van …"
        before = _BOUNDARY.split(s.sentence[:s.expression.start])[-1]
        words = [w.lower() for w in WORD.findall(before)]
        while words and (words[-1] in self.prepositions or len(words[-1]) == 1):  # "van", "d.d."
            words.pop()
        if not words or words[-1] in self.skip:
            return ""
        return root(words[-1], self.language)

    def words(self, text: str) -> list[str]:
        """The words of ``text`` that can say what happened, lower case; a verb and its
        particle written after it as one ("gaan … in" → "ingaan")."""
        tokens = [w.lower() for w in WORD.findall(text)]
        return [w for w in self._joined(tokens) if len(w) >= 2 and w not in self.skip and not w[0].isdigit()]

    def _joined(self, tokens: list[str]) -> list[str]:
        """``tokens`` with each particle that closes a verb's clause ("de contracten gaan
        in", "… lopen af en …") joined to the verb before it; before an article or a noun
        it is a preposition ("gaan in de binnenstad")."""
        joined: list[str] = []
        for i, w in enumerate(tokens):
            after = tokens[i + 1] if i + 1 < len(tokens) else ""
            if joined and w in self.particles and (not after or (after in self.stop_words and after not in self.articles)) \
                    and self.verb_form.match(joined[-1]):
                verb = joined[-1]
                joined[-1] = w + (verb if verb.endswith("n") else lemma(verb, self.language))  # "gaat" → "gaan"
            else:
                joined.append(w)
        return joined


_BOUNDARY = re.compile(r"[,;:()]|\s[–-]\s")
MIN_TERMS = 2  # a date's own phrase with fewer words borrows the phrase before it ("Start: 1 maart")


def phrase(sentence: str, date: tuple[int, int], dates: list[tuple[int, int]], terms) -> str:
    """The words of a sentence that go with one of its dates: its clause, as far as a
    comma, colon, bracket or another date ("Na het advies van de OR op 28 mei heeft het
    college in juni besloten": "Na het advies van de OR … heeft het college"). A phrase
    that says too little ("woensdag 9 april, 19:30 uur") takes the one before it, which
    labels it ("Informatiebijeenkomst voor raadsleden: …"); never across another date."""
    cuts = sorted({0, len(sentence), *(m.start() for m in _BOUNDARY.finditer(sentence))}
                  | {p for span in dates if span != date for p in span})
    start = max(c for c in cuts if c <= date[0])
    end = min(c for c in cuts if c >= date[1])
    text = replace_spans(sentence[start:end], [(a - start, b - start) for a, b in dates
                                               if start <= a and b <= end], " ")
    if len(terms(text)) < MIN_TERMS and start > 0 and all(start not in span for span in dates):
        before = max(c for c in cuts if c < start)
        if all(not (before <= a < start) for a, _ in dates):
            return sentence[before:start] + " " + text
    return text


_CLOCK = re.compile(r"\b\d{1,2}[:.]\d{2}\b(?:\s*(?:uur|u)\b)?")


def _numbers(text: str) -> frozenset[str]:
    """The figures of a text, without the times of day ("19:30 uur")."""
    return frozenset(_DIGITS.findall(_CLOCK.sub(" ", text)))


class Weights:
    """How much a term says about an event: rarer terms among the set's events say more."""

    def __init__(self, events: list[Event]):
        self.count = Counter(t for e in events for t in e.terms)
        self.total = len(events) + 1

    def __call__(self, term: str) -> float:
        """Rounded as ``CorpusIndex.term_weight`` rounds (``similarity.stable``)."""
        return stable(math.log(self.total / self.count.get(term, 1)))


def shared(a: Event, b: Event) -> tuple[frozenset[str], frozenset[str]]:
    """The terms of each that the other has (roots matched as ``same_root``)."""
    mine = frozenset(t for t in a.terms if t in b.terms or any(same_root(t, u) for u in b.terms))
    theirs = frozenset(u for u in b.terms if u in a.terms or any(same_root(t, u) for t in mine))
    return mine, theirs


def coverage(a: Event, b: Event, weight: Weights) -> tuple[float, int]:
    """How much of the shorter description the other holds (by weight, 0–1), and how
    many terms they share."""
    best = (0.0, 0)
    for told, other in ((a, b), (b, a)):
        held = frozenset(t for t in told.terms if any(same_root(t, u) for u in other.terms | other.context))
        # the date's own clause must share a word; its paragraph may add the others
        if held and any(same_root(t, u) for t in held for u in other.terms):
            best = max(best, (math.fsum(map(weight, held)) / math.fsum(map(weight, told.terms)), len(held)))
    return best


def written(sentence: str, terms: frozenset[str], language: str, limit: int = 4) -> str:
    """The words of ``sentence`` whose roots are among ``terms``, as written and quoted."""
    words: list[str] = []
    for w in WORD.findall(sentence):
        if root(w.lower(), language) in terms and w.lower() not in (x.lower() for x in words):
            words.append(w)
    return ", ".join(f"'{w}'" for w in words[:limit])
