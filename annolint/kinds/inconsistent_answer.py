"""inconsistent-answer: the same council question answered differently.

What it does
    Matches every numbered question of the set with the same question elsewhere,
    also when reworded or shortened: weighted by how rare its words are, stop words
    out, light stemming, through shared rare words (never all pairs). A question
    asked in other words for the same thing ("budgetplafonds invoeren" / "een
    maximumbudget opleggen") is matched when the two share two words and the first
    sentences of their answers that say more than "Ja" or "Nee" are alike
    (``min-similarity``): the answers tell what was asked about. Within one note, a
    question asked again around every word of another ("Komt er een klankbordgroep
    met omwonenden?" / "Worden de omwonenden structureel betrokken, bijvoorbeeld in
    een klankbordgroep?") is the same question when its answer speaks of that
    subject (a bare "Nee" may answer only what it adds). Two answers to matched
    questions are compared for these ``reasons``:

    - ``polarity``: one answer opens "Ja", the other "Nee"; an answer that says the
      thing may well be so ("… is niet uit te sluiten", the lexicon's
      ``possible-phrases``) counts as "Ja" against a "Nee";
    - ``negation``: the same answer sentence with its negation flipped ("geen
      aanleiding" / "wel aanleiding", "het gaat hier niet om" / "wel om");
    - ``figure``: the same answer sentence with a figure that cannot be the same
      (the figure comparison of diverging-figure);
    - ``date``: the same answer sentence with another date, both with their year;
    - ``status``: the earlier answer says a thing is done ("is … gesproken"), the
      later one that it is still to come ("wordt … gesproken"). The other order is
      normal progress and is left alone.

    Differences of wording alone are not findings. Across notes (``within: false``)
    a question is reported when its answer departs from every earlier answer to it
    (so the one odd answer in a series is reported, not every answer after it),
    against the most recent one; within one note (``within: true``), a question
    asked twice with answers that disagree.

Why
    Council members ask the same questions again and again, and the notes answer
    them from copies. "Nee" in one note and "Ja" in another is the alderman
    contradicting himself on the record.

Parameters
    reasons: which of polarity, negation, figure, date, status to report.
    within: compare questions within one note (true) or across notes (false).
    min-similarity: how alike two questions must be, 0–1 (weighted cosine of their
        words; default 0.6); they must also share two words that are not common
        words of the genre (or have the same words).
    alignment: how alike two answer sentences must be, 0–1, to be compared (default 0.9).

Example
    FAIL  "Komt er een tweede fase van het warmtenet?" answered "Ja, …" in January and
          "Nee, …" in June
    PASS  the same question answered "Nee, de aanleg is voor bewoners kosteloos." in
          seven notes
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from operator import itemgetter

from annolint.findings import Related
from annolint.i18n import say
from annolint.index import CorpusIndex
from annolint.kinds.answer_differences import (Alignments, AnswerWordings, Difference, Differences, InAnswer,
                                                Reason)
from annolint.kinds.base import Match, note_date, quote
from annolint.kinds.question_pairs import AnswerTerms, matched_questions, widens
from annolint.questions import QuestionFact
from annolint.similarity import shared_words
from annolint.terms import content_terms

MESSAGE_FIELDS = frozenset({"number", "date", "other_number", "other_note", "other_date", "alike", "reasons"})
READS = ("dated", "figures", "questions", "sentences")  # the facts of each note it reads (``CorpusIndex.extractors``)
SHARES = ("question-pairs",)  # the matched questions (``question_pairs``), also of duplicate-question


@dataclass(frozen=True)
class Params:
    reasons: tuple[Reason, ...] = ("polarity", "negation", "figure", "date")
    within: bool = False
    min_similarity: float = 0.6
    alignment: float = 0.9


def _order(q: QuestionFact) -> tuple:
    return (q.doc_date is None, q.doc_date or 0, q.path, q.question.span)


def check(params: Params, index: CorpusIndex, scope: tuple[str, ...]) -> Iterator[Match]:
    figures, dates = InAnswer.of_run(index, "figures"), InAnswer.of_run(index, "dates")
    differ = Differences(params.reasons, params.alignment, figures, dates, Alignments.of_run(index, params.alignment),
                         AnswerWordings.of_run(index))
    found = []
    for later, by_wording in answer_history(index, params.within, params.min_similarity):
        # what the later answer says differently from each earlier wording, and the
        # places some earlier answer confirms
        differs = {wording: differ(first, later) for wording, (_, first, _) in by_wording.items()}
        agreed = set().union(*(confirmed for _, confirmed in differs.values()))
        # A difference stands unless another earlier answer says the same thing there
        # ("3 fte" in 12, "2 fte" in 08, "3 fte" in 02: 12 agrees with 02 only if 02
        # writes that sentence too); the most recent earlier answer it differs from is named.
        standing = {wording: [d for d in differences if d[0] not in agreed]
                    for wording, (differences, _) in differs.items()}
        named = max(((n, wording, first, alike) for wording, (n, first, alike) in by_wording.items()
                     if standing[wording]), key=itemgetter(0), default=None)
        if named is not None:
            _, wording, first, alike = named
            found.append(_match(later, first, _alike(later, first, alike, params.min_similarity, index),
                                differ.made(first, later, standing[wording])))
    yield from sorted(found, key=lambda m: m.location)


History = list[tuple[QuestionFact, dict[int, tuple[int, QuestionFact, float]]]]


def answer_history(index: CorpusIndex, within: bool, min_similarity: float) -> History:
    """Each question answered after another it matches (``matched_questions``; in one
    note when ``within``, else in two notes or two dates), with, by the wording of an
    earlier answer (``AnswerWordings``), the latest earlier question answered so: its
    place in time, the question, and how alike the two are (answers in the same words
    differ alike: the latest of them is the one a finding names). Worked out once per
    run for the rules of the kind that match alike (inconsistent-answer and
    answer-status)."""
    key = ("answer-history", within, min_similarity)
    if key in index.memo:
        return index.memo[key]
    matched = matched_questions(index, min_similarity)
    wording = AnswerWordings.of_run(index).wording

    def pairs() -> Iterator[tuple[QuestionFact, QuestionFact, float]]:
        # read twice rather than kept: 4,000 notes match 250,000 pairs of questions
        return ((a, b, alike) for a, b, alike in matched
                if (a.doc is b.doc) == within
                and (within or a.doc_date is None or a.doc_date != b.doc_date or a.path != b.path))

    # each question's place in time (``_order``) and its answer's wording, once: a
    # question copied into many notes meets hundreds of others
    questions = sorted({id(q): q for a, b, _ in pairs() for q in (a, b)}.values(), key=_order)
    rank = {id(q): (n, wording(q)) for n, q in enumerate(questions)}
    earlier: dict[int, dict[int, tuple[int, QuestionFact, float]]] = defaultdict(dict)
    facts: dict[int, QuestionFact] = {}
    for a, b, alike in pairs():
        first, later = (a, b) if rank[id(a)] < rank[id(b)] else (b, a)
        facts[id(later)] = later
        n, answered = rank[id(first)]
        latest = earlier[id(later)].get(answered)
        if latest is None or n > latest[0]:
            earlier[id(later)][answered] = (n, first, alike)
    found = index.memo[key] = [(later, earlier[number]) for number, later in facts.items()]
    return found


def _alike(later: QuestionFact, first: QuestionFact, alike: float, min_similarity: float, index: CorpusIndex) -> str:
    """How alike the two questions are, in words: a share, or, for a question asked in
    other words, what both answers are about."""
    if alike >= min_similarity:
        return say("are {percent} alike", percent=f"{round(alike * 100)}%")
    stop_words = index.lexicon.stop_word_set
    # the same tests as ``question_pairs`` matched them by
    if later.doc is first.doc and widens(later.terms, first.terms, index.common_terms):
        return say("ask the same, the one in more words")
    answers = AnswerTerms(stop_words)
    mine, theirs = answers.of(later), answers.of(first)
    said = next((s.text for s in later.sentences if frozenset(content_terms(s.text, stop_words)) == mine), "")
    return say("are asked in other words, with answers about the same thing ({words})",
               words=shared_words(said, mine, theirs))


def _match(later: QuestionFact, first: QuestionFact, alike: str, differences: list[Difference]) -> Match:
    where = say("this note") if first.doc is later.doc else say("{note} ({date})", note=first.path,
                                                                date=note_date(first))
    return Match(
        later.doc.location(differences[0].span),
        {"number": later.number, "date": note_date(later), "other_number": first.number, "other_note": where,
         "other_date": note_date(first), "alike": alike,
         "reasons": "; ".join(d.text for d in differences)},
        (Related(first.doc.location(differences[0].other),
                 say("question {number}, {question}, in the note of {date}", number=first.number,
                     question=quote(first.question.text, 70), date=note_date(first))),),
        key=f"{later.question.text}|{first.question.text}",
    )
