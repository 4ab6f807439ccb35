"""Where digits came from, in plain words: a player reads "the small set of real MNIST digits
that comes with the game", never a file path or a loader's name."""

from __future__ import annotations

from mnist_arcade.game.words import phrase

SHIPPED_PREFIX = "shipped subset"  # how mnist_arcade.dataset names the subset in data/
KERAS_PREFIX = "Keras"  # how mnist_arcade.ml.keras_data names Keras' download


def plain_source(source: str) -> str:
    """``source`` as :mod:`mnist_arcade.dataset` names it -> the words a player reads."""
    if source.startswith(SHIPPED_PREFIX):
        return phrase("source.shipped")
    if source.startswith(KERAS_PREFIX):
        return phrase("source.keras")
    return phrase("source.named")
