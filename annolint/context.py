"""What a block stands under: the item a run of lines reports on.

A report lists the same measurements for several items: "Onderzoekslocatie 1 op 9 m
van het nulpunt:" and, further on, "Onderzoekslocatie 2 …", each followed by
"Gemiddelde dragende restdiameter @175 mm;". The lines are copies of one another with
another figure, and they are right: each belongs to its own item. ``item_of`` finds
the lead-in a block stands under (a heading, a line ending in ":", or a short title
line without a sentence end) and, when that lead-in opens with a word and a number
("Onderzoekslocatie 2", "Funderingsinspectie 1", "Scenario 3"), returns that label.
"""

from __future__ import annotations

import re

from annolint.model import Document

LOOK_BACK = 12  # blocks searched back for a lead-in
TITLE_WORDS = 12  # a line without a sentence end and at most this many words reads as a title
ITEM = re.compile(r"^\W*([^\W\d_][\w-]*)\s+(\d+[a-z]?)\b", re.UNICODE)
_SENTENCE_END = re.compile(r"[.;!?,)]\s*$")
_LIST_MARK = re.compile(r"^\W*[eo«»©•*+-]\s")  # an OCR'd bullet: "e De breedte …"


def item_of(doc: Document, index: int) -> tuple[str, str] | None:
    """("onderzoekslocatie", "2") for a block under "Onderzoekslocatie 2 …:", else
    None (no lead-in nearby, or one that names no numbered item)."""
    for i in range(index - 1, max(-1, index - 1 - LOOK_BACK), -1):
        block = doc.blocks[i]
        text = block.text.strip()
        if not text:
            continue
        lead = block.kind == "heading" or text.endswith(":") or (
            not _SENTENCE_END.search(text) and len(text.split()) <= TITLE_WORDS and not _LIST_MARK.match(text))
        if lead:
            m = ITEM.match(text)
            return (m.group(1).lower(), m.group(2).lower()) if m else None
    return None


def different_items(a: tuple[str, str] | None, b: tuple[str, str] | None) -> bool:
    """Two lead-ins naming two numbered items of one kind ("Onderzoekslocatie 1" and
    "Onderzoekslocatie 2")."""
    return a is not None and b is not None and a[0] == b[0] and a[1] != b[1]
