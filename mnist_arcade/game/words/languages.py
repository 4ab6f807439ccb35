"""The languages the game speaks, the one in use, and each one's table of words.

Every table has the same keys (``tests/game/test_every_string_fits.py`` fails on a missing
translation), so :func:`mnist_arcade.game.words.phrase` never falls back to English: a key one
table lacks is a bug, found by the tests, not a screen that quietly mixes two languages. The
Chinese table is imported the first time it is asked for, so an English game never loads it.
Which language a player gets (``--lang``, the remembered choice, the system locale) is decided
in :mod:`mnist_arcade.game.state.language_choice`; this module only holds the answer.
"""

from __future__ import annotations

import enum

from mnist_arcade.game.words.english import ENGLISH


class Language(enum.Enum):
    """A language of the game, by its ISO 639-1 code (what ``--lang`` and the file say)."""

    ENGLISH = "en"
    CHINESE = "zh"  # Simplified Chinese, the tutorial's language

    @property
    def own_name(self) -> str:
        """The language's name in itself ("English", "中文"): what a player looks for."""
        return table(self)["language.own_name"]

    @property
    def other(self) -> Language:
        """The language the switch key goes to from this one."""
        return Language.CHINESE if self is Language.ENGLISH else Language.ENGLISH


class _InUse:
    """The language every phrase is looked up in now (one per process, like the window)."""

    language = Language.ENGLISH


def current_language() -> Language:
    return _InUse.language


def use_language(language: Language) -> None:
    """Speak ``language`` from the next phrase on (``Phrase`` and ``Phrases`` follow at once)."""
    _InUse.language = Language(language)


def table(language: Language) -> dict[str, str]:
    """The words of ``language``, keyed like :data:`~mnist_arcade.game.words.english.ENGLISH`."""
    if language is Language.CHINESE:
        from mnist_arcade.game.words.chinese import CHINESE

        return CHINESE
    return ENGLISH
