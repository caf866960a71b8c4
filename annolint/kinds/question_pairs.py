"""Which council questions are one question: the same words, or reworded (weighted by
how rare their words are), or asked in other words and matched through their answers,
or, within one note, asked again around every word of another. Found once per run and
shared by the answer rules and flipped-statement (``matched_questions``)."""

from __future__ import annotations

from collections.abc import Iterator

from annolint.index import WORD, CorpusIndex
from annolint.questions import QuestionFact
from annolint.kept_pairs import alike_pairs, keeping_for
from annolint.similarity import shared_terms, subject_similarity
from annolint.terms import content_terms, sentences

LIMIT = 150  # questions one rare word may pair before it is no evidence


def matched_questions(index: CorpusIndex, min_similarity: float) -> list[tuple[QuestionFact, QuestionFact, float]]:
    """``_matched_questions``, found once per run and similarity (the answer rules and
    flipped-statement all ask)."""
    key = ("matched-questions", min_similarity)
    if key not in index.memo:
        index.memo[key] = list(_matched_questions(index, min_similarity))
    return index.memo[key]


def _matched_questions(index: CorpusIndex, min_similarity: float) -> Iterator[tuple[QuestionFact, QuestionFact, float]]:
    """Pairs of questions that are the same question, with how alike they are.

    Candidates share one of their rarest words (a word asked about by more than
    ``LIMIT`` questions is no evidence) or all their words (a question repeated
    verbatim, however often); those the run before found kept for the next
    (``kept_pairs``). Compounds match their head ("fietsplekken",
    "plekken"), and two questions need two words in common besides the genre's
    common words: "Wat wist de wethouder hiervan?" is not "We wisten dit toch al?".
    """
    facts = index.question_facts
    weight, common = index.term_weight, index.common_terms
    names = _Names(frozenset(a.lower().rstrip(".") for a in index.lexicon.abbreviations))
    answers = AnswerTerms(index.lexicon.stop_word_set)

    def alike(a: QuestionFact, b: QuestionFact) -> float | None:
        """How alike two questions are when they are one question, else None."""
        if a.doc is b.doc and a.index == b.index:
            return None
        if a.terms == b.terms:
            return 1.0
        if names.about_others(a, b) or not a.terms & b.terms:
            return None
        found = subject_similarity(a.terms, b.terms, weight, norm=index.term_norm)
        if found >= min_similarity and len(a.terms & b.terms - common) >= 2:
            return found
        found = subject_similarity(a.terms, b.terms, weight, compounds=True, norm=index.term_norm)
        if found >= min_similarity and len(shared_terms(a.terms, b.terms) - common) >= 2:
            return found
        # Reworded with other words for the same thing ("budgetplafonds invoeren" /
        # "een maximumbudget opleggen"): the answers say which thing was asked about.
        if found >= REWORDED and len(a.terms & b.terms - common) >= 2 and \
                subject_similarity(answers.of(a), answers.of(b), weight) >= min_similarity:
            return found
        # Within one note, a question asked again around every word of the first ("Komt
        # er een klankbordgroep met omwonenden?" / "Worden de omwonenden structureel
        # betrokken, bijvoorbeeld in een klankbordgroep?"): the same question, widened.
        if a.doc is b.doc and widens(a.terms, b.terms, common) and _answered_about(a, b, common, answers):
            return found
        return None

    # ``alike`` reads the weights of the words of the answers too
    keeping = keeping_for(index, ("questions", min_similarity), facts, lambda q: q.doc, read_terms=answers.of)
    # what ``alike`` reads of a question: its words, its text and its answer's sentences
    for i, j, found in alike_pairs(facts, lambda q: q.terms, weight,
                                   lambda q: (q.terms, q.question.text, tuple(s.text for s in q.sentences)), alike,
                                   lambda found: found is not None, limit=LIMIT,
                                   exact=lambda q: tuple(sorted(q.terms)), keeping=keeping).decided():
        yield facts[i], facts[j], found


REWORDED = 0.25  # how alike two questions in other words must be when their answers are alike


def widens(a: frozenset[str], b: frozenset[str], common: frozenset[str]) -> bool:
    """Every word of the shorter question, two at least besides the genre's, is in the other."""
    short, long = sorted((a, b), key=len)
    return len(short - common) >= 2 and short <= long


def _answered_about(a: QuestionFact, b: QuestionFact, common: frozenset[str], answers: AnswerTerms) -> bool:
    """The answer to the longer question speaks of the shorter one's subject ("Nee. Een
    klankbordgroep komt er niet."): it answers that question too. A bare "Nee" to
    "… bij de ingang van de parkeergarage?" may answer only what was added."""
    short, long = sorted((a, b), key=lambda q: len(q.terms))
    return bool(answers.all_of(long) & (short.terms - common))


class AnswerTerms:
    """The content terms of the first sentence of each question's answer that says
    something besides "Ja" or "Nee": what the answer is about. Read once."""

    def __init__(self, stop_words: frozenset[str]):
        self.stop_words = stop_words
        self._found: dict[int, frozenset[str]] = {}

    def all_of(self, q: QuestionFact) -> frozenset[str]:
        """The content terms of the whole answer."""
        return frozenset(content_terms(" ".join(s.text for s in q.sentences), self.stop_words))

    def of(self, q: QuestionFact) -> frozenset[str]:
        if id(q) not in self._found:
            said = (frozenset(content_terms(s.text, self.stop_words)) for s in q.sentences)
            self._found[id(q)] = next((terms for terms in said if len(terms) >= 2), frozenset())
        return self._found[id(q)]


class _Names:
    """The names each question asks about and the words it mentions, read once."""

    def __init__(self, abbreviations: frozenset[str]):
        self.abbreviations = abbreviations
        self._asked: dict[tuple[int, bool], frozenset[str]] = {}
        self._mentioned: dict[int, frozenset[str]] = {}

    def about_others(self, a: QuestionFact, b: QuestionFact) -> bool:
        """Each question is about a name (a place, an organisation) that the other
        never mentions: "Komt er beveiliging op Dokkersveld?" and "Komt er
        beveiliging?" answered about De Wissel. A question that names nothing the
        other lacks ("Hoe lang blijven de units staan?" beside "… de units op
        Dokkersveld …") may be the same one."""
        return bool(self.names(a, False) - self.mentioned(b)) and bool(self.names(b, True) - self.mentioned(a)) \
            or bool(self.names(b, False) - self.mentioned(a)) and bool(self.names(a, True) - self.mentioned(b))

    def names(self, q: QuestionFact, answers: bool) -> frozenset[str]:
        """Words written with a capital inside the question's (and its answer's) sentences."""
        key = (id(q), answers)
        if key not in self._asked:
            asked = q.question.text
            texts = [asked[a:b] for a, b in sentences(asked, self.abbreviations)] + \
                ([s.text for s in q.sentences] if answers else [])
            self._asked[key] = frozenset(w.lower() for text in texts for w in WORD.findall(text)[1:]
                                         if w[:1].isupper() and len(w) > 2)
        return self._asked[key]

    def mentioned(self, q: QuestionFact) -> frozenset[str]:
        if id(q) not in self._mentioned:
            self._mentioned[id(q)] = frozenset(
                w.lower() for text in [q.question.text, *(s.text for s in q.sentences)] for w in WORD.findall(text))
        return self._mentioned[id(q)]
