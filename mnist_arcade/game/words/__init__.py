"""Every string a player reads, by name: the game's one catalogue of words.

Scenes and widgets never write on-screen sentences themselves; they ask for one by its key,
with its values: ``phrase("reading.board_empty")``, ``phrase("switch.failed", name=...,
reason=...)``. The templates live in :mod:`.english` and :mod:`.chinese`, one section per
screen, numbers formatted by the format specs in the template or by :mod:`.numbers`. Each
language is a table with the same keys; :mod:`.languages` holds the one in use, so a phrase is
looked up in the language of the moment it is asked for.

Grammar that differs between languages lives in the tables, not in code: a plural is a second
key (``layer.maps`` / ``layer.one_map``), which Chinese words alike; "the" and "a" / "an" are
templates (``model.the``, ``digit.with_a``) that Chinese fills with the name or digit alone.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from mnist_arcade.game.words.languages import Language, current_language, table
from mnist_arcade.said import Said


def phrase(key: str, /, **values) -> str:
    """The sentence named ``key`` in the language in use, with ``values`` put in; a missing key
    or value is a bug and raises ``KeyError`` at once, so no screen ever shows a half-filled
    template (nor an English line in a Chinese screen: there is no fallback)."""
    return phrase_in(current_language(), key, **values)


def counted(count: int, many: str, one: str, /, **values) -> str:
    """:func:`phrase` of ``one`` when ``count`` is 1 and of ``many`` otherwise, ``count`` put in
    either way: English says "1 digit" but "2 digits" (Chinese words both alike)."""
    return phrase(one if count == 1 else many, count=count, **values)


def phrase_in(language: Language, key: str, /, **values) -> str:
    """The sentence named ``key`` in ``language``, whatever is in use (the help's glossary shows
    both languages side by side; the switch key names the other language in itself)."""
    said = {name: in_words(language, value) for name, value in values.items()}
    return table(language)[key].format(**said)


def in_words(language: Language, value):
    """A :class:`~mnist_arcade.said.Said` from ``player_files`` or ``ml`` (English that knows
    its catalogue key) said again in ``language``; any other value as it is."""
    if isinstance(value, Said):
        return phrase_in(language, value.key, **value.values)
    return value


class Phrase:
    """A class attribute that is looked up in the catalogue each time it is read, not once when
    the class is defined: ``TITLE = Phrase("board_screen.title")``. So a language chosen while
    the game runs is the one every later screen shows."""

    def __init__(self, key: str) -> None:
        self.key = key

    def __repr__(self) -> str:
        return f"Phrase({self.key!r})"

    def __get__(self, instance, owner) -> str:
        return phrase(self.key)


class PhraseTable(Mapping):
    """A table of named sentences (a word -> what it means), each looked up in the catalogue
    when it is read: ``PhraseTable({"glossary.name_epoch": "glossary.epoch"})``."""

    def __init__(self, keys: dict[str, str]) -> None:
        self.catalogue_keys = dict(keys)

    def __repr__(self) -> str:
        return f"PhraseTable({self.catalogue_keys!r})"

    def _now(self) -> dict[str, str]:
        return {phrase(name): phrase(key) for name, key in self.catalogue_keys.items()}

    def __getitem__(self, name: str) -> str:
        return self._now()[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._now())

    def __len__(self) -> int:
        return len(self.catalogue_keys)


class Phrases:
    """A class attribute dict (a panel's name -> what it shows), looked up when read, as
    :class:`Phrase` is: ``PANELS = Phrases({"board_screen.name_board": "..."})``."""

    def __init__(self, keys: dict[str, str]) -> None:
        self.table = PhraseTable(keys)

    def __repr__(self) -> str:
        return f"Phrases({self.table.catalogue_keys!r})"

    def __get__(self, instance, owner) -> dict[str, str]:
        return dict(self.table)


def with_the(model_name: str) -> str:
    """A model's name as a sentence says it: "the shipped model", but "your trained model" and
    "the model taught ..." as they are (the CLI's English twin is ``messages.with_the``). The
    names said as they are, and the article, are the language's own (Chinese: no article)."""
    as_they_are = tuple(phrase("model.named_as_is").split("|"))
    return (
        model_name if model_name.startswith(as_they_are) else phrase("model.the", name=model_name)
    )


def with_article(digit: int) -> str:
    """The digit as said with "a": "a 7", but "an 8" (eight starts with a vowel sound); a
    language without articles words both keys as the digit alone."""
    return phrase("digit.with_an" if digit == 8 else "digit.with_a", digit=digit)
