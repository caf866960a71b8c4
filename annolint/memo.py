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


class Numbering(dict):
    """A number for each distinct key, 0, 1, 2 … in the order the keys are first asked
    for; ``key(number)`` gives a number's key back. Comparisons decided once per pair
    of wordings number the wordings, and keep their decisions by pairs of numbers."""

    def __init__(self):
        super().__init__()
        self._keys: list[Hashable] = []

    def __missing__(self, key: Hashable) -> int:
        number = self[key] = len(self._keys)
        self._keys.append(key)
        return number

    def key(self, number: int) -> Hashable:
        return self._keys[number]
