"""Which language the game speaks: ``--lang``, else the player's remembered choice, else the
system locale (a ``zh*`` locale gives Chinese), else English.

The choice made with the board's switch key (Y) is kept in ``language.json`` in the player's
folder, ``{"language": "zh"}``, written atomically; a file that cannot be read is set aside,
never deleted, and the locale decides, with a plain notice. ``--lang`` is for one launch (a
teacher showing the other language) and is not remembered. No pygame drawing, no TensorFlow.
"""

from __future__ import annotations

import json
import locale
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from mnist_arcade import paths
from mnist_arcade.game.words import phrase
from mnist_arcade.game.words.languages import Language, current_language, use_language
from mnist_arcade.player_files.atomic_files import set_aside, why_not_saved, write_atomically
from mnist_arcade.player_files.small_json import OddJson, read_small_json

CHOICE_NAME = "language.json"
LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")  # POSIX order: the first one set wins


def choice_path() -> Path:
    return paths.user_dir() / CHOICE_NAME


def language_from_locale(
    environ: Mapping[str, str] = os.environ,
    system_locale: Callable[[], tuple[str | None, str | None]] = locale.getlocale,
) -> Language:
    """Chinese for a ``zh*`` locale (``zh_CN.UTF-8``, ``zh_TW``; Windows' "Chinese (...)"),
    English for any other, or none. The environment first, as POSIX reads it; then what Python
    found (on Windows and macOS the variables are often unset)."""
    name = next((environ[variable] for variable in LOCALE_VARIABLES if environ.get(variable)), "")
    if not name:
        try:
            name = system_locale()[0] or ""
        except (ValueError, TypeError, OSError):  # an odd locale setting: nothing to go by
            name = ""
    return Language.CHINESE if name.lower().startswith(("zh", "chinese")) else Language.ENGLISH


def read_choice(path: Path) -> Language | None:
    """The language in ``path`` (None if there is no file); OddJson if it names none."""
    if not path.exists():
        return None
    value = read_small_json(path)
    code = value.get("language") if isinstance(value, dict) else None
    codes = [language.value for language in Language]
    if not isinstance(code, str) or code not in codes:
        raise OddJson(f"it does not name a language ({' or '.join(codes)})")
    return Language(code)


@dataclass
class LanguageChoice:
    """The language chosen at launch and by the switch key. A choice file that could not be read
    or saved is told to the player once, worded when told, in the language then spoken."""

    remembered: Language | None = None
    path: Path = field(default_factory=choice_path)
    _problem: tuple[str, dict[str, str]] | None = None  # a catalogue key and its values

    @classmethod
    def load(cls) -> LanguageChoice:
        """The choice kept in the player's folder; an odd file is set aside."""
        choice = cls()
        try:
            choice.remembered = read_choice(choice.path)
        except OddJson as error:
            where = set_aside(choice.path)
            values = {"name": choice.path.name, "reason": str(error), "where": where}
            choice._problem = ("language.choice_odd", values)
        except OSError as error:
            choice._problem = (
                "language.choice_unkept",
                {"reason": why_not_saved(error, choice.path)},
            )
        return choice

    def decide(self, asked: str | None = None, environ: Mapping[str, str] = os.environ) -> Language:
        """Speak ``--lang``'s language, else the remembered one, else the locale's."""
        if asked is not None:
            language = Language(asked)
        elif self.remembered is not None:
            language = self.remembered
        else:
            language = language_from_locale(environ)
        use_language(language)
        return language

    def switch(self) -> str:
        """The switch key: speak the other language at once, remember it; the notice to show."""
        language = current_language().other
        use_language(language)
        self.remembered = language
        data = json.dumps({"language": language.value}).encode("utf-8")
        try:
            write_atomically(self.path, lambda file: file.write(data))
        except OSError as error:
            self._problem = ("language.choice_unkept", {"reason": why_not_saved(error, self.path)})
            return self.take_problem()
        return phrase("language.switched", other=language.other.own_name)

    def take_problem(self) -> str | None:
        """The problem to tell the player, once."""
        if self._problem is None:
            return None
        (key, values), self._problem = self._problem, None
        return phrase(key, **values)
