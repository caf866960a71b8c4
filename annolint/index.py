"""The corpus index: every note of the set, and what rule kinds look up across them.

Rule kinds never open files; they read documents through the index, by scope, and
use its shared statistics (how often a word occurs, and in what case) instead of
comparing every pair of sentences.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from functools import cached_property

from annolint.lexicon import Lexicon
from annolint.model import Block, Document

SCOPES = ("all", "header", "headings", "body", "questions", "answers")
# A word as annolint counts it: letters first; apostrophes inside; "-", "." and "&"
# only between word characters ("Verwey-Jonker", "Discriminatie.nl", "I&D").
WORD = re.compile(r"[^\W\d_](?:[\w'’]|[-.&](?=\w))*", re.UNICODE)


def _in_scope(block: Block, scope: tuple[str, ...]) -> bool:
    if "all" in scope:
        return True
    if block.kind == "header":
        return "header" in scope
    if block.kind == "heading":
        return "headings" in scope or "body" in scope
    if block.role == "question":
        return "questions" in scope or "body" in scope
    if block.role == "answer":
        return "answers" in scope or "body" in scope
    return "body" in scope


class CorpusIndex:
    def __init__(self, documents: list[Document], lexicon: Lexicon):
        self.all_documents = sorted(documents, key=lambda d: d.path)
        self.documents = [d for d in self.all_documents if d.checked]
        self.lexicon = lexicon
        self.by_path = {d.path: d for d in self.all_documents}

    def blocks(self, scope: tuple[str, ...] = ("all",)) -> Iterator[tuple[Document, Block]]:
        """Every block of every readable note that falls in ``scope``, in order."""
        for doc in self.documents:
            for block in doc.blocks:
                if _in_scope(block, scope):
                    yield doc, block

    @cached_property
    def lowercase_words(self) -> Counter:
        """How often each word occurs in lower case over the whole set (hyphenated
        compounds count per part: "Verwey-jonker" counts "jonker")."""
        counts: Counter = Counter()
        for _, block in self.blocks():
            for m in WORD.finditer(block.masked):
                for part in m.group().split("-"):
                    if part and part.islower():
                        counts[part] += 1
        return counts
