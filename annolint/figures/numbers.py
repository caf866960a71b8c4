"""Reading figures in running text: numbers with their value, the vagueness they are
written with, and their unit.

One regular expression, built from the figure lexicon
(``rules/<lang>/lexicon-figures.yaml``), of the shape

    [approximation] [range opener] amount [connector amount]
    amount = [currency] number [multiplier] [% | procentpunt | currency | counted noun]

where a number is written in digits in the language's own marks (Dutch "1.500" and
"20,74"; English "1,500" and "20.74") or in words ("dertien", "anderhalf"). A figure
is an interval of the values it allows: "ca. 240" is 216–264, "10-15%" is 10–15, "53"
is 53.

Not figures: anything inside a date or a year, clock times ("10.00 uur",
"11:30-12:00"), years standing alone ("2023"), numbers after a label word
("agendapunt 6", "motie 732", "schaal 12", "Nr. 18"), numbers glued to letters or
codes ("VN2024-010173", "1e"), numbers with a leading zero (phone numbers), number
words that count nothing, the lexicon's ``not-figures`` patterns ("0-meting",
"1 op 1"), and redaction marks (the reader masks them).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from annolint.lexicon import FigureLexicon, Lexicon
from annolint.model import pickled_as_fields
from annolint.terms import WORD, alternation, phrase_key, stem

_CLOCK = re.compile(r"(?<![\w.,])\d{1,2}[:.]\d{2}(?:\s*-\s*\d{1,2}[:.]\d{2})?(?=\s*(?:uur|u|h|am|pm)\b)"
                    r"|(?<![\w.,:])\d{1,2}:\d{2}(?!\d)", re.IGNORECASE)


@pickled_as_fields
@dataclass(frozen=True, slots=True)
class Figure:
    """A figure as written, where it is, and what it allows."""

    text: str
    start: int
    end: int
    value: float  # the value as written (the lower end of a range)
    low: float  # the values the figure allows: equal to ``value`` unless vague or a range
    high: float
    unit: str  # "%", "pp", "EUR", or the counted noun's stem ("woning"), or ""
    noun: str = ""  # the counted noun after a percentage ("12% medewerkers")
    approximate: bool = False
    words: bool = False  # written in words ("dertien")

    def agrees(self, other: Figure) -> bool:
        """True when the two can be the same value, given how vaguely each is written."""
        return self.low <= other.high * (1 + 1e-9) and other.low <= self.high * (1 + 1e-9)

    @property
    def shown(self) -> str:
        return " ".join(self.text.split())


def _identifier(raw: str, text: str, start: int, statistics: dict) -> bool:
    """A number that names rather than counts: six or more digits with no thousands
    mark ("20211214", a case number), one glued to a word ("Meldingen-1282290"), or
    a small whole number right after a capitalised word ("Monster 1", "Paal 2",
    "Noord 312": an item of a list, a table row) that is not a statistic's ("Gemiddeld
    16 weken" opens a sentence)."""
    if raw.isdigit() and len(raw) >= 6:
        return True
    before = text[max(0, start - 30):start]
    if before.endswith("-") and before[-2:-1].isalpha():
        return True
    word = before.rstrip().rsplit(None, 1)[-1] if before.strip() and before[-1:] == " " else ""
    return bool(raw.isdigit() and len(raw) <= 3 and word[:1].isupper() and word.isalpha() and len(word) > 1
                and phrase_key(word) not in statistics)


class FigureGrammar:
    """The figure grammar of one lexicon; build it once with ``figure_grammar_for``."""

    def __init__(self, lexicon: Lexicon):
        f: FigureLexicon = lexicon.figures
        self.lexicon = f
        dec, th = re.escape(f.decimal_mark), re.escape(f.thousands_mark)
        digits = rf"(?:[1-9]\d{{0,2}}(?:{th}\d{{3}})+(?:{dec}\d+)?|(?:0|[1-9]\d*)(?:{dec}\d+)?)"
        self.number_words = {n.lower(): float(w.number) for w in f.number_words for n in w.names}
        self.fractions = {phrase_key(n): w.number for w in f.fractions for n in w.names}
        self.multipliers = {phrase_key(n): w.number for w in f.multipliers for n in w.names}
        self.currencies = {phrase_key(n): c.code for c in f.currencies for n in c.names}
        self.approximations = {phrase_key(n): a for a in f.approximations for n in a.names}
        self.percent = {phrase_key(n) for n in f.percent_words}
        self.points = {phrase_key(n) for n in f.point_words}
        self.labels = {n.lower().rstrip(".") for n in f.labels}
        self.roles = {phrase_key(n): r.role for r in f.roles for n in r.names}
        self.statistics = {phrase_key(n): st.statistic for st in f.statistics for n in st.names}
        self.statistic_words = re.compile(rf"(?<!\w){alternation(self.statistics)}(?!\w)", re.IGNORECASE)
        self.stop_words = lexicon.stop_word_set
        self.time_units = {n.lower() for u in lexicon.time.units for n in u.names}
        self.dec, self.th = f.decimal_mark, f.thousands_mark
        words = alternation([*self.number_words, *self.fractions])
        number = rf"(?:(?<![\w.,]){digits}(?![\w]|[.,]\d)|(?<!\w){words}(?!\w))"
        multiplier = alternation(self.multipliers)
        currency = alternation(self.currencies)
        tail = alternation([*self.percent, *self.points, *self.currencies])

        def amount(n: int) -> str:
            return (rf"(?:(?P<cur{n}>{currency})\s*)?(?P<num{n}>{number})"
                    rf"(?:\s+(?P<mul{n}>{multiplier})(?!\w))?(?:\s*(?P<tail{n}>{tail})(?![^\W\d_]))?")

        self.pattern = re.compile(
            rf"(?:(?P<approx>{alternation(self.approximations)})\s+)?"
            rf"(?:(?P<opener>{alternation(f.range_openers)})\s+)?"
            rf"{amount(1)}"
            rf"(?:\s*(?P<conn>{alternation(f.range_connectors)})\s*{amount(2)})?",
            re.IGNORECASE)
        self.not_figures = [p for p in f.not_figures]
        self.shares = {phrase_key(n): w.number for w in f.shares for n in w.names}
        self.share_pattern = re.compile(
            rf"(?:(?P<approx>{alternation(self.approximations)})\s+)?(?<!\w)(?P<share>{alternation(self.shares)})"
            rf"\s+(?:{alternation(lexicon.time.of_words)})(?!\w)", re.IGNORECASE) if self.shares else None
        self.label_before = re.compile(r"(\w[\w.]*)\s*$")

    def find(self, text: str, skip: list[tuple[int, int]] = ()) -> list[Figure]:
        """The figures of ``text``, leaving alone the ``skip`` spans (dates)."""
        blocked = list(skip)
        blocked += [(m.start(), m.end()) for m in _CLOCK.finditer(text)]
        for pattern in self.not_figures:
            blocked += [(m.start(), m.end()) for m in pattern.finditer(text)]
        found = []
        position = 0
        while True:
            m = self.pattern.search(text, position)
            if m is None:
                break
            figure, position = self._figure(m, text)
            if figure is not None and not any(figure.start < e and s < figure.end for s, e in blocked):
                found.append(figure)
        if not any(f.unit == "%" for f in found):  # "bijna de helft (47%)": the share says it again
            found = sorted(found + self._shares(text), key=lambda f: f.start)
        return found

    def _shares(self, text: str) -> list[Figure]:
        """Shares written in words: "maximaal een kwart van de woningen" is 25%."""
        if self.share_pattern is None:
            return []
        found = []
        for m in self.share_pattern.finditer(text):
            value = self.shares[phrase_key(m.group("share"))]
            low = high = value
            if m.group("approx"):
                vague = self.approximations[phrase_key(m.group("approx"))]
                low, high = value * (1 - vague.below), value * (1 + vague.above)
            start = m.start("approx") if m.group("approx") else m.start("share")
            found.append(Figure(text[start:m.end("share")], start, m.end("share"), value, low, high, "%",
                                approximate=bool(m.group("approx"))))
        return found

    def _value(self, m: re.Match, n: int) -> tuple[float, bool]:
        raw = m.group(f"num{n}")
        key = phrase_key(raw)
        if key in self.number_words:
            value, words = self.number_words[key], True
        elif key in self.fractions:
            value, words = self.fractions[key], True
        else:
            value, words = float(raw.replace(self.th, "").replace(self.dec, ".")), False
        if m.group(f"mul{n}"):
            value *= self.multipliers[phrase_key(m.group(f"mul{n}"))]
        return value, words

    def _unit(self, m: re.Match, n: int) -> str:
        for group in (f"tail{n}", f"cur{n}"):
            word = m.group(group)
            if word:
                key = phrase_key(word)
                if key in self.percent:
                    return "%"
                if key in self.points:
                    return "pp"
                return self.currencies.get(key, "")
        return ""

    def _figure(self, m: re.Match, text: str) -> tuple[Figure | None, int]:
        """The figure ``m`` found, and where to look for the next one."""
        before = self.label_before.search(text, 0, m.start())
        if before and before.group(1).lower().rstrip(".") in self.labels:
            return None, m.end("num1")  # "agendapunt 6", "motie 732"
        value, words = self._value(m, 1)
        unit = self._unit(m, 1)
        low = high = value
        end = next(m.end(g) for g in ("tail1", "mul1", "num1") if m.group(g))
        if m.group("num2"):
            second, _ = self._value(m, 2)
            unit2 = self._unit(m, 2)
            if not m.group("mul1") and m.group("mul2"):
                factor = self.multipliers[phrase_key(m.group("mul2"))]
                if value < second / factor:
                    value *= factor  # "tussen 1,5 en 2 miljoen"; not "800.000 à 1 miljoen"
            plain_and = phrase_key(m.group("conn")) in ("en", "and") and not m.group("opener")
            if second > value and (unit == unit2 or not unit) and not plain_and:
                low, high, unit, end = value, second, unit or unit2, m.end()  # "10-15%", "800.000 à 1 miljoen"
            else:
                value = low = high = self._value(m, 1)[0]
        raw = m.group("num1")
        start = m.start("approx") if m.group("approx") else m.start("cur1") if m.group("cur1") else m.start("num1")
        if low != high and m.group("opener"):
            start = m.start("approx") if m.group("approx") else m.start("opener")
        if not words and len(raw) > 1 and raw[0] == "0" and raw[1].isdigit():
            return None, end  # "020 …": a phone number
        if not words and _identifier(raw, text, m.start("num1"), self.statistics) and not m.group("cur1") \
                and not self._unit(m, 1) and not m.group("approx"):
            return None, end
        noun = self._noun(text, end)
        if not unit:
            unit, noun = noun, ""
        year = raw.isdigit() and len(raw) == 4 and 1900 <= value <= 2099 and not m.group("mul1")
        if not unit and (words or year):
            return None, end  # "drie" counting nothing; "2023" standing alone
        approx = m.group("approx")
        if approx and low == high:
            vague = self.approximations[phrase_key(approx)]
            low, high = value * (1 - vague.below), value * (1 + vague.above)
        return Figure(text[start:end], start, end, low, low, high, unit, noun, bool(approx), words), end

    def _noun(self, text: str, end: int) -> str:
        """The stem of the word counted: "53 personen" -> "person", "35 jaar" -> "jaar"."""
        m = WORD.match(text, _skip_space(text, end))
        if not m:
            return ""
        word = m.group().lower()
        if (word in self.stop_words and word not in self.time_units) or word in self.multipliers \
                or word in self.number_words or len(word) < 2:
            return ""
        return stem(word)

    def role(self, sentence: str, position: int) -> str:
        """"target", "forecast" or "measured": the nearest role word in the clause."""
        clause_start, clause_end = _clause(sentence, position)
        best, distance = "measured", None
        for w in WORD.finditer(sentence, clause_start, clause_end):
            role = self.roles.get(w.group().lower())
            if role:
                # A role word before the figure governs it more than one after it.
                d = position - w.start() if w.start() < position else 2 * (w.start() - position)
                if distance is None or d < distance:
                    best, distance = role, d
        return best

    def statistic(self, sentence: str, position: int) -> str:
        """"mean", "max", "min", "median", "total", "change" or "": the statistic word
        of the figure's clause nearest to it ("de gemiddelde wachttijd was 14 weken",
        "een uitbreiding met 40 plekken")."""
        start, end = _clause(sentence, position)
        best, distance = "", None
        for m in self.statistic_words.finditer(sentence, start, end):
            d = abs(position - m.start())
            if distance is None or d < distance:
                best, distance = self.statistics[phrase_key(m.group())], d
        return best


def _clause(sentence: str, position: int) -> tuple[int, int]:
    """The stretch of ``sentence`` around ``position`` between ";" or ":" marks."""
    start = max(sentence.rfind(";", 0, position), sentence.rfind(":", 0, position)) + 1
    ends = [i for i in (sentence.find(";", position), sentence.find(":", position)) if i >= 0]
    return start, min(ends) if ends else len(sentence)


def _skip_space(text: str, i: int) -> int:
    while i < len(text) and text[i].isspace():
        i += 1
    return i




_COMPILED: dict[int, tuple[Lexicon, FigureGrammar]] = {}


def figure_grammar_for(lexicon: Lexicon) -> FigureGrammar:
    entry = _COMPILED.get(id(lexicon))
    if entry is None or entry[0] is not lexicon:
        entry = _COMPILED[id(lexicon)] = (lexicon, FigureGrammar(lexicon))
    return entry[1]
