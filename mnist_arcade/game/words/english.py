"""The English words of the game, keyed by name (see :mod:`mnist_arcade.game.words`).

One section per part or screen. Values are ``str.format`` templates: ``{name}`` is put in as
given, ``{accuracy:.1%}`` formats a share, ``{digits:,}`` a count. Keep a key's values when
rewording it: the code fills them by name.
"""

from __future__ import annotations

ENGLISH: dict[str, str] = {}
