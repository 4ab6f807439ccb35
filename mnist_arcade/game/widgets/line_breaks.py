"""Where a line of text may break, in English and in Chinese (pure Python, no pygame).

English breaks at spaces. Chinese has no spaces between words: a line may break after any
Chinese character, but never so that a line starts with closing punctuation (，。：）”...) or
ends with opening punctuation (（“《...), the rule Chinese typesetting calls 避头尾. A text
becomes a list of :class:`Unit` s, each a piece that is never split (unless it is wider than a
whole line) and the separator that goes before it when it follows on the same line: a space
after an English word, nothing between two Chinese characters.
"""

from __future__ import annotations

import re
from typing import NamedTuple

CJK_RANGES = (
    "\u2e80-\u2fff\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef"
)
CJK = re.compile(f"[{CJK_RANGES}]")
PIECES = re.compile(f"(\\s*)([{CJK_RANGES}]|[^\\s{CJK_RANGES}]+)")  # one CJK character, or a run
NO_LINE_START = set(
    "，。、：；？！）》】」』〉”’…·%％,.;:!?)]}"
)  # closing: stays with what it closes
NO_LINE_END = set("（《【「『〈“‘([{")  # opening: goes with what it opens


class Unit(NamedTuple):
    """A piece of a line that is not broken, and what joins it to the piece before."""

    separator: str  # " " after a space in the text, "" where Chinese characters meet
    text: str


def has_cjk(text: str) -> bool:
    """True if ``text`` holds a Chinese (or other CJK) character or full-width punctuation."""
    return CJK.search(text) is not None


def break_units(text: str) -> list[Unit]:
    """``text`` as the pieces a line may break between (runs of spaces read as one space)."""
    units: list[Unit] = []
    glue_next = False
    for spaces, piece in PIECES.findall(text):
        separator = " " if spaces else ""
        if units and (glue_next or (piece[0] in NO_LINE_START and not separator)):
            last = units[-1]
            units[-1] = Unit(last.separator, last.text + separator + piece)
        else:
            units.append(Unit(separator, piece))
        glue_next = piece[-1] in NO_LINE_END
    return units
