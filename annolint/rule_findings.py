"""What a rule's kind found, made findings: the rule's message filled in, each
numbered per note and key (its fingerprint), less what the notes suppress.

Most kinds compare notes and find across the whole set (``check``). A kind whose
findings in a note depend on that note alone (``note_checker``: placeholder) is asked
note by note instead, where the note is read: its findings are then a fact of the
note like its statements (``CorpusIndex.extractors``), read by the reading workers
and kept with the note in the cache, so that a warm run does not look again.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from annolint.errors import InternalError
from annolint.findings import Finding, fingerprint
from annolint.model import Document
from annolint.yamlfile import ConfigError

if TYPE_CHECKING:
    from annolint.index import CorpusIndex
    from annolint.kinds.base import Match
    from annolint.ruleset import Rule

WIDE = 200  # a suppression over more lines than this (ignore-file) is checked as a range


def is_note_rule(rule: Rule) -> bool:
    """Whether the rule's kind finds in each note on its own (``note_checker``)."""
    return hasattr(rule.module, "note_checker")


def rule_findings(rule: Rule, index: CorpusIndex) -> list[Finding]:
    """The findings of one rule on the set of ``index``."""
    if is_note_rule(rule):
        return index.note_findings(rule)

    def suppressions(path: str) -> tuple[dict, list] | None:
        doc = index.by_path.get(path)
        if doc is None or not doc.suppressions:
            return None
        key = ("suppressions", doc.path)
        if key not in index.memo:
            index.memo[key] = _suppressions_by_line(doc)
        return index.memo[key]

    return _findings(rule, rule.module.check(rule.params, index, rule.scope), suppressions)


def note_reader(rule: Rule) -> Callable[[Document], list[Finding]]:
    """The findings of a note rule (``is_note_rule``) in one note, as a function of
    the note; made once per run, as the kind's checker may keep what it read of one
    note's text for the next (notes copy paragraphs)."""
    from annolint.index import in_scope

    check_note = rule.module.note_checker(rule.params)

    def read(doc: Document) -> list[Finding]:
        blocks = [block for block in doc.blocks if in_scope(block, rule.scope)]
        by_line = _suppressions_by_line(doc) if doc.suppressions else None
        try:
            return _findings(rule, check_note(doc, blocks), lambda path: by_line)
        except ConfigError:
            raise  # a user's pattern that ran out of time: its file, line and field
        except Exception as err:  # a bug in the kind: say which rule, as for ``check``
            raise InternalError(f"running rule {rule.id} {rule.name} on {doc.path}", err) from err

    return read


def _findings(rule: Rule, matches: Iterable[Match],
              suppressions: Callable[[str], tuple[dict, list] | None]) -> list[Finding]:
    """The rule's findings for ``matches``, numbered per place and key, less those
    that ``suppressions(path)`` (a note's suppressions by line, and the wide ones)
    covers."""
    findings: list[Finding] = []
    ordinals: Counter = Counter()
    for match in matches:
        message = rule.message.format_map(dict(match.values))
        slot = (match.location.path, match.key)
        ordinal = ordinals[slot]
        ordinals[slot] += 1
        finding = Finding(
            rule_id=rule.id,
            rule_name=rule.name,
            severity=rule.severity,
            message=" ".join(message.split()),
            location=match.location,
            related=match.related,
            fingerprint=fingerprint(rule.id, match.location.path, match.key, ordinal),
        )
        found = suppressions(finding.location.path)
        if found is None or not _suppressed(finding.location.span.line, rule, *found):
            findings.append(finding)
    return findings


def _suppressed(line: int, rule: Rule, by_line: dict, wide: list) -> bool:
    return any((not s.rules or rule.id in s.rules or rule.name in s.rules)
               for s in (*by_line.get(line, ()), *(w for w in wide if w.first_line <= line <= w.last_line)))


def _suppressions_by_line(doc: Document) -> tuple[dict, list]:
    """The note's suppressions by the lines they cover (found per finding in one look,
    however many markers the note has), and the wide ones."""
    by_line: dict[int, list] = {}
    wide = []
    for s in doc.suppressions:
        if s.last_line - s.first_line > WIDE:
            wide.append(s)
            continue
        for line in range(s.first_line, s.last_line + 1):
            by_line.setdefault(line, []).append(s)
    return by_line, wide
