"""inconsistent-spelling: one name written in different ways across the set.

What it does
    Collects the names in the set (runs of capitalised words, with connectors such as
    "voor de" inside: "College voor de Rechten van de Mens"), finds every place where
    each is written, in any case and with hyphens or spaces ("Verwey-Jonker",
    "Verwey Jonker", "verwey jonker"), and reports a name written more than one way.
    Near-identical names are grouped fuzzily ("College Rechten van de Mens"), and a
    list of preferred names with deprecated aliases (a former organisation name) can
    be configured. One finding per name: every variant with its count and places,
    and the form to use (the configured one, else the most frequent).

    Not variants: the capital at the start of a sentence ("Wethouder Van Buren" at
    the start of a line is not a capitalised "Wethouder"); a common noun written
    with and without a capital ("Bestuursopdracht" / "bestuursopdracht"); words that
    also occur in lower case elsewhere, such as "inclusie en diversiteit".
    Family-name particles are compared when one place writes them capitalised:
    "wethouder Van Buren" against "wethouder van Buren".

Why
    The alderman's briefing is quoted in public. "Verwey Jonker" in one note and
    "Verwey-Jonker" in the next looks careless and, with names of people, impolite.

Parameters
    names: list of {preferred, aliases}: the form to use, and other ways of writing
        the same name, such as a former name, that should be replaced by it.
    fuzzy-threshold: similarity (0-100, rapidfuzz ratio) from which two different
        names count as one name misspelt (default 90).
    min-fuzzy-length: names shorter than this many letters are never grouped
        fuzzily: short names that look alike are usually different names (default 10).
    max-places: the most related places listed in one finding (default 40).

Example
    FAIL  "het Verwey-Jonker onderzoek" … "door Verwey Jonker" … "het verwey jonker rapport"
    PASS  "De Bestuursopdracht" … "de bestuursopdracht" (a common noun)
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from typing import NamedTuple

from annolint.findings import Related
from annolint.index import WORD, CorpusIndex
from annolint.kinds.base import Match, quote
from annolint.model import Block, Document, Location

MESSAGE_FIELDS = frozenset({"preferred", "variants", "count", "total"})

SENTENCE_MARK = re.compile(r"[.!?:;]")
WORD_CHAR = re.compile(r"\w")
JOIN = re.compile(r"[ \t]+|[ \t]*[-‐–][ \t]*")
PART_JOIN = re.compile(r"[ \t]*[-‐–]?[ \t]*")
HYPHEN_SPLIT = re.compile(r"([\-‐–])")
PART_SPLIT = re.compile(r"[\s\-‐–]+")


@dataclass(frozen=True)
class PreferredName:
    preferred: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Params:
    names: tuple[PreferredName, ...] = ()
    fuzzy_threshold: float = 90.0
    min_fuzzy_length: int = 10
    max_places: int = 40


class _Token(NamedTuple):  # a tuple: made for every word of the set, so cheap to build
    text: str
    start: int
    end: int
    initial: bool  # first word of a sentence


@dataclass(frozen=True)
class _Occurrence:
    doc: Document
    block: Block
    start: int
    end: int
    core: str  # the name as written
    particle: str  # "van" / "Van" written right before it, else ""
    initial: bool  # the occurrence starts a sentence
    particle_start: int  # where the particle starts (== start without one)

    def written(self, with_particle: bool) -> str:
        """The name as written here, with its particle when particles are compared."""
        return f"{self.particle} {self.core}" if with_particle else self.core

    def location(self, with_particle: bool = False) -> Location:
        start = self.particle_start if with_particle else self.start
        return self.doc.location(self.block.span(start, self.end))

    def order(self) -> tuple:
        return (self.doc.path, self.block.line, self.start)


def parts_of(text: str) -> tuple[str, ...]:
    return tuple(p for p in PART_SPLIT.split(text.casefold()) if p)


def _tokens(block: Block) -> list[_Token]:
    text = block.masked
    tokens: list[_Token] = []
    last_end = 0
    boundary = True  # the block starts a sentence
    for m in WORD.finditer(text):
        between = text[last_end:m.start()]
        if tokens and SENTENCE_MARK.search(between):
            boundary = True
        elif tokens and WORD_CHAR.search(between):
            boundary = False
        tokens.append(_Token(m.group(), m.start(), m.end(), boundary))
        boundary = False
        last_end = m.end()
    return tokens


def _capitalised(word: str) -> bool:
    return word[:1].isupper()


def _adjacent(text: str, a: _Token, b: _Token) -> bool:
    """Two tokens of one name: nothing but spaces or a hyphen between them."""
    return JOIN.fullmatch(text[a.end:b.start] or " ") is not None


def _candidates(block: Block, tokens: list[_Token], connectors: frozenset[str],
                common: Counter) -> Iterator[tuple[_Token, ...]]:
    """Runs of capitalised words, with connectors inside, that may be names."""
    text = block.masked
    run: list[_Token] = []

    def finish() -> Iterator[tuple[_Token, ...]]:
        while run and run[-1].text.casefold() in connectors and not _capitalised(run[-1].text):
            run.pop()
        # A capital that only marks the start of a sentence is not part of a name, and
        # a name starts with a capitalised word, not a connector or particle ("Van").
        while run and ((run[0].initial and common[run[0].text.casefold()] > 0)
                       or run[0].text.casefold() in connectors):
            run.pop(0)
        if run:
            yield tuple(run)
        run.clear()

    for token in tokens:
        word = token.text
        if run and not _adjacent(text, run[-1], token):
            yield from finish()
        if _capitalised(word):
            run.append(token)
        elif run and word.casefold() in connectors:
            run.append(token)
        else:
            yield from finish()
    yield from finish()


class _Groups:
    """Union-find over name keys."""

    def __init__(self) -> None:
        self.parent: dict[tuple[str, ...], tuple[str, ...]] = {}

    def find(self, key: tuple[str, ...]) -> tuple[str, ...]:
        self.parent.setdefault(key, key)
        while self.parent[key] != key:
            self.parent[key] = self.parent[self.parent[key]]
            key = self.parent[key]
        return key

    def union(self, a: tuple[str, ...], b: tuple[str, ...]) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _fuzzy_pairs(keys: list[tuple[str, ...]], params: Params,
                 connectors: frozenset[str]) -> Iterator[tuple[tuple[str, ...], tuple[str, ...]]]:
    """Pairs of different keys that are one name: the same words but for connectors
    ("College (voor de) Rechten van de Mens"), or a near-identical spelling. Keys are
    blocked by their content words and by their first letters, never all pairs."""
    from rapidfuzz import fuzz  # imported here: only this kind needs it

    def alike(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
        ja, jb = "".join(a), "".join(b)
        if len(a) != len(b) or re.sub(r"\D", "", ja) != re.sub(r"\D", "", jb):
            return False
        differing = [(x, y) for x, y in zip(a, b) if x != y]
        # "Mededeling I&D" and "Mededeling P&O" differ in a whole short word
        if not differing or any(min(len(x), len(y)) < 4 for x, y in differing):
            return False
        return fuzz.ratio(ja, jb) >= params.fuzzy_threshold

    by_content: dict[tuple[str, ...], list[tuple[str, ...]]] = defaultdict(list)
    by_prefix: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    by_last: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for key in keys:
        if len(key) >= 2 and len(key[-1]) >= 4:
            by_last[key[-1][:3]].append(key)
        content = tuple(p for p in key if p not in connectors)
        if len(content) >= 2:
            by_content[content].append(key)
        joined = "".join(key)
        if len(joined) >= params.min_fuzzy_length:
            by_prefix[joined[:3]].append(key)
    for group in by_content.values():
        for other in group[1:]:
            yield group[0], other
    for group in by_prefix.values():
        for i, a in enumerate(group):
            for b in group[i + 1:]:
                if len("".join(a)) >= params.min_fuzzy_length and alike(a, b):
                    yield a, b
    # "Warmte Oostpolder" (a sentence-initial "Stichting" dropped) against the end of
    # "Stichting Warmte Oosterpolder"; an exact end ("Amsterdam") is a different name.
    for group in by_last.values():
        for i, a in enumerate(group):
            for b in group[i + 1:]:
                short, long_ = (a, b) if len(a) < len(b) else (b, a)
                if len(long_) != len(short) + 1:  # one dropped word, not a longer name
                    continue
                tail = long_[-len(short):]
                if len("".join(short)) >= params.min_fuzzy_length and alike(short, tail):
                    yield short, long_


def _scan(tokenised: list[tuple[Document, Block, list[_Token]]], keys: set[tuple[str, ...]],
          particles: frozenset[str]) -> dict[tuple[str, ...], list[_Occurrence]]:
    """Every place each key is written, in any case, longest key first."""
    by_first: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for key in keys:
        by_first[key[0]].append(key)
    for options in by_first.values():
        options.sort(key=len, reverse=True)
    found: dict[tuple[str, ...], list[_Occurrence]] = defaultdict(list)
    for doc, block, tokens in tokenised:
        text = block.masked
        # hyphenated words split into parts, each remembering its token
        parts: list[tuple[str, int, int, int]] = []  # (part, start, end, token index)
        for ti, token in enumerate(tokens):
            offset = token.start
            for piece in HYPHEN_SPLIT.split(token.text):
                if piece and piece not in "-‐–":
                    parts.append((piece.casefold(), offset, offset + len(piece), ti))
                offset += len(piece)
        i = 0
        while i < len(parts):
            matched = None
            for key in by_first.get(parts[i][0], ()):
                n = len(key)
                window = parts[i:i + n]
                if len(window) < n or tuple(p[0] for p in window) != key:
                    continue
                if any(not PART_JOIN.fullmatch(text[window[j][2]:window[j + 1][1]])
                       for j in range(n - 1)):
                    continue
                # a key must cover whole tokens: "Verwey" is not a name inside "Verwey-Jonker"
                first_tok, last_tok = tokens[window[0][3]], tokens[window[-1][3]]
                if window[0][1] != first_tok.start or window[-1][2] != last_tok.end:
                    continue
                matched = key
                break
            if matched is None:
                i += 1
                continue
            window = parts[i:i + len(matched)]
            start, end = window[0][1], window[-1][2]
            first_index = window[0][3]
            particle = ""
            particle_start = start
            initial = tokens[first_index].initial
            if first_index > 0:
                before = tokens[first_index - 1]
                if before.text.casefold() in particles and _adjacent(text, before, tokens[first_index]):
                    particle = before.text
                    particle_start = before.start
                    initial = before.initial
            found[matched].append(_Occurrence(doc, block, start, end, block.text[start:end],
                                              particle, initial, particle_start))
            i += len(matched)
    return found


def _signature(occ: _Occurrence, particle_names: bool, common_words: frozenset[str]) -> str:
    """How a place writes the name, ignoring the case of ordinary words in it: "Annotatie
    Agendapunt" and "Annotatie agendapunt" differ only in a common word."""
    words = re.split(r"(\s+|[-‐–])", occ.core)
    core = "".join(w.casefold() if w.casefold() in common_words else w for w in words)
    core = " ".join(core.split())
    return f"{occ.particle} {core}" if particle_names else core


def check(params: Params, index: CorpusIndex, scope: tuple[str, ...]) -> Iterator[Match]:
    lexicon = index.lexicon
    connectors = frozenset(c.casefold() for c in lexicon.name_connectors)
    particles = frozenset(p.casefold() for p in lexicon.name_particles if " " not in p)
    common = index.lowercase_words

    keys: set[tuple[str, ...]] = set()
    tokenised = [(doc, block, _tokens(block)) for doc, block in index.blocks(scope)]
    for _, block, tokens in tokenised:
        for run in _candidates(block, tokens, connectors, common):
            key = parts_of(block.masked[run[0].start:run[-1].end])
            if key and any(len(p) > 1 for p in key):
                keys.add(key)
    configured: dict[tuple[str, ...], PreferredName] = {}
    for name in params.names:
        for written in (name.preferred, *name.aliases):
            key = parts_of(written)
            if key:
                keys.add(key)
                configured[key] = name

    groups = _Groups()
    for key in keys:
        groups.find(key)
    for name in params.names:
        base = parts_of(name.preferred)
        for alias in name.aliases:
            groups.union(base, parts_of(alias))

    found = _scan(tokenised, keys, particles)
    for a, b in _fuzzy_pairs(sorted(found), params, connectors):
        groups.union(a, b)

    members: dict[tuple[str, ...], list[tuple[str, ...]]] = defaultdict(list)
    for key in sorted(found):
        members[groups.find(key)].append(key)

    for _, group_keys in sorted(members.items()):
        yield from _report(params, group_keys, found, configured, common, connectors)


def _common_words(group_keys: list[tuple[str, ...]], occurrences: list[_Occurrence],
                  common: Counter, connectors: frozenset[str]) -> frozenset[str]:
    """The words of the name that are also ordinary words: written in lower case
    somewhere outside the name itself ("bureau", but not "integriteit", in "Bureau
    Integriteit"). Their case is not a variant."""
    inside: Counter = Counter()
    for occ in occurrences:
        for part in PART_SPLIT.split(occ.core):
            if part and part.islower():
                inside[part] += 1
    words = {p for key in group_keys for p in key}
    return frozenset(w for w in words if w in connectors or common[w] - inside[w] > 0)


def _without_sentence_starts(occurrences: list[_Occurrence], signatures: list[str]
                             ) -> tuple[list[_Occurrence], list[str]]:
    """The capital at the start of a sentence is not a variant of its own: such a place
    counts as the lower-case form, or not at all when both forms occur elsewhere."""
    plain_forms = {sig for sig, occ in zip(signatures, occurrences) if not occ.initial}
    kept_occurrences, kept_signatures = [], []
    for sig, occ in zip(signatures, occurrences):
        if occ.initial:
            lowered, raised = sig[:1].lower() + sig[1:], sig[:1].upper() + sig[1:]
            if lowered != raised and lowered in plain_forms and raised in plain_forms:
                continue
            if sig not in plain_forms and lowered in plain_forms:
                sig = lowered
        kept_occurrences.append(occ)
        kept_signatures.append(sig)
    return kept_occurrences, kept_signatures


def _report(params: Params, group_keys: list[tuple[str, ...]],
            found: dict[tuple[str, ...], list[_Occurrence]],
            configured: dict[tuple[str, ...], PreferredName], common: Counter,
            connectors: frozenset[str]) -> Iterator[Match]:
    occurrences = sorted((o for k in group_keys for o in found[k]), key=_Occurrence.order)
    if not occurrences:
        return
    names = {configured[k] for k in group_keys if k in configured}
    common_words = frozenset() if names else _common_words(group_keys, occurrences, common, connectors)
    # Particle names: compare "Van Buren" and "van Buren" when one place, not at the
    # start of a sentence, writes the particle with a capital.
    particle_names = any(o.particle and o.particle[:1].isupper() and not o.initial for o in occurrences)
    if particle_names:
        occurrences = [o for o in occurrences if o.particle]
    elif not names and len(group_keys) == 1 and len(group_keys[0]) == 1:
        # one word written with and without a capital: a common noun, not a name
        common_words = common_words | set(group_keys[0])

    signatures = [_signature(o, particle_names, common_words) for o in occurrences]
    occurrences, signatures = _without_sentence_starts(occurrences, signatures)
    counts = Counter(signatures)
    if len(counts) < 2:
        return

    first_seen: dict[str, int] = {}
    for i, sig in enumerate(signatures):
        first_seen.setdefault(sig, i)
    display = {sig: occurrences[i].written(particle_names) for sig, i in first_seen.items()}
    if names:
        name = sorted(names, key=lambda n: n.preferred)[0]
        preferred_text = name.preferred
        preferred_sig = next((s for s in counts if display[s] == name.preferred), None)
    else:
        preferred_sig = max(counts, key=lambda s: (counts[s], -first_seen[s]))
        preferred_text = display[preferred_sig]
    ordered = sorted(counts, key=lambda s: (s != preferred_sig, -counts[s], first_seen[s]))
    aliases = {a.casefold() for n in names for a in n.aliases}
    variants = ", ".join(
        f"{quote(display[s])} {counts[s]}×" + (" (former name)" if display[s].casefold() in aliases else "")
        for s in ordered
    )
    deviant = [i for i, s in enumerate(signatures) if s != preferred_sig]
    primary_index = deviant[0]
    primary = occurrences[primary_index]
    related = []
    for i, occ in enumerate(occurrences):
        if i == primary_index:
            continue
        sig = signatures[i]
        note = (f"preferred form {quote(display[sig])} here" if sig == preferred_sig
                else f"{quote(display[sig])} here")
        related.append(Related(occ.location(particle_names), note))
    related = related[: params.max_places]
    key = "|".join(" ".join(k) for k in sorted(group_keys))
    yield Match(
        primary.location(particle_names),
        {"preferred": quote(preferred_text), "variants": variants, "count": len(counts),
         "total": len(occurrences)},
        tuple(related),
        key=key,
    )
