"""How the places of one name write it, and which way is preferred.

The second half of inconsistent-spelling (``spelling.py`` finds the names and groups
their places): given every place of one name, decide each place's form, which forms
are variants worth reporting, and which form to recommend.

- Only running prose is reported. A place in a table, a log, a form, page furniture or
  OCR debris (``Block.register``), on a line with scanning scars ("«", "{", "|"), or in
  an aside (a file reference, an exported record's free text, a long block without a
  stop word; see ``spelling_scan.py``) is never a variant; it only votes, and may show
  the preferred form.
- Case that is typography, not spelling, is no variant: the capital at the start of a
  sentence, a bullet or a line; title case in a caption (a block without a stop word,
  or with hardly any: a title line, a letter in English); a name written wholly in
  capitals (a letterhead, a speaker's name in minutes), which beside the name in
  mixed case is not compared at all. The case and accents of the ordinary words in a
  name are no variant either ("Café" / "cafe").
- Family-name particles: Dutch writes the particle with a capital when no first name
  or initial precedes the surname ("wethouder Van Buren", "mevrouw Van Pijpen") and in
  lower case after one ("Jan van Buren", "J. van Buren"). Particle case is compared
  only between places of the same context, and the form that rule predicts is the one
  to use. A name with an article ("de Wallen", "De Nieuwe Kern") that never stands
  after a title or a first name is not a person: there the vote decides.
- The vote: each form counts once per sentence of prose it stands in (a block, in
  practice), and once per note for all its places outside prose, not once per
  occurrence, so that a scanning error repeated on every page does not outvote the
  writers. Ties go to the form used in more notes, then to the one written more often,
  then to the first.
- A hyphen is rarely typed by mistake and often left out ("Verwey Jonker" for the
  institute "Verwey-Jonker"); names of two parts and compounds with a name take one
  in Dutch ("Nieuw-West", "NDSM-terrein"). So a hyphenated form is preferred over the
  same words with a space when it is used in at least two notes and in at least half
  as many notes as the spaced form; with less support the vote decides.
"""

from __future__ import annotations

import functools
import operator
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, replace

from annolint.model import Block, Document, Location

SEPARATOR = re.compile(r"(\s+|[-‐–])")
PART_SPLIT = re.compile(r"[\s\-‐–]+")
HYPHENS = re.compile(r"\s*[-‐–]\s*")


# One for every place of every name of the set: kept small, and not frozen, as a frozen
# dataclass sets each field through object.__setattr__ and is several times slower to
# build. Nothing assigns to a place (``replace`` makes another), nor hashes one (its
# note cannot be hashed).
@dataclass(slots=True)
class Occurrence:
    """One place where a name is written."""

    doc: Document
    block: Block
    start: int
    end: int
    core: str  # the name as written
    particle: str  # "van" / "Van" / "van der" written right before it, else ""
    initial: bool  # the occurrence starts a sentence, a bullet or a line
    particle_start: int  # where the particle starts (== start without one)
    given: bool = False  # a first name or an initial precedes the particle ("Jan van Buren")
    titled: bool = False  # a person's title precedes the particle ("wethouder van Buren")
    scarred: bool = False  # the block has characters no writer types (OCR: "Woustraa{", "«")
    aside: bool = False  # not running prose: a file reference, a record's free text, a list without stop words
    caption: bool = False  # a block without a stop word (or hardly any): its capitals are title case

    def written(self, with_particle: bool) -> str:
        """The name as written here, with its particle when particles are compared."""
        return f"{self.particle} {self.core}" if with_particle else self.core

    def location(self, with_particle: bool = False) -> Location:
        start = self.particle_start if with_particle else self.start
        return self.doc.location(self.block.span(start, self.end))

    @property
    def prose(self) -> bool:
        """Running text a writer meant: reported. Not a table, log, form, page furniture,
        OCR debris, a line with scanning scars, nor an aside (a file reference, a
        record's free text, a long block without a stop word)."""
        return self.block.prose and not self.scarred and not self.aside

    @property
    def shouting(self) -> bool:
        """Written wholly in capitals: a letterhead, a heading, a speaker in minutes."""
        return shouting(self.core)

    @property
    def case_free(self) -> bool:
        """Its case says nothing about spelling: a name in capitals."""
        return self.shouting


# The order of the places of a name: note, line, offset; read in C, for every place of
# every name.
PLACE_ORDER = operator.attrgetter("doc.path", "block.line", "start")


@functools.lru_cache(maxsize=65536)  # asked for every pair of forms; a set writes a name a few ways
def shouting(name: str) -> bool:
    """``name`` is written wholly in capitals (four letters or more, one word of four)."""
    letters = "".join(filter(str.isalpha, name))
    return len(letters) >= 4 and letters.isupper() and any(len(w) >= 4 for w in PART_SPLIT.split(name))


def last_particle(occ: Occurrence) -> Occurrence:
    """The place with only the last word of its particle ("de" of "van de")."""
    words = occ.particle.split()
    if len(words) < 2:
        return occ
    start = occ.block.text.rfind(words[-1], occ.particle_start, occ.start)
    return replace(occ, particle=words[-1], particle_start=start)


def common_words(group_keys: list[tuple[str, ...]], occurrences: list[Occurrence],
                 common: Counter, connectors: frozenset[str]) -> frozenset[str]:
    """The words of the name that are also ordinary words: written in lower case
    somewhere outside the name itself ("bureau", but not "integriteit", in "Bureau
    Integriteit"). Their case is not a variant."""
    inside: Counter = Counter()
    for core, count in Counter(o.core for o in occurrences).items():  # a name is written a few ways
        for part in PART_SPLIT.split(core):
            if part and part.islower():
                inside[part] += count
    words = {p for key in group_keys for p in key}
    return frozenset(w for w in words if w in connectors or common[w] - inside[w] > 0)


@functools.lru_cache(maxsize=65536)  # a set's words recur: strip each once
def bare(word: str) -> str:
    """A word in lower case without its accents: "Café" is "cafe"."""
    return "".join(c for c in unicodedata.normalize("NFKD", word.casefold()) if not unicodedata.combining(c))


def lowered_words(occurrences: list[Occurrence], ordinary: frozenset[str]) -> frozenset[str]:
    """The ordinary words of a name that some place of it writes in lower case."""
    plain = {bare(w) for w in ordinary}
    return frozenset(bare(w) for core in {o.core for o in occurrences} for w in PART_SPLIT.split(core)
                     if w and w.islower() and bare(w) in plain)


@functools.lru_cache(maxsize=64)
def _bare_set(words: frozenset[str]) -> frozenset[str]:
    return frozenset(bare(w) for w in words)


def signature(occ: Occurrence, particle_names: bool, ordinary: frozenset[str],
              lowered: frozenset[str] = frozenset()) -> str:
    """How a place writes the name, ignoring the case and accents of ordinary words in
    it ("Annotatie Agendapunt" and "Annotatie agendapunt", "Café Tapmarin" and "cafe
    Tapmarin" differ only in a common word: a spelling checker's business), and the
    joint between a name and an ordinary word that some place of the name writes in
    lower case (``lowered``): "Ajax-supporters" and "Ajax supporters", "C-Locatie" and
    "C-locatie" are one compound of a name and a common noun, not two names."""
    pieces = SEPARATOR.split(HYPHENS.sub("-", occ.core))  # "Ajax - ADO" is "Ajax-ADO"
    words = pieces[0::2]
    plain_ordinary = _bare_set(ordinary)
    folded = [bare(w) if bare(w) in plain_ordinary else w for w in words]
    out = [folded[0]]
    for i, sep in enumerate(pieces[1::2]):
        left, right = words[i], words[i + 1]
        plain = any((w.islower() or bare(w) in lowered) and bare(w) in plain_ordinary
                    and w.casefold() not in ("en", "&") for w in (left, right))
        out.append(" " if plain or not sep.strip() else "-")
        out.append(folded[i + 1])
    core = "".join(out)
    return f"{occ.particle} {core}" if particle_names else core


def without_typography(occurrences: list[Occurrence], signatures: list[str], person: bool = False
                       ) -> tuple[list[Occurrence], list[str]]:
    """Drop the places whose form differs from another form only by typography: the
    capital that starts a sentence, a heading's capitals, a name in capitals. A
    sentence start that is the only way the lower-case form is seen counts as it.

    A name in capitals (a letterhead, "Mevrouw NAOUM NÉHMEÉ:" in minutes) is compared
    only with other names in capitals: beside places in mixed case it is dropped, its
    letters too (OCR of capitals is the least reliable). A caption's capitals are
    title case: it takes the form written elsewhere with the same letters, preferably
    in running text ("GVB Buslijnen" in a table row is "GVB buslijnen"); the case of a
    person's particle follows its own rule, title case or not ("wethouder Van Buren")."""
    def letters(sig: str, occ: Occurrence) -> tuple[str, str]:
        return (occ.particle if person else "", sig.casefold())

    mixed = any(not occ.case_free for occ in occurrences)
    plain_forms = {sig for sig, occ in zip(signatures, occurrences)
                   if not occ.initial and not occ.case_free and not occ.caption}
    written = Counter(letters(sig, occ) + (sig,) for sig, occ in zip(signatures, occurrences)
                      if not occ.initial and not occ.case_free and not occ.caption)
    canonical: dict[tuple[str, str], str] = {}
    for (particle, folded, sig), _ in written.most_common():
        canonical.setdefault((particle, folded), sig)
    for sig, occ in zip(signatures, occurrences):
        canonical.setdefault(letters(sig, occ), sig)
    kept_occurrences, kept_signatures = [], []
    for sig, occ in zip(signatures, occurrences):
        if occ.case_free and mixed:
            continue
        elif occ.caption and not occ.case_free:
            sig = canonical[letters(sig, occ)]
        elif occ.initial:
            lowered, raised = sig[:1].lower() + sig[1:], sig[:1].upper() + sig[1:]
            if lowered != raised and lowered in plain_forms and raised in plain_forms:
                continue
            if sig not in plain_forms and lowered in plain_forms:
                sig = lowered
        kept_occurrences.append(occ)
        kept_signatures.append(sig)
    return kept_occurrences, kept_signatures


def particle_contexts(occurrences: list[Occurrence]) -> list[tuple[str, list[Occurrence]]]:
    """The places of a particle name split by context, each with the particle case the
    Dutch rule predicts ("Van" with no first name before it, "van" after one); "" when
    the name is not a person's (never after a title or a first name: "de Wallen").
    Places with other particle words are other phrases ("Den Haag" / "burgemeester
    van Den Haag"), not compared."""
    person = any(o.given or o.titled for o in occurrences)
    groups: dict[tuple[bool, str], list[Occurrence]] = {}
    for o in occurrences:
        groups.setdefault((o.given, o.particle.casefold()), []).append(o)
    return [("lower" if given else "upper" if person else "", places)
            for (given, _), places in sorted(groups.items())]


def votes(occurrences: list[Occurrence], signatures: list[str]) -> dict[str, tuple[int, int, int]]:
    """Per form: (sentences it stands in, notes it stands in, places)."""
    sentences: dict[str, set] = {}
    notes: dict[str, set] = {}
    for occ, sig in zip(occurrences, signatures):
        # a table, log or page header repeats itself: all of a note's count as one
        where = " ".join(occ.block.masked.split()) if occ.prose else ""
        sentences.setdefault(sig, set()).add((occ.doc.path, where))
        notes.setdefault(sig, set()).add(occ.doc.path)
    places = Counter(signatures)
    return {sig: (len(sentences[sig]), len(notes[sig]), places[sig]) for sig in sentences}


def preferred_form(forms: list[str], tally: dict[str, tuple[int, int, int]], first_seen: dict[str, int],
                   predicted: str = "") -> str:
    """The form to recommend among ``forms`` (see the module docstring)."""
    if predicted:
        fitting = [f for f in forms if f[:1].isupper() == (predicted == "upper")]
        if fitting:
            forms = fitting
    best = max(forms, key=lambda s: (tally[s], -first_seen[s]))  # sentences, notes, places
    for form in forms:
        if form != best and "-" not in best and HYPHENS.sub(" ", form) == best:
            notes, best_notes = tally[form][1], tally[best][1]
            if notes >= 2 and 2 * notes >= best_notes:
                return form
    return best
