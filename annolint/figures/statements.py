"""Figure statements: each figure of a note with what it measures.

A figure statement is one figure in one sentence with

- its *subject*: the content terms of its sentence (dates and figures cut out), and
  the *window*: the content terms of the few words around the figure ("12%
  twijfelt", "die 12% medewerkers die nu twijfelt");
- its *unit* ("%", "EUR", "woning"), its *period* (the nearest time expression of
  its clause: "10% in 2021", "20,74% (peildatum 4 juli 2024)") and its *role*:
  target ("streefcijfer"), forecast ("raming", "verwacht") or measured, and its
  *statistic*: a mean, maximum, minimum, median or total ("gemiddeld", "maximaal");
- its *aligned text*: the sentence with every figure replaced by "#", to recognise
  the same sentence copied with another figure.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import NamedTuple

from annolint.figures.numbers import Figure, FigureGrammar, figure_grammar_for
from annolint.lexicon import Lexicon
from annolint.memo import Memo
from annolint.model import Block, Document, InNote, Span
from annolint.temporal.interval import Interval
from annolint.temporal.statements import StatementReader
from annolint.terms import WORD, quoted, replace_spans, sentences, within

_DIGIT = re.compile(r"\d")
WINDOW = 5  # content words on either side of a figure that say what it counts


@dataclass(frozen=True, eq=False)  # identity: two notes may hold the same sentence
class FigureStatement(InNote):
    doc: Document = field(repr=False)
    block: Block = field(repr=False)
    figure: Figure
    span: Span
    sentence: str
    terms: frozenset[str]
    window: frozenset[str]
    role: str  # "target", "forecast", "measured"
    statistic: str  # "mean", "max", "min", "median", "total", "change" or "" (``FigureGrammar.statistic``)
    field: str  # the label when the figure is a field's value ("Afstand centrumzone: circa 50 meter"), else ""
    period: Interval | None
    period_text: str
    aligned: str  # the sentence with its figures as "#"
    ordinal: int  # which figure of its sentence (0, 1, …)
    sentence_id: tuple[int, int]

    @cached_property  # asked for every pair of figures compared
    def quantity(self) -> tuple:
        """What must be equal for two figures to measure the same thing."""
        period = (self.period.start, self.period.end) if self.period else None
        return (self.figure.unit, self.role, self.statistic, period)


class _SentenceFigures(NamedTuple):
    """The figures of one sentence, as any note that holds it reads them."""

    terms: frozenset[str]  # the sentence's subject, its dates and figures cut out
    aligned: str
    figures: tuple[tuple[Figure, frozenset[str], str, str, str], ...]  # (figure, window, role, statistic, field)


class FigureReader:
    """Reads the figure statements of notes."""

    def __init__(self, lexicon: Lexicon, language: str, dates: StatementReader | None = None):
        self.lexicon = lexicon
        self.grammar: FigureGrammar = figure_grammar_for(lexicon)
        self.dates = dates or StatementReader(lexicon, language)
        self.abbreviations = frozenset(a.lower().rstrip(".") for a in lexicon.abbreviations)
        self.currency_codes = frozenset(self.grammar.currencies.values())
        # single words of the number words and fractions ("dertien", "anderhalf", "half")
        self.number_words = frozenset(part for name in (*self.grammar.number_words, *self.grammar.fractions)
                                      for part in name.split())
        # a quick look for any of them before the sentence is split into words
        self._number_word = (re.compile(r"(?<![^\W\d_])(?:" + "|".join(sorted(map(re.escape, self.number_words),
                                        key=len, reverse=True)) + r")(?![\w'’])", re.IGNORECASE)
                             if self.number_words else None)
        # What a sentence yields whatever note it stands in, worked out once per run:
        # notes copy whole paragraphs from each other.
        self._may_hold_a_figure = Memo(self._holds_a_number)
        self._figures_of = Memo(self._read_figures)
        self._block_sentences = Memo(self._sentences_with_a_number)  # by block text

    def read(self, doc: Document) -> list[FigureStatement]:
        doc_date = doc.date.date if doc.date else None
        found: list[FigureStatement] = []
        for index, block in enumerate(doc.blocks):
            if block.kind == "header" or not block.prose:
                continue  # a record's field, a table cell, page furniture: not a claim
            read = self._block_sentences[block.masked]
            quotes = quoted(block.masked) if read else ()
            for start, sentence in read:
                found.extend(s for s in self._statements(doc, index, block, start, sentence, doc_date)
                             # someone else's words, quoted: not the note's own claim
                             if not (quotes and within(quotes, start + s.figure.start, start + s.figure.end)))
        return found

    def _sentences_with_a_number(self, text: str) -> tuple[tuple[int, str], ...]:
        """(start, sentence) of each sentence of a block's ``text`` that may hold a
        figure: the same in every copy of the block, and most blocks hold none."""
        return tuple((start, text[start:end]) for start, end in sentences(text, self.abbreviations)
                     if self._may_hold_a_figure[text[start:end]])

    def _holds_a_number(self, sentence: str) -> bool:
        """Whether ``sentence`` holds a digit or a number word."""
        return _DIGIT.search(sentence) is not None or self._has_number_word(sentence)

    def _has_number_word(self, sentence: str) -> bool:
        return (self._number_word is not None and self._number_word.search(sentence) is not None
                and any(w.lower() in self.number_words for w in WORD.findall(sentence)))

    def _statements(self, doc: Document, index: int, block: Block, offset: int, sentence: str,
                    doc_date: dt.date | None) -> list[FigureStatement]:
        dates, _ = self.dates.expressions(sentence, doc_date)
        read = self._figures_of[(sentence, tuple((d.start, d.end) for d in dates), offset == 0)]
        if read is None:
            return []
        result = []
        for ordinal, (figure, window, role, statistic, label) in enumerate(read.figures):
            period = self._stand(dates, figure, sentence) or self._period(dates, figure, sentence)
            result.append(FigureStatement(
                doc=doc, block=block, figure=figure,
                span=block.span(offset + figure.start, offset + figure.end),
                sentence=sentence, terms=read.terms, window=window, role=role, statistic=statistic, field=label,
                period=_reference_period(period) if period else None, period_text=period.text if period else "",
                aligned=read.aligned, ordinal=ordinal, sentence_id=(index, offset),
            ))
        return result

    def _read_figures(self, key: tuple[str, tuple[tuple[int, int], ...], bool]) -> _SentenceFigures | None:
        """The figures of a sentence, with what each measures; None when it has none.
        ``key``: the sentence, its dates' spans (left alone) and whether it opens its
        block (its first number may number a list item), all it depends on."""
        sentence, dates, opens_block = key
        figures = [f for f in self.grammar.find(sentence, list(dates))
                   if f.unit and not (opens_block and _list_number(f, sentence))]
        if not figures:
            return None
        # Dates and figures blanked out, offsets kept: the terms around each figure.
        cut = _blank(sentence, [(f.start, f.end) for f in figures] + list(dates))
        aligned = " ".join(replace_spans(sentence, [(f.start, f.end) for f in figures], " # ").lower().split())
        return _SentenceFigures(self.dates.terms(cut), aligned, tuple(
            (figure, self._window(cut, figure), self.grammar.role(sentence, figure.start),
             self.grammar.statistic(sentence, figure.start), _field(sentence, figure.start))
            for figure in figures))

    def _period(self, dates, figure: Figure, sentence: str):
        """The time expression of the figure's clause nearest to it; for an amount of
        money not a day or a month, unless it is a reference ("stand per 1 juli"): that
        is when the amount was decided or sent ("Het krediet van € 4,2 mln, dat de raad
        op 3 juli beschikbaar stelde"), not a period it was spent or counted over."""
        period = _nearest(dates, figure, sentence)
        if period is not None and figure.unit in self.currency_codes \
                and period.interval.granularity in ("day", "month") \
                and not self.dates.is_reference(sentence[:period.start]):
            return None
        return period

    def _stand(self, dates, figure: Figure, sentence: str):
        """The day of a "stand per 1 september:" or "peildatum 1 mei:" that labels the
        figure's clause: the figure is the count by that day, whatever period the
        clause names ("Stand per 1 september: in het tweede halfjaar zijn 29
        statushouders gehuisvest" is not the half year's total)."""
        for d in dates:
            if d.interval is not None and d.exact_day and d.end <= figure.start \
                    and ":" in sentence[d.end:figure.start] and self.dates.is_reference(sentence[:d.start]):
                return d
        return None

    def _window(self, cut: str, figure: Figure) -> frozenset[str]:
        before = self.dates.terms_list(cut[:figure.start])[-WINDOW:]
        after = self.dates.terms_list(cut[figure.end:])[:WINDOW]
        return frozenset(before + after)


def _reference_period(expression) -> Interval:
    """The period a figure is given for. "Per 1 juli 2025 bedroeg de achterstand 68"
    gives it on that day, as "op 1 juli 2025" does: a figure's "per" or "vanaf" names
    the day it stood, not an open period from then on."""
    interval = expression.interval
    if expression.bound == "from" and interval.end is None and expression.exact_day:
        return expression.base
    return interval


def _nearest(dates, figure: Figure, sentence: str):
    """The time expression of the figure's clause nearest to it, if any."""
    best, distance = None, None
    for d in dates:
        if d.interval is None:
            continue
        lo, hi = sorted((d.end, figure.start)) if d.end <= figure.start else sorted((figure.end, d.start))
        between = sentence[lo:hi]
        if ";" in between or ":" in between or ". " in between:
            continue
        gap = hi - lo
        if distance is None or gap < distance:
            best, distance = d, gap
    return best


_FIELD = re.compile(r"((?:[^\W\d_][\w-]*\s+)?[^\W\d_][\w-]*)\s*:\s*$")


def _field(sentence: str, start: int) -> str:
    """The label a figure is the value of, by its last two words: "Afstand
    centrumzone: circa 50 meter" gives "afstand centrumzone". A row keyed by a figure
    ("0 tot 12 jaar: 702 kinderen") is no field: its key says which row it is."""
    before = sentence[:start]
    if ":" not in before[-24:]:  # the figure stands right after a label's colon, or it is no field
        return ""
    m = _FIELD.search(before, max(0, len(before) - 80))
    if not m or before[:m.start(1)].rstrip()[-1:].isdigit():
        return ""
    return " ".join(m.group(1).lower().split())


def _list_number(figure: Figure, sentence: str) -> bool:
    """The number of a list item, in a sentence that opens its block: "2. 11:35-11:40 u
    Termijnagenda", "1..."."""
    rest = sentence[figure.end:figure.end + 1]
    return figure.start == 0 and (rest in (".", ")", ":", "") or not figure.unit)


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    chars = list(text)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)
