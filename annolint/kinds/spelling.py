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

    Not variants (see ``spelling_forms.py``): the capital at the start of a sentence,
    a line or a bullet ("De werkzaamheden" / "de werkzaamheden", "o _Woonzorglocatie");
    a name in capitals (a letterhead, "Mevrouw DE JAGER:" in minutes), which is not
    compared with the name in mixed case at all; title case in a caption, a block
    without a stop word ("GVB Buslijnen" in a table row), and the capitals of text in
    another language ("the De Wallen area"); a common noun written with and without a
    capital, or a word that only ever starts a sentence; words that also occur in
    lower case elsewhere, such as "inclusie en diversiteit", their case and accents
    ("Café" / "cafe"); a name mostly written in lower case ("e-mailadres"), and a
    phrase of common words in lower case beside a department's name ("de openbare orde
    en veiligheid" / "Openbare Orde en Veiligheid"); the joint of a name and a common
    noun that the name's places write in lower case ("Ajax-supporters" / "Ajax
    supporters", "C-Locatie" / "C-locatie"); spacing around a hyphen ("Ajax - ADO" /
    "Ajax-ADO"); an inflection, derivation, longer compound or Dutch plural
    ("Wobverzoek" / "Wobverzoeken", "Lindewaard" / "Lindewaardse", "Amsterdamse" /
    "Amsterdam’s", "Kademuur" / "Kademuren"); names listed with "en" ("Ajax en ADO",
    "Kilig en Nanninga"), and a run that names one thing twice ("Gemeente Amsterdam
    Gemeente Amsterdam", two cells); a place described in two words ("Kop van de
    Zuidas" / "Kop Zuidas"); a name inside a web or e-mail address, in any case
    ("Www.TRN-ENGINEERING.NL"). A run of capitals does not start with an article or
    another stop word ("… met Een Erotisch Centrum …", columns run together), nor
    hold a word OCR made of scraps ("TAMANA-cstaAAT", "EenErotisch"), nor go on past a
    hyphen with a space after it only ("Ajax- Gemeente").

    Only running prose is reported: a place in a table, a log, a form, page
    furniture, OCR debris, on a line with scanning scars ("«", "{", "|", a percent
    sign after no number), in a block naming a file ("….PDF"), in the free text of an
    exported record ("Toelichting : …", a complainant's words) or in a long block
    without a stop word is never the variant, but it votes for the preferred form.

    Family-name particles are compared when one place writes them capitalised before
    a capitalised name, and only between places of the same context: Dutch writes
    "wethouder Van Buren" and "mevrouw Van Pijpen" (no first name before the particle)
    and "Jan van Buren", "J. van Buren" (after a first name or initial); the form that
    rule predicts is the one to use. A name with an article that never follows a title
    or a first name ("de Wallen" / "De Wallen") is a place, not a person: the vote
    decides, and a preposition before the article ("van de Wallen") is not compared.
    The capital article of a place counts as a way of writing it only when it stands
    inside sentences in two blocks or more; once, it is more often a sentence start
    the reader could not see ("Ligging locatie De Oeverlanden liggen …", a quotation
    "‘De Galaxy’").

    The preferred form: the configured one; else, for a person's particle, the one the
    rule predicts; else the vote, counted once per sentence of prose and once per note
    for a note's places outside prose, ties to the form in more notes. A hyphenated
    form beats the same words with a space when it is in at least two notes and in at
    least half as many notes as the spaced form: a hyphen is rarely typed by mistake
    ("Verwey-Jonker" over "Verwey Jonker").

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
    dutch-particles: follow the Dutch rule for the case of "van"/"de" in family names
        (default false; the nl pack turns it on).
    person-titles: words after which a family name stands without a first name
        ("wethouder", "mevrouw", "lid"): they mark a name as a person's.

Example
    FAIL  "het Verwey-Jonker onderzoek" … "door Verwey Jonker" … "het verwey jonker rapport"
    FAIL  "wethouder Van Buren" … "wethouder van Buren" (use "Van Buren")
    PASS  "De Bestuursopdracht" … "de bestuursopdracht" (a common noun)
    PASS  "wethouder Van Buren" … "Jan van Buren" (both right)
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace

from annolint.findings import Related
from annolint.i18n import say
from annolint.index import CorpusIndex, in_scope
from annolint.kinds.base import Match, quote
from annolint.kinds.spelling_forms import (PLACE_ORDER, Occurrence, common_words, last_particle,
                                           lowered_words, particle_contexts, preferred_form, signature,
                                           votes, without_typography)
from annolint.kinds.spelling_scan import People, Place, Written, in_set_order, parts_of, record_labels, scan
from annolint.kinds.spelling_variants import Groups, fuzzy_pairs, slips, without_joined_names, words_before
from annolint.kinds.spelling_words import candidates, kept_words, text_words

MESSAGE_FIELDS = frozenset({"preferred", "variants", "count", "total"})
READS = ("lowercase",)  # the facts of each note it reads (``CorpusIndex.extractors``)


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
    person_titles: tuple[str, ...] = ()
    dutch_particles: bool = False


def check(params: Params, index: CorpusIndex, scope: tuple[str, ...]) -> Iterator[Match]:
    lexicon = index.lexicon
    connectors = frozenset(c.casefold() for c in lexicon.name_connectors)
    particles = frozenset(p.casefold() for p in lexicon.name_particles if " " not in p)
    stop_words = lexicon.stop_word_set
    common = index.lowercase_words
    people = People(particles, frozenset(t.casefold() for t in params.person_titles), common)

    keys: set[tuple[str, ...]] = set()
    copies = [(doc, block) for doc in index.documents for block in doc.blocks if in_scope(block, scope)]
    # copies of a block across notes share one list of words, read once (``scan`` reads
    # each once too, and lets it go); not kept with the note's reading: the words of a
    # whole set weigh more than they save. Kept for the next run instead (``kept_words``).
    kept = kept_words(index, scope)
    words = text_words((block for _, block in copies), kept.known if kept is not None else None)
    records = record_labels(block for _, block in copies)
    read: set[str] = set()  # texts already read (copied paragraphs share one)
    for _, block in copies:
        if block.register == "debris" or block.masked in read:  # OCR noise makes no names
            continue
        read.add(block.masked)
        for start, end in candidates(block, words[block.masked], connectors, common, stop_words):
            key = parts_of(block.masked[start:end])
            if key and any(len(p) >= 3 for p in key):
                keys.add(key)
    keys = without_joined_names(keys)
    configured: dict[tuple[str, ...], PreferredName] = {}
    for name in params.names:
        for written in (name.preferred, *name.aliases):
            key = parts_of(written)
            if key:
                keys.add(key)
                configured[key] = name
    names = frozenset(keys)
    # each text's words, runs and spots, kept once ``scan`` has looked for the names
    # (it lets each text's words go once read, unless they are to be kept)
    every = dict(words) if kept is not None and kept.due(words) else None

    groups = Groups()
    for key in keys:
        groups.find(key)
    for name in params.names:
        base = parts_of(name.preferred)
        for alias in name.aliases:
            groups.union(base, parts_of(alias))

    found = scan(copies, words, keys, people, stop_words, records,
                 kept.spots_hold(names) if kept is not None else lambda text: False)
    if every is not None:
        kept.keep(every, names)
    kept = every = None
    for a, b in fuzzy_pairs(sorted(found), params, connectors, words_before(found)):
        groups.union(a, b)
    for a, b in slips(found, params, common):
        groups.union(a, b)

    members: dict[tuple[str, ...], list[tuple[str, ...]]] = defaultdict(list)
    for key in sorted(found):
        members[groups.find(key)].append(key)

    for _, group_keys in sorted(members.items()):
        yield from _report(params, group_keys, found, configured, common, connectors, particles)




def _report(params: Params, group_keys: list[tuple[str, ...]],
            found: dict[tuple[str, ...], list[Written]],
            configured: dict[tuple[str, ...], PreferredName], common: Counter,
            connectors: frozenset[str], particles: frozenset[str]) -> Iterator[Match]:
    places = [w.place for k in group_keys for w in found[k]]  # each once, however many copies
    if len({(p.core, p.particle) for p in places}) < 2:
        return  # written one way, to the letter
    names = {configured[k] for k in group_keys if k in configured}
    # Particle names: compare "Van Buren" and "van Buren" when one place in prose, not at
    # the start of a sentence, writes the particle with a capital before a capitalised
    # name ("De werkzaamheden" is an article and a noun; "DE JAGER" is typography).
    def particle_place(o: Occurrence | Place) -> bool:
        # "van De Wissel", "van Den Haag": the name has its own article; "van" is a preposition
        return bool(o.particle) and o.core[:1].isupper() and not o.shouting and not (
            len(o.particle) > 1 and o.particle.isupper()) and parts_of(o.core)[0] not in particles
    one_word = not names and all(len(k) == 1 for k in group_keys)  # and not a configured name
    if one_word and _in_lower_case(places) and not any(particle_place(p) and p.particle[:1].isupper()
                                                        for p in places):
        return  # a common noun (see below), told before its places are made in every copy
    occurrences = [o for k in group_keys for o in in_set_order(found[k])]
    ordinary = frozenset() if names else common_words(group_keys, occurrences, common, connectors)
    particle_names = any(particle_place(o) and o.particle[:1].isupper() and not o.initial and o.prose
                         for o in occurrences)
    contexts: list[tuple[str, list[Occurrence]]]
    if particle_names:
        occurrences = sorted((o for o in occurrences if particle_place(o)), key=PLACE_ORDER)
        if not any(o.given or o.titled for o in occurrences):
            # not a person: "van de Wallen" is a preposition and the article of "de Wallen"
            occurrences = _stray_capitals([last_particle(o) for o in occurrences])
        contexts = particle_contexts(occurrences)
        if not params.dutch_particles:
            contexts = [("", places) for _, places in contexts]
    else:
        if one_word:
            if _in_lower_case(occurrences) or all(o.initial for o in occurrences):
                # one word that is also written in lower case, or that only ever starts a
                # sentence or a line (its capital is the sentence's): a common noun, not a
                # name, and its misspellings are a spelling checker's business
                return
            # one word in capitals or not ("SEN" / "Sen", "Woo" / "WOO"): typography
            ordinary = ordinary | {k[0] for k in group_keys}
        contexts = [("", sorted(occurrences, key=PLACE_ORDER))]
    key = "|".join(" ".join(k) for k in sorted(group_keys))
    for predicted, places in contexts:
        context = "|".join(sorted({f"{o.given}:{o.particle.casefold()}" for o in places})) if particle_names else ""
        yield from _report_forms(params, places, particle_names, ordinary, names, predicted,
                                 key + ("|" + context if len(contexts) > 1 else ""), connectors)


def _in_lower_case(places: Iterable[Occurrence | Place]) -> bool:
    """Whether any of ``places`` writes its word in lower case: a common noun, whose
    misspellings are a spelling checker's business."""
    return any(p.core.islower() for p in places)


def _lower_phrase(occ: Occurrence, connectors: frozenset[str]) -> bool:
    """Written wholly in lower case, with a connector between its words: a phrase of
    common words ("openbare orde en veiligheid"), not a name."""
    return occ.core == occ.core.lower() and not occ.particle[:1].isupper() \
        and any(p in connectors for p in parts_of(occ.core)[1:-1])


def _stray_capitals(occurrences: list[Occurrence]) -> list[Occurrence]:
    """A place name's article with a capital inside a sentence ("… De Groene Zoom") is a
    way of writing the name when it recurs; standing in one sentence only, it is more
    often a sentence start the reader could not see (columns of a scan run together,
    "Ligging locatie De Oeverlanden liggen …"; a quotation opened, "het schip ‘De
    Galaxy’") and counts as one."""
    stray = [o for o in occurrences if o.particle[:1].isupper() and not o.initial and o.prose]
    if len({(o.doc.path, o.block.line) for o in stray}) >= 2:
        return occurrences
    strays = {id(o) for o in stray}  # by identity: comparing places compares their whole notes
    return [replace(o, initial=True) if id(o) in strays else o for o in occurrences]


def _report_forms(params: Params, places: list[Occurrence], particle_names: bool,
                  ordinary: frozenset[str], names: set[PreferredName], predicted: str,
                  key: str, connectors: frozenset[str] = frozenset()) -> Iterator[Match]:
    # a common phrase in lower case ("de openbare orde en veiligheid", "het programma
    # van eisen") beside a department's or a document's name is no way of writing it
    places = [o for o in places if not _lower_phrase(o, connectors)]
    lowered = lowered_words(places, ordinary)
    by_form: dict[tuple[str, str], str] = {}  # a name's places repeat a few forms: sign each once
    signatures = []
    for o in places:
        form = (o.core, o.particle)
        if form not in by_form:
            by_form[form] = signature(o, particle_names, ordinary, lowered)
        signatures.append(by_form[form])
    if len(set(by_form.values())) < 2:
        return  # one form: typography cannot make two of it
    person = particle_names and any(o.given or o.titled for o in places)
    places, signatures = without_typography(places, signatures, person)
    if len(set(signatures)) < 2:
        return
    first_seen: dict[str, int] = {}
    for i, sig in enumerate(signatures):
        first_seen.setdefault(sig, i)
    display = {sig: places[i].written(particle_names) for sig, i in first_seen.items()}
    if names:
        name = sorted(names, key=lambda n: n.preferred)[0]
        preferred_text = name.preferred
        preferred_sig = next((s for s in first_seen if display[s] == name.preferred), None)
    else:
        preferred_sig = preferred_form(sorted(first_seen), votes(places, signatures), first_seen, predicted)
        preferred_text = display[preferred_sig]
        written = [o.core for o, sig in zip(places, signatures) if sig == preferred_sig and not o.initial]
        if 2 * sum(c == c.lower() for c in written) > len(written):
            return  # mostly written in lower case: a common noun or phrase, not a name
    # Only prose is reported: a form seen only in a table, a log or OCR debris is no
    # variant, but its places vote and may show the preferred form.
    shown = {s for o, s in zip(places, signatures) if o.prose} | {preferred_sig}
    listed = [(o, s) for o, s in zip(places, signatures) if s in shown and (o.prose or s == preferred_sig)]
    deviant = [i for i, (o, s) in enumerate(listed) if s != preferred_sig]
    if not deviant:
        return
    counts = Counter(s for _, s in listed)
    ordered = sorted(counts, key=lambda s: (s != preferred_sig, -counts[s], first_seen[s]))
    aliases = {a.casefold() for n in names for a in n.aliases}
    variants = ", ".join(
        f"{quote(display[s])} {counts[s]}×" + (say(" (former name)") if display[s].casefold() in aliases else "")
        for s in ordered
    )
    primary_index = deviant[0]
    primary = listed[primary_index][0]
    related = []
    # what a reader fixing this note needs first: the other variant places, then the
    # preferred form in this note, then the rest of the set in order
    order = sorted(range(len(listed)), key=lambda i: (listed[i][1] == preferred_sig,
                                                      listed[i][0].doc is not primary.doc, i))
    for i in order:
        occ, sig = listed[i]
        if i == primary_index:
            continue
        note = say("preferred form {form} here" if sig == preferred_sig else "{form} here", form=quote(display[sig]))
        related.append(Related(occ.location(particle_names), note))
    yield Match(
        primary.location(particle_names),
        {"preferred": quote(preferred_text), "variants": variants, "count": len(counts),
         "total": len(listed)},
        tuple(related[: params.max_places]),
        key=key,
    )
