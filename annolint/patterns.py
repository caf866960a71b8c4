"""Regular expressions from rule and lexicon files: a guard for the ones users write,
and one quick test for many.

``GuardedPattern``: a pattern from a user's rule or lexicon file is compiled with
the ``regex`` module (the syntax of ``re``, look-behinds included) and every search
has a time budget. A pattern that backtracks without end ("(a|aa)+$" against a long
word) stops the run with a clear error naming its file, line and field, instead of
hanging it. The built-in packs are ours and use ``re``.

``any_of``: placeholder and redaction patterns are tried one by one on every block
or line of the set, and almost never match. Their alternation finds a match
wherever any one of them does (at each position it tries every alternative), so one
search with it tells which texts need the patterns tried one by one; the others are
skipped. The answers are exactly those of the patterns alone.
"""

from __future__ import annotations

import re

from annolint.yamlfile import ConfigError

BUDGET = 2.0  # seconds one search of one user pattern on one block or line may take

# A numbered or named back-reference refers to a group by its place or name; in an
# alternation the places shift and the names may clash, so such patterns get no gate.
_BACKREFERENCE = re.compile(r"\\[1-9]|\(\?P=|\\g<")


def any_of(patterns) -> re.Pattern | None:
    """A pattern that matches somewhere wherever one of ``patterns`` does, or None
    when they cannot be joined (back-references, clashing group names, flags that
    differ)."""
    patterns = list(patterns)
    if not patterns or any(isinstance(p, GuardedPattern) for p in patterns) or len({p.flags for p in patterns}) != 1:
        return None  # a user's pattern stays guarded: never joined into a plain ``re`` one
    if any(_BACKREFERENCE.search(p.pattern) for p in patterns):
        return None
    try:
        return re.compile("|".join(f"(?:{p.pattern})" for p in patterns), patterns[0].flags)
    except re.error:
        return None


class GuardedPattern:
    """A user's pattern: ``regex`` with a time budget per search (see the module
    docstring). It offers what annolint asks of a pattern."""

    def __init__(self, source: str, flags: int, path: str, line: int | None, field: str):
        import regex  # only users' patterns need it: kept out of start-up (the pre-commit hook)

        self.pattern = source
        self.flags = flags
        self.where = (path, line, field)
        self._compiled = regex.compile(source, _regex_flags(flags) | regex.V0)

    def _guard(self, method, *args):
        try:
            return method(*args, timeout=BUDGET)
        except TimeoutError as err:
            raise ConfigError(*self.where, f"the pattern took more than {BUDGET:g} s on one text and was "
                              "stopped: it backtracks without end (nested repeats such as '(a|aa)+'); "
                              "rewrite it") from err

    def search(self, text, pos=0, endpos=None):
        return self._guard(self._compiled.search, text, pos, endpos if endpos is not None else len(text))

    def match(self, text, pos=0, endpos=None):
        return self._guard(self._compiled.match, text, pos, endpos if endpos is not None else len(text))

    def fullmatch(self, text, pos=0, endpos=None):
        return self._guard(self._compiled.fullmatch, text, pos, endpos if endpos is not None else len(text))

    def finditer(self, text, pos=0, endpos=None):
        # all matches at once, under the budget: a lazy iterator would escape the guard
        every = lambda *args, timeout: list(self._compiled.finditer(*args, timeout=timeout))  # noqa: E731
        return iter(self._guard(every, text, pos, endpos if endpos is not None else len(text)))


def _regex_flags(flags: int) -> int:
    import regex

    result = 0
    for plain, extended in ((re.IGNORECASE, regex.IGNORECASE), (re.MULTILINE, regex.MULTILINE),
                            (re.DOTALL, regex.DOTALL), (re.VERBOSE, regex.VERBOSE)):
        if flags & plain:
            result |= extended
    return result
