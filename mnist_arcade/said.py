"""A sentence said in English that also knows its name in the game's catalogue.

``player_files`` and ``ml`` explain what happened to a file ("set aside as book.unreadable-...",
"the disk is full") for the CLI, the log and the game alike, and they may not import the game's
words. So they return a :class:`Said`: it *is* the English sentence (a ``str``, for the CLI and
the log), and it carries the catalogue key and values, so the game's ``phrase()`` says it again
in the player's language when it is put into a sentence of its own.
"""

from __future__ import annotations


class Said(str):
    """English text, with ``key`` and ``values`` to say it in another language."""

    key: str
    values: dict

    def __new__(cls, english: str, key: str, **values) -> Said:
        said = super().__new__(cls, english)
        said.key = key
        said.values = values
        return said
