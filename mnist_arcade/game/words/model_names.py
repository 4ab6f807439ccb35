"""The engine's names for a model, in the game's words: the engine (in ``mnist_arcade.ml``,
which the CLI shares) says "shipped model" and "2,000 MNIST test digits" in English; a player
reads them in the language the game speaks. A name the game gave itself (a run, a taught
model) is already in its words and is shown as it is."""

from __future__ import annotations

import re

from mnist_arcade.game.words import phrase
from mnist_arcade.messages import ENGINE_MODEL_NAMES, yardstick_words

NAME_KEYS = {  # the engine's name -> the catalogue's
    ENGINE_MODEL_NAMES["shipped"]: "model.shipped",
    ENGINE_MODEL_NAMES["trained"]: "model.name_trained",
    ENGINE_MODEL_NAMES["given"]: "model.name_given",
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
