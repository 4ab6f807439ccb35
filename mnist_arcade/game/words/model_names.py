"""The engine's names for a model, in the game's words: the engine (in ``mnist_arcade.ml``,
which the CLI shares) says "shipped model" and "2,000 MNIST test digits" in English; a player
reads them in the language the game speaks. A name the game gave itself (a run, a taught
model) is already in its words and is shown as it is."""

from __future__ import annotations

import re
from pathlib import Path

from mnist_arcade.game.words import phrase
from mnist_arcade.messages import ENGINE_MODEL_NAMES, yardstick_words
from mnist_arcade.player_files.model_library import read_library_name
from mnist_arcade.presets import PresetName

NAME_KEYS = {  # the engine's name -> the catalogue's
    ENGINE_MODEL_NAMES["shipped"]: "model.shipped",
    ENGINE_MODEL_NAMES["trained"]: "model.name_trained",
    ENGINE_MODEL_NAMES["given"]: "model.name_given",
}
RUN_KIND_KEYS = {  # a run's preset (or how a library model was made) -> its name on screen
    PresetName.SEED: "run_kind.seed",  # "seed" and "full" are the CLI's --preset names: a
    PresetName.FULL: "run_kind.full",  # player reads "the tutorial run", "the full run"
    PresetName.FINETUNE: "run_kind.finetune",
    "saved": "run_kind.saved",
    "aside": "run_kind.aside",
}
YARDSTICK = re.compile("^" + re.escape(yardstick_words(1234)).replace("1,234", "([0-9,]+)") + "$")


def shown_model_name(name: str) -> str:
    """``name`` as the player reads it (the engine's names worded by the catalogue)."""
    key = NAME_KEYS.get(name)
    return phrase(key) if key else name


def shown_measured_on(measured_on: str) -> str:
    """"2,000 MNIST test digits" in the player's language (other words as they are)."""
    found = YARDSTICK.match(measured_on)
    return phrase("model.measured_on", count=found.group(1)) if found else measured_on


def shown_run_kind(kind: str) -> str:
    """A preset (or a library model's kind) as the screens name it: "tutorial run", never the
    CLI's "seed"; a kind the game does not know is shown as it is."""
    key = RUN_KIND_KEYS.get(kind)
    return phrase(key) if key else kind


def shown_library_name(path: Path) -> str:
    """A library model's name in the player's language, from its file's name: "your tutorial
    run of 26 Nov, 04:12:30 (no. 2)" (the file's own name if the game did not give it)."""
    name = read_library_name(path)
    if name is None:
        return path.stem
    when = name.when
    shown = phrase(
        "run.library_name",
        run=shown_run_kind(name.kind),
        day=when.tm_mday,
        month=phrase("run.months").split("|")[when.tm_mon - 1],
        clock=f"{when.tm_hour:02d}:{when.tm_min:02d}:{when.tm_sec:02d}",
    )
    return shown + (phrase("run.library_number", number=name.number) if name.number else "")
