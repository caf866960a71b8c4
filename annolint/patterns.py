"""One quick test for many regular expressions.

Placeholder patterns and redaction patterns are tried one by one on every block or
line of the set, and almost never match. Their alternation finds a match wherever
any one of them does (at each position it tries every alternative), so one search
with it tells which texts need the patterns tried one by one; the others are
skipped. The answers are exactly those of the patterns alone.
"""

from __future__ import annotations

import re

# A numbered or named back-reference refers to a group by its place or name; in an
# alternation the places shift and the names may clash, so such patterns get no gate.
_BACKREFERENCE = re.compile(r"\\[1-9]|\(\?P=|\\g<")


def any_of(patterns) -> re.Pattern | None:
    """A pattern that matches somewhere wherever one of ``patterns`` does, or None
    when they cannot be joined (back-references, clashing group names, flags that
    differ)."""
    patterns = list(patterns)
    if not patterns or len({p.flags for p in patterns}) != 1:
        return None
    if any(_BACKREFERENCE.search(p.pattern) for p in patterns):
        return None
    try:
        return re.compile("|".join(f"(?:{p.pattern})" for p in patterns), patterns[0].flags)
    except re.error:
        return None
