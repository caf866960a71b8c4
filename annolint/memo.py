"""Values worked out once and then looked up."""

from __future__ import annotations

from collections.abc import Callable, Hashable


class Memo(dict):
    """The values of a function of one argument, each worked out when first asked for.
    Readers keep one per run for what a sentence yields whatever note holds it: notes
    copy whole paragraphs from each other."""

    def __init__(self, compute: Callable[[Hashable], object]):
        super().__init__()
        self.compute = compute

    def __missing__(self, key: Hashable) -> object:
        value = self[key] = self.compute(key)
        return value
