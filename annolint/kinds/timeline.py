"""Helpers for the date rule kinds: which dated statements speak of the same promise or event.

Two statements are the same when their sentences are one copy with another date
("aligned"), or when their subjects agree: weighted by rarity, so that sharing
"bestuursopdracht" counts and sharing "raad" hardly does. Candidates come from
``similarity.candidate_pairs`` (shared rare terms, copied sentences), never from
all pairs.
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from annolint.i18n import say
from annolint.index import CorpusIndex
from annolint.kept_pairs import Shelf, alike_pairs, keeping_for
from annolint.similarity import aligned, renamed, shared_terms, shared_words, subject_similarity
from annolint.temporal.statements import DatedStatement
from annolint.terms import WORD, content_terms, first_word, phrases_pattern


@dataclass(frozen=True)
class Pair:
    first: DatedStatement
    second: DatedStatement
    similarity: float  # 1.0 for an aligned copy
    aligned: bool


def matching_pairs(statements: list[DatedStatement], index: CorpusIndex, min_similarity: float,
                   alignment: float, min_shared: int = 1, compounds: bool = False,
                   need_name: bool = False,
                   worth: Callable[[DatedStatement, DatedStatement], bool] | None = None,
                   chosen: tuple = (), shelf: Shelf | None = None) -> Iterator[Pair]:
    """Pairs of statements, from different sentences, about the same thing: one
    sentence copied, or subjects alike (``min_similarity``) sharing at least
    ``min_shared`` terms that are not common words of the genre, one of them a name
    when ``need_name`` (``CorpusIndex.named_terms``). ``worth`` is asked first, so
    that pairs that could not make a finding (their periods overlap) cost nothing.
    Item by item (``candidate_pairs``): a user must not depend on the order. With
    ``chosen`` (how the caller chose the statements: its rule kind and scope, on a
    ``shelf`` the list), the pairs the run before found are kept for the next
    (``kept_pairs``)."""
    weight = index.term_weight
    common = index.common_terms
    stop_words = index.lexicon.stop_word_set

    def matched(a: DatedStatement, b: DatedStatement) -> tuple[float, bool] | None:
        """(similarity, aligned) of two statements about the same thing, else None."""
        if a.doc is b.doc and a.sentence_id == b.sentence_id:
            return None
        if _copied(a, b, alignment, stop_words):
            # One sentence and its copy: the second date of the one is the second
            # date of the other, never the first ("in december … in februari 2026");
            # a name changed on both sides makes it another thing ("bestemmingsplan
            # Sloterdijk (vastgesteld …)" and "bestemmingsplan Boven 't Y (…)"), and so
            # does a figure changed with the date: the date is the figure's period ("De
            # taakstelling voor het eerste halfjaar is 96" / "… tweede halfjaar is 104").
            if a.ordinal == b.ordinal and not renamed(a.sentence, a.aligned, b.sentence, b.aligned) \
                    and _numbers(a) == _numbers(b):
                return 1.0, True
            return None
        if a.listed or b.listed:
            return None  # a schedule's item is only ever its own copy
        score = subject_similarity(a.terms, b.terms, weight, compounds, norm=index.term_norm)
        if score < min_similarity or not _own_overlap(a, b):
            return None
        shared = shared_terms(a.terms, b.terms) if compounds else a.terms & b.terms
        if len(shared - common) >= min_shared and (not need_name or shared & index.named_terms):
            return score, False
        if a.terms == b.terms and a.terms - common and not (a.doc is b.doc):
            # the same subject in other words, every word of it ("De brief over een tweede
            # flexlocatie ontvangt u voor 1 november" / "Zoals toegezegd ontvangt u in
            # januari een brief over een tweede flexlocatie"): one thing, name or not
            return score, False
        return None

    # their users join clusters (conflicting-date), or decide each pair on its own and
    # gather each later statement's earlier ones, sorted (shifted-deadline): the order
    # of the pairs is theirs to ignore
    # ``worth`` reads the statements' notes' dates too: part of an item's identity
    keeping = keeping_for(index, ("dated", min_similarity, alignment, min_shared, compounds, need_name, *chosen),
                          statements, lambda s: s.doc, shelf, names=index.named_terms if need_name else None) \
        if chosen else None
    # what ``matched`` reads of a statement: its sentence, where its date stands in it, its words
    for i, j, found in alike_pairs(statements, lambda s: s.terms, weight,
                                   lambda s: (s.sentence, s.expression.start, s.expression.end, s.aligned, s.ordinal,
                                              s.listed, s.terms, s.own_terms),
                                   matched, lambda found: found is not None, exact=lambda s: s.aligned, worth=worth,
                                   keeping=keeping).decided():
        yield Pair(statements[i], statements[j], *found)


def sameness(a: DatedStatement, b: DatedStatement, alignment: float, noun: str = "",
             common: frozenset[str] = frozenset()) -> str:
    """Why two statements were taken for one thing, in words a reader can check: "the
    same sentence with another date", "both name the raadsbrief", or the words the
    two sentences share ("both about 'Uitvoeringsplan', 'Warmtetransitie'")."""
    if aligned(a.aligned, b.aligned, alignment):
        return say("the same sentence with another date")
    if noun:
        return say("both name the {noun}", noun=noun)
    # the other sentence too: a subject borrowed from the sentence before is written there
    return say("both about {words}",
               words=shared_words(a.sentence + " " + b.sentence, a.terms - common, b.terms - common))


OPEN_ENDED = ("since", "from")


def same_period(a: DatedStatement, b: DatedStatement) -> bool:
    """Two dates of one thing agree when their periods overlap; two that only say
    when something began ("sinds 13 oktober 2025", "vanaf 1 maart") agree only when
    they name the same start, and two deadlines only when they name the same end
    (see ``deadline_moved``): open-ended, any two would overlap."""
    ea, eb = a.expression, b.expression
    if ea.bound in OPEN_ENDED and eb.bound in OPEN_ENDED:
        return ea.interval.start == eb.interval.start
    if ea.interval.start is None and eb.interval.start is None:
        return not deadline_moved(ea, eb)  # two deadlines: "uiterlijk eind maart" / "uiterlijk medio"
    return ea.interval.overlaps(eb.interval)


VAGUE_DEADLINE = 31  # days two deadlines may differ when one is not a day ("voor de zomer" / "voor 1 juli")


def deadline_moved(a, b) -> bool:
    """Two deadlines ("uiterlijk eind 2025", "voor 1 november") always overlap as
    periods, for both run from any time before; a deadline is its end, and an end that
    moved is a shift. Exact days may not move at all; others by more than a month."""
    first, second = a.interval, b.interval
    if first.start is not None or second.start is not None or first.end is None or second.end is None:
        return False
    return abs((second.end - first.end).days) > _slack(a, b)


def start_moved(a, b) -> bool:
    """Two starts ("per 1 april 2025", "vanaf 2025") overlap as periods, for both run
    on for ever; a start that moved is a shift. Exact days may not move at all;
    others by more than a month."""
    if a.bound not in OPEN_ENDED or b.bound not in OPEN_ENDED:
        return False
    first, second = a.interval, b.interval
    if first.start is None or second.start is None:
        return False
    return abs((second.start - first.start).days) > _slack(a, b)


def _slack(a, b) -> int:
    return 0 if a.exact_day and b.exact_day else VAGUE_DEADLINE


def names_meeting(s: DatedStatement, meetings: re.Pattern) -> bool:
    """The date names a meeting: written in brackets or after a meeting word (the
    lexicon's ``meeting-words``): "vorige staf (18 augustus)", "de commissie van 12
    maart". Such dates recur; the next note names the next one."""
    before = s.sentence[:s.expression.start].rstrip()
    # whole words: "raad" is a meeting, "raadsinformatiebrief" a letter
    return before.endswith("(") or any(meetings.fullmatch(w.strip("(),.:;").lower()) for w in before.split()[-3:])


def _numbers(s: DatedStatement) -> tuple[str, ...]:
    """The numbers of a statement's sentence outside its own time expression and its
    item number ("2. Wat gebeurt er …")."""
    return _numbers_outside(s.sentence, s.expression.start, s.expression.end)


@functools.lru_cache(maxsize=65536)
def _numbers_outside(sentence: str, start: int, end: int) -> tuple[str, ...]:
    before = _ITEM_NUMBER.sub("", sentence[:start], count=1)
    return tuple(_DIGITS.findall(before + " " + sentence[end:]))


_DIGITS = re.compile(r"\d+(?:[.,]\d+)*")
_ITEM_NUMBER = re.compile(r"^\W*\d+[.)]\s")


def _copied(a: DatedStatement, b: DatedStatement, alignment: float, stop_words: frozenset[str]) -> bool:
    """One sentence copied with another date; two schedule items are copies when their
    words are the same, however few ("Gemeenteraad 11 maart 2026: vragenuur"), and
    so are two short lines of two content words ("Start gebiedsteams: …")."""
    if a.listed and b.listed and a.aligned == b.aligned and len(a.aligned.split()) >= 2:
        return True
    words = a.aligned.split()
    if a.aligned == b.aligned and len(words) == 2 and a.own_terms and not stop_words.intersection(words) \
            and all(_subject_first(s) for s in (a, b)):
        return True  # a short line of two content words, word for word: "Bestuursopdracht actualiseren"
    return aligned(a.aligned, b.aligned, alignment)


def _subject_first(s: DatedStatement) -> bool:
    """The words come before the date ("Start gebiedsteams: 1 september"), not after
    it as in a list of dated items ("20-04-2018 Ajax, ADO": each line its own item)."""
    return len(WORD.findall(s.sentence[:s.expression.start])) >= 2


def versions(statements: list[DatedStatement]) -> Iterator[tuple[DatedStatement, DatedStatement]]:
    """(earlier, later): each statement with the version of its sentence in the most
    recent earlier note (the same words once the dates are cut out, the same position
    in the sentence, the same names and other figures). One sentence copied into many
    notes is followed note by note, not compared in every pair."""
    # the figures are part of the sentence: "Op 1 juli was de achterstand 63 personen" and
    # "Per 1 januari was de achterstand 38 personen" are two sentences of one note
    copies: dict[tuple, list[DatedStatement]] = defaultdict(list)
    for s in statements:
        words = len(s.aligned.split())
        if s.doc_date is not None and (words >= 3 or (s.listed and words >= 2)):
            copies[(s.aligned, s.ordinal, _numbers(s))].append(s)
    for group in copies.values():
        if len(group) < 2:
            continue
        group.sort(key=lambda s: (s.doc_date, s.path, s.span))
        notes: list[DatedStatement] = []  # the first version in each note, by date
        for s in group:
            if not notes or notes[-1].path != s.path:
                notes.append(s)
        for k, later in enumerate(notes):
            earlier = next((e for e in reversed(notes[:k]) if e.doc_date < later.doc_date), None)
            if earlier is not None and not renamed(earlier.sentence, earlier.aligned, later.sentence, later.aligned):
                yield earlier, later


def _own_overlap(a: DatedStatement, b: DatedStatement) -> bool:
    """At least one side's own sentence shares a term with the other: two sentences
    that only borrow the same earlier sentence ("Deze …", "Dit …") are not matched
    on that alone."""
    return bool(shared_terms(a.own_terms, b.terms) or shared_terms(b.own_terms, a.terms))


_REFERENCE = re.compile(
    r"(\w[\w-]*)"
    # "de raadsbrief over de wachtlijsten d.d. …" dates the letter, not the lists
    r"(?:\s+(?:over|inzake|voor|met|about|on|for)\s+(?:de|het|een|the|a)?\s*([\w-]+))?"
    r"\s+(?:van|op|d\.d\.|dd|gedateerd|of|on|dated)\s*$", re.IGNORECASE)


def reference_noun(statement: DatedStatement, stop_words: frozenset[str]) -> str:
    """The thing a date names, when written as "<noun> van <date>": "raadsbrief van
    28 maart", "bijeenkomst van 12 november", "raadsinformatiebrief over de
    wachtlijsten d.d. …"."""
    return _reference(statement, stop_words)[0]


def reference_topic(statement: DatedStatement, stop_words: frozenset[str]) -> str:
    """What that thing is about, when the sentence says so before the date: "de
    raadsinformatiebrief over de wachtlijsten van 28 januari" gives "wachtlijsten"."""
    return _reference(statement, stop_words)[1]


def _reference(statement: DatedStatement, stop_words: frozenset[str]) -> tuple[str, str]:
    return _reference_before(statement.sentence[: statement.expression.start], stop_words)


@functools.lru_cache(maxsize=65536)
def _reference_before(before: str, stop_words: frozenset[str]) -> tuple[str, str]:
    """``_reference`` of the words before a date, read once per wording: the kinds ask
    for it per pair of statements, and ``_REFERENCE`` tries every word of a long sentence."""
    m = _REFERENCE.search(before)
    if not m or m.group(1).lower() in stop_words:
        return "", ""
    topic = (m.group(2) or "").lower()
    return m.group(1).lower(), "" if topic in stop_words else topic


@dataclass(frozen=True)
class ChangeCues:
    """The lexicon's words for an announced change, and what tells whether a
    sentence with one is about a given statement."""

    pattern: re.Pattern
    stop_words: frozenset[str]
    pronouns: frozenset[str]


def change_cues(lexicon) -> ChangeCues:
    return ChangeCues(phrases_pattern(lexicon.time.change_cues), lexicon.stop_word_set,
                      frozenset(p.lower() for p in lexicon.pronouns))


def announced(statement, cues: ChangeCues, earlier=None) -> bool:
    """Whether the note says, where the statement stands (its paragraph or bullet) or
    in the element after it, that this date or figure changed ("inmiddels", "later
    dan eerder toegezegd"); in the element after it, only in a sentence about it: one
    that refers back ("Dat wordt nu februari") or shares a word of its subject.
    "Inmiddels hebben 87 huishoudens advies gehad" in the next bullet announces
    nothing about the letter above it. With the ``earlier`` version: a cue the
    earlier note already wrote ("… de gunning is inmiddels definitief" copied from
    note to note) announces nothing new, when the two are versions of one sentence: a
    cue beside another sentence may explain the very change ("Eerder meldden we
    december; dat wordt nu februari")."""
    if earlier is not None and earlier.aligned != statement.aligned:
        earlier = None
    blocks = statement.doc.blocks
    index = statement.sentence_id[0]
    for i in (index, index + 1):
        if i >= len(blocks):
            break
        text = blocks[i].masked
        for m in cues.pattern.finditer(text):
            sentence = _sentence_at(text, m.start())
            if i > index and not _about(statement, sentence, cues):
                continue
            if earlier is None or not _written_in(sentence, earlier.doc):
                return True
    return False


def _about(statement, sentence: str, cues: ChangeCues) -> bool:
    """A sentence of the next element that speaks of the statement: it refers back
    (opens with "dat", "dit", "deze") or shares a word of its subject."""
    return first_word(sentence) in cues.pronouns or bool(set(content_terms(sentence, cues.stop_words))
                                                         & statement.terms)


def _sentence_at(text: str, position: int) -> str:
    """The sentence of ``text`` around ``position``, in single spaces."""
    start = max(text.rfind(". ", 0, position), text.rfind("; ", 0, position))
    end = min((i for i in (text.find(". ", position), text.find("; ", position)) if i >= 0), default=len(text))
    return " ".join(text[start + 1 if start >= 0 else 0:end].split())


def _written_in(sentence: str, doc) -> bool:
    """Whether ``doc`` writes ``sentence`` (spaces aside); asked only where a cue stands."""
    return sentence in " ".join(" ".join(b.masked for b in doc.blocks).split())
