"""The engine: read the set, run every selected rule, and bind what the kinds found
into findings (metadata, message, fingerprint), minus suppressed ones and the
baseline. The CLI is a thin layer over ``check``.
"""

from __future__ import annotations

import contextlib
import gc

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from annolint.cache import NoteCache
from annolint.config import Config
from annolint.errors import InternalError
from annolint.findings import Finding
from annolint.i18n import speaking
from annolint.index import CorpusIndex, kinds_read_with_note
from annolint.lexicon import Lexicon, load_lexicon
from annolint.model import Document
from annolint import forking, i18n, reading_processes, rule_processes
from annolint.reading import Readings
from annolint.rule_findings import rule_findings
from annolint.ruleset import Rule, builtin_rules_dir, load_rules, translated
from annolint.set_dating import date_from_set
from annolint.sources import discover
from annolint.yamlfile import ConfigError


@dataclass(frozen=True)
class Setup:
    rules: list[Rule]
    lexicon: Lexicon


@dataclass(frozen=True)
class Result:
    findings: list[Finding]
    documents: list[Document]
    rules: list[Rule]  # the rules that ran


def load_setup(config: Config, cache: NoteCache | None = None) -> Setup:
    """The rules and lexicon a configuration asks for (``ConfigError`` on mistakes).
    With a ``cache``, taken from it when a run before loaded them: its key holds the
    rule packs, lexicons and configuration and annolint's code (``cache.salt_for``),
    and reading and checking the packs is most of a small set's warm run."""
    key = cache.key_of("setup", repr(config)) if cache is not None and cache.enabled else None
    if key is not None:
        found = cache.load(key, "setup")
        if isinstance(found, Setup):
            return found
    setup = _loaded_setup(config)
    if key is not None:
        cache.store(key, setup)  # one that cannot be pickled is loaded again next time
    return setup


def _loaded_setup(config: Config) -> Setup:
    packs = builtin_rules_dir()
    builtin = [packs / "common", packs / config.language]
    rules = translated(load_rules(builtin + list(config.rule_dirs), config.rule_options, overridable=len(builtin)),
                       config.messages, packs)
    lexicon_files = [f for pack in builtin for f in sorted(pack.glob("lexicon*.yaml"))]
    for extra in config.lexicons:
        if not extra.is_file():
            raise ConfigError(config.path or extra, None, "lexicons", f"{extra} does not exist")
    lexicon = load_lexicon(lexicon_files + list(config.lexicons))
    return Setup(rules, lexicon)


def select_rules(rules: list[Rule], select: tuple[str, ...], ignore: tuple[str, ...]) -> list[Rule]:
    """``select`` (ids, names or ALL) narrows the rules; ``ignore`` removes some."""
    known = {r.id for r in rules} | {r.name for r in rules} | {"ALL"}
    for word in (*select, *ignore):
        if word not in known:
            raise ConfigError("--select/--ignore", None, None, f"no rule has the id or name '{word}'")
    chosen = [r for r in rules if not select or "ALL" in select or r.id in select or r.name in select]
    return [r for r in chosen if r.id not in ignore and r.name not in ignore]


def quietly(label: str, items, length: int | None = None):
    """No progress shown: the items as they are (``check``'s default ``progress``)."""
    return items


def read_documents(paths: list[Path], config: Config, lexicon: Lexicon,
                   readings: Readings | None = None, jobs: int = 1, progress=quietly,
                   rules: list[Rule] | None = None) -> list[Document]:
    """Every note of ``paths``, parsed (or taken from the cache that ``readings``
    holds); with ``jobs`` above 1 and enough notes, by that many processes, which
    also extract what ``rules`` read of each note (all its facts when None:
    ``CorpusIndex.read_with_note``) and what the note rules among them find in it."""
    files = discover(paths, extensions=config.extensions, exclude=config.exclude, exclude_root=config.base)
    readings = readings or Readings()
    documents = list(progress("Reading notes", _notes(paths, files, config, lexicon, readings, jobs, rules),
                              len(files)))
    date_from_set(documents)
    return documents


# Notes looked up in the cache before the workers start; when none of the first this
# many is there, the rest are not looked up here (a note the workers find cached is
# taken from the cache by them: only slower than here, never another result).
COLD_PROBE = 16


def _notes(paths: list[Path], files: list[Path], config: Config, lexicon: Lexicon, readings: Readings, jobs: int,
           rules: list[Rule] | None) -> Iterator[Document]:
    """The note of each file, in order: the ones the cache holds taken from it here,
    the others parsed here, or by ``jobs`` processes when there are many."""
    cached: dict[Path, Document | None] = {}
    side_by_side = jobs > 1 and len(files) >= reading_processes.PARALLEL_FROM
    with collector_paused():  # a thousand notes' objects unpickled: nothing to collect
        readings.open_snapshot(paths)
        if side_by_side and readings.caching:
            # taken from the cache first, so that only the notes it does not hold, or holds
            # an entry for that cannot be trusted (corrupt, someone else's), go to the workers
            for f in files:
                if len(cached) == COLD_PROBE and not any(cached.values()) and not readings.snapshot.found:
                    # a cold cache (a fresh checkout in CI): the workers look each note up
                    # as they read it, instead of the main process first, alone
                    break
                cached[f] = readings.cached(f)
        gc.freeze()  # and they stay: the collector, on again, would walk them all at once
    # what the workers extract where they read a note: a cached note that lacks some of it goes to them
    extracted = kinds_read_with_note(rules) if side_by_side else None
    for f, document in cached.items():
        if document is not None and not readings.holds(document, extracted):
            # read in an earlier run for other rules: its missing facts are extracted
            # by the workers with the rest, not one note after another here
            cached[f] = None
    missing = [f for f in files if cached.get(f) is None]
    if side_by_side and len(missing) >= reading_processes.PARALLEL_FROM:
        parsed = (readings.adopt(*sent) for sent in reading_processes.read_in_parallel(
            missing, jobs, config, readings.cache, lexicon, rules, readings.pack_keys()))
    else:
        parsed = (readings.read_note(f, lexicon) for f in missing)
    for f in files:
        document = cached.get(f)
        yield document if document is not None else next(parsed)
        gc.freeze()  # read notes stay: the collector need not walk them again (``check`` unfreezes)
    if readings.snapshot is not None:
        readings.snapshot.let_go()


def run_rules(rules: list[Rule], index: CorpusIndex, progress=quietly, jobs: int = 1,
              cache: NoteCache | None = None) -> list[Finding]:
    """The findings of ``rules`` on the set of ``index``, sorted; with ``jobs`` above
    1 and enough notes, the rules run side by side in that many processes, the main
    one and forks of it (``rule_processes``: the same findings)."""
    findings: list[Finding] = []
    with collector_paused():
        if jobs > 1 and len(rules) > 1 and len(index.documents) >= rule_processes.PARALLEL_FROM \
                and forking.can_fork():
            findings = _run_side_by_side(rules, index, progress, jobs, cache)
        else:
            for rule in progress("Comparing notes", rules):
                findings.extend(checked_rule(rule, index))
                gc.freeze()  # what this rule read (statements, word statistics) stays for the next
    return sorted(set(findings))


def _run_side_by_side(rules: list[Rule], index: CorpusIndex, progress, jobs: int,
                      cache: NoteCache | None) -> list[Finding]:
    groups = rule_processes.groups(rules)
    timing = cache.key_of("rule-seconds", *(r.id for r in rules)) if cache is not None and cache.enabled else None
    took = cache.load(timing, "rule-seconds") if timing is not None else None
    took = took if isinstance(took, dict) else {}
    early = index.ready_early(groups)
    gc.freeze()

    def prepare() -> None:
        index.prepare()  # the statements several rules read, worked out once before the workers fork
        i18n.ready()  # and the locale data their messages are written with
        gc.freeze()

    findings: list[Finding] = []
    seconds: dict[str, float] = {}
    done = rule_processes.run_in_processes(groups, index, jobs, checked_rule, took, early, prepare)
    for group, found, spent in progress("Comparing notes", done, len(groups)):
        findings.extend(found)
        seconds[rule_processes.group_name(group)] = round(spent, 3)
    if timing is not None:
        cache.store(timing, seconds)
    return findings


def checked_rule(rule: Rule, index: CorpusIndex) -> list[Finding]:
    """The findings of one rule; a bug in its kind an ``InternalError`` naming it."""
    try:
        return rule_findings(rule, index)
    except (ConfigError, InternalError):
        raise  # a user's pattern that ran out of time; a note rule's bug, named with its note
    except Exception as err:  # a bug in a rule kind: say which rule, exit 2
        raise InternalError(f"running rule {rule.id} {rule.name}", err) from err


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """The cyclic garbage collector paused while the rules run. Comparing notes makes
    many objects that live until a rule ends (a word of every block, a place of every
    name) and no reference cycles (none on 1,000 notes of real text): the collector
    would walk them again and again and free nothing, a seventh of the rules' time."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def check(paths: list[Path], config: Config, *, select: tuple[str, ...] = (),
          ignore: tuple[str, ...] = (), baseline: set[str] | None = None, cache: NoteCache | None = None,
          jobs: int = 1, progress=quietly) -> Result:
    """Check the notes of ``paths``; with a ``cache`` (``cache.py``), notes read in an
    earlier run with the same rule packs and settings are not read again; with
    ``jobs`` above 1, notes are read by that many processes (the same result).
    ``progress(label, items)`` wraps the notes read and the rules run (a progress bar)."""
    setup = load_setup(config, cache)
    readings = Readings(cache)
    rules = select_rules(setup.rules, select or config.select, ignore + config.ignore)
    # The documents and, rule by rule, the statements read from them live until the
    # end: the cyclic garbage collector need not walk them again and again (a fifth of
    # the run time on a large set). Unfrozen at the end, so nothing is kept for good.
    try:
        with speaking(config.messages):
            documents = read_documents(paths, config, setup.lexicon, readings, jobs, progress, rules)
            # the same notes under the same rules as the run before: its findings stand
            rule_ids = [r.id for r in rules]
            findings = readings.kept_findings(rule_ids)
            if not isinstance(findings, list):
                index = CorpusIndex(documents, setup.lexicon, config.language, readings, rules)
                findings = run_rules(rules, index, progress, jobs, cache)
                readings.keep_findings(rule_ids, findings)
        readings.store()
        if cache is not None:
            cache.sweep()
    finally:
        gc.unfreeze()
    if baseline:
        findings = [f for f in findings if f.fingerprint not in baseline]
    return Result(findings, sorted(documents, key=lambda d: d.path), rules)
