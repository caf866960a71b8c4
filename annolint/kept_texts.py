"""What a rule kind works out of each distinct text of the set, kept for the next run.

A kind that reads every block's text on its own (the words of a text and the names
written in it, for inconsistent-spelling; the claims of its sentences, for
flipped-statement) does the same work on every run for texts that did not change:
after one note of a thousand is edited, all but a few of the set's sixteen thousand
texts are as they were. ``KeptTexts`` holds what an earlier run found, by text, and
what it was found with (``extra``, the kind's to read), and is written again only
once more than ``NEW`` of the set's texts are new: writing it takes as long as
working most of it out, so a few new texts are worked out anew each run until there
are enough to write.

What is kept must depend on the text alone and on what the cache's key holds (rule
packs, configuration, annolint): anything else the kind reads of the set goes in
``extra``, and the kind tells from it which kept values still hold.
"""

from __future__ import annotations

from typing import Any, Generic, TypeVar

V = TypeVar("V")

NEW = 0.02  # the share of a set's texts worked out anew in a run above which they are kept again


class KeptTexts(Generic[V]):
    """What an earlier run kept by text (``known``) and found it with (``extra``), in
    the cache entry ``key`` (a ``kind`` of entry, for the cache's counts)."""

    def __init__(self, cache, key: str, kind: str):
        self.cache, self.key = cache, key
        found = cache.load(key, kind)
        kept = type(found) is tuple and len(found) == 2 and type(found[1]) is dict
        self.extra: Any = found[0] if kept else None
        self.known: dict[str, V] = found[1] if kept else {}

    def due(self, found: dict[str, V]) -> bool:
        """Whether ``found`` (a value for every text of the set) is to be kept: more
        than ``NEW`` of its values are not the ones known."""
        known = self.known
        new = sum(1 for text, value in found.items() if known.get(text) is not value)
        return new > NEW * len(found)

    def keep(self, found: dict[str, V], extra: Any = None) -> None:
        """Keep ``found`` for the next run, found with ``extra``."""
        self.cache.store(self.key, (extra, found))
