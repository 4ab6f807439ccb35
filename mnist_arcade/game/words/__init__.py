"""Every string a player reads, by name: the game's one catalogue of words.

Scenes and widgets never write on-screen sentences themselves; they ask for one by its key,
with its values: ``phrase("reading.board_empty")``, ``phrase("switch.failed", name=...,
reason=...)``. The templates live in :mod:`.english`, one section per screen, numbers
formatted by the format specs in the template or by :mod:`.numbers`. A second language is a
second table with the
same keys.
"""

from __future__ import annotations

from mnist_arcade.game.words.english import ENGLISH


def phrase(key: str, **values) -> str:
    """The sentence named ``key``, with ``values`` put in; a missing key or value is a bug and
    raises ``KeyError`` at once, so no screen ever shows a half-filled template."""
    return ENGLISH[key].format(**values)
