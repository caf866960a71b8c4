"""conflicting-date: one event or letter given two dates in the same note, or in notes
of the same date.

What it does
    Compares the dated statements of one note (and of notes for the same meeting
    date) with each other. Statements about the same thing are grouped: the same
    sentence copied with another date, or the same reference ("de raadsbrief van 28
    maart" and "de raadsbrief van 18 maart", "de bijeenkomst op 5 november" and "de
    bijeenkomst van 12 november") in sentences about the same subject, unless the
    note lists several dates for that noun in one sentence ("brief d.d. 28 april
    2021; brief d.d. 9 juni 2021": a kind, not one letter). Items of a schedule (an
    agenda or timeline list) are compared only with their own copies; one paragraph
    of a form filled in twice (the same sentence with another date, each paragraph
    with words of its own: "… op 19-2-2019. Metselwerk matig" / "… op 20-2-2019.
    Metselwerk redelijk") is two records. The message says why the two were taken
    for one thing: the same sentence, the noun both dates hang on, or the words the
    sentences share. When a group gives periods that do not overlap, each
    statement that departs from the date most of the group gives (or, one against
    one, from the first written) is reported, with the others as related places. Two
    dates in one sentence are never compared (they are two things: "verschijnen eind
    oktober en worden in november geagendeerd").

Why
    Within one note there is only one true date for a letter or a meeting; the
    alderman will quote one of them.

Parameters
    min-similarity: how alike the two sentences' subjects must be when they share a
        reference (weighted cosine, 0–1; default 0.2); they must also share a word
        that is not one of the genre's common words.
    alignment: how alike two sentences must be, once their dates are cut out, to count
        as one copy (0–1; default 0.9).

Example
    FAIL  "De raad is in de raadsbrief van 28 maart geïnformeerd …" and, three lines
          on, "Sinds de raadsbrief van 18 maart zijn de kosten niet veranderd."
    PASS  "de raadsbrief van 28 maart" and "de brief van 28 maart" (the same date)
"""

from __future__ import annotations

import functools
import os
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from annolint.findings import Related
from annolint.i18n import say
from annolint.index import CorpusIndex, in_scope
from annolint.kept_pairs import shelf_for
from annolint.kinds.base import Match, note_date, quote
from annolint.kinds.timeline import matching_pairs, reference_noun, reference_topic, same_period, sameness
from annolint.similarity import Clusters, shared_terms, split_by_agreement
from annolint.temporal.statements import DatedStatement
from annolint.terms import WORD, stem

MESSAGE_FIELDS = frozenset({"expression", "period", "other", "other_period", "where", "subject", "why"})
READS = ("dated", "sentences")  # the facts of each note it reads (``CorpusIndex.extractors``)


@dataclass(frozen=True)
class Params:
    min_similarity: float = 0.2
    alignment: float = 0.9


def _same_reference(a: DatedStatement, b: DatedStatement, stop_words: frozenset[str],
                    kinds: frozenset[tuple[str, str]], common: frozenset[str] = frozenset()) -> bool:
    """Both sentences name the thing either date is attached to ("de raadsbrief van
    …"; "bijeenkomst" also matches "informatiebijeenkomst"), and that noun names one
    thing in the note: not a kind of which the note itself lists several dates in one
    sentence ("brief d.d. 28 april 2021; brief d.d. 9 juni 2021")."""
    named = [(s.path, stem(n)) for s in (a, b) if (n := reference_noun(s, stop_words))]
    if not named or any(k in kinds for k in named):
        return False
    # "de raadsinformatiebrief over de wachtlijsten": the other sentence must speak of
    # the wachtlijsten too, or it may mean another letter
    nouns = {n for _, n in named} | {stem(t) for s in (a, b) if (t := reference_topic(s, stop_words))}
    if all(shared_terms(frozenset({n}), s.own_terms) for n in nouns for s in (a, b)):
        return True
    return _same_kind_same_subject(a, b, [n for _, n in named], common)


HEAD = 5  # letters of a compound's head that make two nouns one kind: "…brief", "…overleg"


def _same_kind_same_subject(a: DatedStatement, b: DatedStatement, nouns: list[str],
                            common: frozenset[str]) -> bool:
    """Two names of one kind of thing ("de raadsinformatiebrief van 4 juni" and "de
    voortgangsbrief van 14 juni": both a "brief") about one subject in one note: the
    two sentences share a rarer word besides the nouns ("warmtetransitie"). Two letters
    about two subjects stay two letters."""
    if len(nouns) != 2 or a.doc is not b.doc or nouns[0] == nouns[1]:
        return False
    head = len(os.path.commonprefix([n[::-1] for n in nouns]))  # the common ending: "…brief"
    if head < HEAD:
        return False
    others = {t for t in (a.own_terms & b.own_terms) - common if not any(t.endswith(n[-head:]) for n in nouns)}
    return bool(others)


def _common_noun(a: DatedStatement, b: DatedStatement, stop_words: frozenset[str]) -> str:
    """The reference noun both dates hang on, as the first one writes it, or ""."""
    na, nb = reference_noun(a, stop_words), reference_noun(b, stop_words)
    if na and nb and shared_terms(frozenset({stem(na)}), frozenset({stem(nb)})):
        return na
    return na or nb if (na or nb) and not (na and nb) else ""


def _kinds(statements: list[DatedStatement], stop_words: frozenset[str]) -> frozenset[tuple[str, str]]:
    """(note, noun) for each reference noun that one sentence of the note gives two
    or more different dates: the noun names a kind of thing there, not one thing."""
    dates: dict[tuple[str, tuple[int, int], str], set] = defaultdict(set)
    for s in statements:
        noun = reference_noun(s, stop_words)
        if noun:
            dates[(s.path, s.sentence_id, stem(noun))].add(s.expression.interval)
    return frozenset((path, noun) for (path, _, noun), found in dates.items() if len(found) > 1)


def check(params: Params, index: CorpusIndex, scope: tuple[str, ...]) -> Iterator[Match]:
    groups: dict[object, list[DatedStatement]] = defaultdict(list)
    for s in index.dated_statements:
        if in_scope(s.block, scope) and s.expression.anchor != "relative":
            # notes of one date are compared together; a date guessed from the text
            # (the latest date in it) is too weak to call two notes "the same date"
            strong = s.doc.date is not None and not s.doc.date.assumed
            groups[s.doc_date if strong else s.path].append(s)
    stop_words = index.lexicon.stop_word_set
    not_content = stop_words | index.time_words  # dates' own words: "eind", "april"
    kinds = _kinds(index.dated_statements, stop_words)
    found: list[Match] = []
    shelf = shelf_for(index, ("conflicting-date", params, scope))  # the pairs of each date's notes, kept
    for key in sorted(groups, key=str):
        statements = sorted(groups[key], key=_place)
        position = {id(s): i for i, s in enumerate(statements)}
        clusters = Clusters(len(statements))
        for pair in matching_pairs(statements, index, params.min_similarity, params.alignment,
                                   min_shared=1, compounds=True, chosen=(str(key),), shelf=shelf):
            if pair.aligned and _both_edited(pair.first, pair.second, not_content):
                continue  # one form filled in twice ("Datum onderzoek: 19-2-2019 … matig" / "…: 20-2-2019 … redelijk")
            if pair.aligned or _same_reference(pair.first, pair.second, stop_words, kinds, index.common_terms):
                clusters.join(position[id(pair.first)], position[id(pair.second)])
        for members in clusters.groups():
            found.extend(_departures([statements[i] for i in members], params.alignment, stop_words,
                                     index.common_terms))
    if shelf is not None:
        shelf.close()
    yield from sorted(found, key=lambda m: m.location)


def _both_edited(a: DatedStatement, b: DatedStatement, not_content: frozenset[str]) -> bool:
    """Two sentences alike in paragraphs of which each has a word the other lacks: not
    one paragraph copied with another date, but two records of one form ("Datum
    onderzoek: 19-2-2019 … Metselwerk matig" / "…: 20-2-2019 … Metselwerk redelijk")."""
    if a.block is b.block:
        return False
    wa, wb = _block_words(a.block.masked, not_content), _block_words(b.block.masked, not_content)
    return bool(wa - wb) and bool(wb - wa)


@functools.lru_cache(maxsize=4096)
def _block_words(text: str, not_content: frozenset[str]) -> frozenset[str]:
    return frozenset(w.lower() for w in WORD.findall(text) if not w[0].isdigit()) - not_content


def _place(s: DatedStatement) -> tuple:
    return (s.path, s.span)


def _period(s: DatedStatement) -> str:
    """The period a statement gives; in a note without a date its year is unknown
    (it was read against a stand-in reference date, see ``StatementReader.read``)."""
    if s.doc.date is None and not s.expression.explicit_year:
        return say("year unknown: the note has no date")
    return s.expression.interval.describe()


def _agree(a: DatedStatement, b: DatedStatement) -> bool:
    """Two dates of one thing that agree. A date written without its year in a note
    whose own date is unknown or guessed ("30 september" beside "30 september
    2025") has no known year: it agrees with any year's same days."""
    if same_period(a, b):
        return True
    uncertain = any(s.doc.date is None or s.doc.date.assumed for s in (a, b))
    if not uncertain or (a.expression.explicit_year and b.expression.explicit_year):
        return False
    return _same_days(a.expression.interval, b.expression.interval)


def _same_days(x, y) -> bool:
    """The two periods name the same days of the year, whatever their years."""
    if None in (x.start, x.end, y.start, y.end) or (x.end - x.start).days > 62:
        return False
    try:
        moved = y.start.replace(year=x.start.year), y.end.replace(year=x.start.year + (y.end.year - y.start.year))
    except ValueError:  # 29 February
        return False
    return x.start < moved[1] and moved[0] < x.end


def _departures(members: list[DatedStatement], alignment: float, stop_words: frozenset[str],
                common: frozenset[str]) -> list[Match]:
    """The statements of one event whose date departs from the others' (the date
    most of them give, or the first one written)."""
    dates, majority = split_by_agreement(members, _agree)
    if len(dates) < 2:
        return []
    found = []
    for d in dates:
        if d is majority:
            continue
        for s in d:
            first = majority[0]
            where = say("earlier in this note") if first.doc is s.doc and _place(first) < _place(s) else \
                say("in this note") if first.doc is s.doc else \
                say("in {note}, a note of the same date", note=first.path)
            found.append(Match(
                s.doc.location(s.span),
                {"expression": quote(s.expression.text), "period": _period(s),
                 "other": quote(first.expression.text), "other_period": _period(first),
                 "where": where, "subject": quote(s.sentence.rstrip(".!? "), 90),
                 "why": sameness(s, first, alignment, _common_noun(s, first, stop_words), common)},
                tuple(Related(o.doc.location(o.span),
                              say("{expression} ({period}) in the note of {date}", expression=quote(o.expression.text),
                                  period=_period(o), date=note_date(o)) if o.doc_date else
                              say("{expression} ({period}) in this undated note", expression=quote(o.expression.text),
                                  period=_period(o)))
                      for o in majority),
                key=f"{s.expression.text.lower()}|{first.expression.text.lower()}",
            ))
    return found
